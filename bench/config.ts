/** The figures the bench can run, in the order it runs them. */
export const FIGURES = ['ceiling', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b8'] as const;

/** One figure's key (`ceiling` is the sandbox's own raw throughput). */
export type FigureKey = (typeof FIGURES)[number];

/** Counts and switches of one bench run; `--quick` shrinks every count to a smoke test. */
export interface BenchConfig {
  /** Repetitions whose median is reported, for the fast figures. */
  runs: number;
  /** Run the sandbox in a child process (default) or inside the bench process. */
  sandboxMode: 'child' | 'inline';
  /** Which figures to run. */
  only: readonly FigureKey[];
  /** Where results are written; `undefined` writes nothing. */
  outFile: string | undefined;
  /** The compiled CLI that B5 spawns. */
  cliPath: string;
  ceiling: { requests: number; concurrency: number };
  b1: { approvals: number; journals: number; concurrency: number };
  b2: { concurrent: number };
  b3: { tasks: number; runs: number };
  b4: { lines: number };
  b5: { runs: number };
  /** B8: the CSV journal's line count, and the smaller count heap growth is also shown at. */
  b8: { lines: number; memoryLines: number };
  b6: {
    latencyMs: number;
    searchLimit: number;
    searchRuns: number;
    /** `max_concurrency` of the connection for parallel paging (the connection default is 4). */
    pagingConcurrency: number;
    /** A second, higher paging concurrency also measured (all remaining pages at once). */
    widePagingConcurrency: number;
    approvals: number;
    approveConcurrency: number;
    approveRuns: number;
    /** Every Nth inbox-task request answers 429 during the storm. */
    rateLimitEvery: number;
    retryAfterSeconds: number;
  };
}

/** Figures from issues 7 and 8 at their stated sizes (about 4–5 minutes on 2 cores). */
export const FULL_CONFIG: Omit<BenchConfig, 'outFile' | 'cliPath'> = {
  runs: 5,
  sandboxMode: 'child',
  only: FIGURES,
  ceiling: { requests: 20_000, concurrency: 16 },
  b1: { approvals: 2_000, journals: 1_000, concurrency: 16 },
  b2: { concurrent: 500 },
  b3: { tasks: 100_000, runs: 3 },
  b4: { lines: 5_000 },
  b5: { runs: 5 },
  b8: { lines: 100_000, memoryLines: 10_000 },
  b6: {
    latencyMs: 100,
    searchLimit: 1_000,
    searchRuns: 3,
    pagingConcurrency: 4,
    widePagingConcurrency: 9,
    approvals: 1_000,
    approveConcurrency: 16,
    approveRuns: 2,
    rateLimitEvery: 4,
    retryAfterSeconds: 1,
  },
};

/** Minimal counts: checks that every figure runs and reports, not how fast. */
export const QUICK_CONFIG: Omit<BenchConfig, 'outFile' | 'cliPath'> = {
  runs: 1,
  sandboxMode: 'child',
  only: FIGURES,
  ceiling: { requests: 200, concurrency: 4 },
  b1: { approvals: 20, journals: 6, concurrency: 4 },
  b2: { concurrent: 20 },
  b3: { tasks: 450, runs: 1 },
  b4: { lines: 50 },
  b5: { runs: 1 },
  b8: { lines: 400, memoryLines: 200 },
  b6: {
    latencyMs: 10,
    searchLimit: 300,
    searchRuns: 1,
    pagingConcurrency: 4,
    widePagingConcurrency: 2,
    approvals: 16,
    approveConcurrency: 4,
    approveRuns: 1,
    rateLimitEvery: 3,
    retryAfterSeconds: 1,
  },
};

const USAGE =
  'usage: node dist/bench/run.js [--quick] [--runs N] [--only b1,b2,...] [--inline-sandbox] [--out FILE | --no-write]';

/** Parses the bench's command line; throws a usage message on anything unknown. */
export function parseBenchArgs(
  argv: readonly string[],
  defaults: { outFile: string; cliPath: string },
): BenchConfig {
  const quick = argv.includes('--quick');
  const base = quick ? QUICK_CONFIG : FULL_CONFIG;
  const config: BenchConfig = { ...base, outFile: defaults.outFile, cliPath: defaults.cliPath };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`Option "${arg}" needs a value. ${USAGE}`);
      return v;
    };
    if (arg === '--quick') continue;
    else if (arg === '--inline-sandbox') config.sandboxMode = 'inline';
    else if (arg === '--no-write') config.outFile = undefined;
    else if (arg === '--out') config.outFile = value();
    else if (arg === '--runs') {
      const runs = Number(value());
      if (!Number.isInteger(runs) || runs < 1)
        throw new Error(`Option "--runs" must be a positive integer. ${USAGE}`);
      config.runs = runs;
    } else if (arg === '--only') {
      const keys = value().split(',');
      for (const key of keys) {
        if (!(FIGURES as readonly string[]).includes(key)) {
          throw new Error(`Unknown figure "${key}"; known: ${FIGURES.join(', ')}. ${USAGE}`);
        }
      }
      config.only = keys as FigureKey[];
    } else throw new Error(`Unknown option "${arg}". ${USAGE}`);
  }
  return config;
}
