// A used Journal ID with other content is a conflict, not a duplicate; amounts have one grammar.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { caught } from '../helpers/caught';
import { useSandboxFixture } from '../helpers/sandbox-session';

const f = useSandboxFixture();

type Line = { ledger_account: string; debit?: string; credit?: string; memo?: string };
type Journal = { journal_id: string; memo?: string; currency: string; lines: Line[] };

function journal(): Journal {
  return JSON.parse(
    readFileSync(path.join(__dirname, '../../fixtures/inputs/post_journal_entry.json'), 'utf8'),
  ) as Journal;
}

describe('journal IDs', () => {
  it('returns the same content again as a duplicate, however its amounts are written', async () => {
    const session = f.session('us');
    await session.runAction('post_journal_entry', journal());
    const again = journal();
    // Same amounts at another scale, and the codes in another case.
    again.lines = again.lines.map((line) => ({
      ...line,
      ...(line.debit === undefined ? {} : { debit: '1250' }),
      ...(line.credit === undefined ? {} : { credit: '1250.0' }),
    }));
    again.currency = 'usd';
    await expect(session.runAction('post_journal_entry', again)).resolves.toMatchObject({
      duplicate: true,
    });
  });

  it('refuses other content under a used journal ID as a conflict listing what differs', async () => {
    const session = f.session('us');
    await session.runAction('post_journal_entry', journal());
    const other = journal();
    other.memo = 'April travel accrual';
    other.lines = other.lines.map((line) => ({
      ...line,
      ...(line.debit === undefined ? {} : { debit: '990.00' }),
      ...(line.credit === undefined ? {} : { credit: '990.00' }),
    }));
    const error = await caught(session.runAction('post_journal_entry', other));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(
      `Journal ID "${other.journal_id}" is already booked with different content`,
    );
    expect(error.details.differences).toEqual([
      { field: 'memo', booked: 'March travel accrual', posted: 'April travel accrual' },
      { field: 'lines.0.debit', booked: 'debit 1250.00', posted: 'debit 990.00' },
      { field: 'lines.1.credit', booked: 'credit 1250.00', posted: 'credit 990.00' },
    ]);
    expect(error.hint).toContain('new Journal ID');
    const state = await f.state();
    expect(state.journals.acme_us).toBe(1);
  });
});

describe('amounts', () => {
  it.each(['1e3', '+10', '.5', '10.'])('refuses %j, naming the field', async (amount) => {
    const input = journal();
    input.lines = input.lines.map((line) =>
      line.debit === undefined ? line : { ...line, debit: amount },
    );
    const error = await caught(f.session('us').runAction('post_journal_entry', input));
    expect(error.code).toBe('invalid_input');
    expect(error.details.issues).toContainEqual({
      path: 'lines.0.debit',
      message: expect.stringContaining('must be a plain decimal amount such as 1234.56'),
    });
    expect((await f.state()).requests.total).toBe(0);
  });
});
