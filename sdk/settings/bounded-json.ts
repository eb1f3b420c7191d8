import { locateJsonError } from './json-position';
import type { JsonErrorPosition } from './json-position';

/** Keys no parsed local file may hold: walking them is how prototype pollution starts. */
export const FORBIDDEN_JSON_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Bounds for one JSON text read from the local machine (a file, stdin, a flag). */
export interface JsonBounds {
  /** The most nesting of arrays and objects. */
  maxDepth: number;
  /** The most characters of text. */
  maxChars: number;
}

/** Why a JSON text was refused; positions only, never the text (it may hold secrets). */
export type JsonRefusal =
  | { reason: 'too_large'; limit: number; size: number }
  | { reason: 'too_deep'; limit: number; at: JsonErrorPosition }
  | { reason: 'syntax'; at: JsonErrorPosition | undefined }
  | { reason: 'forbidden_key'; key: string; path: string };

/** Thrown by {@link parseBoundedJson}; callers word it into their own error. */
export class JsonRefusedError extends Error {
  override name = 'JsonRefusedError';
  constructor(readonly refusal: JsonRefusal) {
    super(`JSON refused: ${refusal.reason}`);
  }
}

function positionOf(text: string, offset: number): JsonErrorPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { position: offset, line, column: offset - lineStart + 1 };
}

/** The offset where nesting first goes past `maxDepth`, or -1; one pass, strings skipped. */
function firstTooDeep(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth -= 1;
  }
  return -1;
}

function pathOf(path: readonly (string | number)[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

/** The first forbidden key, walked without recursion (depth is bounded already). */
function findForbiddenKey(value: unknown): { key: string; path: string } | undefined {
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_JSON_KEYS.has(key)) return { key, path: pathOf([...path, key]) };
      stack.push({ value: (node as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

/**
 * Parses JSON from a local source within bounds: at most `maxChars` characters and `maxDepth`
 * levels of nesting (checked in one pass before parsing, so nothing recurses over a hostile
 * text), and no `__proto__`, `constructor` or `prototype` key anywhere. A leading byte-order
 * mark is allowed.
 *
 * @throws JsonRefusedError naming the bound, the position or the key path at fault.
 */
export function parseBoundedJson(text: string, bounds: JsonBounds): unknown {
  if (text.length > bounds.maxChars)
    throw new JsonRefusedError({ reason: 'too_large', limit: bounds.maxChars, size: text.length });
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const deep = firstTooDeep(body, bounds.maxDepth);
  if (deep !== -1)
    throw new JsonRefusedError({
      reason: 'too_deep',
      limit: bounds.maxDepth,
      at: positionOf(body, deep),
    });
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new JsonRefusedError({ reason: 'syntax', at: locateJsonError(body) });
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden !== undefined)
    throw new JsonRefusedError({ reason: 'forbidden_key', ...forbidden });
  return value;
}

/** A sentence describing a refusal, after "`what` 'file' ", e.g. `is nested deeper than 64 levels`. */
export function describeJsonRefusal(refusal: JsonRefusal): string {
  switch (refusal.reason) {
    case 'too_large':
      return `is ${refusal.size} characters, more than the ${refusal.limit} allowed`;
    case 'too_deep':
      return `is nested deeper than ${refusal.limit} levels (at line ${refusal.at.line}, column ${refusal.at.column})`;
    case 'syntax':
      return `is not valid JSON${refusal.at === undefined ? '' : ` at line ${refusal.at.line}, column ${refusal.at.column}`}`;
    case 'forbidden_key':
      return `has the key "${refusal.key}" at "${refusal.path}", which is not allowed in any JSON this tool reads`;
  }
}
