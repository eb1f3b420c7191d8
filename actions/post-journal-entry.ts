import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConnectorError, isConnectorError } from '../sdk/errors';
import type { ErrorCode } from '../sdk/errors';
import { defineAction } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { FUNCTIONAL_AREAS } from '../workday/functional-areas';
import { journalInputSchema, journalLineSchema, validateJournal } from '../workday/journal';
import type { ValidatedJournal } from '../workday/journal';
import {
  journalSummarySchema,
  SAMPLE_JOURNAL_SUMMARY,
  summaryOfEntry,
  summaryOfSubmitted,
} from '../workday/journal-entry-output';
import type { JournalSummary } from '../workday/journal-entry-output';
import { journalDifferences } from '../workday/journal-conflict';
import type { JournalEntry } from '../workday/soap/get-journals';
import { financialManagementProbe } from '../workday/probes';
import { confirmDuplicateJournal, isAddOnlyResubmission } from '../workday/soap/duplicate-journal';
import { createFinancialManagement } from '../workday/soap/financial-management';
import { tooManyLinesMessage } from '../workday/soap/submit-accounting-journal';
import type { SubmittedJournal } from '../workday/soap/submit-accounting-journal';
import { SUBMIT_JOURNAL_MAX_LINES } from '../workday/constants';
import type { FinancialManagement } from '../workday/soap/financial-management';

/** Submissions per run: the first plus two after a lost answer that the journal lookup disproved. */
const MAX_SUBMISSIONS = 3;

/**
 * Failures after which the journal may or may not exist: no answer, a reset, a timeout, a 5xx or
 * a garbled answer. Anything else (a SOAP Validation_Fault, missing permission) means Workday
 * refused it and nothing was stored.
 */
const UNKNOWN_OUTCOME: ReadonlySet<ErrorCode> = new Set([
  'transport',
  'remote_error',
  'unexpected_response',
  'rate_limited',
]);

function pathOf(dotted: string): Array<string | number> {
  return dotted === ''
    ? []
    : dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function withMeta<S extends z.ZodType>(schema: S, extra: Record<string, unknown>): S {
  return schema.meta({ ...schema.meta(), ...extra }) as S;
}

/**
 * Journals validated while the input was parsed, by parsed input object: execute reuses the
 * result instead of validating (and summing) a large journal a second time.
 */
const checked = new WeakMap<object, ValidatedJournal>();

// The journal schema of workday/journal.ts, with the pick lists a recipe builder chooses from.
const lineFields = journalLineSchema.extend({
  ledger_account: withMeta(journalLineSchema.shape.ledger_account, {
    pick_list: 'ledger_accounts',
  }),
});
const inputFields = journalInputSchema
  .extend({
    company: withMeta(journalInputSchema.shape.company, { pick_list: 'companies' }),
    lines: z
      .array(lineFields, { error: 'is required, as a list of journal lines' })
      .min(2, 'needs at least two lines (debits and credits)')
      // Refused here, before any call: Workday refuses such a journal as a whole.
      .max(SUBMIT_JOURNAL_MAX_LINES, {
        error: (issue) => tooManyLinesMessage(Array.isArray(issue.input) ? issue.input.length : 0),
      })
      .meta(journalInputSchema.shape.lines.meta() ?? {}),
  })
  // Runs even when other fields failed (`when`), so every refusal (balance, decimals, sides,
  // date) is listed in one error instead of one round trip per mistake.
  .superRefine(
    (value, ctx) => {
      try {
        checked.set(value, validateJournal(value));
      } catch (error: unknown) {
        if (!isConnectorError(error)) throw error;
        const reported = new Set(
          ctx.issues.map((issue) => (issue.path ?? []).map(String).join('.')),
        );
        for (const issue of error.details.issues ?? []) {
          if (reported.has(issue.path)) continue;
          ctx.addIssue({ code: 'custom', path: pathOf(issue.path), message: issue.message });
        }
      }
    },
    { when: () => true },
  );

const outputFields = journalSummarySchema.extend({
  duplicate: z.boolean().meta({
    label: 'Already existed',
    hint: 'True when a journal with this Journal ID was already in Workday; it is returned instead of booking twice.',
  }),
  warnings: z
    .array(
      z.object({
        classification: z
          .string()
          .optional()
          .meta({ label: 'Classification', hint: 'e.g. Warning.' }),
        message: z.string().meta({ label: 'Message' }),
      }),
    )
    .meta({
      label: 'Warnings',
      hint: 'What Workday noted on the accepted journal (Exceptions_Response_Data); empty when none, and for a journal that already existed.',
    }),
});

type Output = z.input<typeof outputFields>;

/** `JE-20260331-3F9A1C0B7D2E`: date for humans, 48 random bits against collisions. */
function generateJournalId(accountingDate: string): string {
  return `JE-${accountingDate.replaceAll('-', '')}-${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** The journal as Workday has it, else what was submitted (never an error after a commit). */
async function readBack(
  fm: FinancialManagement,
  journal: ValidatedJournal,
  journalId: string,
  wid: string | undefined,
): Promise<JournalSummary> {
  try {
    const entry = await fm.getJournalById(journalId);
    if (entry !== undefined) return summaryOfEntry(entry, journalId);
  } catch {
    // The journal is booked; failing now would invite a retry. Report what was sent.
  }
  return summaryOfSubmitted(journal, journalId, wid);
}

function unknownOutcome(journalId: string, cause: ConnectorError): ConnectorError {
  return new ConnectorError(
    cause.code,
    `Workday did not confirm journal "${journalId}" and it could not be looked up: ${cause.message}`,
    {
      hint: `Run the action again with Journal ID "${journalId}": it returns the journal if it was booked and books it once otherwise.`,
      details: { ...cause.details, journalId },
      cause,
    },
  );
}

/** The exceptions Workday attached to the accepted journal, in its words (clipped on read). */
function warningsOf(submitted: SubmittedJournal): Output['warnings'] {
  return submitted.exceptions.map((e) =>
    e.classification === undefined
      ? { message: e.message }
      : { classification: e.classification, message: e.message },
  );
}

/** Differences shown in the message; `details.differences` holds them all. */
const DIFFERENCES_IN_MESSAGE = 3;

/** Throws `conflict` when the journal booked under `journalId` is not the one being posted. */
function assertSameContent(journal: ValidatedJournal, existing: JournalEntry, journalId: string) {
  const differences = journalDifferences(journal, existing);
  if (differences.length === 0) return;
  const shown = differences
    .slice(0, DIFFERENCES_IN_MESSAGE)
    .map((d) => `${d.field} (booked "${d.booked}", sent "${d.posted}")`);
  const more = differences.length - DIFFERENCES_IN_MESSAGE;
  throw new ConnectorError(
    'conflict',
    `Journal ID "${journalId}" is already booked with different content: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}. Nothing was booked.`,
    {
      hint: 'Use a new Journal ID for a new journal (or leave it empty to get one); send exactly the booked content to get the booked journal back as a duplicate.',
      details: { journalId, differences },
    },
  );
}

async function submitOnce(
  fm: FinancialManagement,
  journal: ValidatedJournal,
  journalId: string,
): Promise<Output> {
  let lastError: ConnectorError | undefined;
  for (let attempt = 1; attempt <= MAX_SUBMISSIONS; attempt++) {
    try {
      const submitted = await fm.submitAccountingJournal(journal);
      const summary = await readBack(fm, journal, journalId, submitted.wid);
      return { ...summary, duplicate: false, warnings: warningsOf(submitted) };
    } catch (error: unknown) {
      if (!isConnectorError(error)) throw error;
      if (isAddOnlyResubmission(error)) {
        // Workday's Add_Only text names no journal: the lookup says whether it is ours.
        const existing = await confirmDuplicateJournal(fm, journalId);
        if (existing === undefined) throw error;
        assertSameContent(journal, existing, journalId);
        // On a later attempt the "duplicate" is our own earlier, unconfirmed submission.
        return { ...summaryOfEntry(existing, journalId), duplicate: attempt === 1, warnings: [] };
      }
      if (!UNKNOWN_OUTCOME.has(error.code)) throw error;
      lastError = error;
      // Look before resubmitting: the lost answer may belong to a journal that was booked.
      let existing;
      try {
        existing = await fm.getJournalById(journalId);
      } catch (lookupError: unknown) {
        throw unknownOutcome(journalId, isConnectorError(lookupError) ? lookupError : error);
      }
      if (existing !== undefined) {
        // Normally our own lost submission; another journal booked under this ID is a conflict.
        assertSameContent(journal, existing, journalId);
        return { ...summaryOfEntry(existing, journalId), duplicate: false, warnings: [] };
      }
    }
  }
  const last = lastError as ConnectorError;
  throw new ConnectorError(
    last.code,
    `Journal "${journalId}" was not booked: Workday failed ${MAX_SUBMISSIONS} times, last with: ${last.message}`,
    {
      hint: `Nothing was booked (each failure was checked with a lookup). Run the action again later with Journal ID "${journalId}".`,
      details: { ...last.details, journalId },
      cause: last,
    },
  );
}

/** Books a general-ledger journal entry in Workday Financials, exactly once. */
export const postJournalEntry = defineAction({
  title: 'Post journal entry',
  subtitle: 'Book a GL journal with Submit_Accounting_Journal',
  description:
    'Creates an accounting journal in Workday Financials from balanced debit and credit lines.',
  help:
    'Checked before anything is sent: at least two lines, one debit or credit per line, amounts ' +
    "with the currency's decimals, debits equal to credits (exact decimals). The Journal ID makes " +
    'it safe to retry: a journal is never booked twice.',
  scopes: [FUNCTIONAL_AREAS.commonFinancialManagement],
  probes: [financialManagementProbe],
  // Submit is a POST: the runtime never repeats it; submitOnce decides after a lookup.
  retry_on_request: ['GET'],
  input_fields: inputFields,
  output_fields: outputFields,
  async execute({ connection, http, input }) {
    const journal = checked.get(input) ?? validateJournal(input);
    const journalId = journal.journalId ?? generateJournalId(journal.accountingDate);
    const fm = createFinancialManagement(http, parseWorkdayEndpoints(connection));
    return submitOnce(fm, { ...journal, journalId }, journalId);
  },
  sample_output: {
    ...SAMPLE_JOURNAL_SUMMARY,
    duplicate: false,
    warnings: [],
  },
});
