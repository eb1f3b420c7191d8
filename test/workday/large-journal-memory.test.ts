/**
 * A large CSV journal costs bounded memory: validated and sent (streamed through the SDK's HTTP
 * client to a loopback server) in a fresh process whose old-generation heap is capped far below
 * the size of the request. Built as one string, the request alone would not fit.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ImportMemoryResult } from '../../bench/import-memory';
import { ensureDist } from '../helpers/ensure-dist';
import { writeJournalCsv } from '../helpers/journal-csv';

const PROBE = path.join(__dirname, '..', '..', 'dist', 'bench', 'import-memory.js');
/** The cap of the probe's old-generation heap: a third of the 200,000-line request's size. */
const HEAP_CAP_MB = 32;

let dir: string;
beforeAll(async () => {
  ensureDist();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-memory-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function measure(lines: number): Promise<ImportMemoryResult> {
  const file = path.join(dir, `${lines}.csv`);
  await writeJournalCsv(file, lines);
  const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, PROBE, file], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (run.status !== 0) throw new Error(`the probe exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ImportMemoryResult;
}

it('validates and streams 200,000 CSV lines in a process whose heap holds a third of the request', async () => {
  const result = await measure(200_000);
  expect(result.lines).toBe(200_000);
  // The request really is about 80 MB...
  expect(result.bytes).toBeGreaterThan(2 * HEAP_CAP_MB * 1024 * 1024);
  // ...and the heap stayed under the cap all along (the process would have died otherwise).
  expect(result.peakHeapMb).toBeLessThan(2 * HEAP_CAP_MB);
}, 600_000);
