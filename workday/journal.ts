import { z } from 'zod';
import { ConnectorError } from '../sdk/errors';
import type { InputIssue } from '../sdk/errors';
import { DEFAULT_ACCOUNT_SET } from './constants';
import { checkAmount, formatAmount, minorDigitsFor, sumAmounts } from './money';

/** True when `text` is `YYYY-MM-DD` and that day exists (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate() && year >= 1;
}

const requiredText = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}`) })
    .trim()
    .min(1, 'must not be empty');

const isoDate = z
  .string({ error: 'is required, as a date YYYY-MM-DD' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  // Only dates in the right format reach the calendar check: one issue per problem.
  .refine(
    (text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isCalendarDate(text),
    'is not a real calendar date',
  );

const amount = (label: string, hint: string) =>
  z
    .union([z.string(), z.number()], { error: 'must be a decimal amount such as 100.25' })
    .optional()
    .meta({ label, hint });

/** One worktag on a journal line (cost center, project, …). */
export const journalWorktagSchema = z.object({
  type: requiredText('a Workday ID type')
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be a Workday ID type such as Cost_Center_Reference_ID')
    .meta({
      label: 'Worktag ID type',
      hint: 'The Workday ID type of the worktag, e.g. Cost_Center_Reference_ID, Project_ID, Spend_Category_ID.',
    }),
  id: requiredText('text').meta({
    label: 'Worktag ID',
    hint: 'The worktag reference ID, e.g. CC-300.',
  }),
});

/** One journal line: a ledger account with a debit or a credit. */
export const journalLineSchema = z.object({
  ledger_account: requiredText('text').meta({
    label: 'Ledger account',
    hint: 'Ledger Account ID within the account set, e.g. 6000.',
  }),
  account_set: requiredText('text')
    .default(DEFAULT_ACCOUNT_SET)
    .meta({
      label: 'Account set',
      hint: `Account Set ID the ledger account belongs to. Default ${DEFAULT_ACCOUNT_SET}.`,
    }),
  debit: amount(
    'Debit',
    'Positive amount, e.g. 100.25; fill in either debit or credit on each line, never both.',
  ),
  credit: amount(
    'Credit',
    'Positive amount, e.g. 100.25; fill in either debit or credit on each line, never both.',
  ),
  memo: z.string().optional().meta({ label: 'Line memo', hint: 'Optional memo for this line.' }),
  worktags: z
    .array(journalWorktagSchema)
    .optional()
    .meta({ label: 'Worktags', hint: 'Worktags of this line (cost center, project, …).' }),
});

/** The input of a journal entry, as a recipe builder fills it in. */
export const journalInputSchema = z.object({
  company: requiredText('text').meta({
    label: 'Company',
    hint: 'Company Reference ID of the company the journal books to, e.g. C100.',
  }),
  currency: z
    .string({ error: 'is required, as a 3-letter ISO 4217 code' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as USD')
    .meta({
      label: 'Currency',
      hint:
        "ISO 4217 code of the company's default currency, e.g. USD: Workday refuses a journal " +
        'in any other currency.',
      pick_list: 'currencies',
    }),
  ledger_type: requiredText('text')
    .default('Actuals')
    .meta({ label: 'Ledger type', hint: 'Ledger Type ID: Actuals (default) or Historic_Actuals.' }),
  accounting_date: isoDate.meta({
    label: 'Accounting date',
    hint: 'The date the journal books on, YYYY-MM-DD, in an open period.',
  }),
  journal_source: requiredText('text').meta({
    label: 'Journal source',
    hint: 'Journal Source ID configured in the tenant, e.g. Integration.',
    pick_list: 'journal_sources',
  }),
  memo: z.string().optional().meta({ label: 'Memo', hint: 'Journal header memo.' }),
  journal_id: requiredText('text')
    .max(100, 'must be at most 100 characters')
    .optional()
    .meta({
      label: 'Journal ID',
      hint:
        'Accounting Journal ID: your own unique key. Workday refuses a second journal with the ' +
        'same ID, so a retried request never books twice. Generated when empty.',
    }),
  submit: z.boolean().default(true).meta({
    label: 'Submit',
    hint: 'Yes: submit for posting. No: save as a draft (status Created).',
  }),
  auto_complete: z.boolean().default(false).meta({
    label: 'Auto-complete',
    hint: 'Ask Workday to complete the Submit Accounting Journal business process without approvals.',
  }),
  lines: z
    .array(journalLineSchema, { error: 'is required, as a list of journal lines' })
    .min(2, 'needs at least two lines (debits and credits)')
    .meta({ label: 'Lines', hint: 'At least two lines; total debits must equal total credits.' }),
});

/** The journal's header fields: everything but the lines (large journals read those apart). */
export const journalHeaderSchema = journalInputSchema.omit({ lines: true });

/** What a caller passes (defaults not yet applied). */
export type JournalInput = z.input<typeof journalInputSchema>;

/** One worktag of a validated line. */
export interface JournalWorktag {
  type: string;
  id: string;
}

/** A journal line after validation: one side, exact minor units and its canonical string. */
export interface ValidatedJournalLine {
  ledgerAccount: string;
  accountSet: string;
  side: 'debit' | 'credit';
  /** The amount in minor units of the journal's currency. */
  units: bigint;
  /** Canonical decimal string with the currency's minor digits, e.g. `100.50`. */
  amount: string;
  memo?: string;
  worktags: JournalWorktag[];
}

/** The checked header of a journal: what precedes the lines in a request. */
export type ValidatedJournalHeader = Omit<
  ValidatedJournal,
  'lines' | 'totalDebitUnits' | 'totalCreditUnits' | 'totalDebit' | 'totalCredit'
>;

/** A balanced, checked journal, ready for `Submit_Accounting_Journal`. */
export interface ValidatedJournal {
  journalId?: string;
  company: string;
  /** Upper-case ISO 4217 code. */
  currency: string;
  minorDigits: number;
  ledgerType: string;
  accountingDate: string;
  journalSource: string;
  memo?: string;
  submit: boolean;
  autoComplete: boolean;
  lines: ValidatedJournalLine[];
  totalDebitUnits: bigint;
  totalCreditUnits: bigint;
  totalDebit: string;
  totalCredit: string;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** The side and exact minor units of one line, or the issue that refuses it. */
export type LineAmount =
  { ok: true; side: 'debit' | 'credit'; units: bigint } | { ok: false; issue?: InputIssue };

/**
 * Checks that a raw line has exactly one positive debit or credit within the currency's minor
 * digits. A line that is not an object yields no issue: the schema reports it.
 * @param path the line's path in messages, e.g. `lines.2`
 */
export function checkLineAmount(
  raw: unknown,
  path: string,
  currency: string | undefined,
  minorDigits: number,
): LineAmount {
  if (typeof raw !== 'object' || raw === null) return { ok: false };
  const { debit, credit } = raw as { debit?: unknown; credit?: unknown };
  const hasDebit = !isBlank(debit);
  const hasCredit = !isBlank(credit);
  if (hasDebit === hasCredit) {
    return {
      ok: false,
      issue: {
        path,
        message: hasDebit
          ? 'has both a debit and a credit; put each on its own line'
          : 'needs a debit or a credit amount',
      },
    };
  }
  const side = hasDebit ? 'debit' : 'credit';
  const checked = checkAmount(hasDebit ? debit : credit, minorDigits, { currency });
  if (!checked.ok)
    return { ok: false, issue: { path: `${path}.${side}`, message: checked.message } };
  return { ok: true, side, units: checked.units };
}

function checkLineAmounts(
  rawLines: readonly unknown[],
  currency: string | undefined,
  issues: InputIssue[],
): { side: 'debit' | 'credit'; units: bigint }[] | undefined {
  const minorDigits = minorDigitsFor(currency ?? '');
  const result: { side: 'debit' | 'credit'; units: bigint }[] = [];
  let failed = false;
  rawLines.forEach((raw, index) => {
    const checked = checkLineAmount(raw, `lines.${index}`, currency, minorDigits);
    if (!checked.ok) {
      failed = true;
      if (checked.issue !== undefined) issues.push(checked.issue);
      return;
    }
    result.push({ side: checked.side, units: checked.units });
  });
  return failed ? undefined : result;
}

/** The issue for totals that differ, or `undefined` when debits equal credits. */
export function balanceIssue(
  debit: bigint,
  credit: bigint,
  currency: string | undefined,
): InputIssue | undefined {
  if (debit === credit) return undefined;
  const digits = minorDigitsFor(currency ?? '');
  const unit = currency === undefined ? '' : ` ${currency}`;
  return {
    path: 'lines',
    message:
      `do not balance: debits total ${formatAmount(debit, digits)}${unit} but credits ` +
      `total ${formatAmount(credit, digits)}${unit}`,
  };
}

/** A line the schema accepted, with its checked amount, in the form the SOAP builders take. */
export function toValidatedLine(
  line: z.output<typeof journalLineSchema>,
  side: 'debit' | 'credit',
  units: bigint,
  minorDigits: number,
): ValidatedJournalLine {
  const validated: ValidatedJournalLine = {
    ledgerAccount: line.ledger_account,
    accountSet: line.account_set,
    side,
    units,
    amount: formatAmount(units, minorDigits),
    worktags: (line.worktags ?? []).map((tag) => ({ type: tag.type, id: tag.id })),
  };
  if (line.memo !== undefined && line.memo !== '') validated.memo = line.memo;
  return validated;
}

/** One sentence listing the first issues, for the message of an `invalid_input` error. */
export function describeIssues(issues: readonly InputIssue[]): string {
  const shown = issues
    .slice(0, 3)
    .map((issue) => (issue.path === '' ? issue.message : `"${issue.path}" ${issue.message}`));
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : '';
  return `The journal entry is invalid: ${shown.join('; ')}${more}.`;
}

/**
 * Checks a journal entry completely before anything is sent: the input shape, at least two
 * lines, exactly one positive debit or credit per line within the currency's minor digits,
 * a real ISO accounting date, and debits equal to credits in exact integer arithmetic.
 * @throws ConnectorError `invalid_input` listing every problem in `details.issues`
 *   (paths like `lines.2.debit`).
 */
export function validateJournal(input: unknown): ValidatedJournal {
  const issues: InputIssue[] = [];
  const parsed = journalInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ path: issue.path.map(String).join('.'), message: issue.message });
  }
  const raw = (typeof input === 'object' && input !== null ? input : {}) as {
    lines?: unknown;
    currency?: unknown;
  };
  const currency = parsed.success
    ? parsed.data.currency
    : typeof raw.currency === 'string'
      ? raw.currency.trim().toUpperCase()
      : undefined;
  const rawLines = Array.isArray(raw.lines) ? raw.lines : [];
  const lineIssues: InputIssue[] = [];
  const amounts = checkLineAmounts(rawLines, currency, lineIssues);
  // The schema already reported a wrong type at a path: one issue per path is enough.
  const schemaPaths = new Set(issues.map((issue) => issue.path));
  issues.push(...lineIssues.filter((issue) => !schemaPaths.has(issue.path)));

  let totals: { debit: bigint; credit: bigint } | undefined;
  if (amounts !== undefined && amounts.length > 0) {
    totals = {
      debit: sumAmounts(amounts.filter((a) => a.side === 'debit').map((a) => a.units)),
      credit: sumAmounts(amounts.filter((a) => a.side === 'credit').map((a) => a.units)),
    };
    const unbalanced = balanceIssue(totals.debit, totals.credit, currency);
    if (unbalanced !== undefined) issues.push(unbalanced);
  }
  if (issues.length > 0 || !parsed.success || amounts === undefined || totals === undefined) {
    if (issues.length === 0) issues.push({ path: 'lines', message: 'needs at least two lines' });
    throw new ConnectorError('invalid_input', describeIssues(issues), { details: { issues } });
  }

  const data = parsed.data;
  const minorDigits = minorDigitsFor(data.currency);
  const lines = data.lines.map((line, index): ValidatedJournalLine => {
    const { side, units } = amounts[index] as { side: 'debit' | 'credit'; units: bigint };
    return toValidatedLine(line, side, units, minorDigits);
  });
  const journal: ValidatedJournal = {
    company: data.company,
    currency: data.currency,
    minorDigits,
    ledgerType: data.ledger_type,
    accountingDate: data.accounting_date,
    journalSource: data.journal_source,
    submit: data.submit,
    autoComplete: data.auto_complete,
    lines,
    totalDebitUnits: totals.debit,
    totalCreditUnits: totals.credit,
    totalDebit: formatAmount(totals.debit, minorDigits),
    totalCredit: formatAmount(totals.credit, minorDigits),
  };
  if (data.journal_id !== undefined) journal.journalId = data.journal_id;
  if (data.memo !== undefined && data.memo !== '') journal.memo = data.memo;
  return journal;
}
