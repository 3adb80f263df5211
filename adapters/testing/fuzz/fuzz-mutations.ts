import fc from 'fast-check';
import { FAULTS, type Fault } from './fuzz-transport';
import type { FuzzSeed } from './fuzz-seeds';

/** One generated invocation: a seed's envelope and parameters mutated, and the faults its service injects. */
export interface FuzzCase {
  readonly seed: FuzzSeed;
  readonly input: string | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly faults: readonly Fault[];
  /** Where a 'truncate' fault cuts a body. */
  readonly cut: number;
}

// What hostile input is made of: markup, references, surrogates, names that are object keys, sizes, numbers.
const HOSTILE = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&nbsp;',
  ']]>',
  '<!--',
  '<![CDATA[x]]>',
  '<?pi x?>',
  '"',
  "'",
  '\uD800',
  '\uDC00',
  '😀',
  '\u0000',
  '\u0001',
  '\uFFFE',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '<__proto__>1</__proto__>',
  '<constructor/>',
  `${'<a>'.repeat(150)}${'</a>'.repeat(150)}`,
  'x'.repeat(70_000),
  '-1',
  '0',
  '1e309',
  '-0',
  '99999999999999999999999',
  'NaN',
  'INF',
  'null',
  'true',
  '',
  ' ',
  '\n',
  '\t',
  '%',
  '%ZZ',
  '%00',
  '+',
  '/',
  '?',
  '#',
  '$',
  '$1',
  '(',
  ')',
  ',',
  '=',
  "O'Neil",
  'http://evil.test/x',
  '//evil.test',
  'xsi:nil="true"',
  'isNull="true"',
  'isId="true"',
  'type="Edm.Int64"',
  'type="Collection(Edm.String)"',
  '<Property name="x" value="y"/>',
  '<link><X/></link>',
  '<batchChangeSet/>',
  '<Entity entitySet="Nope"/>',
  '2026-02-30T25:61:61Z',
  'P1Y2M',
  '9999-12-31',
  '00000000-0000-0000-0000-000000000000',
  'AAAA==',
  '\\',
  '\r\n'
];

const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }
);

type Mutation = (text: string, at: number, piece: string) => string;

// Each mutation keeps most of the envelope, so the result still reaches deep into read, plan and decode.
const MUTATIONS: readonly Mutation[] = [
  (t, at, piece) => `${t.slice(0, at % (t.length + 1))}${piece}${t.slice(at % (t.length + 1))}`, // insert
  (t, at) => `${t.slice(0, at % (t.length + 1))}${t.slice((at % (t.length + 1)) + 1 + (at % 17))}`, // delete
  (t, at) => t.slice(0, at % (t.length + 1)), // truncate
  (t, at, piece) => replaceNth(t, />([^<]*)</g, at, escapeXml(piece), 1), // a text value, still well-formed
  (t, at, piece) => replaceNth(t, /="([^"]*)"/g, at, escapeXml(piece), 1), // an attribute value, still well-formed
  (t, at, piece) => replaceNth(t, /<\/?([\w:.-]+)/g, at, piece.replace(/[\s<>/"']/g, '') || 'x', 1), // a name
  (t, at) => {
    const elements = [...t.matchAll(/<([\w:.-]+)[^>]*>[^<]*<\/\1>|<[\w:.-]+[^>]*\/>/g)];
    const m = elements[at % Math.max(1, elements.length)];
    return m === undefined ? t : `${t.slice(0, m.index)}${m[0]}${t.slice(m.index)}`; // an element twice
  }
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function replaceNth(text: string, pattern: RegExp, at: number, piece: string, group: number): string {
  const matches = [...text.matchAll(pattern)];
  const m = matches[at % Math.max(1, matches.length)];
  if (m === undefined || m[group] === undefined) return text;
  const start = m.index + m[0].indexOf(m[group]);
  return `${text.slice(0, start)}${piece}${text.slice(start + m[group].length)}`;
}

const step = fc.record({ mutation: fc.nat(MUTATIONS.length - 1), at: fc.nat(), piece: hostile });

/** A case from `seed`: 0-3 envelope mutations, maybe one parameter changed or dropped, and up to 6 faults. */
export function fuzzCase(seed: FuzzSeed): fc.Arbitrary<FuzzCase> {
  const names = Object.keys(seed.params);
  return fc
    .record({
      steps: fc.array(step, { maxLength: 3 }),
      param: fc.option(fc.record({ at: fc.nat(), value: fc.option(hostile) }), { freq: 4 }),
      faults: fc.array(fc.constantFrom(...FAULTS, 'none', 'none', 'none', 'none', 'none', 'none'), { maxLength: 6 }),
      cut: fc.nat()
    })
    .map(({ steps, param, faults, cut }) => {
      const mutate = (text: string, s: (typeof steps)[number]): string =>
        (MUTATIONS[s.mutation] ?? ((t: string) => t))(text, s.at, s.piece);
      const input = seed.input === undefined && steps.length === 0 ? undefined : steps.reduce(mutate, seed.input ?? '');
      const name = param === null || names.length === 0 ? undefined : names[param.at % names.length];
      const params = Object.fromEntries(
        Object.entries(seed.params)
          .map(([n, v]): [string, string | null] => [n, n === name && param !== null ? param.value : v])
          .filter((entry): entry is [string, string] => entry[1] !== null)
      );
      return { seed, input, params, faults, cut };
    });
}
