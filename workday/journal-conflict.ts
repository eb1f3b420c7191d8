/**
 * Whether a journal already booked under a Journal ID has the content now being posted. The
 * Journal ID is the idempotency key: the same content again is a duplicate (returned, not booked
 * twice), but other content under a used ID is a conflict the recipe must hear about, or it
 * believes its new amounts booked. Compared after normalising: amounts as exact minor units
 * (`100.5` equals `100.50`), codes case-insensitively, text trimmed, lines in Workday's line order.
 */
import { checkAmount } from './money';
import type { ValidatedJournal } from './journal';
import type { JournalEntry, JournalEntryLine } from './soap/get-journals';

/** One field whose booked value differs from the posted one. */
export interface JournalDifference {
  /** Input path of the field, e.g. `currency` or `lines.1.debit`. */
  field: string;
  booked: string;
  posted: string;
}

function text(value: string | undefined): string {
  return (value ?? '').trim();
}

function code(value: string | undefined): string {
  return text(value).toUpperCase();
}

/** Minor units of a booked amount, or undefined when it is absent or unreadable. */
function unitsOf(value: string | undefined, minorDigits: number): bigint | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const checked = checkAmount(value, minorDigits);
  return checked.ok ? checked.units : undefined;
}

function worktagKey(tags: readonly { type: string; id: string }[]): string {
  return tags
    .map((tag) => `${tag.type}=${tag.id}`)
    .sort()
    .join(', ');
}

function orderedLines(entry: JournalEntry): JournalEntryLine[] {
  const order = (line: JournalEntryLine) => Number(line.lineOrder ?? Number.NaN);
  return entry.lines.every((line) => Number.isFinite(order(line)))
    ? [...entry.lines].sort((a, b) => order(a) - order(b))
    : entry.lines;
}

/**
 * The fields in which the booked `entry` differs from `journal`. Fields Workday did not report
 * are not compared (nothing proves them different).
 */
export function journalDifferences(
  journal: ValidatedJournal,
  entry: JournalEntry,
): JournalDifference[] {
  const found: JournalDifference[] = [];
  const compare = (field: string, booked: string | undefined, posted: string, same: boolean) => {
    if (booked !== undefined && !same) found.push({ field, booked, posted });
  };
  compare('company', entry.company, journal.company, code(entry.company) === code(journal.company));
  compare(
    'currency',
    entry.currency,
    journal.currency,
    code(entry.currency) === code(journal.currency),
  );
  // Workday may add a time zone to a date (2026-03-31-07:00): the date is its first ten characters.
  compare(
    'accounting_date',
    entry.accountingDate,
    journal.accountingDate,
    text(entry.accountingDate).slice(0, 10) === journal.accountingDate,
  );
  compare(
    'journal_source',
    entry.source,
    journal.journalSource,
    code(entry.source) === code(journal.journalSource),
  );
  if (entry.memo !== undefined || journal.memo !== undefined) {
    compare('memo', entry.memo ?? '', journal.memo ?? '', text(entry.memo) === text(journal.memo));
  }
  const lines = orderedLines(entry);
  if (lines.length !== journal.lines.length) {
    found.push({
      field: 'lines',
      booked: `${lines.length} lines`,
      posted: `${journal.lines.length} lines`,
    });
    return found;
  }
  journal.lines.forEach((line, index) => {
    const booked = lines[index] as JournalEntryLine;
    const at = `lines.${index}`;
    compare(
      `${at}.ledger_account`,
      booked.ledgerAccount,
      line.ledgerAccount,
      code(booked.ledgerAccount) === code(line.ledgerAccount),
    );
    const debit = unitsOf(booked.debit, journal.minorDigits);
    const credit = unitsOf(booked.credit, journal.minorDigits);
    const bookedSide = debit !== undefined && debit !== 0n ? 'debit' : 'credit';
    const bookedUnits = bookedSide === 'debit' ? debit : credit;
    const bookedAmount = bookedSide === 'debit' ? booked.debit : booked.credit;
    if (bookedUnits !== undefined && (bookedSide !== line.side || bookedUnits !== line.units)) {
      found.push({
        field: `${at}.${line.side}`,
        booked: `${bookedSide} ${text(bookedAmount)}`,
        posted: `${line.side} ${line.amount}`,
      });
    }
    if (booked.memo !== undefined || line.memo !== undefined) {
      compare(
        `${at}.memo`,
        booked.memo ?? '',
        line.memo ?? '',
        text(booked.memo) === text(line.memo),
      );
    }
    if (booked.worktags.length > 0 || line.worktags.length > 0) {
      const bookedTags = worktagKey(booked.worktags);
      const postedTags = worktagKey(line.worktags);
      compare(`${at}.worktags`, bookedTags, postedTags, bookedTags === postedTags);
    }
  });
  return found;
}
