import { median, nowMs, round } from '../stats';
import { createRawClient } from '../raw-client';
import { openSession } from '../session';
import { collectGarbage, heapUsedMb } from '../gc';
import { BENCH_ASSIGNEE, usConnection } from '../context';
import { ms, ratio } from '../report';
import type { BenchContext } from '../context';
import type { FigureResult } from '../report';
import type { BenchSession } from '../session';
import type { RawClient } from '../raw-client';

const TIME_TARGET = 1.2;
const HEAP_TARGET_MB = 50;
const CLOSURE_TARGET_BYTES = 16 * 1024;
const PAGE = 100;
const STEP_MS = 50;

interface Drain {
  ms: number;
  /** CPU time of the bench process (the sandbox runs in a child). */
  cpuMs: number;
  events: number;
  polls: number;
  closureBytes: number;
  peakHeapMb: number;
  retainedHeapMb: number;
  ordered: boolean;
}

function assignedOf(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const assigned = (event as { assigned?: unknown }).assigned;
  return typeof assigned === 'string' ? assigned : undefined;
}

/**
 * Polls until `can_poll_more` is false, keeping nothing but counters: a platform hands each
 * page of events on, so the bench must not hold 100,000 events either.
 */
async function drain(session: BenchSession, since: string): Promise<Drain> {
  collectGarbage();
  const baseHeap = heapUsedMb();
  let peakHeap = baseHeap;
  let closure: unknown = undefined;
  let events = 0;
  let polls = 0;
  let closureBytes = 0;
  let ordered = true;
  let last = '';
  const start = nowMs();
  const cpu0 = process.cpuUsage();
  for (;;) {
    const page = await session.poll('new_inbox_task', { since }, closure);
    polls++;
    events += page.events.length;
    for (const event of page.events) {
      const assigned = assignedOf(event);
      if (assigned === undefined || Date.parse(assigned) < Date.parse(last || assigned))
        ordered = false;
      else last = assigned;
    }
    closure = page.next_poll;
    closureBytes = Math.max(closureBytes, Buffer.byteLength(JSON.stringify(closure ?? null)));
    peakHeap = Math.max(peakHeap, heapUsedMb());
    if (!page.can_poll_more) break;
  }
  const elapsed = nowMs() - start;
  const cpu = process.cpuUsage(cpu0);
  collectGarbage();
  return {
    ms: elapsed,
    cpuMs: (cpu.user + cpu.system) / 1000,
    events,
    polls,
    closureBytes,
    peakHeapMb: peakHeap - baseHeap,
    retainedHeapMb: heapUsedMb() - baseHeap,
    ordered,
  };
}

interface RawDrain {
  ms: number;
  cpuMs: number;
  items: number;
  pages: number;
}

/** Raw paging: every page of the inbox in turn with plain axios, as fast as HTTP allows. */
async function rawPaging(raw: RawClient, token: string): Promise<RawDrain> {
  const url = `${raw.restBase}common/v1/${raw.tenant}/workers/me/inboxTasks`;
  const headers = { Authorization: `Bearer ${token}` };
  const start = nowMs();
  const cpu0 = process.cpuUsage();
  let items = 0;
  let pages = 0;
  for (let offset = 0; ; offset += PAGE) {
    const response = await raw.axios.get<{ total?: number; data?: unknown[] }>(url, {
      params: { limit: PAGE, offset },
      headers,
    });
    pages++;
    const data = response.data.data ?? [];
    items += data.length;
    if (data.length < PAGE || offset + PAGE >= (response.data.total ?? 0)) break;
  }
  const elapsed = nowMs() - start;
  const cpu = process.cpuUsage(cpu0);
  return { ms: elapsed, cpuMs: (cpu.user + cpu.system) / 1000, items, pages };
}

/**
 * B3 polling scale: the `new_inbox_task` trigger drains `tasks` new tasks through the runtime's
 * `poll`, against raw sequential paging of the same inbox. Heap growth is the peak heap in use
 * during the drain (sampled after every poll, no forced collection: conservative) over a
 * collected baseline; the closure is the largest `next_poll` as JSON.
 */
export async function runB3(ctx: BenchContext): Promise<FigureResult> {
  const { tasks, runs } = ctx.config.b3;
  // A fresh inbox: only the fixtures and the tasks added here.
  await ctx.sandbox.reset();
  const connection = usConnection(ctx);
  const start = Date.now() - tasks * STEP_MS - 60 * 60 * 1000;
  const since = new Date(start - 60_000).toISOString();
  await ctx.sandbox.addInboxTasks({
    tenant: 'acme_us',
    assignee: BENCH_ASSIGNEE,
    count: tasks,
    stepType: 'Approval',
    assignedStart: start,
    assignedStepMs: STEP_MS,
  });
  const session = await openSession(connection);
  const raw = createRawClient(connection, 16);
  try {
    const token = await raw.fetchAccessToken();
    ctx.log('B3 warm-up');
    await rawPaging(raw, token);
    await drain(session, since);

    const ours: Drain[] = [];
    const base: RawDrain[] = [];
    let requestsPerDrain = 0;
    for (let run = 0; run < runs; run++) {
      ctx.log(`B3 round ${run + 1}/${runs}`);
      if (run % 2 === 0) base.push(await rawPaging(raw, token));
      const s0 = await ctx.sandbox.state();
      ours.push(await drain(session, since));
      const s1 = await ctx.sandbox.state();
      requestsPerDrain = s1.requests.total - s0.requests.total;
      if (run % 2 === 1) base.push(await rawPaging(raw, token));
    }
    const oMs = median(ours.map((d) => d.ms));
    const rMs = median(base.map((d) => d.ms));
    const heap = Math.max(...ours.map((d) => d.peakHeapMb));
    const retained = Math.max(...ours.map((d) => d.retainedHeapMb));
    const closure = Math.max(...ours.map((d) => d.closureBytes));
    const events = Math.min(...ours.map((d) => d.events));
    const ordered = ours.every((d) => d.ordered);
    const complete = events >= tasks;
    const timeRatio = oMs / rMs;
    return {
      rows: [
        {
          figure: `B3 trigger drains ${tasks} tasks (pages of ${PAGE})`,
          ours: ms(oMs),
          baseline: ms(rMs),
          ratio: ratio(timeRatio),
          target: `<= ${TIME_TARGET}x`,
          met: timeRatio <= TIME_TARGET && complete && ordered,
        },
        {
          figure: 'B3 heap growth (peak during drain)',
          ours: `${heap.toFixed(1)} MB`,
          baseline: '-',
          ratio: '-',
          target: `<= ${HEAP_TARGET_MB} MB`,
          met: heap <= HEAP_TARGET_MB,
        },
        {
          figure: 'B3 closure size (largest next_poll)',
          ours: `${closure} B`,
          baseline: '-',
          ratio: '-',
          target: `<= ${CLOSURE_TARGET_BYTES} B`,
          met: closure <= CLOSURE_TARGET_BYTES,
        },
      ],
      values: {
        b3_time_ratio: round(timeRatio, 3),
        b3_ms: round(oMs, 0),
        b3_raw_ms: round(rMs, 0),
        b3_heap_mb: round(heap, 1),
        b3_heap_retained_mb: round(retained, 1),
        b3_closure_bytes: closure,
        b3_events: events,
        b3_events_ordered: ordered,
        b3_polls: ours[0]?.polls ?? 0,
        b3_requests_per_drain: requestsPerDrain,
        b3_raw_pages: base[0]?.pages ?? 0,
        b3_cpu_ms: round(median(ours.map((d) => d.cpuMs)), 0),
        b3_raw_cpu_ms: round(median(base.map((d) => d.cpuMs)), 0),
      },
      notes: [
        `B3 ours per run: ${ours.map((d) => `${Math.round(d.ms)} ms, ${d.events} events, ${d.polls} polls, peak +${d.peakHeapMb.toFixed(1)} MB, retained +${d.retainedHeapMb.toFixed(1)} MB`).join('; ')}`,
        `B3 raw paging per run: ${base.map((d) => `${Math.round(d.ms)} ms, ${d.items} items, ${d.pages} pages`).join('; ')}`,
        `B3 sandbox requests per drain: ${requestsPerDrain} (raw paging: ${base[0]?.pages ?? 0}); bench-process CPU per drain, ours/raw: ${Math.round(median(ours.map((d) => d.cpuMs)))}/${Math.round(median(base.map((d) => d.cpuMs)))} ms`,
      ],
    };
  } finally {
    session.close();
    raw.close();
  }
}
