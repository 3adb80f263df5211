import fs from 'node:fs';
import path from 'node:path';
import type { RecordedExchange } from '../transport/exchange';

/** `case.json`: one recorded invocation. */
export interface FixtureCaseSpec {
  readonly description: string;
  readonly connector: string;
  readonly operation: string;
  readonly params?: Readonly<Record<string, string>>;
  /** The status the invocation must end with. */
  readonly status: 1 | -1;
  /** ISO time the runtime clock is pinned to (request signing, timestamps). */
  readonly now?: string;
  /** Which live service recorded it ('demo' = the embedded CAP service); absent for hand-built exchanges. */
  readonly recordedFrom?: 'demo';
  /** Further values that must never appear in output or recordings (beyond secret params and password elements). */
  readonly secrets?: readonly string[];
  /** Demo service switches for recording (CSRF and $ref/$links emulation). */
  readonly demo?: {
    readonly csrf?: boolean;
    readonly refs?: boolean;
    readonly cdsConfig?: Readonly<Record<string, unknown>>;
  };
}

/** A case folder loaded from disk. */
export interface FixtureCase {
  readonly dir: string;
  readonly spec: FixtureCaseSpec;
  readonly input: string | undefined;
  readonly exchanges: RecordedExchange[];
  readonly expected: string | undefined;
}

/** The host fixture cases use instead of the live demo service's random port. */
export const FIXTURE_HOST = 'http://demo.test';

/** The nonces a replay signs with: 000…01, 000…02, … per case, so recordings hold exact signatures. */
export function fixtureNonces(): () => string {
  let n = 0;
  return () => (++n).toString(16).padStart(32, '0');
}

/** Finds every folder below `root` that holds a `case.json`, sorted by path. */
export function findFixtureCases(root: string): FixtureCase[] {
  const found: FixtureCase[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some(e => e.isFile() && e.name === 'case.json')) found.push(loadFixtureCase(dir));
    for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  if (fs.existsSync(root)) walk(root);
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Loads one case folder: case.json, input.xml, exchanges.json, expected.xml (the last three optional). */
export function loadFixtureCase(dir: string): FixtureCase {
  const read = (name: string): string | undefined => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  };
  const exchanges = read('exchanges.json');
  return {
    dir,
    spec: JSON.parse(read('case.json') ?? '{}') as FixtureCaseSpec,
    input: read('input.xml'),
    exchanges: exchanges === undefined ? [] : (JSON.parse(exchanges) as RecordedExchange[]),
    expected: read('expected.xml')
  };
}
