/** Ids that exist in the sandbox fixtures (`fixtures/sandbox/`) for tenant `acme_us`. */
const COMPANY = 'GMS_USA';
const DEBIT_ACCOUNT = '6000';
const CREDIT_ACCOUNT = '1000';

/** One line of the `post_journal_entry` input. */
export interface JournalLineInput {
  ledger_account: string;
  debit?: string;
  credit?: string;
  memo?: string;
}

/** The `post_journal_entry` input the bench sends (the journal schema of `workday/journal.ts`). */
export interface JournalInput {
  journal_id: string;
  company: string;
  currency: string;
  accounting_date: string;
  journal_source: string;
  memo: string;
  lines: JournalLineInput[];
}

/**
 * A balanced journal of `lineCount` lines (an even count is rounded up): pairs of a debit to
 * travel expense and a credit to cash, amounts varying so the builder cannot cache a string.
 */
export function buildJournalInput(journalId: string, lineCount: number): JournalInput {
  const lines: JournalLineInput[] = [];
  for (let pair = 0; lines.length < lineCount; pair++) {
    const amount = `${100 + (pair % 900)}.${String(pair % 100).padStart(2, '0')}`;
    lines.push({ ledger_account: DEBIT_ACCOUNT, debit: amount, memo: `Trip ${pair}` });
    lines.push({ ledger_account: CREDIT_ACCOUNT, credit: amount, memo: `Trip ${pair}` });
  }
  return {
    journal_id: journalId,
    company: COMPANY,
    currency: 'USD',
    accounting_date: '2026-01-15',
    journal_source: 'Integration',
    memo: 'Benchmark journal',
    lines,
  };
}
