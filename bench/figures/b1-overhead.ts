import { median, round } from '../stats';
import { runPool } from '../pool';
import { createRawClient } from '../raw-client';
import { openSession } from '../session';
import { buildJournalInput } from '../journal-input';
import { buildRawGetJournalEnvelope, buildRawSubmitEnvelope, soapHeaders } from '../raw-journal';
import { BENCH_ASSIGNEE, usConnection } from '../context';
import { ms, ratio } from '../report';
import type { BenchContext } from '../context';
import type { FigureResult } from '../report';
import type { BenchSession } from '../session';
import type { RawClient } from '../raw-client';

const TARGET = 1.1;
const WARM_UP = 50;
const COMMENT = 'Approved by the benchmark';

/** One side of one round: wall time, this process's CPU time and the requests the sandbox saw. */
interface Measure {
  wallMs: number;
  cpuMs: number;
  requests: number;
}

type Job = (count: number, tag: string) => Promise<unknown>;

async function measure(ctx: BenchContext, count: number, tag: string, job: Job): Promise<Measure> {
  const s0 = await ctx.sandbox.state();
  const c0 = process.cpuUsage();
  const wall = (await job(count, tag)) as number;
  const cpu = process.cpuUsage(c0);
  const s1 = await ctx.sandbox.state();
  return {
    wallMs: wall,
    cpuMs: (cpu.user + cpu.system) / 1000,
    requests: s1.requests.total - s0.requests.total,
  };
}

/**
 * B1 runtime overhead: approvals (step type passed, so one PUT each) and journal posts through
 * `createSession(...).runAction`, against the very requests those actions send made with plain
 * axios and keep-alive (a PUT per approval; `Submit_Accounting_Journal` then the `Get_Journals`
 * read-back per journal, envelopes prebuilt). Rounds alternate which side goes first. Also
 * reported: CPU per operation in the bench process (the sandbox runs in a child), requests per
 * operation, and journals against a single Submit (the read-back is a second round trip).
 */
export async function runB1(ctx: BenchContext): Promise<FigureResult> {
  const { approvals, journals, concurrency } = ctx.config.b1;
  const runs = ctx.config.runs;
  const connection = usConnection(ctx);
  const version = connection.soap_version;
  const session: BenchSession = await openSession(connection);
  const raw: RawClient = createRawClient(connection, concurrency);
  const stamp = Date.now().toString(36);
  try {
    const token = await raw.fetchAccessToken();
    const auth = { Authorization: `Bearer ${token}` };
    const soapUrl = raw.soapUrl(version);
    const warm = Math.min(WARM_UP, approvals);
    const ids = await ctx.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: BENCH_ASSIGNEE,
      count: runs * 2 * approvals + 2 * warm,
      stepType: 'Approval',
    });
    let cursor = 0;
    const take = (n: number): string[] => ids.slice(cursor, (cursor += n));

    const oursApprovals: Job = async (n) => {
      const batch = take(n);
      const result = await runPool(n, concurrency, (i) =>
        session.runAction('approve_reject_inbox_task', {
          inbox_task_id: batch[i],
          decision: 'approve',
          comment: COMMENT,
          step_type: 'Approval',
        }),
      );
      return result.wallMs;
    };
    const rawApprovals: Job = async (n) => {
      const batch = take(n);
      const result = await runPool(n, concurrency, (i) =>
        raw.axios.put(
          `${raw.restBase}common/v1/${raw.tenant}/inboxTasks/${String(batch[i])}`,
          { comment: COMMENT },
          { params: { type: 'approval' }, headers: auth },
        ),
      );
      return result.wallMs;
    };
    const oursJournals: Job = async (n, tag) => {
      const result = await runPool(n, concurrency, (i) =>
        session.runAction('post_journal_entry', buildJournalInput(`${tag}-${i}`, 2)),
      );
      return result.wallMs;
    };
    const rawJournals =
      (readBack: boolean): Job =>
      async (n, tag) => {
        // Envelopes are built before the clock starts: the baseline is the HTTP exchanges alone.
        const bodies = Array.from({ length: n }, (_, i) => ({
          submit: buildRawSubmitEnvelope(buildJournalInput(`${tag}-${i}`, 2), version),
          get: buildRawGetJournalEnvelope(`${tag}-${i}`, version),
        }));
        const submitHeaders = { ...soapHeaders('Submit_Accounting_Journal'), ...auth };
        const getHeaders = { ...soapHeaders('Get_Journals'), ...auth };
        const result = await runPool(n, concurrency, async (i) => {
          const body = bodies[i] as { submit: string; get: string };
          await raw.axios.post(soapUrl, body.submit, {
            headers: submitHeaders,
            responseType: 'text',
          });
          if (readBack)
            await raw.axios.post(soapUrl, body.get, { headers: getHeaders, responseType: 'text' });
        });
        return result.wallMs;
      };

    const warmJ = Math.min(WARM_UP, journals);
    await oursApprovals(warm, '');
    await rawApprovals(warm, '');
    await oursJournals(warmJ, `B1W-${stamp}-O`);
    await rawJournals(true)(warmJ, `B1W-${stamp}-R`);
    await rawJournals(false)(warmJ, `B1W-${stamp}-S`);

    const oA: Measure[] = [];
    const rA: Measure[] = [];
    const oJ: Measure[] = [];
    const rJ: Measure[] = [];
    const sJ: Measure[] = [];
    for (let run = 0; run < runs; run++) {
      ctx.log(`B1 round ${run + 1}/${runs}`);
      const tag = `B1-${stamp}-${run}`;
      const steps: Array<() => Promise<void>> = [
        async () => void oA.push(await measure(ctx, approvals, '', oursApprovals)),
        async () => void rA.push(await measure(ctx, approvals, '', rawApprovals)),
        async () => void oJ.push(await measure(ctx, journals, `${tag}-O`, oursJournals)),
        async () => void rJ.push(await measure(ctx, journals, `${tag}-R`, rawJournals(true))),
      ];
      // Alternate who goes first, so drift in machine load does not favour one side.
      const order = run % 2 === 0 ? [0, 1, 2, 3] : [1, 0, 3, 2];
      for (const i of order) await (steps[i] as () => Promise<void>)();
      sJ.push(await measure(ctx, journals, `${tag}-S`, rawJournals(false)));
    }
    const wall = (m: Measure[]): number => median(m.map((x) => x.wallMs));
    const cpuUs = (m: Measure[], n: number): number => (median(m.map((x) => x.cpuMs)) * 1000) / n;
    const perOp = (m: Measure[], n: number): number => median(m.map((x) => x.requests)) / n;
    const oursTotal = median(oA.map((m, i) => m.wallMs + (oJ[i]?.wallMs ?? 0)));
    const rawTotal = median(rA.map((m, i) => m.wallMs + (rJ[i]?.wallMs ?? 0)));
    const total = oursTotal / rawTotal;
    const approveRatio = wall(oA) / wall(rA);
    const journalRatio = wall(oJ) / wall(rJ);
    const journalVsSubmit = wall(oJ) / wall(sJ);
    return {
      rows: [
        {
          figure: `B1 approvals (${approvals}, c=${concurrency})`,
          ours: ms(wall(oA)),
          baseline: ms(wall(rA)),
          ratio: ratio(approveRatio),
          target: '-',
          met: undefined,
        },
        {
          figure: `B1 journals (${journals}, c=${concurrency}, ${perOp(oJ, journals)} req each)`,
          ours: ms(wall(oJ)),
          baseline: ms(wall(rJ)),
          ratio: ratio(journalRatio),
          target: '-',
          met: undefined,
        },
        {
          figure: 'B1 runtime overhead (both)',
          ours: ms(oursTotal),
          baseline: ms(rawTotal),
          ratio: ratio(total),
          target: `<= ${TARGET}x`,
          met: total <= TARGET,
        },
        {
          figure: 'B1 journals vs one Submit each (no read-back)',
          ours: ms(wall(oJ)),
          baseline: ms(wall(sJ)),
          ratio: ratio(journalVsSubmit),
          target: 'reported',
          met: undefined,
        },
      ],
      values: {
        b1_ratio: round(total, 3),
        b1_approve_ratio: round(approveRatio, 3),
        b1_journal_ratio: round(journalRatio, 3),
        b1_journal_ratio_vs_submit_only: round(journalVsSubmit, 3),
        b1_approve_ms: round(wall(oA), 1),
        b1_approve_raw_ms: round(wall(rA), 1),
        b1_journal_ms: round(wall(oJ), 1),
        b1_journal_raw_ms: round(wall(rJ), 1),
        b1_journal_submit_only_raw_ms: round(wall(sJ), 1),
        b1_requests_per_approval: perOp(oA, approvals),
        b1_requests_per_journal: perOp(oJ, journals),
        b1_raw_requests_per_journal: perOp(rJ, journals),
        b1_cpu_us_per_approval: round(cpuUs(oA, approvals), 0),
        b1_raw_cpu_us_per_approval: round(cpuUs(rA, approvals), 0),
        b1_cpu_us_per_journal: round(cpuUs(oJ, journals), 0),
        b1_raw_cpu_us_per_journal: round(cpuUs(rJ, journals), 0),
      },
      notes: [
        `B1 wall per round, ours/raw (ms): approvals ${oA.map((m, i) => `${Math.round(m.wallMs)}/${Math.round(rA[i]?.wallMs ?? 0)}`).join(', ')}; journals ${oJ.map((m, i) => `${Math.round(m.wallMs)}/${Math.round(rJ[i]?.wallMs ?? 0)}`).join(', ')}; journals with one Submit only (raw) ${sJ.map((m) => Math.round(m.wallMs)).join(', ')}`,
        `B1 bench-process CPU per operation, ours/raw: approval ${Math.round(cpuUs(oA, approvals))}/${Math.round(cpuUs(rA, approvals))} us, journal ${Math.round(cpuUs(oJ, journals))}/${Math.round(cpuUs(rJ, journals))} us`,
        `B1 sandbox requests per operation, ours/raw: approval ${perOp(oA, approvals)}/${perOp(rA, approvals)}, journal ${perOp(oJ, journals)}/${perOp(rJ, journals)}`,
      ],
    };
  } finally {
    session.close();
    raw.close();
  }
}
