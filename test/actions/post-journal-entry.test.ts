import { useSandboxFixture } from '../helpers/sandbox-session';

const f = useSandboxFixture();

type Line = { ledger_account: string; debit?: string | number; credit?: string | number };

function journal(lines: Line[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    company: 'GMS_USA',
    currency: 'USD',
    accounting_date: '2026-03-31',
    journal_source: 'Integration',
    memo: 'Test accrual',
    lines,
    ...extra,
  };
}

const BALANCED: Line[] = [
  { ledger_account: '6000', debit: '1250.00' },
  { ledger_account: '2100', credit: '1250.00' },
];

async function journalsStored(): Promise<number> {
  return (await f.state()).journals['acme_us'] ?? 0;
}

/** Posts, expecting a refusal before any call; returns the issues. */
async function refused(
  input: Record<string, unknown>,
): Promise<Array<{ path: string; message: string }>> {
  const session = f.session('us');
  const before = (await f.state()).requests.total;
  const error = await session.runAction('post_journal_entry', input).then(
    () => undefined,
    (e: unknown) =>
      e as { code: string; details: { issues: Array<{ path: string; message: string }> } },
  );
  expect(error?.code).toBe('invalid_input');
  expect((await f.state()).requests.total).toBe(before);
  return error?.details.issues ?? [];
}

describe('post_journal_entry', () => {
  it('books a balanced journal and returns it as Workday has it', async () => {
    const result = await f.session('us').runAction('post_journal_entry', journal(BALANCED));
    expect(result).toMatchObject({
      status: 'Posted',
      company: 'GMS_USA',
      currency: 'USD',
      accounting_date: '2026-03-31',
      total_debit: '1250.00',
      total_credit: '1250.00',
      line_count: 2,
      duplicate: false,
    });
    const { journal_id, wid } = result as { journal_id: string; wid: string };
    expect(journal_id).toMatch(/^JE-20260331-[0-9A-F]{12}$/);
    expect(wid).toMatch(/^[0-9a-f]{32}$/);
    expect(await journalsStored()).toBe(1);
    await expect(
      f.session('us').runAction('get_journal_entry', { journal_id }),
    ).resolves.toMatchObject({ journal_id, wid, line_count: 2 });
  });

  it('saves a draft (status Created) when submit is false', async () => {
    const result = await f
      .session('us')
      .runAction('post_journal_entry', journal(BALANCED, { submit: false }));
    expect(result).toMatchObject({ status: 'Created' });
  });

  it('balances 0.1 + 0.2 against 0.3 exactly (no float arithmetic)', async () => {
    const result = await f.session('us').runAction(
      'post_journal_entry',
      journal([
        { ledger_account: '6000', debit: 0.1 },
        { ledger_account: '6100', debit: 0.2 },
        { ledger_account: '2100', credit: '0.3' },
      ]),
    );
    expect(result).toMatchObject({ total_debit: '0.30', total_credit: '0.30', line_count: 3 });
  });

  it('refuses an unbalanced journal, stating both totals', async () => {
    const issues = await refused(
      journal([
        { ledger_account: '6000', debit: '100.00' },
        { ledger_account: '2100', credit: '99.99' },
      ]),
    );
    expect(issues).toEqual([
      {
        path: 'lines',
        message: 'do not balance: debits total 100.00 USD but credits total 99.99 USD',
      },
    ]);
  });

  it('refuses a one-line journal', async () => {
    const issues = await refused(journal([{ ledger_account: '6000', debit: '1.00' }]));
    expect(issues.map((i) => i.path)).toContain('lines');
    expect(issues.find((i) => i.path === 'lines')?.message).toMatch(/at least two lines/);
  });

  it('refuses a line with both a debit and a credit', async () => {
    const issues = await refused(
      journal([
        { ledger_account: '6000', debit: '1.00', credit: '1.00' },
        { ledger_account: '2100', credit: '1.00' },
      ]),
    );
    expect(issues).toContainEqual({
      path: 'lines.0',
      message: 'has both a debit and a credit; put each on its own line',
    });
  });

  it('refuses a negative amount', async () => {
    const issues = await refused(
      journal([
        { ledger_account: '6000', debit: '-5.00' },
        { ledger_account: '2100', credit: '-5.00' },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual(['lines.0.debit', 'lines.1.credit']);
  });

  it('refuses more decimals than the currency has', async () => {
    const issues = await refused(
      journal([
        { ledger_account: '6000', debit: '10.005' },
        { ledger_account: '2100', credit: '10.005' },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual(['lines.0.debit', 'lines.1.credit']);
    const jpy = await refused(
      journal(
        [
          { ledger_account: '6000', debit: '100.5' },
          { ledger_account: '2100', credit: '100.5' },
        ],
        { company: 'ACME_JP', currency: 'JPY' },
      ),
    );
    expect(jpy.map((i) => i.path)).toEqual(['lines.0.debit', 'lines.1.credit']);
  });

  it('lists every refusal at once, schema and bookkeeping alike', async () => {
    const issues = await refused({
      currency: 'USD',
      accounting_date: '2026-02-30',
      journal_source: 'Integration',
      lines: [
        { ledger_account: '6000', debit: '10.00', credit: '1.00' },
        { ledger_account: '2100', credit: '-3' },
      ],
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['company', 'accounting_date', 'lines.0', 'lines.1.credit']),
    );
  });

  it('answers remote_validation with Workday message and xpath for an unknown account', async () => {
    type Refusal = { code: string; details: { remoteMessages: unknown[] } };
    const error: Refusal = await f
      .session('us')
      .runAction(
        'post_journal_entry',
        journal([
          { ledger_account: '9999', debit: '5.00' },
          { ledger_account: '2100', credit: '5.00' },
        ]),
      )
      .then(
        () => ({ code: 'none', details: { remoteMessages: [] } }),
        (e: unknown) => e as Refusal,
      );
    expect(error).toMatchObject({ code: 'remote_validation' });
    expect(error.details.remoteMessages).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining("'9999'"),
        xpath: expect.stringMatching(
          /^\/bsvc:Submit_Accounting_Journal_Request\[1\]\/bsvc:Accounting_Journal_Data\[1\]\/bsvc:Journal_Entry_Line_Replacement_Data\[1\]/,
        ),
      }),
    );
    expect(await journalsStored()).toBe(0);
  });

  it('returns the journal, booked once, when the answer is lost after the commit', async () => {
    f.setFaults({ loseResponseAfterCommit: { match: 'Submit_Accounting_Journal', count: 1 } });
    const result = await f
      .session('us')
      .runAction('post_journal_entry', journal(BALANCED, { journal_id: 'JE-LOST-0001' }));
    expect(result).toMatchObject({ journal_id: 'JE-LOST-0001', duplicate: false, line_count: 2 });
    const state = await f.state();
    expect(state.faults.fired['loseResponseAfterCommit']).toBe(1);
    expect(state.journals['acme_us']).toBe(1);
    expect(state.requests.byRoute['soap.Submit_Accounting_Journal']).toBe(1);
  });

  it('keeps a generated journal ID across the lookup after a lost answer', async () => {
    f.setFaults({ loseResponseAfterCommit: { match: 'Submit_Accounting_Journal', count: 1 } });
    const result = await f.session('us').runAction('post_journal_entry', journal(BALANCED));
    expect((result as { journal_id: string }).journal_id).toMatch(/^JE-20260331-/);
    expect(await journalsStored()).toBe(1);
  });

  it('submits again when the lookup shows the journal was not booked', async () => {
    f.setFaults({ resetBeforeResponse: { match: 'Submit_Accounting_Journal', count: 1 } });
    const result = await f
      .session('us')
      .runAction('post_journal_entry', journal(BALANCED, { journal_id: 'JE-RESET-0001' }));
    expect(result).toMatchObject({ journal_id: 'JE-RESET-0001', duplicate: false });
    const state = await f.state();
    expect(state.requests.byRoute['soap.Submit_Accounting_Journal']).toBe(2);
    expect(state.journals['acme_us']).toBe(1);
  });

  it('gives up after three submissions that each failed and were each looked up', async () => {
    f.setFaults({ serverError: { status: 503, match: 'Submit_Accounting_Journal' } });
    await expect(
      f
        .session('us')
        .runAction('post_journal_entry', journal(BALANCED, { journal_id: 'JE-DOWN-0001' })),
    ).rejects.toMatchObject({
      code: 'remote_error',
      message: expect.stringMatching(
        /^Journal "JE-DOWN-0001" was not booked: Workday failed 3 times/,
      ),
      details: expect.objectContaining({ journalId: 'JE-DOWN-0001' }),
    });
    const state = await f.state();
    expect(state.requests.byRoute['soap.Submit_Accounting_Journal']).toBe(3);
    expect(state.requests.byRoute['soap.Get_Journals']).toBe(3);
    expect(state.journals['acme_us']).toBe(0);
  });

  it('says how to retry safely when the journal cannot be looked up after a lost answer', async () => {
    f.setFaults({
      loseResponseAfterCommit: { match: 'Submit_Accounting_Journal', count: 1 },
      resetBeforeResponse: { match: 'Get_Journals' },
    });
    const session = f.session(
      'us',
      {},
      { http: { retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 } } },
    );
    await expect(
      session.runAction('post_journal_entry', journal(BALANCED, { journal_id: 'JE-UNSURE-0001' })),
    ).rejects.toMatchObject({
      code: 'transport',
      message: expect.stringContaining('Workday did not confirm journal "JE-UNSURE-0001"'),
      hint: expect.stringContaining('Run the action again with Journal ID "JE-UNSURE-0001"'),
    });
    expect(await f.count('soap.Submit_Accounting_Journal')).toBe(1);
    // Running it again with the same Journal ID returns the journal booked the first time.
    f.setFaults({});
    const again = await f
      .session('us')
      .runAction('post_journal_entry', journal(BALANCED, { journal_id: 'JE-UNSURE-0001' }));
    expect(again).toMatchObject({ journal_id: 'JE-UNSURE-0001', duplicate: true });
    expect(await journalsStored()).toBe(1);
  });

  it('returns the existing journal with duplicate: true for a Journal ID used before', async () => {
    const session = f.session('us');
    const input = journal(BALANCED, { journal_id: 'JE-TWICE-0001' });
    const first = await session.runAction('post_journal_entry', input);
    const second = await session.runAction('post_journal_entry', input);
    expect(first).toMatchObject({ duplicate: false });
    expect(second).toEqual({ ...(first as object), duplicate: true });
    expect(await journalsStored()).toBe(1);
  });

  it('names the missing functional area for a client without it', async () => {
    await expect(
      f.session('us_limited').runAction('post_journal_entry', journal(BALANCED)),
    ).rejects.toMatchObject({ code: 'insufficient_scope' });
    expect(await journalsStored()).toBe(0);
  });

  it('returns the warnings Workday attached to the accepted journal', async () => {
    const result = await f
      .session('us')
      .runAction('post_journal_entry', journal(BALANCED, { accounting_date: '2099-01-31' }));
    expect(result).toMatchObject({
      duplicate: false,
      warnings: [
        { classification: 'Warning', message: 'The accounting date 2099-01-31 is in the future.' },
      ],
    });
    const plain = await f.session('us').runAction('post_journal_entry', journal(BALANCED));
    expect(plain).toMatchObject({ warnings: [] });
  });

  it('refuses more than 1,000 lines before any call, saying what to do', async () => {
    const lines: Line[] = Array.from({ length: 1000 }, () => ({
      ledger_account: '6000',
      debit: '1.00',
    }));
    lines.push({ ledger_account: '2100', credit: '1000.00' });
    const issues = await refused(journal(lines));
    expect(issues).toContainEqual({
      path: 'lines',
      message:
        "The journal has 1001 lines; Workday's Submit_Accounting_Journal accepts at most 1000 lines per journal: split it into balanced journals of at most 1000 lines each.",
    });
    expect(await journalsStored()).toBe(0);
  });

  it('books a journal of exactly 1,000 lines', async () => {
    const lines: Line[] = Array.from({ length: 999 }, () => ({
      ledger_account: '6000',
      debit: '1.00',
    }));
    lines.push({ ledger_account: '2100', credit: '999.00' });
    const result = await f.session('us').runAction('post_journal_entry', journal(lines));
    expect(result).toMatchObject({ line_count: 1000, duplicate: false });
  });

  it('accepts Project_ID and Spend_Category_ID worktags, as its hint suggests', async () => {
    const result = await f.session('us').runAction(
      'post_journal_entry',
      journal([
        {
          ledger_account: '6000',
          debit: '5.00',
          worktags: [
            { type: 'Project_ID', id: 'PRJ-1' },
            { type: 'Spend_Category_ID', id: 'SC-1' },
          ],
        } as Line,
        { ledger_account: '2100', credit: '5.00' },
      ]),
    );
    expect(result).toMatchObject({ duplicate: false, line_count: 2 });
  });
});
