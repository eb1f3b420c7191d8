import { median, nowMs, round } from '../stats';
import { runPool } from '../pool';
import { openSession } from '../session';
import { BENCH_ASSIGNEE, usConnection } from '../context';
import { ms, ratio } from '../report';
import type { BenchContext } from '../context';
import type { FigureResult, TableRow } from '../report';
import type { BenchSession } from '../session';

const SEARCH_RATIO_TARGET = 1.3;
const SPEEDUP_TARGET = 3;
const APPROVE_RATIO_TARGET = 1.1;
const SOCKETS_TARGET = 16;
const PAGE = 100;

function taskIds(output: unknown): string[] {
  const tasks = (output as { tasks?: unknown }).tasks;
  if (!Array.isArray(tasks)) throw new Error('search_inbox_tasks returned no "tasks" array.');
  return tasks.map((t: unknown) => String((t as { id?: unknown }).id));
}

async function search(
  session: BenchSession,
  limit: number,
): Promise<{ ms: number; ids: string[] }> {
  const start = nowMs();
  const output = await session.runAction('search_inbox_tasks', { worker: 'me', limit });
  return {
    ms: nowMs() - start,
    ids: taskIds(output),
  };
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Ideal wall time of paging: the first page, then the rest in rounds of `concurrency`. */
function idealPagingMs(pages: number, concurrency: number, latencyMs: number): number {
  return latencyMs * (1 + Math.ceil((pages - 1) / concurrency));
}

/**
 * B6 speed against a slow tenant (sandbox latency fault on every API request): parallel paging
 * of `search_inbox_tasks` against its ideal and against sequential paging (the same action on a
 * connection with `max_concurrency: 1`); 1,000 approvals with the step type passed, against
 * `n x latency / concurrency`, and the sockets they opened (sandbox count, from a fresh session
 * including its token request); a 429 storm during parallel paging.
 */
export async function runB6(ctx: BenchContext): Promise<FigureResult> {
  const c = ctx.config.b6;
  const us = usConnection(ctx);
  const pages = Math.ceil(c.searchLimit / PAGE);
  const rows: TableRow[] = [];
  const notes: string[] = [];

  // Enough tasks for the search, whatever ran before, and fresh tasks for the approvals.
  await ctx.sandbox.addInboxTasks({
    tenant: 'acme_us',
    assignee: BENCH_ASSIGNEE,
    count: c.searchLimit,
    stepType: 'Review',
  });
  const approvalIds = await ctx.sandbox.addInboxTasks({
    tenant: 'acme_us',
    assignee: BENCH_ASSIGNEE,
    count: (c.approvals + 1) * c.approveRuns,
    stepType: 'Approval',
    assignedStart: Date.now() - 48 * 3600 * 1000,
  });

  const sequential = await openSession(us, { max_concurrency: 1 });
  const parallel = await openSession(us, { max_concurrency: c.pagingConcurrency });
  const wide = await openSession(us, { max_concurrency: c.widePagingConcurrency });
  try {
    for (const s of [sequential, parallel, wide]) await search(s, PAGE); // tokens and sockets
    await ctx.sandbox.setFaults({ latencyMs: c.latencyMs });

    const seqMs: number[] = [];
    const parMs: number[] = [];
    const wideMs: number[] = [];
    let ordered = true;
    let reference: string[] = [];
    for (let run = 0; run < c.searchRuns; run++) {
      ctx.log(`B6 search round ${run + 1}/${c.searchRuns}`);
      const s = await search(sequential, c.searchLimit);
      const p = await search(parallel, c.searchLimit);
      const w = await search(wide, c.searchLimit);
      reference = s.ids;
      ordered &&=
        s.ids.length === c.searchLimit && sameOrder(s.ids, p.ids) && sameOrder(s.ids, w.ids);
      seqMs.push(s.ms);
      parMs.push(p.ms);
      wideMs.push(w.ms);
    }
    const seq = median(seqMs);
    const par = median(parMs);
    const wid = median(wideMs);
    const ideal = idealPagingMs(pages, c.pagingConcurrency, c.latencyMs);
    const idealWide = idealPagingMs(pages, c.widePagingConcurrency, c.latencyMs);
    const speedup = seq / par;
    const maxSpeedup = (pages * c.latencyMs) / ideal;
    rows.push(
      {
        figure: `B6 search ${c.searchLimit} (${pages} pages, c=${c.pagingConcurrency}) vs ideal`,
        ours: ms(par),
        baseline: `${ms(ideal)} ideal`,
        ratio: ratio(par / ideal),
        target: `<= ${SEARCH_RATIO_TARGET}x`,
        met: par / ideal <= SEARCH_RATIO_TARGET && ordered,
      },
      {
        figure: `B6 search speedup vs sequential (c=${c.pagingConcurrency})`,
        ours: ms(par),
        baseline: `${ms(seq)} seq`,
        ratio: ratio(speedup),
        target: `>= ${SPEEDUP_TARGET}x (max ${maxSpeedup.toFixed(2)}x at c=${c.pagingConcurrency})`,
        met: speedup >= SPEEDUP_TARGET,
      },
      {
        figure: `B6 search (c=${c.widePagingConcurrency}) vs ideal / vs sequential`,
        ours: ms(wid),
        baseline: `${ms(idealWide)} ideal`,
        ratio: `${ratio(wid / idealWide)} / ${ratio(seq / wid)} faster`,
        target: `<= ${SEARCH_RATIO_TARGET}x / >= ${SPEEDUP_TARGET}x`,
        met: wid / idealWide <= SEARCH_RATIO_TARGET && seq / wid >= SPEEDUP_TARGET,
      },
    );

    // 1,000 approvals from a fresh session: sockets counted from its first request.
    const approveMs: number[] = [];
    const sockets: number[] = [];
    const warmSockets: number[] = [];
    let cursor = 0;
    for (let run = 0; run < c.approveRuns; run++) {
      ctx.log(`B6 approvals round ${run + 1}/${c.approveRuns}`);
      const [warm, ...ids] = approvalIds.slice(cursor, (cursor += c.approvals + 1));
      const s0 = await ctx.sandbox.state();
      const session = await openSession(us);
      try {
        const approve = (id: string | undefined): Promise<unknown> =>
          session.runAction('approve_reject_inbox_task', {
            inbox_task_id: id,
            decision: 'approve',
            comment: 'Approved by the benchmark',
            step_type: 'Approval',
          });
        await approve(warm); // its token request, outside the clock (its socket is counted)
        const sWarm = await ctx.sandbox.state();
        warmSockets.push(sWarm.sockets.opened - s0.sockets.opened);
        const result = await runPool(ids.length, c.approveConcurrency, (i) => approve(ids[i]));
        const s1 = await ctx.sandbox.state();
        approveMs.push(result.wallMs);
        sockets.push(s1.sockets.opened - s0.sockets.opened);
      } finally {
        session.close();
      }
    }
    const approve = median(approveMs);
    const idealApprove = (c.approvals * c.latencyMs) / c.approveConcurrency;
    const maxSockets = Math.max(...sockets);
    rows.push(
      {
        figure: `B6 ${c.approvals} approvals (c=${c.approveConcurrency}, step type given)`,
        ours: ms(approve),
        baseline: `${ms(idealApprove)} ideal`,
        ratio: ratio(approve / idealApprove),
        target: `<= ${APPROVE_RATIO_TARGET}x`,
        met: approve / idealApprove <= APPROVE_RATIO_TARGET,
      },
      {
        figure: `B6 sockets opened for ${c.approvals} approvals`,
        ours: String(maxSockets),
        baseline: '-',
        ratio: '-',
        target: `<= ${SOCKETS_TARGET}`,
        met: maxSockets <= SOCKETS_TARGET,
      },
    );

    // 429 storm: every Nth inbox request is refused with Retry-After while paging in parallel.
    await ctx.sandbox.setFaults({
      latencyMs: c.latencyMs,
      rateLimit: {
        every: c.rateLimitEvery,
        retryAfterSeconds: c.retryAfterSeconds,
        match: 'inboxTasks',
      },
    });
    const s0 = await ctx.sandbox.state();
    const storm = await search(parallel, c.searchLimit);
    const s1 = await ctx.sandbox.state();
    await ctx.sandbox.setFaults({});
    const stormRequests = s1.requests.total - s0.requests.total;
    const fired = (s1.faults.fired.rateLimit ?? 0) - (s0.faults.fired.rateLimit ?? 0);
    const stormComplete = sameOrder(storm.ids, reference);
    const bound = 2 * pages;
    rows.push({
      figure: `B6 429 storm during paging (1 in ${c.rateLimitEvery} refused, Retry-After ${c.retryAfterSeconds}s)`,
      ours: `${stormRequests} req, ${fired} x 429, ${ms(storm.ms)}`,
      baseline: `${pages} pages`,
      ratio: '-',
      target: `complete, ordered, <= ${bound} req`,
      met: stormComplete && stormRequests <= bound,
    });

    notes.push(
      `B6 search runs (ms): sequential ${seqMs.map(Math.round).join(', ')}; c=${c.pagingConcurrency} ${parMs.map(Math.round).join(', ')}; c=${c.widePagingConcurrency} ${wideMs.map(Math.round).join(', ')}`,
      `B6 order: parallel results ${ordered ? 'equal' : 'DIFFER FROM'} sequential paging`,
      `B6 approvals runs (ms): ${approveMs.map(Math.round).join(', ')}; sockets: ${sockets.join(', ')} (from a fresh session, token request included; the first action, with its token request, opened ${warmSockets.join(', ')})`,
      `B6 429 storm: ${stormRequests} requests, ${fired} answered 429, result ${stormComplete ? 'complete and ordered' : 'INCOMPLETE OR OUT OF ORDER'}`,
    );
    return {
      rows,
      values: {
        b6_search_ms: round(par, 0),
        b6_search_ideal_ms: ideal,
        b6_search_ratio_to_ideal: round(par / ideal, 3),
        b6_sequential_ms: round(seq, 0),
        b6_speedup_vs_sequential: round(speedup, 2),
        b6_speedup_max_at_concurrency: round(maxSpeedup, 2),
        b6_paging_concurrency: c.pagingConcurrency,
        b6_wide_concurrency: c.widePagingConcurrency,
        b6_wide_search_ms: round(wid, 0),
        b6_wide_ratio_to_ideal: round(wid / idealWide, 3),
        b6_wide_speedup_vs_sequential: round(seq / wid, 2),
        b6_search_order_equal: ordered,
        b6_approve_ms: round(approve, 0),
        b6_approve_ideal_ms: idealApprove,
        b6_approve_ratio_to_ideal: round(approve / idealApprove, 3),
        b6_sockets: maxSockets,
        b6_sockets_first_action: Math.max(...warmSockets),
        b6_requests_under_429: stormRequests,
        b6_429_responses: fired,
        b6_429_complete_ordered: stormComplete,
        b6_latency_ms: c.latencyMs,
      },
      notes,
    };
  } finally {
    await ctx.sandbox.setFaults({});
    for (const s of [sequential, parallel, wide]) s.close();
  }
}
