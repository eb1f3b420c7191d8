import { median, nowMs, percentile, round } from '../stats';
import { openSession } from '../session';
import { BENCH_ASSIGNEE, usConnection } from '../context';
import { ms } from '../report';
import type { BenchContext } from '../context';
import type { FigureResult } from '../report';
import type { BenchSession } from '../session';

interface Burst {
  latenciesMs: number[];
  succeeded: number;
  firstError: string | undefined;
}

/** Starts every approval at once (no pool: the storm is the point) and times each one. */
async function burst(session: BenchSession, ids: readonly string[]): Promise<Burst> {
  const latenciesMs: number[] = [];
  let succeeded = 0;
  let firstError: string | undefined;
  await Promise.all(
    ids.map(async (id) => {
      const begin = nowMs();
      try {
        await session.runAction('approve_reject_inbox_task', {
          inbox_task_id: id,
          decision: 'approve',
          comment: 'Approved by the benchmark',
          step_type: 'Approval',
        });
        succeeded++;
      } catch (error) {
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      latenciesMs.push(nowMs() - begin);
    }),
  );
  return { latenciesMs, succeeded, firstError };
}

/**
 * B2 refresh storm: `concurrent` actions start together right after the sandbox expired every
 * access token. Expected: exactly one token request (sandbox counter), all succeed. The added
 * p99 is the storm's p99 latency minus that of the same burst with a valid token.
 */
export async function runB2(ctx: BenchContext): Promise<FigureResult> {
  const { concurrent } = ctx.config.b2;
  const runs = ctx.config.runs;
  const session = await openSession(usConnection(ctx));
  try {
    const ids = await ctx.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: BENCH_ASSIGNEE,
      count: (runs + 1) * 2 * concurrent,
      stepType: 'Approval',
    });
    let cursor = 0;
    const take = (): string[] => ids.slice(cursor, (cursor += concurrent));
    // Warm-up: the session gets its first token and sockets outside the measurement.
    await burst(session, take());
    await burst(session, take());

    const tokenRequests: number[] = [];
    const succeeded: number[] = [];
    const addedP99: number[] = [];
    const stormP99: number[] = [];
    const calmP99: number[] = [];
    let firstError: string | undefined;
    for (let run = 0; run < runs; run++) {
      ctx.log(`B2 round ${run + 1}/${runs}`);
      const calm = await burst(session, take());
      const before = await ctx.sandbox.state();
      await ctx.sandbox.setFaults({ expireAccessTokens: true });
      const storm = await burst(session, take());
      const after = await ctx.sandbox.state();
      await ctx.sandbox.setFaults({});
      tokenRequests.push(after.tokenRequests.total - before.tokenRequests.total);
      succeeded.push(storm.succeeded);
      firstError ??= storm.firstError ?? calm.firstError;
      const p99Storm = percentile(storm.latenciesMs, 99);
      const p99Calm = percentile(calm.latenciesMs, 99);
      stormP99.push(p99Storm);
      calmP99.push(p99Calm);
      addedP99.push(p99Storm - p99Calm);
    }
    const worstTokens = Math.max(...tokenRequests);
    const allSucceeded = succeeded.every((n) => n === concurrent);
    const added = median(addedP99);
    return {
      rows: [
        {
          figure: `B2 refresh storm (${concurrent} concurrent, expired token)`,
          ours: `${tokenRequests.join('/')} token req; ${Math.min(...succeeded)}/${concurrent} ok`,
          baseline: 'exactly 1',
          ratio: '-',
          target: `1 token req, all ${concurrent} ok`,
          met: tokenRequests.every((n) => n === 1) && allSucceeded,
        },
        {
          figure: 'B2 added p99 latency',
          ours: ms(median(stormP99)),
          baseline: ms(median(calmP99)),
          ratio: `+${ms(added)}`,
          target: 'reported',
          met: undefined,
        },
      ],
      values: {
        b2_token_requests: worstTokens,
        b2_token_requests_per_run: tokenRequests,
        b2_all_succeeded: allSucceeded,
        b2_succeeded_min: Math.min(...succeeded),
        b2_p99_added_ms: round(added, 1),
        b2_p99_storm_ms: round(median(stormP99), 1),
        b2_p99_calm_ms: round(median(calmP99), 1),
      },
      notes: [
        `B2 token requests per storm: ${tokenRequests.join(', ')}; succeeded: ${succeeded.join(', ')}`,
        `B2 p99 storm/calm per run (ms): ${stormP99.map((v, i) => `${Math.round(v)}/${Math.round(calmP99[i] ?? 0)}`).join(', ')}`,
        ...(firstError ? [`B2 first failure: ${firstError}`] : []),
      ],
    };
  } finally {
    session.close();
  }
}
