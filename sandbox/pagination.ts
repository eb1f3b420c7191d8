import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './constants';
import { RestError } from './errors';

/** A query parameter as a single string; repeated parameters are refused. */
export function queryParam(query: unknown, name: string): string | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  const value: unknown = (query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new RestError(400, `invalid request: query parameter '${name}' must be given once.`);
  }
  return value;
}

function parseNonNegativeInt(raw: string, name: string): number {
  if (!/^\d{1,9}$/.test(raw)) {
    throw new RestError(400, `invalid request: '${name}' must be a non-negative integer.`);
  }
  return Number(raw);
}

/**
 * `limit` (default 20, 1..100) and zero-based `offset` of a REST collection.
 * Guess: a limit above 100 or of 0 is a 400 (Workday's behaviour is not public).
 */
export function readPage(query: unknown): { limit: number; offset: number } {
  const rawLimit = queryParam(query, 'limit');
  const rawOffset = queryParam(query, 'offset');
  const limit =
    rawLimit === undefined ? DEFAULT_PAGE_LIMIT : parseNonNegativeInt(rawLimit, 'limit');
  if (limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new RestError(400, `invalid request: 'limit' must be between 1 and ${MAX_PAGE_LIMIT}.`);
  }
  const offset = rawOffset === undefined ? 0 : parseNonNegativeInt(rawOffset, 'offset');
  return { limit, offset };
}
