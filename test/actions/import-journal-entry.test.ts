/**
 * `import_journal_entry` and `get_import_status` against the sandbox's asynchronous import:
 * a large CSV journal imported once, Workday's messages mapped back to input and CSV lines, and
 * no second import under any fault the sandbox injects before the receipt arrives.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { caught } from '../helpers/caught';
import { writeJournalCsv } from '../helpers/journal-csv';
import { useSandboxFixture } from '../helpers/sandbox-session';

const TENANT = 'acme_us';
const IMPORT = 'soap.Import_Accounting_Journal';

const fixture = useSandboxFixture();
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-journal-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function header(journalId?: string): Record<string, unknown> {
  return {
    ...(journalId === undefined ? {} : { journal_id: journalId }),
    company: 'GMS_USA',
    currency: 'USD',
    accounting_date: '2026-03-31',
    journal_source: 'Integration',
  };
}

const twoLines = [
  {
    ledger_account: '6000',
    debit: '100.10',
    worktags: [{ type: 'Cost_Center_Reference_ID', id: 'CC-100' }],
  },
  { ledger_account: '2100', credit: '100.10' },
];

async function imports(): Promise<{ received: number; completed: number; failed: number }> {
  const state = await fixture.state();
  return state.imports[TENANT] ?? { received: 0, completed: 0, failed: 0 };
}

async function journals(): Promise<number> {
  return (await fixture.state()).journals[TENANT] ?? 0;
}

interface ImportOutput {
  state: string;
  journal_id: string;
  duplicate: boolean;
  line_count?: number;
  total_debit?: string;
  journal_wid?: string;
  import_process: { type: string; value: string }[];
  messages: {
    severity?: string;
    message: string;
    line?: number;
    csv_line?: number;
    input_path?: string;
    workday_line_number?: number;
  }[];
  note?: string;
  percent_complete?: number;
}

describe('import_journal_entry', () => {
  it('imports a 20,000-line CSV journal once and reads it back as completed', async () => {
    fixture.sandbox.setImportDelay(200);
    const file = path.join(dir, 'twenty-thousand.csv');
    const total = await writeJournalCsv(file, 20_000);
    const events: string[] = [];
    const session = fixture.session('us', {}, { onProgress: (e) => events.push(e.phase) });

    const out = (await session.runAction('import_journal_entry', {
      ...header('JE-IMPORT-20K'),
      csv: { file },
    })) as ImportOutput;

    expect(out).toMatchObject({
      journal_id: 'JE-IMPORT-20K',
      state: 'completed',
      status: 'Completed',
      percent_complete: 100,
      line_count: 20_000,
      total_debit: total,
      total_credit: total,
      duplicate: false,
      messages: [],
    });
    expect(await imports()).toEqual({ received: 1, completed: 1, failed: 0 });
    expect(await fixture.count(IMPORT)).toBe(1);
    expect(new Set(events)).toEqual(new Set(['validate', 'upload', 'process']));
    expect(await journals()).toBe(1);
  }, 120_000);

  it('reports the lines Workday refuses by input line and CSV line, and books nothing', async () => {
    fixture.sandbox.setImportDelay(0);
    const file = path.join(dir, 'refused.csv');
    // Rows 6 and 101 (0-based) name accounts the tenant does not have.
    await writeJournalCsv(file, 200, { unknownAccountAt: [6, 101] });
    const session = fixture.session();

    const out = (await session.runAction('import_journal_entry', {
      ...header('JE-IMPORT-REFUSED'),
      csv: { file },
    })) as ImportOutput;

    expect(out.state).toBe('failed');
    expect(out.messages).toEqual([
      {
        severity: 'Error',
        message: "Invalid ID value. '9999' is not a valid ID value for type = 'Ledger_Account_ID'",
        workday_line_number: 7,
        line: 7,
        input_path: 'lines.6',
        csv_line: 8,
      },
      {
        severity: 'Error',
        message: "Invalid ID value. '9998' is not a valid ID value for type = 'Ledger_Account_ID'",
        workday_line_number: 102,
        line: 102,
        input_path: 'lines.101',
        csv_line: 103,
      },
    ]);
    expect(await journals()).toBe(0);
    expect(await imports()).toEqual({ received: 1, completed: 0, failed: 1 });
  });

  it('maps a line of a CSV with quoted line breaks to the CSV line it starts on', async () => {
    fixture.sandbox.setImportDelay(0);
    const csv = [
      'ledger_account,debit,credit,memo',
      '6000,10.00,,"two',
      'lines"',
      '',
      '7777,,10.00,refused',
    ].join('\n');
    const out = (await fixture.session().runAction('import_journal_entry', {
      ...header(),
      csv: { text: csv },
    })) as ImportOutput;
    expect(out.messages).toMatchObject([{ line: 2, csv_line: 5, workday_line_number: 2 }]);
  });

  it('validates JSON lines exactly as post_journal_entry does, before any request', async () => {
    const session = fixture.session();
    const unbalanced = {
      ...header(),
      lines: [
        { ledger_account: '6000', debit: '100.10' },
        { ledger_account: '2100', credit: '100.01' },
      ],
    };
    const imported = await caught(session.runAction('import_journal_entry', unbalanced));
    const posted = await caught(session.runAction('post_journal_entry', unbalanced));
    expect(imported.code).toBe('invalid_input');
    expect(imported.message).toBe(
      'The journal entry is invalid: "lines" do not balance: debits total 100.10 USD but credits total 100.01 USD.',
    );
    expect(imported.details.issues).toEqual(posted.details.issues);
    expect((await fixture.state()).requests.total).toBe(0);
  });

  it('refuses CSV lines with the same checks, naming the line and its CSV line, before any request', async () => {
    const session = fixture.session();
    const csv = 'ledger_account,debit,credit\n6000,1.001,\n2100,,1.00\n6000,5.00,5.00\n';
    const error = await caught(
      session.runAction('import_journal_entry', {
        ...header(),
        currency: 'USD',
        csv: { text: csv },
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.details.issues).toEqual([
      {
        path: 'lines.0.debit',
        message: 'has 3 decimal places; at most 2 are allowed for USD (CSV line 2)',
      },
      {
        path: 'lines.2',
        message: 'has both a debit and a credit; put each on its own line (CSV line 4)',
      },
    ]);
    expect((await fixture.state()).requests.total).toBe(0);
  });

  it('refuses a journal whose CSV lines do not balance, in exact arithmetic', async () => {
    const csv = 'ledger_account,debit,credit\n6000,0.10,\n6000,0.20,\n2100,,0.30000000000000004\n';
    const error = await caught(
      fixture.session().runAction('import_journal_entry', { ...header(), csv: { text: csv } }),
    );
    expect(error.details.issues).toEqual([
      {
        path: 'lines.2.credit',
        message: 'has 17 decimal places; at most 2 are allowed for USD (CSV line 4)',
      },
    ]);
    const unbalanced = 'ledger_account,debit,credit\n6000,0.10,\n6000,0.20,\n2100,,0.31\n';
    const second = await caught(
      fixture
        .session()
        .runAction('import_journal_entry', { ...header(), csv: { text: unbalanced } }),
    );
    expect(second.details.issues).toEqual([
      {
        path: 'lines',
        message: 'do not balance: debits total 0.30 USD but credits total 0.31 USD',
      },
    ]);
  });

  it('names a missing CSV column and the header it found', async () => {
    const error = await caught(
      fixture.session().runAction('import_journal_entry', {
        ...header(),
        csv: { text: 'Account,Amount\n6000,1\n', columns: { debit: 'Debit' } },
      }),
    );
    expect(error.message).toBe(
      'The CSV text has no column "ledger_account", "Debit"; its header row is: "Account", "Amount".',
    );
  });

  it('recognises a second import of the same Journal ID and imports nothing', async () => {
    fixture.sandbox.setImportDelay(0);
    const session = fixture.session();
    const input = { ...header('JE-IMPORT-TWICE'), lines: twoLines };
    const first = (await session.runAction('import_journal_entry', input)) as ImportOutput;
    const second = (await session.runAction('import_journal_entry', input)) as ImportOutput;
    expect(first).toMatchObject({ state: 'completed', duplicate: false });
    expect(second).toMatchObject({ state: 'completed', duplicate: true });
    expect(second.journal_wid).toBe(first.journal_wid);
    expect(await imports()).toMatchObject({ received: 1 });
  });

  it('recognises the Add_Only answer when the same Journal ID is still being imported', async () => {
    fixture.sandbox.setImportDelay(600);
    const session = fixture.session();
    const input = { ...header('JE-IMPORT-INFLIGHT'), lines: twoLines, wait_seconds: 0 };
    const first = (await session.runAction('import_journal_entry', input)) as ImportOutput;
    expect(first.state).toBe('running');
    // The rerun finds no journal yet; Workday refuses the upload (Add_Only) and it waits.
    const second = (await session.runAction('import_journal_entry', {
      ...input,
      wait_seconds: 30,
    })) as ImportOutput;
    expect(second).toMatchObject({ state: 'completed', duplicate: true });
    expect(await imports()).toMatchObject({ received: 1, completed: 1 });
    expect(await fixture.count(IMPORT)).toBe(2);
  });
});

describe('import_journal_entry exactly once under faults', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    [
      'a lost receipt',
      { loseResponseAfterCommit: { match: 'Import_Accounting_Journal', count: 1 } },
    ],
    [
      'a reset before the receipt',
      { resetBeforeResponse: { match: 'Import_Accounting_Journal', count: 1 } },
    ],
    [
      'a 503 before the receipt',
      { serverError: { status: 503, match: 'Import_Accounting_Journal', count: 1 } },
    ],
    [
      'a 500 before the receipt',
      { serverError: { status: 500, match: 'Import_Accounting_Journal', count: 1 } },
    ],
  ];

  it.each(cases)(
    'imports once after %s, looking the journal up before resending',
    async (_name, faults) => {
      fixture.sandbox.setImportDelay(300);
      fixture.setFaults(faults);
      const out = (await fixture.session().runAction('import_journal_entry', {
        ...header('JE-IMPORT-FAULT'),
        lines: twoLines,
      })) as ImportOutput;
      expect(out).toMatchObject({
        journal_id: 'JE-IMPORT-FAULT',
        state: 'completed',
        duplicate: false,
      });
      expect(await imports()).toMatchObject({ received: 1, completed: 1 });
      expect(await journals()).toBe(1);
      expect(await fixture.count('soap.Get_Journals')).toBeGreaterThanOrEqual(1);
    },
  );

  it('imports once after a timeout, though the timed-out upload is processed later', async () => {
    fixture.sandbox.setImportDelay(0);
    // Only the first upload is slow, and slower than the upload timeout: the resend is fast.
    fixture.setFaults({
      latencyMs: 2500,
      latencyMatch: 'Import_Accounting_Journal',
      latencyCount: 1,
    });
    const out = (await fixture.session().runAction('import_journal_entry', {
      ...header('JE-IMPORT-TIMEOUT'),
      lines: twoLines,
      upload_timeout_seconds: 1,
    })) as ImportOutput;
    expect(out).toMatchObject({ state: 'completed', duplicate: false });
    // Two uploads: the one that timed out and the resend after a lookup found nothing.
    expect(await fixture.count(IMPORT)).toBe(2);
    // Let the slow first upload reach the handler: Add_Only refuses it.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await imports()).toMatchObject({ received: 1, completed: 1 });
    expect(await journals()).toBe(1);
  });

  it('says a timed-out upload may still be imported when every upload timed out', async () => {
    fixture.sandbox.setImportDelay(0);
    fixture.setFaults({ latencyMs: 4500, latencyMatch: 'Import_Accounting_Journal' });
    const error = await caught(
      fixture.session().runAction('import_journal_entry', {
        ...header('JE-IMPORT-ALL-TIMEOUTS'),
        lines: twoLines,
        upload_timeout_seconds: 1,
      }),
    );
    expect(error).toMatchObject({ code: 'transport' });
    expect((error as { hint?: string }).hint).toMatch(/may still be imported by Workday/);
    fixture.setFaults({});
    expect(await fixture.count(IMPORT)).toBe(4);
    // The four slow uploads (sent about 1 s apart) reach the handler 4.5 s after each was sent:
    // the first imports, Add_Only refuses the other three.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(await imports()).toMatchObject({ received: 1 });
    expect(await journals()).toBe(1);
  });
});

describe('get_import_status', () => {
  it('resumes an import that was still running, by its import process reference', async () => {
    fixture.sandbox.setImportDelay(1000);
    const session = fixture.session();
    const started = (await session.runAction('import_journal_entry', {
      ...header('JE-IMPORT-RESUME'),
      lines: twoLines,
      wait_seconds: 0,
    })) as ImportOutput;
    expect(started.state).toBe('running');
    expect(started.import_process.map((id) => id.type)).toEqual([
      'WID',
      'Background_Process_Instance_ID',
    ]);

    const now = (await session.runAction('get_import_status', {
      import_process: started.import_process,
    })) as ImportOutput;
    expect(now.state).toBe('running');
    expect(now.percent_complete).toBeLessThan(100);

    const done = (await session.runAction('get_import_status', {
      import_process: started.import_process,
      journal_id: 'JE-IMPORT-RESUME',
      wait_seconds: 20,
    })) as ImportOutput;
    expect(done).toMatchObject({
      state: 'completed',
      percent_complete: 100,
      journal_status: 'Posted',
    });
    expect(done.journal_wid).toMatch(/^[0-9a-f]{32}$/);
    expect(await imports()).toMatchObject({ received: 1, completed: 1 });
  });

  it('answers remote_validation for an import process the tenant does not have', async () => {
    const error = await caught(
      fixture.session().runAction('get_import_status', {
        import_process: [{ type: 'WID', value: '0123456789abcdef0123456789abcdef' }],
      }),
    );
    expect(error.code).toBe('remote_validation');
    expect(error.message).toContain(
      "Invalid ID value. '0123456789abcdef0123456789abcdef' is not a valid ID value for type = 'WID'",
    );
  });
});
