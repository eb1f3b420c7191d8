/**
 * Journals too large to hold as one request string: the header is checked once, the lines are
 * read from their source twice (once to validate and total them, once while the request is
 * streamed), so memory stays bounded by the header and one line whatever the line count. The
 * checks are those of `validateJournal` (workday/journal.ts), line by line.
 */
import { ConnectorError } from '../sdk/errors';
import type { InputIssue } from '../sdk/errors';
import {
  balanceIssue,
  checkLineAmount,
  describeIssues,
  journalHeaderSchema,
  journalLineSchema,
  toValidatedLine,
  validateJournal,
} from './journal';
import type { ValidatedJournalHeader, ValidatedJournalLine } from './journal';
import { formatAmount, minorDigitsFor } from './money';

/** Issues listed in full; past this only their number is reported (a broken file has thousands). */
export const MAX_LISTED_LINE_ISSUES = 100;

/** One raw line as its source read it. */
export interface JournalLineRecord {
  /** The line as `journalLineSchema` takes it (`ledger_account`, `debit`, ...). */
  raw: unknown;
  /** Where the line was written, for messages: e.g. `CSV line 7`. Absent for JSON input. */
  where?: string;
  /** The line number in the source file (CSV), 1-based, counting the header row. */
  sourceLine?: number;
}

/** Where the lines come from; `records()` can be called again and yields the same lines. */
export interface JournalLineSource {
  records(): AsyncIterable<JournalLineRecord>;
}

/** Where an input line is: its 1-based position among the lines, and its source line if any. */
export interface InputLinePosition {
  line: number;
  sourceLine?: number;
}

/** A checked, balanced journal whose lines are read again on demand. */
export interface LargeJournal {
  header: ValidatedJournalHeader;
  lineCount: number;
  totalDebitUnits: bigint;
  totalCreditUnits: bigint;
  totalDebit: string;
  totalCredit: string;
  /**
   * The validated lines in order, read again from the source. Throws `invalid_input` when the
   * source no longer holds the lines that were validated (a file changed in between).
   */
  lines(): AsyncIterable<ValidatedJournalLine>;
  /** Maps the n-th line of the request (1-based) back to the input. */
  inputLineOf(position: number): InputLinePosition | undefined;
}

/** Options of {@link validateLargeJournal}. */
export interface ValidateLargeJournalOptions {
  /** Called every {@link PROGRESS_EVERY} lines and at the end, with the lines read so far. */
  onLines?: (count: number) => void;
}

/** How often `onLines` is called. */
export const PROGRESS_EVERY = 5_000;

function issuesError(issues: InputIssue[], more: number): ConnectorError {
  const message = describeIssues(issues);
  return new ConnectorError(
    'invalid_input',
    more > 0 ? message.replace(/\.$/, `; and ${more} more not listed.`) : message,
    { details: { issues } },
  );
}

/** Checks the header fields; throws `invalid_input` listing every problem. */
function validateHeader(input: unknown): ValidatedJournalHeader {
  const parsed = journalHeaderSchema.safeParse(input);
  if (!parsed.success) {
    throw issuesError(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
      0,
    );
  }
  const data = parsed.data;
  const header: ValidatedJournalHeader = {
    company: data.company,
    currency: data.currency,
    minorDigits: minorDigitsFor(data.currency),
    ledgerType: data.ledger_type,
    accountingDate: data.accounting_date,
    journalSource: data.journal_source,
    submit: data.submit,
    autoComplete: data.auto_complete,
  };
  if (data.journal_id !== undefined) header.journalId = data.journal_id;
  if (data.memo !== undefined && data.memo !== '') header.memo = data.memo;
  return header;
}

type LineCheck = { ok: true; line: ValidatedJournalLine } | { ok: false; issues: InputIssue[] };

function checkLine(record: JournalLineRecord, index: number, currency: string, digits: number) {
  const path = `lines.${index}`;
  const where = record.where === undefined ? '' : ` (${record.where})`;
  const issues: InputIssue[] = [];
  const parsed = journalLineSchema.safeParse(record.raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({
        path: [path, ...issue.path.map(String)].join('.'),
        message: issue.message + where,
      });
  }
  const amount = checkLineAmount(record.raw, path, currency, digits);
  if (!amount.ok && amount.issue !== undefined) {
    const reported = new Set(issues.map((issue) => issue.path));
    if (!reported.has(amount.issue.path))
      issues.push({ ...amount.issue, message: amount.issue.message + where });
  }
  if (!parsed.success || !amount.ok) return { ok: false, issues } satisfies LineCheck;
  return {
    ok: true,
    line: toValidatedLine(parsed.data, amount.side, amount.units, digits),
  } satisfies LineCheck;
}

/** Grows by doubling; 4 bytes a line, so a million lines of source positions take 4 MB. */
class LinePositions {
  #values = new Uint32Array(1024);
  #length = 0;
  #any = false;

  push(sourceLine: number | undefined): void {
    if (this.#length === this.#values.length) {
      const next = new Uint32Array(this.#values.length * 2);
      next.set(this.#values);
      this.#values = next;
    }
    if (sourceLine !== undefined) this.#any = true;
    this.#values[this.#length++] = sourceLine ?? 0;
  }

  at(position: number): InputLinePosition | undefined {
    if (!Number.isInteger(position) || position < 1 || position > this.#length) return undefined;
    const sourceLine = this.#values[position - 1];
    return this.#any && sourceLine !== undefined && sourceLine > 0
      ? { line: position, sourceLine }
      : { line: position };
  }

  get length(): number {
    return this.#length;
  }
}

/**
 * Validates a large journal: the header with the journal schema, every line with the checks of
 * `validateJournal` (shape, one positive debit or credit, the currency's decimals), at least two
 * lines, and debits equal to credits in exact integer arithmetic, reading the source once.
 * @param header the journal's fields without `lines`
 * @throws ConnectorError `invalid_input` listing up to {@link MAX_LISTED_LINE_ISSUES} problems
 */
export async function validateLargeJournal(
  header: unknown,
  source: JournalLineSource,
  options: ValidateLargeJournalOptions = {},
): Promise<LargeJournal> {
  const checkedHeader = validateHeader(header);
  const { currency, minorDigits } = checkedHeader;
  const issues: InputIssue[] = [];
  let unlisted = 0;
  let debit = 0n;
  let credit = 0n;
  let count = 0;
  const positions = new LinePositions();
  for await (const record of source.records()) {
    const checked = checkLine(record, count, currency, minorDigits);
    positions.push(record.sourceLine);
    count += 1;
    if (count % PROGRESS_EVERY === 0) options.onLines?.(count);
    if (!checked.ok) {
      for (const issue of checked.issues) {
        if (issues.length < MAX_LISTED_LINE_ISSUES) issues.push(issue);
        else unlisted += 1;
      }
      continue;
    }
    if (checked.line.side === 'debit') debit += checked.line.units;
    else credit += checked.line.units;
  }
  options.onLines?.(count);
  if (count < 2)
    issues.push({ path: 'lines', message: 'needs at least two lines (debits and credits)' });
  if (issues.length === 0 && unlisted === 0) {
    const unbalanced = balanceIssue(debit, credit, currency);
    if (unbalanced !== undefined) issues.push(unbalanced);
  }
  if (issues.length > 0) throw issuesError(issues, unlisted);

  const lineCount = count;
  return {
    header: checkedHeader,
    lineCount,
    totalDebitUnits: debit,
    totalCreditUnits: credit,
    totalDebit: formatAmount(debit, minorDigits),
    totalCredit: formatAmount(credit, minorDigits),
    inputLineOf: (position) => positions.at(position),
    async *lines() {
      let index = 0;
      let again = 0n;
      for await (const record of source.records()) {
        const checked = checkLine(record, index, currency, minorDigits);
        index += 1;
        if (!checked.ok || index > lineCount) break;
        if (checked.line.side === 'debit') again += checked.line.units;
        yield checked.line;
      }
      // Debits are enough: with the same line count and debits, a changed file is still caught
      // by Workday's own balance check; what matters here is not sending other lines unnoticed.
      if (index !== lineCount || again !== debit) {
        throw new ConnectorError(
          'invalid_input',
          'The journal lines changed while the journal was being sent; nothing was imported.',
          {
            hint: 'Keep the CSV file unchanged until the import has been sent, then run it again.',
          },
        );
      }
    },
  };
}

/**
 * Wraps a journal whose lines are already in memory (the `lines` input), validated exactly as
 * `post_journal_entry` validates it.
 * @throws ConnectorError `invalid_input` as `validateJournal` does
 */
export function largeJournalOf(input: unknown): LargeJournal {
  const journal = validateJournal(input);
  const { lines, totalDebitUnits, totalCreditUnits, totalDebit, totalCredit, ...header } = journal;
  return {
    header,
    lineCount: lines.length,
    totalDebitUnits,
    totalCreditUnits,
    totalDebit,
    totalCredit,
    inputLineOf: (position) =>
      Number.isInteger(position) && position >= 1 && position <= lines.length
        ? { line: position }
        : undefined,
    async *lines() {
      yield* lines;
    },
  };
}
