import { code, escapeCell, renderGeneratedNotice, renderTable } from './markdown';

/** The hand-written part of the errors page: what a status -1 result looks like. */
export interface ErrorGuide {
  /** Its path from the repository root, for the generated-file notice, e.g. `docs/guides/errors.md`. */
  readonly source: string;
  /** Its Markdown, embedded verbatim above the table. */
  readonly text: string;
}

/**
 * Renders the error reference: the hand-written explanation of the `<Error>` document, then one row per
 * code of the closed catalogue, in its order.
 * @param catalogue - Code → meaning, as `errorCodes` declares them.
 * @param guide - The hand-written explanation to embed above the table.
 * @returns The page's Markdown, ending with one line break.
 */
export function renderErrorDoc(catalogue: Readonly<Record<string, string>>, guide?: ErrorGuide): string {
  const sources = guide === undefined ? 'the error catalogue (src/errors/connector-error.ts)' : `the error catalogue (src/errors/connector-error.ts) and ${guide.source}`;
  return `${[
    renderGeneratedNotice(sources),
    '# Errors',
    ...(guide === undefined ? [] : [`<!-- ${guide.source}, embedded verbatim: edit it there. -->`, guide.text.trim()]),
    '## Codes',
    'Every `<Error code="…">` carries one of these codes; the list is closed.',
    renderErrorTable(catalogue)
  ].join('\n\n')}\n`;
}

/**
 * Renders the catalogue as a table: one `| \`CODE\` | meaning |` row per code.
 * @param catalogue - Code → meaning.
 * @returns The table.
 */
export function renderErrorTable(catalogue: Readonly<Record<string, string>>): string {
  return renderTable(
    ['code', 'meaning'],
    Object.entries(catalogue).map(([name, meaning]) => [code(name), escapeCell(meaning)])
  );
}
