/**
 * UKG's paging: `page` (1-based) and `per_Page` (default and maximum 10,000 since January 2022,
 * §2.2). A page is a bare JSON array; the last page is the first one shorter than `per_Page`
 * (no total or next link: a guess consistent with the spec's array responses).
 */
import { ProblemError } from './errors';

export const MAX_PER_PAGE = 10_000;

function positiveInt(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ProblemError(400, 'Bad Request', `The ${name} parameter must be a positive integer.`);
  }
  return n;
}

export function page<T>(items: readonly T[], query: Record<string, unknown>): T[] {
  const number = positiveInt(query.page, 'page', 1);
  const size = positiveInt(query.per_Page, 'per_Page', MAX_PER_PAGE);
  if (size > MAX_PER_PAGE) {
    throw new ProblemError(400, 'Bad Request', `per_Page cannot be more than ${MAX_PER_PAGE}.`);
  }
  return items.slice((number - 1) * size, number * size);
}

/** Keeps the items whose `key` equals the query's value (case-insensitive), when one is given. */
export function filterBy<T>(
  items: readonly T[],
  query: Record<string, unknown>,
  filters: Record<string, (item: T) => string | boolean | null | undefined>,
): T[] {
  let out = [...items];
  for (const [name, read] of Object.entries(filters)) {
    const wanted = query[name];
    if (typeof wanted !== 'string' || wanted === '') continue;
    out = out.filter((item) => String(read(item) ?? '').toLowerCase() === wanted.toLowerCase());
  }
  return out;
}
