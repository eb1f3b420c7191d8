/**
 * The cursor engine of `new_inbox_task`: emits inbox tasks oldest first from a collection that
 * Workday (and the sandbox) lists **newest first**, with a closure of constant size.
 *
 * Positions are kept as a *rank counted from the oldest task* (`rank = total - 1 - offset`).
 * New tasks arrive at the head (offset 0), which shifts every offset but no rank, so a rank
 * stored in the closure stays valid however many tasks arrive between or during polls: each
 * page's own `total` converts its offsets back to ranks. Two guards catch what ranks alone
 * cannot:
 * - the anchor: the task just below the walk position (`last_id`) is re-read with the first
 *   page; if it is not there, tasks were removed or inserted below us and the position is found
 *   again by searching for the high-water mark;
 * - the high-water mark (`mark` + the ids seen at that exact instant, capped at
 *   {@link MARK_IDS_CAP}): a task is emitted only when it is newer than the mark, or at the mark
 *   and not yet seen.
 *
 * Why the cap is safe: the ids at the mark are only consulted after a relocation (the anchor
 * moved), and then only for tasks sharing the mark's exact millisecond. A duplicate needs both a
 * relocation and more than {@link MARK_IDS_CAP} tasks assigned in the same millisecond.
 * A task whose `assigned` is older than the mark when it first appears (back-dated) is never
 * emitted; Workday assigns inbox tasks at the current time, so this does not happen in practice.
 */
import { z } from 'zod';
import { ConnectorError } from '../sdk/errors';
import { MAX_REST_PAGE_SIZE } from '../workday/constants';

/** Ids remembered at the high-water mark; 50 WIDs keep the closure near 2 KB. */
export const MARK_IDS_CAP = 50;

/** Tasks per page: Workday's maximum for REST collections. */
const INBOX_PAGE_SIZE = MAX_REST_PAGE_SIZE;

/** Bound on search rounds; a k-ary search over 2^53 ranks ends far sooner. */
const MAX_SEARCH_ROUNDS = 64;

/** The fields the engine reads from a task. */
export interface DrainItem {
  id: string;
  assigned: string;
}

/** One page of the collection, as fetched at `offset`. */
export interface DrainPage<T extends DrainItem> {
  offset: number;
  total: number;
  items: readonly T[];
}

/** Fetches `limit` tasks starting at `offset` (newest first). */
export type FetchDrainPage<T extends DrainItem> = (
  offset: number,
  limit: number,
) => Promise<DrainPage<T>>;

/** The closure of `new_inbox_task`: constant size whatever the backlog. */
export const inboxCursorSchema = z
  .object({
    v: z.literal(1),
    /** Tasks with a rank (0 = oldest) below this have been processed. */
    rank: z.number().int().min(0),
    /** The collection's total when the cursor was written; estimates offsets for the next poll. */
    total: z.number().int().min(0),
    /** Id of the task at `rank - 1` (the newest processed task): the anchor. */
    last_id: z.string().optional(),
    /** `assigned` of the newest processed task, or the `since` of the first poll. */
    mark: z
      .string()
      .min(1)
      // Checked here so a closure we did not write is refused as input, not met later as if
      // Workday had sent a bad date.
      .refine((text) => !Number.isNaN(Date.parse(text)), 'must be a date or date-time'),
    /** Ids processed whose `assigned` equals `mark`, newest last, at most {@link MARK_IDS_CAP}. */
    mark_ids: z.array(z.string()).max(MARK_IDS_CAP),
  })
  // The engine never writes a rank beyond the total it saw.
  .refine((cursor) => cursor.rank <= cursor.total, {
    path: ['rank'],
    message: 'must not exceed total (this closure was not written by this trigger)',
  });

/** The closure of `new_inbox_task`. */
export type InboxCursor = z.output<typeof inboxCursorSchema>;

/** Options of {@link drainInbox}. */
export interface DrainOptions<T extends DrainItem> {
  fetchPage: FetchDrainPage<T>;
  /** The previous closure; `undefined` on the first poll. */
  cursor: InboxCursor | undefined;
  /** First poll only: emit tasks assigned at or after this instant (ISO datetime). */
  since: string;
  /** Pages read per poll (events per poll ≈ pages × 100), fetched in parallel. */
  pagesPerPoll: number;
  /** Parallel requests for pages and search probes. */
  concurrency: number;
}

/** What one poll produced. */
export interface DrainResult<T extends DrainItem> {
  /** Tasks newer than the cursor, oldest first (not yet filtered by step type). */
  items: T[];
  cursor: InboxCursor;
  /** True while tasks remain below the head. */
  more: boolean;
}

function timeOf(value: string, what: string): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new ConnectorError('unexpected_response', `Inbox task ${what} "${value}" is not a date.`);
  }
  return t;
}

/** Runs `tasks` with at most `limit` in flight, keeping result order. */
async function runBounded<R>(tasks: Array<() => Promise<R>>, limit: number): Promise<R[]> {
  const results: R[] = new Array<R>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<R>)();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return results;
}

/** Ranked view of everything fetched during one poll. */
class RankMap<T extends DrainItem> {
  readonly byRank = new Map<number, T>();
  total = 0;

  add(page: DrainPage<T>): void {
    this.total = Math.max(this.total, page.total);
    page.items.forEach((item, j) => {
      const rank = page.total - 1 - (page.offset + j);
      if (rank >= 0) this.byRank.set(rank, item);
    });
  }
}

/** Offset and limit of the window holding ranks `[from, from + size)`, given a total. */
function windowFor(from: number, size: number, total: number): { offset: number; limit: number } {
  const top = Math.min(from + size, total); // exclusive
  const offset = Math.max(0, total - top);
  return { offset, limit: Math.max(0, total - from - offset) };
}

/**
 * Smallest rank whose task is assigned at or after `at`, searching k-ary with parallel
 * `limit=1` probes (~log_{k+1}(total) rounds). Each probe's own `total` maps its offset to the
 * rank actually read, so tasks arriving during the search do not mislead it.
 */
async function findFirstRankAtOrAfter<T extends DrainItem>(
  fetchPage: FetchDrainPage<T>,
  at: number,
  knownFalseBelow: number,
  knownTrueAt: number,
  totalGuess: number,
  concurrency: number,
): Promise<number> {
  let lo = knownFalseBelow; // ranks < lo are older than `at`
  let hi = knownTrueAt; // rank hi is at/after `at` (or hi = total)
  let total = totalGuess;
  for (let round = 0; lo < hi && round < MAX_SEARCH_ROUNDS; round++) {
    const span = hi - lo;
    const k = Math.min(concurrency, span);
    // k probes splitting [lo, hi) into k + 1 parts; every probe lies in [lo, hi - 1].
    const ranks = [
      ...new Set(Array.from({ length: k }, (_, i) => lo + Math.floor((span * (i + 1)) / (k + 1)))),
    ];
    const probes = await runBounded(
      ranks.map((rank) => () => fetchPage(Math.max(0, total - 1 - rank), 1)),
      concurrency,
    );
    for (const page of probes) {
      total = Math.max(total, page.total);
      const item = page.items[0];
      if (item === undefined) continue;
      const rank = page.total - 1 - page.offset;
      if (timeOf(item.assigned, 'assigned') >= at) hi = Math.min(hi, rank);
      else lo = Math.max(lo, rank + 1);
    }
  }
  return Math.min(lo, hi);
}

/**
 * One poll: reads at most `pagesPerPoll` pages of tasks newer than the cursor and returns them
 * oldest first with the next cursor.
 */
export async function drainInbox<T extends DrainItem>(
  options: DrainOptions<T>,
): Promise<DrainResult<T>> {
  const { fetchPage, pagesPerPoll, concurrency } = options;
  const map = new RankMap<T>();
  let cursor: InboxCursor;
  let checkAnchor = true;

  if (options.cursor === undefined) {
    const since = timeOf(options.since, 'since');
    const head = await fetchPage(0, INBOX_PAGE_SIZE);
    map.add(head);
    const headRanks = head.items.map((_, j) => head.total - 1 - j);
    const oldestInHead = headRanks.at(-1);
    const olderInHead = head.items.findIndex((item) => timeOf(item.assigned, 'assigned') < since);
    let start: number;
    if (olderInHead >= 0) start = (headRanks[olderInHead] as number) + 1;
    else if (oldestInHead === undefined || oldestInHead === 0) start = 0;
    else
      start = await findFirstRankAtOrAfter(
        fetchPage,
        since,
        0,
        oldestInHead,
        head.total,
        concurrency,
      );
    cursor = { v: 1, rank: start, total: map.total, mark: options.since, mark_ids: [] };
    checkAnchor = false;
  } else {
    cursor = { ...options.cursor, mark_ids: [...options.cursor.mark_ids] };
    if (cursor.rank >= cursor.total) {
      // Caught up last time: the head page shows how many arrived (and holds the anchor when
      // fewer than a page did).
      map.add(await fetchPage(0, INBOX_PAGE_SIZE));
    }
  }

  const budget = pagesPerPoll * INBOX_PAGE_SIZE;
  for (let attempt = 0; attempt < 3; attempt++) {
    const from = checkAnchor && cursor.rank > 0 ? cursor.rank - 1 : cursor.rank;
    const totalGuess = Math.max(map.total, cursor.total);
    const windows: Array<{ offset: number; limit: number }> = [];
    for (let p = 0; p < pagesPerPoll; p++) {
      const lowRank = from + p * INBOX_PAGE_SIZE;
      if (lowRank >= totalGuess) break;
      const covered = Array.from(
        { length: Math.min(INBOX_PAGE_SIZE, totalGuess - lowRank) },
        (_, i) => map.byRank.has(lowRank + i),
      ).every(Boolean);
      if (!covered) windows.push(windowFor(lowRank, INBOX_PAGE_SIZE, totalGuess));
    }
    const pages = await runBounded(
      windows.filter((w) => w.limit > 0).map((w) => () => fetchPage(w.offset, w.limit)),
      concurrency,
    );
    pages.forEach((page) => map.add(page));

    if (checkAnchor && cursor.rank > 0 && cursor.last_id !== undefined) {
      const anchor = map.byRank.get(cursor.rank - 1);
      if (
        anchor === undefined &&
        map.total >= cursor.rank &&
        attempt === 0 &&
        map.total !== totalGuess
      ) {
        continue; // the total moved under us: read again with the fresh one
      }
      if (anchor?.id !== cursor.last_id) {
        // Tasks were removed or inserted below the walk position: find the mark again.
        const markTime = timeOf(cursor.mark, 'mark');
        cursor.rank = await findFirstRankAtOrAfter(
          fetchPage,
          markTime,
          0,
          map.total,
          map.total,
          concurrency,
        );
        cursor.total = map.total;
        map.byRank.clear();
        checkAnchor = false;
        continue;
      }
    }
    checkAnchor = false;
    if (!map.byRank.has(cursor.rank) && cursor.rank < map.total && attempt < 2) continue;
    break;
  }

  const items: T[] = [];
  let markTime = timeOf(cursor.mark, 'mark');
  const seenAtMark = new Set(cursor.mark_ids);
  const stop = cursor.rank + budget;
  for (let rank = cursor.rank; rank < stop; rank++) {
    const item = map.byRank.get(rank);
    if (item === undefined) break;
    const t = timeOf(item.assigned, 'assigned');
    if (t > markTime || (t === markTime && !seenAtMark.has(item.id))) {
      items.push(item);
      if (t > markTime) {
        markTime = t;
        cursor.mark = item.assigned;
        cursor.mark_ids = [];
        seenAtMark.clear();
      }
      cursor.mark_ids.push(item.id);
      seenAtMark.add(item.id);
      if (cursor.mark_ids.length > MARK_IDS_CAP) cursor.mark_ids.shift();
    }
    cursor.rank = rank + 1;
    cursor.last_id = item.id;
  }
  cursor.total = Math.max(map.total, cursor.rank);
  return { items, cursor, more: cursor.rank < map.total };
}
