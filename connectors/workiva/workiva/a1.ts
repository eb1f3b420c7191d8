/**
 * A1 ranges (`B2`, `A1:C3`), the `{range}` of the spreadsheet values endpoints. Shared by the
 * actions (to check a range and a values rectangle before any call) and nothing else.
 */

/** A parsed rectangle, zero-based and inclusive. */
export interface A1Range {
  startRow: number;
  startColumn: number;
  endRow: number;
  endColumn: number;
}

const CELL = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

function column(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses `A1` or `A1:C3` (upper case); `undefined` when it is not one. */
export function parseA1(range: string): A1Range | undefined {
  const [from, to, extra] = range.trim().split(':');
  if (from === undefined || extra !== undefined) return undefined;
  const a = CELL.exec(from);
  const b = to === undefined ? a : CELL.exec(to);
  if (a === null || b === null) return undefined;
  const r = {
    startRow: Number(a[2]) - 1,
    startColumn: column(a[1]!),
    endRow: Number(b[2]) - 1,
    endColumn: column(b[1]!),
  };
  if (r.endRow < r.startRow || r.endColumn < r.startColumn) return undefined;
  return r;
}

/** Rows and columns of a range. */
export function rangeSize(range: A1Range): { rows: number; columns: number } {
  return {
    rows: range.endRow - range.startRow + 1,
    columns: range.endColumn - range.startColumn + 1,
  };
}
