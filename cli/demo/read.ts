/**
 * Reading action outputs in the demo: they cross the session boundary as `unknown`, so each
 * field is looked up and checked before it is shown or compared.
 */

/** The value at a dotted path (`stepType.descriptor`), or `undefined`. */
export function pick(value: unknown, dottedPath: string): unknown {
  let current = value;
  for (const key of dottedPath.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The value at a path as display text: strings and numbers as is, anything else as `–`. */
export function text(value: unknown, dottedPath: string): string {
  const found = pick(value, dottedPath);
  return typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean'
    ? String(found)
    : '–';
}

/** The array at a path, or an empty array. */
export function list(value: unknown, dottedPath: string): unknown[] {
  const found = pick(value, dottedPath);
  return Array.isArray(found) ? found : [];
}
