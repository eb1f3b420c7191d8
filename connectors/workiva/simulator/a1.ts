/** A1 ranges as Workiva's values endpoints take them (`B2`, `A1:C3`). */

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const CELL = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

function col(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function parseRange(range: string): Rect | undefined {
  const [from, to, extra] = range.split(':');
  if (from === undefined || extra !== undefined) return undefined;
  const a = CELL.exec(from);
  const b = to === undefined ? a : CELL.exec(to);
  if (a === null || b === null) return undefined;
  const rect = { r0: Number(a[2]) - 1, c0: col(a[1]!), r1: Number(b[2]) - 1, c1: col(b[1]!) };
  return rect.r1 < rect.r0 || rect.c1 < rect.c0 ? undefined : rect;
}

export function formatRange(rect: Rect): string {
  return `${letters(rect.c0)}${rect.r0 + 1}:${letters(rect.c1)}${rect.r1 + 1}`;
}
