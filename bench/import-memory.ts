/**
 * Measures what a large CSV journal costs the connector's process: validation of the CSV, then
 * the streamed Import_Accounting_Journal envelope sent through the SDK's HTTP client to a
 * loopback server in this process that reads and discards it. Run in a fresh process per size
 * (`node dist/bench/import-memory.js LINES CSV_FILE`), it prints one JSON line: lines, bytes
 * sent, validation and send times, and the peak heap and RSS seen while it ran.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '../sdk/http';
import { createRedactor } from '../sdk/redact';
import { csvLineSource } from '../workday/csv-journal-lines';
import { validateLargeJournal } from '../workday/large-journal';
import { importAccountingJournalRequest } from '../workday/soap/import-accounting-journal';

/** What one run measured. */
export interface ImportMemoryResult {
  lines: number;
  bytes: number;
  validateMs: number;
  sendMs: number;
  baselineHeapMb: number;
  peakHeapMb: number;
  baselineRssMb: number;
  peakRssMb: number;
}

const MB = 1024 * 1024;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Validates and sends the CSV journal in `file`; samples memory every 5 ms meanwhile. */
export async function measureImportMemory(file: string): Promise<ImportMemoryResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sample = (): void => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const timer = setInterval(sample, 5);

  let bytes = 0;
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => response.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = createHttpClient({
    baseUri: `http://127.0.0.1:${port}`,
    redactor: createRedactor(),
  });
  try {
    const started = Date.now();
    const journal = await validateLargeJournal(
      {
        journal_id: 'JE-BENCH-MEMORY',
        company: 'GMS_USA',
        currency: 'USD',
        accounting_date: '2026-03-31',
        journal_source: 'Integration',
      },
      csvLineSource({ file }),
      { onLines: sample },
    );
    const validated = Date.now();
    await client.request({
      method: 'POST',
      url: '/import',
      bodyStream: () =>
        importAccountingJournalRequest(journal.header, journal.lines(), {
          version: 'v45.0',
          onLine: (n) => {
            if (n % 1000 === 0) sample();
          },
        }),
      headers: { 'Content-Type': 'text/xml; charset=utf-8' },
      responseType: 'text',
      timeoutMs: 600_000,
    });
    const sent = Date.now();
    sample();
    return {
      lines: journal.lineCount,
      bytes,
      validateMs: validated - started,
      sendMs: sent - validated,
      baselineHeapMb: round(baseline.heapUsed / MB),
      peakHeapMb: round(peakHeap / MB),
      baselineRssMb: round(baseline.rss / MB),
      peakRssMb: round(peakRss / MB),
    };
  } finally {
    clearInterval(timer);
    client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (require.main === module) {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write('usage: node dist/bench/import-memory.js CSV_FILE\n');
    process.exit(2);
  }
  measureImportMemory(file).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
