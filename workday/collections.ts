import { ConnectorError } from '../sdk/errors';
import type { HttpClient, QueryValue } from '../sdk/define';
import { DEFAULT_MAX_CONCURRENCY, MAX_REST_PAGE_SIZE } from './constants';
import { parseCollectionEnvelope } from './schemas';
import type { CollectionEnvelope } from './schemas';

/** Options of {@link fetchCollection}. */
export interface FetchCollectionOptions<T> {
  /** Extra query parameters (filters); `offset` and `limit` are set by the pager. */
  query?: Record<string, QueryValue>;
  /** How many items the caller wants; no request is made beyond what this needs. */
  limit: number;
  /**
   * Items per request, 1 to 100.
   * @default 100 (Workday's maximum)
   */
  pageSize?: number;
  /**
   * Pages fetched at the same time once the first page has told the total.
   * @default 4
   */
  concurrency?: number;
  /** Checks one item (throw a ConnectorError for a bad one). */
  parse: (item: unknown) => T;
  /** The stable identity of an item, used to drop duplicates when the collection shifts. */
  id: (item: T) => string;
  /** Aborts outstanding requests. */
  signal?: AbortSignal;
}

/** What {@link fetchCollection} read. */
export interface CollectionResult<T> {
  /** At most `limit` items, in the order sequential paging gives. */
  items: T[];
  /** Workday's `total` as last reported, when it reports one. */
  total?: number;
  /** False when items may be missing (the collection changed in a way paging cannot repair). */
  complete: boolean;
  /** What went wrong while paging, in words for the recipe builder. */
  warnings: string[];
}

function checkOptions(options: FetchCollectionOptions<unknown>): {
  pageSize: number;
  concurrency: number;
} {
  const pageSize = options.pageSize ?? MAX_REST_PAGE_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_MAX_CONCURRENCY;
  const problems: string[] = [];
  if (!Number.isSafeInteger(options.limit) || options.limit < 0)
    problems.push('"limit" must be a whole number from 0');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_REST_PAGE_SIZE)
    problems.push(`"pageSize" must be a whole number from 1 to ${MAX_REST_PAGE_SIZE}`);
  if (!Number.isSafeInteger(concurrency) || concurrency < 1)
    problems.push('"concurrency" must be a whole number from 1');
  if (problems.length > 0)
    throw new ConnectorError('internal', `fetchCollection: ${problems.join('; ')}.`);
  return { pageSize, concurrency };
}

/**
 * Fetches one page of a Workday REST collection (`?offset=&limit=`) and checks its envelope.
 * @throws ConnectorError `unexpected_response` when the body is not `{total?, data: []}`
 */
export async function fetchPage(
  http: HttpClient,
  path: string,
  offset: number,
  limit: number,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<CollectionEnvelope> {
  const response = await http.request<unknown>({
    method: 'GET',
    url: path,
    query: { ...query, offset, limit },
    ...(signal === undefined ? {} : { signal }),
  });
  return parseCollectionEnvelope(response.data, path);
}

interface PlannedPage {
  offset: number;
  limit: number;
}

/** Runs `pages` with at most `concurrency` in flight; the first failure aborts the rest. */
async function fetchConcurrently(
  pages: readonly PlannedPage[],
  concurrency: number,
  fetch: (page: PlannedPage, signal: AbortSignal) => Promise<CollectionEnvelope>,
  outer: AbortSignal | undefined,
): Promise<CollectionEnvelope[]> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  const results: CollectionEnvelope[] = new Array<CollectionEnvelope>(pages.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && !controller.signal.aborted && next < pages.length) {
      const index = next++;
      try {
        results[index] = await fetch(pages[index] as PlannedPage, controller.signal);
      } catch (error) {
        failure ??= { error };
        controller.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, pages.length) }, worker));
  } finally {
    outer?.removeEventListener('abort', onAbort);
  }
  if (failure !== undefined) throw failure.error;
  if (outer?.aborted) throw new ConnectorError('transport', 'Fetching the collection was aborted.');
  return results;
}

/**
 * Reads up to `limit` items of a Workday REST collection. The first page is fetched alone;
 * when it reports `total` and more pages are needed, they are fetched concurrently (bounded by
 * `concurrency`) and assembled in offset order, so the result equals sequential paging. Without
 * `total`, pages are read one by one until a short page. If the collection shifts while it is
 * read (`total` changes), duplicates are dropped by `id`, the tail is read on, and any gap that
 * cannot be closed is reported in `warnings` with `complete: false`.
 */
export async function fetchCollection<T>(
  http: HttpClient,
  path: string,
  options: FetchCollectionOptions<T>,
): Promise<CollectionResult<T>> {
  const { pageSize, concurrency } = checkOptions(options as FetchCollectionOptions<unknown>);
  const { limit, query, signal } = options;
  const warnings: string[] = [];
  if (limit === 0) return { items: [], complete: true, warnings };

  const items: T[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  /** Adds a page's items in order; returns how many were new. */
  const absorb = (page: CollectionEnvelope): number => {
    let added = 0;
    for (const raw of page.data) {
      const item = options.parse(raw);
      const key = options.id(item);
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      items.push(item);
      added++;
    }
    return added;
  };
  const get = (page: PlannedPage, pageSignal?: AbortSignal) =>
    fetchPage(http, path, page.offset, page.limit, query, pageSignal);

  const firstLimit = Math.min(pageSize, limit);
  const first = await get({ offset: 0, limit: firstLimit }, signal);
  absorb(first);
  const firstTotal = first.total;
  const totals = new Set<number>(firstTotal === undefined ? [] : [firstTotal]);
  let latestTotal = firstTotal;
  let lastPage: { page: PlannedPage; envelope: CollectionEnvelope } = {
    page: { offset: 0, limit: firstLimit },
    envelope: first,
  };
  let shortInside = 0;
  const note = (page: PlannedPage, envelope: CollectionEnvelope) => {
    if (envelope.total !== undefined) {
      totals.add(envelope.total);
      latestTotal = envelope.total;
    }
    // A page shorter than the total it reports promises: items are missing in the middle.
    const expected =
      envelope.total === undefined
        ? page.limit
        : Math.min(page.limit, Math.max(0, envelope.total - page.offset));
    if (envelope.total !== undefined && envelope.data.length < expected)
      shortInside += expected - envelope.data.length;
  };
  note(lastPage.page, first);

  // Phase 1: with a total, every page still needed is known; fetch them concurrently.
  if (firstTotal !== undefined) {
    const wanted = Math.min(limit, firstTotal);
    const planned: PlannedPage[] = [];
    for (let offset = firstLimit; offset < wanted; offset += pageSize)
      planned.push({ offset, limit: Math.min(pageSize, wanted - offset) });
    const pages = await fetchConcurrently(planned, concurrency, get, signal);
    pages.forEach((envelope, index) => {
      const page = planned[index] as PlannedPage;
      note(page, envelope);
      absorb(envelope);
      lastPage = { page, envelope };
    });
  }

  // Phase 2: sequential paging, without a total or to read on after the collection grew.
  let stalled = false;
  for (;;) {
    const need = latestTotal === undefined ? limit : Math.min(limit, latestTotal);
    const nextOffset = lastPage.page.offset + lastPage.page.limit;
    const lastWasFull = lastPage.envelope.data.length >= lastPage.page.limit;
    if (items.length >= need || !lastWasFull) break;
    if (latestTotal !== undefined && nextOffset >= latestTotal) break;
    if (signal?.aborted)
      throw new ConnectorError('transport', 'Fetching the collection was aborted.');
    const page = { offset: nextOffset, limit: Math.min(pageSize, need - items.length) };
    const envelope = await get(page, signal);
    note(page, envelope);
    const added = absorb(envelope);
    lastPage = { page, envelope };
    if (added === 0 && envelope.data.length > 0) {
      stalled = true;
      break;
    }
  }

  const label = `The collection "${path}"`;
  const totalList = [...totals];
  const minTotal = totalList.length > 0 ? Math.min(...totalList) : undefined;
  const maxTotal = totalList.length > 0 ? Math.max(...totalList) : undefined;
  const changed = totals.size > 1;
  let gap =
    stalled ||
    (changed && firstTotal !== undefined && minTotal !== undefined && minTotal < firstTotal);
  if (changed)
    warnings.push(
      `${label} changed while it was read (total went from ${firstTotal} to ${latestTotal}).`,
    );
  if (duplicates > 0)
    warnings.push(`${label} returned ${duplicates} duplicate item(s); they were dropped.`);
  if (changed && firstTotal !== undefined && minTotal !== undefined && minTotal < firstTotal) {
    warnings.push(
      `${label} shrank by up to ${firstTotal - minTotal} item(s) during paging, so as many items may have been skipped; read it again for a complete list.`,
    );
  }
  if (shortInside > 0 && !changed) {
    gap = true;
    warnings.push(`${label} returned ${shortInside} item(s) fewer than its total promised.`);
  }
  if (stalled) warnings.push(`${label} kept returning items already read; paging stopped.`);
  const need = latestTotal === undefined ? limit : Math.min(limit, latestTotal);
  const endedByShortPage = latestTotal === undefined && !stalled;
  if (items.length < need && !endedByShortPage) {
    gap = true;
    if (maxTotal !== undefined && latestTotal !== undefined)
      warnings.push(
        `${label} reports ${latestTotal} item(s) but only ${items.length} could be read.`,
      );
  }

  const result: CollectionResult<T> = {
    items: items.slice(0, limit),
    complete: !gap,
    warnings,
  };
  if (latestTotal !== undefined) result.total = latestTotal;
  return result;
}
