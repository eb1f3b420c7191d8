import fc from 'fast-check';
import { drainInbox, inboxCursorSchema, MARK_IDS_CAP } from '../../triggers/inbox-drain';
import type { DrainItem, DrainPage, InboxCursor } from '../../triggers/inbox-drain';

const BASE = Date.parse('2026-03-01T00:00:00.000Z');

/** An in-memory inbox listed newest first (ties by id descending), like the sandbox. */
function createInbox() {
  let items: DrainItem[] = [];
  let seq = 0;
  const stats = { requests: 0, probes: 0 };
  const sort = () =>
    items.sort((a, b) => b.assigned.localeCompare(a.assigned) || b.id.localeCompare(a.id));
  return {
    stats,
    /** Adds `count` tasks assigned `stepMs` apart starting at `startMs` after BASE. */
    add(count: number, startMs: number, stepMs = 1): DrainItem[] {
      const added = Array.from({ length: count }, (_, i) => ({
        id: `t${String(seq++).padStart(7, '0')}`,
        assigned: new Date(BASE + startMs + i * stepMs).toISOString(),
      }));
      items.push(...added);
      sort();
      return added;
    },
    remove(id: string): void {
      items = items.filter((item) => item.id !== id);
    },
    async fetchPage(offset: number, limit: number): Promise<DrainPage<DrainItem>> {
      stats.requests++;
      if (limit === 1) stats.probes++;
      return { offset, total: items.length, items: items.slice(offset, offset + limit) };
    },
  };
}

type Inbox = ReturnType<typeof createInbox>;

async function pollAll(
  inbox: Inbox,
  cursor: InboxCursor | undefined,
  since: string,
  between?: (poll: number) => void,
): Promise<{ ids: string[]; cursor: InboxCursor; polls: number; maxClosure: number }> {
  const ids: string[] = [];
  let polls = 0;
  let maxClosure = 0;
  let current = cursor;
  for (;;) {
    const result = await drainInbox({
      fetchPage: (o, l) => inbox.fetchPage(o, l),
      cursor: current,
      since,
      pagesPerPoll: 4,
      concurrency: 4,
    });
    polls++;
    ids.push(...result.items.map((item) => item.id));
    current = inboxCursorSchema.parse(JSON.parse(JSON.stringify(result.cursor)));
    maxClosure = Math.max(maxClosure, JSON.stringify(current).length);
    between?.(polls);
    if (!result.more) break;
    if (polls > 10_000) throw new Error('did not converge');
  }
  return { ids, cursor: current as InboxCursor, polls, maxClosure };
}

function expectOldestFirst(inboxIds: DrainItem[], ids: string[]): void {
  const byId = new Map(inboxIds.map((item) => [item.id, item.assigned]));
  const times = ids.map((id) => byId.get(id) as string);
  expect([...times].sort()).toEqual(times);
}

describe('drainInbox()', () => {
  it('emits only tasks assigned at or after since, oldest first', async () => {
    const inbox = createInbox();
    const old = inbox.add(30, 0, 1000);
    const recent = inbox.add(20, 60_000, 1000);
    const since = new Date(BASE + 60_000).toISOString();
    const { ids } = await pollAll(inbox, undefined, since);
    expect(ids).toEqual(recent.map((t) => t.id));
    expect(ids).not.toContain(old[29]?.id);
  });

  it('finds a deep since boundary with few limit=1 probes', async () => {
    const inbox = createInbox();
    inbox.add(100_000, 0, 10);
    const since = new Date(BASE + 10 * 99_990).toISOString(); // the newest 10 tasks
    const first = await drainInbox({
      fetchPage: (o, l) => inbox.fetchPage(o, l),
      cursor: undefined,
      since,
      pagesPerPoll: 4,
      concurrency: 4,
    });
    expect(first.items).toHaveLength(10); // boundary inside the head page: no probes
    expect(inbox.stats.probes).toBe(0);

    const deep = new Date(BASE + 10 * 50_000).toISOString(); // boundary at rank 50,000
    inbox.stats.probes = 0;
    const result = await drainInbox({
      fetchPage: (o, l) => inbox.fetchPage(o, l),
      cursor: undefined,
      since: deep,
      pagesPerPoll: 4,
      concurrency: 4,
    });
    expect(result.items[0]?.assigned).toBe(deep);
    expect(result.cursor.rank).toBe(50_000 + result.items.length);
    // 4 probes per round, each round keeps a fifth: log5(100,000) < 8 rounds.
    expect(inbox.stats.probes).toBeLessThanOrEqual(32);
    expect(result.more).toBe(true);
  });

  it('drains 5,000 tasks oldest first with a small closure and no duplicates', async () => {
    const inbox = createInbox();
    const tasks = inbox.add(5000, 0, 1);
    const { ids, polls, maxClosure } = await pollAll(
      inbox,
      undefined,
      new Date(BASE).toISOString(),
    );
    expect(ids).toEqual(tasks.map((t) => t.id));
    // The first poll reads 4 full pages; later ones spend one slot re-reading the anchor:
    // 400 + 12 × 399 ≥ 5,000.
    expect(polls).toBe(13);
    expect(maxClosure).toBeLessThan(3000);
  });

  it('keeps tasks that arrive mid-drain, without duplicates', async () => {
    const inbox = createInbox();
    const first = inbox.add(2000, 0, 1);
    const arrivals: DrainItem[] = [];
    const { ids } = await pollAll(inbox, undefined, new Date(BASE).toISOString(), (poll) => {
      if (poll <= 3) arrivals.push(...inbox.add(150, 10_000 + poll * 1000, 1));
    });
    expect(ids).toEqual([...first, ...arrivals].map((t) => t.id));
  });

  it('returns new tasks on the next poll and nothing twice', async () => {
    const inbox = createInbox();
    inbox.add(10, 0, 1);
    const since = new Date(BASE).toISOString();
    const a = await pollAll(inbox, undefined, since);
    const again = await pollAll(inbox, a.cursor, since);
    expect(again.ids).toEqual([]);
    const added = inbox.add(3, 5000, 1);
    const b = await pollAll(inbox, again.cursor, since);
    expect(b.ids).toEqual(added.map((t) => t.id));
  });

  it('relocates by the high-water mark when older tasks disappear', async () => {
    const inbox = createInbox();
    const tasks = inbox.add(1000, 0, 1);
    const since = new Date(BASE).toISOString();
    const first = await drainInbox({
      fetchPage: (o, l) => inbox.fetchPage(o, l),
      cursor: undefined,
      since,
      pagesPerPoll: 1,
      concurrency: 4,
    });
    expect(first.items).toHaveLength(100);
    // Completed tasks leave a real Workday inbox: remove five already-emitted ones.
    for (const task of tasks.slice(10, 15)) inbox.remove(task.id);
    const rest = await pollAll(inbox, first.cursor, since);
    expect([...first.items.map((t) => t.id), ...rest.ids]).toEqual(tasks.map((t) => t.id));
  });

  it('caps the ids kept at the mark', async () => {
    const inbox = createInbox();
    inbox.add(300, 0, 0); // 300 tasks in the same millisecond
    const { ids, cursor } = await pollAll(inbox, undefined, new Date(BASE).toISOString());
    expect(new Set(ids).size).toBe(300);
    expect(cursor.mark_ids).toHaveLength(MARK_IDS_CAP);
  });

  it('never loses or repeats a task under random arrivals (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 900 }),
        fc.array(fc.integer({ min: 0, max: 260 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (initial, arrivalsPerPoll, pagesPerPoll, removals) => {
          const inbox = createInbox();
          const expected = inbox.add(initial, 0, 1);
          let clock = 100_000;
          const ids: string[] = [];
          let cursor: InboxCursor | undefined;
          for (let poll = 0; poll < 200; poll++) {
            const result = await drainInbox({
              fetchPage: (o, l) => inbox.fetchPage(o, l),
              cursor,
              since: new Date(BASE).toISOString(),
              pagesPerPoll,
              concurrency: 3,
            });
            ids.push(...result.items.map((t) => t.id));
            cursor = result.cursor;
            // Completed tasks leave the inbox: drop an already-emitted one now and then.
            const removal = removals[poll];
            if (removal !== undefined && ids.length > 0) {
              inbox.remove(ids[removal % ids.length] as string);
            }
            const n = arrivalsPerPoll[poll];
            if (n !== undefined) {
              expected.push(...inbox.add(n, clock, 1));
              clock += 10_000;
            } else if (!result.more) break;
          }
          expect(ids).toEqual(expected.map((t) => t.id));
          expectOldestFirst(expected, ids);
        },
      ),
      { numRuns: 80 },
    );
  });
});
