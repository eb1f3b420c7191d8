import { useSandboxFixture } from '../helpers/sandbox-session';

const f = useSandboxFixture();

describe('get_journal_entry', () => {
  it('reads back a posted journal with its lines', async () => {
    const session = f.session('us');
    await session.runAction('post_journal_entry', {
      journal_id: 'JE-GET-0001',
      company: 'GMS_USA',
      currency: 'USD',
      accounting_date: '2026-03-31',
      journal_source: 'Integration',
      memo: 'Read me back',
      lines: [
        {
          ledger_account: '6000',
          debit: '12.34',
          worktags: [{ type: 'Cost_Center_Reference_ID', id: 'CC-100' }],
        },
        { ledger_account: '2100', credit: '12.34' },
      ],
    });
    const journal = await session.runAction('get_journal_entry', { journal_id: 'JE-GET-0001' });
    expect(journal).toMatchObject({
      journal_id: 'JE-GET-0001',
      company: 'GMS_USA',
      currency: 'USD',
      accounting_date: '2026-03-31',
      total_debit: '12.34',
      total_credit: '12.34',
      line_count: 2,
      source: 'Integration',
      lines: [
        {
          ledger_account: '6000',
          debit: '12.34',
          worktags: [{ type: 'Cost_Center_Reference_ID', id: 'CC-100' }],
        },
        { ledger_account: '2100', credit: '12.34', worktags: [] },
      ],
    });
  });

  it('answers not_found naming the journal', async () => {
    await expect(
      f.session('us').runAction('get_journal_entry', { journal_id: 'JE-NOPE' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'Journal "JE-NOPE" was not found in Workday.',
    });
  });
});
