import { z } from 'zod';
import type { ValidatedJournal } from './journal';
import type { JournalEntry } from './soap/get-journals';

/** The journal facts both journal actions return, as a recipe builder sees them. */
export const journalSummarySchema = z.object({
  journal_id: z.string().meta({
    label: 'Journal ID',
    hint: 'Accounting Journal ID: the key to read the journal again or to retry safely.',
  }),
  wid: z.string().optional().meta({ label: 'Workday ID', hint: 'WID of the journal.' }),
  status: z.string().optional().meta({
    label: 'Status',
    hint: 'Journal status in Workday, e.g. Created (draft) or Posted.',
  }),
  company: z.string().optional().meta({ label: 'Company', hint: 'Company Reference ID.' }),
  currency: z.string().optional().meta({ label: 'Currency' }),
  accounting_date: z.string().optional().meta({ label: 'Accounting date', hint: 'YYYY-MM-DD.' }),
  total_debit: z
    .string()
    .optional()
    .meta({ label: 'Total debits', hint: 'Exact decimal, e.g. 100.50.' }),
  total_credit: z
    .string()
    .optional()
    .meta({ label: 'Total credits', hint: 'Exact decimal, e.g. 100.50.' }),
  line_count: z.number().int().meta({ label: 'Lines' }),
});

/** A journal summary. */
export type JournalSummary = z.output<typeof journalSummarySchema>;

/** The journal both journal actions show as `sample_output`, so their samples describe one journal. */
export const SAMPLE_JOURNAL_SUMMARY = {
  journal_id: 'JE-20260331-3F9A1C0B7D2E',
  wid: '9b1f3c0e2a7d4e5f8a6b7c8d9e0f1a2b',
  status: 'Posted',
  company: 'GMS_USA',
  currency: 'USD',
  accounting_date: '2026-03-31',
  total_debit: '1250.00',
  total_credit: '1250.00',
  line_count: 2,
} as const satisfies JournalSummary;

/** One line of a journal read back from Workday. */
export const journalEntryLineSchema = z.object({
  ledger_account: z.string().optional().meta({ label: 'Ledger account' }),
  debit: z.string().optional().meta({ label: 'Debit' }),
  credit: z.string().optional().meta({ label: 'Credit' }),
  memo: z.string().optional().meta({ label: 'Line memo' }),
  worktags: z
    .array(
      z.object({ type: z.string().meta({ label: 'Type' }), id: z.string().meta({ label: 'ID' }) }),
    )
    .meta({ label: 'Worktags' }),
});

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Summary of a journal as Workday reports it (Get_Journals). */
export function summaryOfEntry(entry: JournalEntry, fallbackId: string): JournalSummary {
  return defined({
    journal_id: entry.id ?? fallbackId,
    wid: entry.wid,
    status: entry.status,
    company: entry.company,
    currency: entry.currency,
    accounting_date: entry.accountingDate,
    total_debit: entry.totalDebits,
    total_credit: entry.totalCredits,
    line_count: entry.lines.length,
  });
}

/**
 * Summary of a journal as it was submitted, for when Workday accepted it but could not be read
 * back. Status is what Workday documents for the Submit flag: Created for a draft; a submitted
 * journal's status is left out because approvals may hold it.
 */
export function summaryOfSubmitted(
  journal: ValidatedJournal,
  journalId: string,
  wid: string | undefined,
): JournalSummary {
  return defined({
    journal_id: journalId,
    wid,
    status: journal.submit ? undefined : 'Created',
    company: journal.company,
    currency: journal.currency,
    accounting_date: journal.accountingDate,
    total_debit: journal.totalDebit,
    total_credit: journal.totalCredit,
    line_count: journal.lines.length,
  });
}
