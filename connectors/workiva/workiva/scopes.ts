/**
 * Scope asked versus scope granted. Workiva's token endpoint "uses a scope response parameter
 * to inform the client of the scope of the actual access token issued", which "may not match the
 * scope requested" (seed 004, §3.1). These helpers compare the two.
 */

/** Splits an OAuth scope string (space separated, RFC 6749 §3.3) into a sorted, unique list. */
export function parseScope(scope: string | undefined): string[] {
  if (scope === undefined) return [];
  return [...new Set(scope.split(/\s+/).filter((s) => s !== ''))].sort();
}

/** The scopes asked for but not granted; empty when nothing was asked or all was granted. */
export function missingScopes(
  requested: string | undefined,
  granted: string | undefined,
): string[] {
  const got = new Set(parseScope(granted));
  return parseScope(requested).filter((s) => !got.has(s));
}

/** The scope an action needs, and whether a granted scope string covers it. */
export function grants(granted: string | undefined, needed: string): boolean {
  return parseScope(granted).includes(needed);
}
