/**
 * `npm run bench`: the benchmarks of issues 7 (B1–B5) and 8 (B6) against the sandbox on
 * loopback. Prints one table (figure, ours, baseline, ratio, target, met?) with the raw numbers
 * under it and writes `bench/results.json`. `--quick` shrinks every count to a smoke run.
 */
import { join, resolve } from 'node:path';
import { parseBenchArgs } from './config';
import { startBenchSandbox } from './bench-sandbox';
import { assembleResults, formatTable, machineFacts, writeResults } from './report';
import { runSandboxCeiling } from './figures/sandbox-ceiling';
import { runB1 } from './figures/b1-overhead';
import { runB2 } from './figures/b2-refresh-storm';
import { runB3 } from './figures/b3-polling-scale';
import { runB4 } from './figures/b4-large-journal';
import { runB5 } from './figures/b5-cold-start';
import { runB6 } from './figures/b6-latency';
import { runB8 } from './figures/b8-import-journal';
import type { BenchConfig, FigureKey } from './config';
import type { BenchContext } from './context';
import type { FigureResult, ResultValue, TableRow } from './report';

const RUNNERS: { readonly [K in FigureKey]: (ctx: BenchContext) => Promise<FigureResult> } = {
  ceiling: runSandboxCeiling,
  b1: runB1,
  b2: runB2,
  b3: runB3,
  b4: runB4,
  b5: runB5,
  b6: runB6,
  b8: runB8,
};

/** Everything one bench run produced. */
export interface BenchOutcome {
  /** The `results.json` content: every required key, `null` for a figure that failed. */
  results: Record<string, ResultValue>;
  rows: TableRow[];
  notes: string[];
  /** Figures that threw, with the reason; the run goes on without them. */
  failures: Array<{ figure: FigureKey; message: string }>;
  /** The printable report: table, then notes. */
  text: string;
}

/** Runs the configured figures against one sandbox and assembles the outcome (writes nothing). */
export async function runBench(
  config: BenchConfig,
  log: (message: string) => void = () => undefined,
): Promise<BenchOutcome> {
  const sandbox = await startBenchSandbox(config.sandboxMode);
  const ctx: BenchContext = { config, sandbox, log };
  const rows: TableRow[] = [];
  const notes: string[] = [`sandbox: ${sandbox.mode} process at ${sandbox.origin}`];
  const values: Record<string, ResultValue> = {};
  const failures: BenchOutcome['failures'] = [];
  try {
    for (const key of config.only) {
      log(`running ${key}`);
      try {
        const result = await RUNNERS[key](ctx);
        rows.push(...result.rows);
        notes.push(...result.notes);
        Object.assign(values, result.values);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ figure: key, message });
        rows.push({
          figure: `${key.toUpperCase()} FAILED`,
          ours: '-',
          baseline: '-',
          ratio: '-',
          target: '-',
          met: false,
        });
        notes.push(`${key} failed: ${message}`);
        await sandbox.setFaults({}).catch(() => undefined);
      }
    }
  } finally {
    await sandbox.close();
  }
  const results = assembleResults({
    ...values,
    ...machineFacts(),
    bench_mode: config.runs === 1 ? 'quick' : 'full',
    bench_runs: config.runs,
    sandbox_process: sandbox.mode,
    failures: failures.length,
  });
  const text = [formatTable(rows), '', ...notes.map((n) => `  ${n}`)].join('\n');
  return { results, rows, notes, failures, text };
}

async function main(): Promise<void> {
  const config = parseBenchArgs(process.argv.slice(2), {
    // Compiled to dist/bench/: results go to the source tree's bench/, the CLI is dist/cli/.
    outFile: resolve(__dirname, '..', '..', 'bench', 'results.json'),
    cliPath: join(__dirname, '..', 'cli', 'main.js'),
  });
  const began = Date.now();
  const outcome = await runBench(config, (m) => process.stderr.write(`[bench] ${m}\n`));
  process.stdout.write(`${outcome.text}\n`);
  process.stdout.write(
    `\n  cpu: ${String(outcome.results.cpu_model)}; node ${String(outcome.results.node_version)}; ${Math.round((Date.now() - began) / 1000)} s\n`,
  );
  if (config.outFile) {
    writeResults(config.outFile, outcome.results);
    process.stdout.write(`  results written to ${config.outFile}\n`);
  }
  if (outcome.failures.length > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
