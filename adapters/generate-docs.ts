// `npm run docs`: writes the reference pages generated from the bundled connector table and the error
// catalogue. `npm run docs -- --check` writes nothing and exits 1 listing the pages that are stale.
import fs from 'node:fs';
import path from 'node:path';
import { renderConnectorDoc, renderConnectorIndex } from '../src/docs/render-connector-doc';
import { renderErrorDoc } from '../src/docs/render-error-doc';
import { errorCodes, type Connector } from '../src/index';
import { allConnectors } from './index';

/** A generated page: its path from the repository root (with `/`), and its content. */
export interface DocFile {
  readonly path: string;
  readonly content: string;
}

/** Where the connector pages go; every `.md` file here is generated, so one no longer generated is stale. */
export const CONNECTOR_DOCS_DIR = 'docs/connectors';

const ROOT = path.join(__dirname, '..');

/**
 * Renders every generated page in memory: one per connector (with its hand-written guide from
 * `docs/guides/<name>.md` embedded, when there is one), the connector index and the error reference.
 * @param connectors - The connectors to document.
 * @param root - The repository root, where the guides are read.
 * @returns The pages, in a stable order.
 */
export function renderDocFiles(connectors: readonly Connector[] = allConnectors, root: string = ROOT): DocFile[] {
  const guide = (name: string): { source: string; text: string } | undefined => {
    const source = `docs/guides/${name}.md`;
    const file = path.join(root, source);
    return fs.existsSync(file) ? { source, text: fs.readFileSync(file, 'utf8') } : undefined;
  };
  const pages = connectors.map(c => {
    const g = guide(c.name);
    return {
      path: `${CONNECTOR_DOCS_DIR}/${c.name}.md`,
      content: renderConnectorDoc(c, g === undefined ? undefined : { ...g, link: `../guides/${c.name}.md` })
    };
  });
  return [
    ...pages,
    { path: `${CONNECTOR_DOCS_DIR}/README.md`, content: renderConnectorIndex(connectors) },
    { path: 'docs/errors.md', content: renderErrorDoc(errorCodes, guide('errors')) }
  ];
}

/**
 * Compares the rendered pages with the files on disk.
 * @param files - The pages as {@link renderDocFiles} renders them.
 * @param root - The repository root.
 * @returns One line per stale file: missing, different, or in `docs/connectors/` but no longer generated.
 */
export function findStaleDocs(files: readonly DocFile[], root: string = ROOT): string[] {
  const stale = files
    .filter(f => readOrUndefined(path.join(root, f.path)) !== f.content)
    .map(f => `${f.path} is stale: run npm run docs`);
  return [...stale, ...orphansOf(files, root).map(p => `${p} is no longer generated: run npm run docs to remove it`)];
}

/** Writes the pages that differ and removes connector pages no longer generated; returns what changed. */
function writeDocFiles(files: readonly DocFile[], root: string): string[] {
  const changed: string[] = [];
  for (const f of files) {
    const file = path.join(root, f.path);
    if (readOrUndefined(file) === f.content) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.content);
    changed.push(`wrote ${f.path}`);
  }
  for (const orphan of orphansOf(files, root)) {
    fs.rmSync(path.join(root, orphan));
    changed.push(`removed ${orphan}`);
  }
  return changed;
}

function orphansOf(files: readonly DocFile[], root: string): string[] {
  const dir = path.join(root, CONNECTOR_DOCS_DIR);
  if (!fs.existsSync(dir)) return [];
  const generated = new Set(files.map(f => f.path));
  return fs
    .readdirSync(dir)
    .filter(name => name.endsWith('.md'))
    .map(name => `${CONNECTOR_DOCS_DIR}/${name}`)
    .filter(p => !generated.has(p))
    .sort();
}

function readOrUndefined(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function main(argv: readonly string[]): number {
  const unknown = argv.filter(a => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`Unknown argument ${unknown.join(' ')}; usage: npm run docs [-- --check]\n`);
    return 2;
  }
  const files = renderDocFiles();
  if (argv.includes('--check')) {
    const stale = findStaleDocs(files);
    process.stdout.write(
      stale.length === 0 ? `${files.length} generated pages are up to date\n` : `${stale.join('\n')}\n`
    );
    return stale.length === 0 ? 0 : 1;
  }
  const changed = writeDocFiles(files, ROOT);
  process.stdout.write(
    changed.length === 0 ? `${files.length} generated pages are up to date\n` : `${changed.join('\n')}\n`
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
