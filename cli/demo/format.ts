/**
 * Plain-text layout for the demo transcript: step headings, aligned tables and label/value
 * lines. Readable in a terminal and in a CI log; never raw JSON.
 */

/** `[2/5] Inbox tasks` with a blank line before it. */
export function heading(index: number, total: number, title: string): string {
  return `\n[${index}/${total}] ${title}\n`;
}

/** A passed check line: `  ✓ text`. */
export function passLine(text: string): string {
  return `  ✓ ${text}\n`;
}

/**
 * A problem the demo set out to show (a misconfigured connection the doctor caught): the
 * doctor's failure mark, so it cannot be read as a passed check.
 */
export function problemLine(text: string): string {
  return `  ✗ ${text}\n`;
}

/** A plain indented note. */
export function note(text: string): string {
  return `  ${text}\n`;
}

/** Cuts `text` to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Aligned label/value lines, labels padded to the longest.
 * @example pairs([['journal id', 'JE-1'], ['status', 'Posted']])
 */
export function pairs(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `    ${label.padEnd(width)}  ${value}\n`).join('');
}

/** An aligned table with a header row and a rule; cells are clipped to `maxCell` characters. */
export function table(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  maxCell = 40,
): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => clip(cell, maxCell)));
  const widths = headers.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  const render = (row: readonly string[]) =>
    `    ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd();
  const rule = widths.map((width) => '-'.repeat(width));
  const [head, ...body] = cells;
  return [render(head ?? []), render(rule), ...body.map(render)]
    .map((line) => `${line}\n`)
    .join('');
}
