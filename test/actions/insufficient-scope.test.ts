import { useSandboxFixture } from '../helpers/sandbox-session';

const f = useSandboxFixture();

// us_limited's API client has only Staffing (fixtures/sandbox): Workday's 403 does not say
// which functional area is missing, so the runtime names what the operation declared.
describe('a refused operation names the functional areas it needs', () => {
  it('on a REST 403 from an action', async () => {
    await expect(f.session('us_limited').runAction('search_inbox_tasks', {})).rejects.toMatchObject(
      {
        code: 'insufficient_scope',
        hint: expect.stringMatching(
          /^actions\.search_inbox_tasks needs the scope Tenant Non-Configurable: /,
        ),
        details: { status: 403, scopes: ['Tenant Non-Configurable'] },
      },
    );
  });

  it('on a SOAP "not authorized" from an action', async () => {
    await expect(
      f.session('us_limited').runAction('post_journal_entry', {
        company: 'GMS_USA',
        currency: 'USD',
        accounting_date: '2026-03-31',
        journal_source: 'Integration',
        lines: [
          { ledger_account: '6000', debit: '10.00' },
          { ledger_account: '1000', credit: '10.00' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'insufficient_scope',
      hint: expect.stringContaining('Common Financial Management'),
      details: { scopes: ['Common Financial Management'] },
    });
    expect((await f.state()).journals.acme_us).toBe(0);
  });

  it('on a poll of a trigger', async () => {
    await expect(f.session('us_limited').poll('new_inbox_task', {})).rejects.toMatchObject({
      code: 'insufficient_scope',
      hint: expect.stringMatching(
        /^triggers\.new_inbox_task needs the scope Tenant Non-Configurable/,
      ),
    });
  });

  it('leaves other errors as they are', async () => {
    await expect(
      f.session('us').runAction('get_worker', { worker_id: 'ffffffffffffffffffffffffffffffff' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      details: expect.not.objectContaining({ scopes: expect.anything() }),
    });
  });
});
