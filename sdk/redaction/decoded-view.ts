/**
 * Decoded views of a text for the redactor: the text with JSON string escapes (`\u0041`, `\/`)
 * or percent-encoding (`%2F`, `%2f`, `+`) undone, and a map from every range of the view back
 * to the range of the original text it came from. Each view is built in one pass with no
 * regular expression, so its cost is linear in the text whatever the text holds.
 */

/** A decoded form of a source text. */
export interface DecodedView {
  /** The decoded text. */
  readonly text: string;
  /** The source range `[start, end)` that the view's range `[from, to)` was decoded from. */
  toSource(from: number, to: number): [number, number];
}

/**
 * The escape sequences of a source, in order: view units `[viewStart, viewStart + viewLength)`
 * came from source characters `[sourceStart, sourceStart + sourceLength)`. Between two escapes
 * view and source advance together, so only escapes are recorded (as flat number arrays: a body
 * can hold millions of them).
 */
class Escapes {
  readonly viewStart: number[] = [];
  readonly viewLength: number[] = [];
  readonly sourceStart: number[] = [];
  readonly sourceLength: number[] = [];

  get size(): number {
    return this.viewStart.length;
  }

  push(viewStart: number, viewLength: number, sourceStart: number, sourceLength: number): void {
    this.viewStart.push(viewStart);
    this.viewLength.push(viewLength);
    this.sourceStart.push(sourceStart);
    this.sourceLength.push(sourceLength);
  }

  /** Index of the last escape that starts at or before view unit `unit`, or -1. */
  indexAt(unit: number): number {
    let low = 0;
    let high = this.viewStart.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.viewStart[middle]! <= unit) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }
}

function createView(text: string, escapes: Escapes): DecodedView {
  const startOf = (unit: number): number => {
    const i = escapes.indexAt(unit);
    if (i < 0) return unit;
    const viewEnd = escapes.viewStart[i]! + escapes.viewLength[i]!;
    if (unit < viewEnd) return escapes.sourceStart[i]!;
    return escapes.sourceStart[i]! + escapes.sourceLength[i]! + (unit - viewEnd);
  };
  const endOf = (unit: number): number => {
    const i = escapes.indexAt(unit);
    if (i >= 0 && unit < escapes.viewStart[i]! + escapes.viewLength[i]!)
      return escapes.sourceStart[i]! + escapes.sourceLength[i]!;
    return startOf(unit) + 1;
  };
  return {
    text,
    toSource: (from, to) =>
      to <= from ? [startOf(from), startOf(from)] : [startOf(from), endOf(to - 1)],
  };
}

/** The view of a text that needs no decoding. */
export function identityView(text: string): DecodedView {
  return { text, toSource: (from, to) => [from, to] };
}

/** Chains a view of a view's text back to the first view's source. */
export function composeViews(outer: DecodedView, inner: DecodedView): DecodedView {
  return {
    text: inner.text,
    toSource(from, to) {
      const [middleFrom, middleTo] = inner.toSource(from, to);
      return outer.toSource(middleFrom, middleTo);
    },
  };
}

const SIMPLE_JSON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

function hex4(text: string, at: number): number {
  if (at + 4 > text.length) return -1;
  let value = 0;
  for (let i = at; i < at + 4; i += 1) {
    const digit = hexValue(text.charCodeAt(i));
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * `text` with JSON string escapes undone (`\"`, `\\`, `\/`, `\n`..., `\uXXXX` in either case),
 * or `undefined` when it has none. Malformed escapes stay as they are.
 */
export function jsonUnescapedView(text: string): DecodedView | undefined {
  if (!text.includes('\\')) return undefined;
  const parts: string[] = [];
  const escapes = new Escapes();
  let copiedTo = 0;
  let viewLength = 0;
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i)) {
    const next = text[i + 1];
    let decoded: string | undefined;
    let length = 2;
    if (next === 'u') {
      const code = hex4(text, i + 2);
      if (code >= 0) {
        decoded = String.fromCharCode(code);
        length = 6;
      }
    } else if (next !== undefined) decoded = SIMPLE_JSON_ESCAPES[next];
    if (decoded === undefined) {
      i += 1;
      continue;
    }
    parts.push(text.slice(copiedTo, i));
    viewLength += i - copiedTo;
    escapes.push(viewLength, 1, i, length);
    parts.push(decoded);
    viewLength += 1;
    i += length;
    copiedTo = i;
  }
  if (escapes.size === 0) return undefined;
  parts.push(text.slice(copiedTo));
  return createView(parts.join(''), escapes);
}

/**
 * `text` with percent-encoding undone (`%XX` in either case, runs decoded as UTF-8) and `+` read
 * as a space (form encoding), or `undefined` when it has neither.
 */
export function percentDecodedView(text: string): DecodedView | undefined {
  if (!text.includes('%') && !text.includes('+')) return undefined;
  const parts: string[] = [];
  const escapes = new Escapes();
  let copiedTo = 0;
  let viewLength = 0;
  // `+` is one character for one: it changes no position. A `+` that `%2B` decodes to stays.
  const copy = (from: number, to: number): void => {
    parts.push(text.slice(from, to).replaceAll('+', ' '));
    viewLength += to - from;
  };
  for (let i = text.indexOf('%'); i !== -1; i = text.indexOf('%', i)) {
    const bytes: number[] = [];
    let end = i;
    while (end + 2 < text.length && text.charCodeAt(end) === 37) {
      const high = hexValue(text.charCodeAt(end + 1));
      const low = hexValue(text.charCodeAt(end + 2));
      if (high < 0 || low < 0) break;
      bytes.push(high * 16 + low);
      end += 3;
    }
    if (bytes.length === 0) {
      i += 1;
      continue;
    }
    // Short ASCII runs (`%2F`, `%3D`) need no UTF-8 decoder; long ones are not spread into a call.
    const decoded =
      bytes.length <= 16 && bytes.every((byte) => byte < 0x80)
        ? String.fromCharCode(...bytes)
        : Buffer.from(bytes).toString('utf8');
    copy(copiedTo, i);
    escapes.push(viewLength, decoded.length, i, end - i);
    parts.push(decoded);
    viewLength += decoded.length;
    i = end;
    copiedTo = end;
  }
  copy(copiedTo, text.length);
  return createView(parts.join(''), escapes);
}
