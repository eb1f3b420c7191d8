import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { csvLineSource } from '../../workday/csv-journal-lines';
import { validateLargeJournal } from '../../workday/large-journal';
import { importAccountingJournalRequest } from '../../workday/soap/import-accounting-journal';
import { usConnection } from '../context';
import { createRawClient } from '../raw-client';
import { buildImportWithXmlLibraryAlone } from '../raw-journal';
import type { CsvJournalRow } from '../raw-journal';
import { ms, ratio } from '../report';
import { openSession } from '../session';
import { nowMs, round } from '../stats';
import type { BenchContext } from '../context';
import type { ImportMemoryResult } from '../import-memory';
import type { FigureResult } from '../report';

const run = promisify(execFile);
const HEAP_TARGET_MB = 64;
const HEADER = {
  company: 'GMS_USA',
  currency: 'USD',
  accounting_date: '2026-03-31',
  journal_source: 'Integration',
};

/** A balanced CSV journal of `lines` rows: debits on 6000 with a cost center, credits on 2100. */
function journalCsv(lines: number): string {
  const rows = ['ledger_account,debit,credit,memo,worktag.Cost_Center_Reference_ID'];
  for (let i = 0; i < lines; i += 2) {
    const cents = (i % 997) * 100 + 125;
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    rows.push(`6000,${amount},,Allocation ${i} part A,CC-100`, `2100,,${amount},Allocation ${i},`);
  }
  return `${rows.join('\n')}\n`;
}

/** Ours: the CSV validated (exact decimals), then the streamed envelope drained; its text. */
async function oursBuild(file: string, journalId: string, version: string): Promise<string> {
  const journal = await validateLargeJournal(
    { ...HEADER, journal_id: journalId },
    csvLineSource({ file }),
  );
  const parts: string[] = [];
  for await (const chunk of importAccountingJournalRequest(journal.header, journal.lines(), {
    version,
  }))
    parts.push(chunk);
  return parts.join('');
}

/** Baseline: the CSV parsed with csv-parse, the same envelope built with XMLBuilder alone. */
async function libraryBuild(file: string, journalId: string, version: string): Promise<string> {
  const rows = parse(await readFile(file, 'utf8'), { columns: true }) as CsvJournalRow[];
  return buildImportWithXmlLibraryAlone({ ...HEADER, journal_id: journalId }, rows, version);
}

async function timed<T>(job: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = nowMs();
  const value = await job();
  return { ms: nowMs() - start, value };
}

/** Peak heap growth of validate + streamed send, in a fresh process per size. */
async function memoryOf(file: string): Promise<ImportMemoryResult> {
  const probe = join(__dirname, '..', 'import-memory.js');
  const { stdout } = await run(process.execPath, ['--expose-gc', probe, file], {
    timeout: 600_000,
  });
  return JSON.parse(stdout) as ImportMemoryResult;
}

/**
 * B8 large journal import: a `lines`-line CSV journal validated and built into the streamed
 * `Import_Accounting_Journal` envelope, against csv-parse + XMLBuilder building the same XML as
 * one string; peak heap growth of validate + send at `memoryLines` (10k) and `lines` (100k), each
 * in its own process (target under 64 MB whatever the count); and the end-to-end
 * `import_journal_entry` run against the sandbox with its import delay 0, against raw axios
 * posting the same body (prebuilt) and polling Get_Import_Processes.
 */
export async function runB8(ctx: BenchContext): Promise<FigureResult> {
  const { lines, memoryLines } = ctx.config.b8;
  const connection = usConnection(ctx);
  const version = connection.soap_version;
  const dir = await mkdtemp(join(tmpdir(), 'bench-b8-'));
  try {
    const big = join(dir, `journal-${lines}.csv`);
    const small = join(dir, `journal-${memoryLines}.csv`);
    await writeFile(big, journalCsv(lines));
    await writeFile(small, journalCsv(memoryLines));

    const stamp = Date.now().toString(36);
    const ours = await timed(() => oursBuild(big, `B8-BUILD-${stamp}`, version));
    const library = await timed(() => libraryBuild(big, `B8-BUILD-${stamp}`, version));
    const sameXml = ours.value === library.value;
    const envelopeBytes = Buffer.byteLength(ours.value);

    ctx.log(`b8: memory at ${memoryLines} and ${lines} lines`);
    const memSmall = await memoryOf(small);
    const memBig = await memoryOf(big);
    const growth = (m: ImportMemoryResult): number => round(m.peakHeapMb - m.baselineHeapMb, 1);

    ctx.log('b8: end to end against the sandbox (import delay 0)');
    await ctx.sandbox.setImportDelay(0);
    const session = await openSession(connection);
    const e2e = await timed(() =>
      session.runAction('import_journal_entry', {
        ...HEADER,
        journal_id: `B8-E2E-${stamp}`,
        csv: { file: big },
      }),
    );
    const state = (e2e.value as { state?: string }).state;
    if (state !== 'completed') throw new Error(`B8 import ended "${String(state)}".`);

    const raw = createRawClient(connection, 1);
    let rawMs: number;
    try {
      const body = await oursBuild(big, `B8-RAW-${stamp}`, version);
      const start = nowMs();
      const token = await raw.fetchAccessToken();
      const headers = {
        'Content-Type': 'text/xml; charset=utf-8',
        Authorization: `Bearer ${token}`,
      };
      const receipt = await raw.axios.post<string>(raw.soapUrl(version), body, {
        headers,
        responseType: 'text',
        maxBodyLength: Infinity,
      });
      const wid = /type="WID">([^<]+)</.exec(receipt.data)?.[1];
      if (wid === undefined) throw new Error('B8 raw import got no process WID.');
      const statusUrl = raw.soapUrl(version).replace('/Financial_Management/', '/Integrations/');
      const ask =
        '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:bsvc="urn:com.workday/bsvc"><soapenv:Body>' +
        `<bsvc:Get_Import_Processes_Request bsvc:version="${version}"><bsvc:Request_References><bsvc:Import_Process_Reference><bsvc:ID bsvc:type="WID">${wid}</bsvc:ID></bsvc:Import_Process_Reference></bsvc:Request_References></bsvc:Get_Import_Processes_Request></soapenv:Body></soapenv:Envelope>`;
      for (let poll = 0; ; poll++) {
        const status = await raw.axios.post<string>(statusUrl, ask, {
          headers,
          responseType: 'text',
        });
        if (/Process_Completed_DateTime/.test(status.data)) break;
        if (poll > 400) throw new Error('B8 raw import did not complete.');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      rawMs = nowMs() - start;
    } finally {
      raw.close();
    }

    const heapMet = growth(memSmall) < HEAP_TARGET_MB && growth(memBig) < HEAP_TARGET_MB;
    return {
      rows: [
        {
          figure: `B8 CSV journal of ${lines} lines: validate+stream build`,
          ours: ms(ours.ms),
          baseline: `${ms(library.ms)} csv-parse+XMLBuilder`,
          ratio: ratio(ours.ms / library.ms),
          target: 'reported',
          met: undefined,
        },
        {
          figure: `B8 peak heap growth ${memoryLines} / ${lines} lines`,
          ours: `${growth(memSmall)} / ${growth(memBig)} MB`,
          baseline: '-',
          ratio: '-',
          target: `< ${HEAP_TARGET_MB} MB`,
          met: heapMet,
        },
        {
          figure: `B8 import of ${lines} lines end to end (delay 0)`,
          ours: ms(e2e.ms),
          baseline: `${ms(rawMs)} raw axios`,
          ratio: ratio(e2e.ms / rawMs),
          target: 'reported',
          met: undefined,
        },
      ],
      values: {
        b8_lines: lines,
        b8_build_ms: round(ours.ms, 1),
        b8_build_library_ms: round(library.ms, 1),
        b8_build_ratio: round(ours.ms / library.ms, 3),
        b8_same_xml_as_library: sameXml,
        b8_envelope_bytes: envelopeBytes,
        b8_heap_growth_small_mb: growth(memSmall),
        b8_heap_growth_mb: growth(memBig),
        b8_heap_small_lines: memoryLines,
        b8_peak_rss_mb: memBig.peakRssMb,
        b8_e2e_ms: round(e2e.ms, 0),
        b8_e2e_raw_ms: round(rawMs, 0),
        b8_e2e_ratio: round(e2e.ms / rawMs, 3),
      },
      notes: [
        `B8: envelope ${envelopeBytes} bytes, same XML as the library's: ${String(sameXml)}; memory probe ${memoryLines} lines ${JSON.stringify(memSmall)}; ${lines} lines ${JSON.stringify(memBig)}`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
