import fc from 'fast-check';
import { isConnectorError } from '../../sdk/errors';
import type { ConnectorError, InputIssue } from '../../sdk/errors';
import { formatAmount } from '../../workday/money';
import { isCalendarDate, validateJournal } from '../../workday/journal';
import type { JournalInput } from '../../workday/journal';

const base: JournalInput = {
  company: 'C100',
  currency: 'USD',
  accounting_date: '2026-03-31',
  journal_source: 'Integration',
  memo: 'Accrual',
  lines: [
    {
      ledger_account: '6000',
      debit: '100.00',
      worktags: [{ type: 'Cost_Center_Reference_ID', id: 'CC-300' }],
    },
    { ledger_account: '2000', credit: 100 },
  ],
};

function issuesOf(input: unknown): InputIssue[] {
  try {
    validateJournal(input);
  } catch (error) {
    if (isConnectorError(error) && error.code === 'invalid_input')
      return error.details.issues ?? [];
    throw error;
  }
  throw new Error('expected validateJournal to refuse the input');
}

function errorOf(input: unknown): ConnectorError {
  try {
    validateJournal(input);
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected validateJournal to refuse the input');
}

describe('validateJournal()', () => {
  it('accepts a balanced journal and fills in defaults', () => {
    const journal = validateJournal(base);
    expect(journal).toMatchObject({
      company: 'C100',
      currency: 'USD',
      minorDigits: 2,
      ledgerType: 'Actuals',
      accountingDate: '2026-03-31',
      journalSource: 'Integration',
      memo: 'Accrual',
      submit: true,
      autoComplete: false,
      totalDebit: '100.00',
      totalCredit: '100.00',
      totalDebitUnits: 10000n,
    });
    expect(journal.journalId).toBeUndefined();
    expect(journal.lines).toEqual([
      {
        ledgerAccount: '6000',
        accountSet: 'Standard',
        side: 'debit',
        units: 10000n,
        amount: '100.00',
        worktags: [{ type: 'Cost_Center_Reference_ID', id: 'CC-300' }],
      },
      {
        ledgerAccount: '2000',
        accountSet: 'Standard',
        side: 'credit',
        units: 10000n,
        amount: '100.00',
        worktags: [],
      },
    ]);
  });

  it('balances 0.1 + 0.2 against 0.3 exactly, with numbers or strings', () => {
    const journal = validateJournal({
      ...base,
      lines: [
        { ledger_account: '6000', debit: 0.1 },
        { ledger_account: '6100', debit: '0.2' },
        { ledger_account: '2000', credit: 0.3 },
      ],
    });
    expect(journal.totalDebit).toBe('0.30');
    expect(journal.totalCredit).toBe('0.30');
  });

  it('upper-cases the currency and treats empty strings as absent amounts (form fields)', () => {
    const journal = validateJournal({
      ...base,
      currency: 'jpy',
      lines: [
        { ledger_account: '6000', debit: '500', credit: '' },
        { ledger_account: '2000', debit: '', credit: 500 },
      ],
    });
    expect(journal.currency).toBe('JPY');
    expect(journal.totalDebit).toBe('500');
  });

  it('refuses an unbalanced journal, stating both totals', () => {
    const error = errorOf({
      ...base,
      lines: [
        { ledger_account: '6000', debit: '100.00' },
        { ledger_account: '2000', credit: '99.99' },
      ],
    });
    expect(error.code).toBe('invalid_input');
    expect(error.details.issues).toEqual([
      {
        path: 'lines',
        message: 'do not balance: debits total 100.00 USD but credits total 99.99 USD',
      },
    ]);
    expect(error.message).toBe(
      'The journal entry is invalid: "lines" do not balance: debits total 100.00 USD but credits total 99.99 USD.',
    );
  });

  it('refuses a one-line journal', () => {
    expect(issuesOf({ ...base, lines: [{ ledger_account: '6000', debit: '1' }] })).toContainEqual({
      path: 'lines',
      message: 'needs at least two lines (debits and credits)',
    });
  });

  it('refuses a line with both a debit and a credit, and a line with neither', () => {
    expect(
      issuesOf({
        ...base,
        lines: [{ ledger_account: '6000', debit: '1', credit: '1' }, { ledger_account: '2000' }],
      }),
    ).toEqual([
      { path: 'lines.0', message: 'has both a debit and a credit; put each on its own line' },
      { path: 'lines.1', message: 'needs a debit or a credit amount' },
    ]);
  });

  it('collects negative, zero and too-precise amounts with their paths in one error', () => {
    expect(
      issuesOf({
        ...base,
        lines: [
          { ledger_account: '6000', debit: '-5' },
          { ledger_account: '6100', debit: 0 },
          { ledger_account: '2000', credit: '1.001' },
        ],
      }),
    ).toEqual([
      {
        path: 'lines.0.debit',
        message: 'must be positive; put a negative amount in the other column (debit or credit)',
      },
      { path: 'lines.1.debit', message: 'must be greater than zero' },
      { path: 'lines.2.credit', message: 'has 3 decimal places; at most 2 are allowed for USD' },
    ]);
  });

  it('refuses decimals on a JPY journal', () => {
    expect(
      issuesOf({
        ...base,
        currency: 'JPY',
        lines: [
          { ledger_account: '6000', debit: '100.50' },
          { ledger_account: '2000', credit: '100.50' },
        ],
      }),
    ).toEqual([
      { path: 'lines.0.debit', message: 'must be a whole number for JPY (no decimal places)' },
      { path: 'lines.1.credit', message: 'must be a whole number for JPY (no decimal places)' },
    ]);
  });

  it('refuses 2026-02-30 and non-ISO dates, and accepts 2024-02-29', () => {
    expect(issuesOf({ ...base, accounting_date: '2026-02-30' })).toEqual([
      { path: 'accounting_date', message: 'is not a real calendar date' },
    ]);
    expect(issuesOf({ ...base, accounting_date: '31/03/2026' })).toEqual([
      { path: 'accounting_date', message: 'must be a date written YYYY-MM-DD' },
    ]);
    expect(validateJournal({ ...base, accounting_date: '2024-02-29' }).accountingDate).toBe(
      '2024-02-29',
    );
  });

  it('reports schema problems and amount problems together, once per path', () => {
    const issues = issuesOf({
      currency: 'US',
      accounting_date: '2026-01-01',
      journal_source: 'Integration',
      lines: [
        { ledger_account: '6000', debit: true },
        { ledger_account: '2000', credit: '-1' },
      ],
    });
    expect(issues).toEqual([
      { path: 'company', message: 'is required' },
      { path: 'currency', message: 'must be a 3-letter ISO 4217 code such as USD' },
      { path: 'lines.0.debit', message: 'must be a decimal amount such as 100.25' },
      {
        path: 'lines.1.credit',
        message: 'must be positive; put a negative amount in the other column (debit or credit)',
      },
    ]);
  });

  it('refuses input that is not an object', () => {
    expect(errorOf(null).code).toBe('invalid_input');
    expect(errorOf('journal').code).toBe('invalid_input');
  });

  // Properties: amounts are generated as integer minor units and rendered as decimal strings.
  const units = fc.bigInt({ min: 1n, max: 10n ** 12n });
  const currency = fc.constantFrom(['USD', 2] as const, ['JPY', 0] as const, ['KWD', 3] as const);
  // One side of a journal: 1 to 6 lines.
  const sideUnits = fc.array(units, { minLength: 1, maxLength: 6 });

  /** Debit lines D0.. and credit lines C0.. with the amounts rendered for `digits` decimals. */
  function journalLines(debits: bigint[], credits: bigint[], digits: number) {
    return [
      ...debits.map((u, i) => ({ ledger_account: `D${i}`, debit: formatAmount(u, digits) })),
      ...credits.map((u, i) => ({ ledger_account: `C${i}`, credit: formatAmount(u, digits) })),
    ];
  }

  it('accepts any generated balanced journal', () => {
    fc.assert(
      fc.property(currency, sideUnits, sideUnits, ([code, digits], debits, credits) => {
        // Balance by adding the difference to a last line on the short side.
        const debitTotal = debits.reduce((a, b) => a + b, 0n);
        const creditTotal = credits.reduce((a, b) => a + b, 0n);
        if (debitTotal > creditTotal) credits.push(debitTotal - creditTotal);
        if (creditTotal > debitTotal) debits.push(creditTotal - debitTotal);
        const lines = journalLines(debits, credits, digits);
        const journal = validateJournal({ ...base, currency: code, lines });
        expect(journal.totalDebitUnits).toBe(journal.totalCreditUnits);
        expect(journal.lines).toHaveLength(lines.length);
      }),
    );
  });

  it('refuses any generated unbalanced journal', () => {
    fc.assert(
      fc.property(currency, sideUnits, sideUnits, ([code, digits], debits, credits) => {
        const debitTotal = debits.reduce((a, b) => a + b, 0n);
        const creditTotal = credits.reduce((a, b) => a + b, 0n);
        fc.pre(debitTotal !== creditTotal);
        const lines = journalLines(debits, credits, digits);
        expect(issuesOf({ ...base, currency: code, lines })).toEqual([
          {
            path: 'lines',
            message: `do not balance: debits total ${formatAmount(debitTotal, digits)} ${code} but credits total ${formatAmount(creditTotal, digits)} ${code}`,
          },
        ]);
      }),
    );
  });
});

describe('isCalendarDate()', () => {
  it.each([
    ['2026-03-31', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['0000-01-01', false],
  ])('%s -> %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});
