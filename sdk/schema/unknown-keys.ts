/**
 * Finds the keys of a value that its zod schema does not declare. zod's plain `z.object` strips
 * unknown keys silently, so a typo (`sumbit` for `submit`) would be dropped and the default used:
 * every input the runtime validates is checked with this first, and refused naming the key and
 * the closest declared one. Reads `_zod.def` like zod-walk.ts, so no schema needs rewriting.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';

/** A key present in the value but declared nowhere at its place in the schema. */
export interface UnknownKey {
  /** Path segments of the key itself, e.g. `['lines', 0, 'debt']`. */
  path: Array<string | number>;
  key: string;
  /** The declared key at the same place that is closest in spelling, when one is close. */
  suggestion?: string;
  /** Every key declared at that place. */
  known: string[];
}

interface DefLike {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'catch',
  'readonly',
  'nonoptional',
]);

// Nesting deeper than this is not walked (inputs are shallow; this only bounds a hostile value).
const MAX_DEPTH = 64;

function defOf(schema: z.ZodType): DefLike {
  return (schema as unknown as { _zod: { def: DefLike } })._zod.def;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The declared key a typo most likely meant: within a third of its length in edits, at least 2. */
function suggest(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = key.toLowerCase();
  const match = closest(
    lower,
    known.map((name) => name.toLowerCase()),
  );
  const index = known.findIndex((name) => name.toLowerCase() === match);
  const candidate = known[index];
  if (candidate === undefined) return undefined;
  const limit = Math.max(2, Math.floor(key.length / 3));
  return distance(lower, match) <= limit ? candidate : undefined;
}

/** The keys an object schema declares, including those of intersected objects. */
function declaredKeys(schema: z.ZodType): string[] | undefined {
  const def = defOf(schema);
  if (def.type === 'object') {
    // A catchall (looseObject, catchall(...)) accepts any key; strictObject's is `never`.
    if (def.catchall !== undefined && defOf(def.catchall).type !== 'never') return undefined;
    return Object.keys(def.shape ?? {});
  }
  return undefined;
}

function walk(
  schema: z.ZodType,
  value: unknown,
  path: Array<string | number>,
  found: UnknownKey[],
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) {
    if (value !== undefined && value !== null && def.innerType !== undefined) {
      walk(def.innerType, value, path, found, depth + 1);
    }
    return;
  }
  if (def.type === 'pipe' && def.in !== undefined)
    return walk(def.in, value, path, found, depth + 1);
  if (def.type === 'lazy' && def.getter !== undefined) {
    return walk(def.getter(), value, path, found, depth + 1);
  }
  if (def.type === 'object' && isRecord(value)) {
    const shape = def.shape ?? {};
    const known = declaredKeys(schema);
    for (const [key, item] of Object.entries(value)) {
      const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (field !== undefined) walk(field, item, [...path, key], found, depth + 1);
      else if (known !== undefined) {
        const suggestion = suggest(key, known);
        found.push({ path: [...path, key], key, known, ...(suggestion ? { suggestion } : {}) });
      } else if (def.catchall !== undefined)
        walk(def.catchall, item, [...path, key], found, depth + 1);
    }
    return;
  }
  if (def.type === 'array' && Array.isArray(value) && def.element !== undefined) {
    const element = def.element;
    value.forEach((item, index) => walk(element, item, [...path, index], found, depth + 1));
    return;
  }
  if (def.type === 'tuple' && Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemSchema = def.items?.[index] ?? def.rest ?? undefined;
      if (itemSchema !== undefined) walk(itemSchema, item, [...path, index], found, depth + 1);
    });
    return;
  }
  if (def.type === 'record' && isRecord(value) && def.valueType !== undefined) {
    const valueType = def.valueType;
    for (const [key, item] of Object.entries(value))
      walk(valueType, item, [...path, key], found, depth + 1);
    return;
  }
  if (def.type === 'union' && def.options !== undefined) {
    // The branch the value fits best decides: the one that parses, else the one with fewest.
    const fits = def.options.filter((option) => option.safeParse(value).success);
    const branches = fits.length > 0 ? fits : def.options;
    let best: UnknownKey[] | undefined;
    for (const option of branches) {
      const own: UnknownKey[] = [];
      walk(option, value, path, own, depth + 1);
      if (best === undefined || own.length < best.length) best = own;
    }
    found.push(...(best ?? []));
    return;
  }
  if (def.type === 'intersection' && def.left !== undefined && def.right !== undefined) {
    // A key is unknown only when neither side declares it.
    const left: UnknownKey[] = [];
    const right: UnknownKey[] = [];
    walk(def.left, value, path, left, depth + 1);
    walk(def.right, value, path, right, depth + 1);
    const rightKeys = new Set(right.map((entry) => entry.path.join('\u0000')));
    found.push(...left.filter((entry) => rightKeys.has(entry.path.join('\u0000'))));
  }
}

/**
 * Every key of `value` that `schema` does not declare at its place, in the order met. Keys
 * accepted by a catchall or a record are not unknown; values that do not have the schema's shape
 * are left to the schema's own validation.
 */
export function findUnknownKeys(schema: z.ZodType, value: unknown): UnknownKey[] {
  const found: UnknownKey[] = [];
  walk(schema, value, [], found, 0);
  return found;
}
