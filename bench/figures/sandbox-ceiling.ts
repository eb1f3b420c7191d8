import http from 'node:http';
import { median, nowMs, round } from '../stats';
import { createRawClient } from '../raw-client';
import { BENCH_ASSIGNEE, usConnection } from '../context';
import type { BenchContext } from '../context';
import type { FigureResult } from '../report';

/** One burst of `count` GETs over plain `node:http` keep-alive; resolves with requests/s. */
function burst(
  url: URL,
  token: string,
  count: number,
  concurrency: number,
  agent: http.Agent,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let started = 0;
    let done = 0;
    const begin = nowMs();
    const fire = (): void => {
      started++;
      const req = http.get(url, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`The ceiling request got status ${String(res.statusCode)}.`));
          res.resume();
          return;
        }
        res.resume();
        res.on('end', () => {
          done++;
          if (done === count) resolve((count / (nowMs() - begin)) * 1000);
          else if (started < count) fire();
        });
      });
      req.on('error', reject);
    };
    for (let i = 0; i < Math.min(concurrency, count); i++) fire();
  });
}

/**
 * The sandbox's own raw throughput, the ceiling every other figure runs under: GET one inbox
 * task by id over bare `node:http` keep-alive (no axios), `concurrency` in flight.
 */
export async function runSandboxCeiling(ctx: BenchContext): Promise<FigureResult> {
  const { requests, concurrency } = ctx.config.ceiling;
  const connection = usConnection(ctx);
  const raw = createRawClient(connection, concurrency);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const token = await raw.fetchAccessToken();
    const [id] = await ctx.sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: BENCH_ASSIGNEE,
      count: 1,
      stepType: 'Approval',
    });
    const url = new URL(`${raw.restBase}common/v1/${raw.tenant}/inboxTasks/${String(id)}`);
    await burst(url, token, Math.min(requests, 500), concurrency, agent); // warm-up: JIT and sockets
    const rates: number[] = [];
    for (let run = 0; run < ctx.config.runs; run++)
      rates.push(await burst(url, token, requests, concurrency, agent));
    const rate = median(rates);
    return {
      rows: [
        {
          figure: `Sandbox ceiling (GET task, node:http, c=${concurrency})`,
          ours: `${Math.round(rate)} req/s`,
          baseline: '-',
          ratio: '-',
          target: 'not the bottleneck',
          met: undefined,
        },
      ],
      values: {
        sandbox_requests_per_s: Math.round(rate),
        sandbox_requests_per_s_runs: rates.map((r) => round(r, 0)),
      },
      notes: [
        `ceiling: ${requests} GETs per run, runs: ${rates.map((r) => Math.round(r)).join(', ')} req/s`,
      ],
    };
  } finally {
    agent.destroy();
    raw.close();
  }
}
