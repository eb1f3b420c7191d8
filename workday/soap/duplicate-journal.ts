import { isConnectorError } from '../../sdk/errors';
import type { FinancialManagement } from './financial-management';
import type { JournalEntry } from './get-journals';

/**
 * Workday's published text for a Submit_Accounting_Journal with `Add_Only` and an
 * Accounting_Journal_ID already used (workday-soap-schema.md). It names no journal ID.
 */
export const ADD_ONLY_RESUBMITTED =
  'The Web Service is set to Add Only; documents cannot be resubmitted.';

// Matched by meaning, not byte for byte: spacing, case and the final period may vary.
const ADD_ONLY_PATTERN = /\bAdd[\s_]*Only\b[\s\S]{0,40}\bcannot be resubmitted\b/i;

/**
 * True when Workday refused a submission because of `Add_Only`: a `remote_validation` error
 * whose message or one of whose Validation_Errors carries the published text. The text does not
 * say which journal exists, so confirm with {@link confirmDuplicateJournal}.
 */
export function isAddOnlyResubmission(error: unknown): boolean {
  if (!isConnectorError(error) || error.code !== 'remote_validation') return false;
  const messages = error.details.remoteMessages ?? [];
  return [error.message, ...messages.flatMap((m) => [m.message, m.detail ?? ''])].some((text) =>
    ADD_ONLY_PATTERN.test(text),
  );
}

/**
 * Looks the journal up by its Accounting_Journal_ID and returns it as Workday booked it, or
 * `undefined` when Workday has none with that ID (then the Add_Only refusal was about something
 * else, and the refusal stands). This is the hook for comparing a duplicate's content with the
 * input: the returned entry holds Workday's company, currency, date, totals and lines.
 * @throws ConnectorError when the lookup itself fails
 */
export async function confirmDuplicateJournal(
  fm: Pick<FinancialManagement, 'getJournalById'>,
  journalId: string,
): Promise<JournalEntry | undefined> {
  return fm.getJournalById(journalId);
}
