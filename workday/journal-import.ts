/**
 * Importing one large journal exactly once, and following the import to its end. The journal ID
 * (`Accounting_Journal_ID`, sent with `Add_Only`) is the idempotency key: after any failure that
 * leaves the outcome unknown (no receipt, a reset, a timeout, a 5xx) the journal is looked up by
 * that ID before anything is sent again, and Workday's Add_Only refusal of a resubmission is
 * read as "already imported or being imported", never as a failure.
 */
import { randomBytes } from 'node:crypto';
import { ConnectorError, isConnectorError } from '../sdk/errors';
import type { ErrorCode } from '../sdk/errors';
import type { Logger, ProgressEvent } from '../sdk/define';
import { mapImportMessage, referenceOutput, statusFields } from './import-output';
import type { ImportStatusOutput } from './import-output';
import type { InputLinePosition, LargeJournal } from './large-journal';
import type { FinancialManagement } from './soap/financial-management';
import type { JournalEntry } from './soap/get-journals';
import { isAddOnlyResubmission } from './soap/duplicate-journal';
import type { ImportReceipt } from './soap/import-accounting-journal';
import type { Integrations } from './soap/integrations';
import type { ImportProcessStatus } from './soap/import-processes';
import type { ReferenceId } from './soap/references';

/** Uploads per run: the first plus resubmissions that a lookup showed to be needed. */
const MAX_SUBMISSIONS = 4;

/**
 * Waits between status polls: doubling from 250 ms, at most 15 s (public pollers of Workday
 * background processes poll every 60 s; an import can finish in seconds, so we start faster).
 */
export const POLL_DELAYS_MS = { first: 250, max: 15_000 } as const;

/** Base time for an upload, plus a per-line allowance (a 100,000-line journal is ~45 MB). */
const UPLOAD_TIMEOUT_BASE_MS = 60_000;
const UPLOAD_TIMEOUT_PER_LINE_MS = 2;

/** Failures after which the import may or may not have been received. */
const UNKNOWN_OUTCOME: ReadonlySet<ErrorCode> = new Set([
  'transport',
  'remote_error',
  'unexpected_response',
  'rate_limited',
]);

/** What the import needs from its host. */
export interface ImportContext {
  fm: FinancialManagement;
  integrations: Integrations;
  progress: (event: ProgressEvent) => void;
  log: Logger;
  /** How long to follow the import before returning it as `running`. */
  waitMs: number;
  /**
   * How long one upload may wait for its receipt.
   * @default 60 s plus 2 ms per line
   */
  uploadTimeoutMs?: number;
  /** Waits; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `JE-20260331-3F9A1C0B7D2E`, as post_journal_entry generates them. */
export function generateJournalId(accountingDate: string): string {
  return `JE-${accountingDate.replaceAll('-', '')}-${randomBytes(6).toString('hex').toUpperCase()}`;
}

function journalFields(entry: JournalEntry | undefined): Partial<ImportStatusOutput> {
  if (entry === undefined) return {};
  return {
    ...(entry.wid === undefined ? {} : { journal_wid: entry.wid }),
    ...(entry.status === undefined ? {} : { journal_status: entry.status }),
  };
}

/**
 * Journals read back after a completed import only up to this size: Get_Journals returns every
 * line, and no published Response_Group leaves them out.
 */
export const READ_BACK_MAX_LINES = 1000;

/**
 * Looks a journal up by its ID. Get_Journals returns every line and no published
 * Response_Group leaves them out, so a large journal's answer is over the SDK's response size
 * limit (a 100,000-line journal is ~95 MB): a successful answer to a lookup by one ID that is
 * too large to read can only be that journal, and is taken as "it exists" (its WID unread).
 */
export async function lookUpJournal(
  ctx: Pick<ImportContext, 'fm'>,
  journalId: string,
): Promise<JournalEntry | undefined> {
  try {
    return await ctx.fm.getJournalById(journalId);
  } catch (error) {
    if (
      isConnectorError(error) &&
      error.code === 'unexpected_response' &&
      error.details.status === 200 &&
      typeof error.details.limitBytes === 'number'
    )
      return { id: journalId, lines: [] };
    throw error;
  }
}

interface Follow {
  ctx: ImportContext;
  deadline: number;
  journalId?: string;
  /** Read the journal (its WID and status) once the import completed. @default true */
  readJournal?: boolean;
  inputLineOf?: (n: number) => InputLinePosition | undefined;
}

/** Asks for the status until it is final or the deadline passes; `undefined` if never read. */
async function pollStatus(
  follow: Follow,
  reference: readonly ReferenceId[],
): Promise<{ status?: ImportProcessStatus; error?: ConnectorError }> {
  const { ctx } = follow;
  const sleep = ctx.sleep ?? defaultSleep;
  const now = ctx.now ?? Date.now;
  let delay: number = POLL_DELAYS_MS.first;
  let last: ImportProcessStatus | undefined;
  for (;;) {
    try {
      last = await ctx.integrations.getImportProcess(reference);
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      // A refused reference (not one of this tenant's imports) is the caller's to fix.
      if (last === undefined && !UNKNOWN_OUTCOME.has(error.code)) throw error;
      // The import was received: a failing status read must not turn into a failed action,
      // which a platform would retry (and, without a journal ID, import again).
      return last === undefined ? { error } : { status: last, error };
    }
    if (last !== undefined) {
      ctx.progress({
        phase: 'process',
        done: last.percentComplete ?? 0,
        total: 100,
        unit: '%',
        ...(last.status === undefined ? {} : { message: last.status }),
      });
      if (last.state !== 'running') return { status: last };
    }
    if (now() + delay > follow.deadline) return last === undefined ? {} : { status: last };
    await sleep(delay);
    delay = Math.min(delay * 2, POLL_DELAYS_MS.max);
  }
}

/**
 * Follows one import process: polls its status with bounded backoff until it is final or
 * `waitMs` has passed, then reads its messages and, when it completed, the journal.
 */
export async function followImport(
  follow: Follow,
  reference: readonly ReferenceId[],
): Promise<ImportStatusOutput> {
  const base: ImportStatusOutput = {
    ...(follow.journalId === undefined ? {} : { journal_id: follow.journalId }),
    state: 'running',
    import_process: referenceOutput(reference),
    duplicate: false,
    message_count: 0,
    messages: [],
  };
  const { status, error } = await pollStatus(follow, reference);
  if (status === undefined) {
    return {
      ...base,
      note:
        error === undefined
          ? 'Workday reported no import process for this reference yet.'
          : `The import was received, but its status could not be read: ${error.message}`,
    };
  }
  const output: ImportStatusOutput = { ...base, ...statusFields(status) };
  if (status.state === 'running') {
    output.note =
      error === undefined
        ? 'The import is still running; follow it with Get import status and this import process reference.'
        : `The import is running, but its status could no longer be read: ${error.message}`;
    return output;
  }
  const messages =
    status.hasMessages || status.state !== 'completed'
      ? await follow.ctx.integrations.getImportProcessMessages(reference)
      : [];
  output.messages = messages.map((m) => mapImportMessage(m, follow.inputLineOf));
  output.message_count = output.messages.length;
  if (
    follow.journalId !== undefined &&
    follow.readJournal !== false &&
    status.state.startsWith('completed')
  ) {
    try {
      Object.assign(output, journalFields(await follow.ctx.fm.getJournalById(follow.journalId)));
    } catch {
      // The import's own answer is what counts; the journal's WID is a convenience.
    }
  }
  return output;
}

/**
 * After a refusal as duplicate or a lost receipt: the journal exists, or another import of it is
 * under way. Looks it up until it appears or the deadline passes.
 */
async function awaitJournal(follow: Follow, journalId: string): Promise<JournalEntry | undefined> {
  const { ctx } = follow;
  const sleep = ctx.sleep ?? defaultSleep;
  const now = ctx.now ?? Date.now;
  let delay: number = POLL_DELAYS_MS.first;
  for (;;) {
    const entry = await lookUpJournal(ctx, journalId);
    if (entry !== undefined || now() + delay > follow.deadline) return entry;
    ctx.progress({
      phase: 'process',
      done: 0,
      total: 100,
      unit: '%',
      message: 'waiting for the journal',
    });
    await sleep(delay);
    delay = Math.min(delay * 2, POLL_DELAYS_MS.max);
  }
}

function existingOutput(
  journal: LargeJournal,
  journalId: string,
  entry: JournalEntry,
  duplicate: boolean,
  note: string,
): ImportStatusOutput {
  return {
    journal_id: journalId,
    state: 'completed',
    import_process: [],
    ...journalFields(entry),
    line_count: journal.lineCount,
    total_debit: journal.totalDebit,
    total_credit: journal.totalCredit,
    duplicate,
    message_count: 0,
    messages: [],
    note,
  };
}

/** A transport failure that was a deadline passing (the request may still be processed). */
function isTimeout(error: ConnectorError): boolean {
  return error.code === 'transport' && error.details.transportCode === 'ETIMEDOUT';
}

function unknownOutcome(journalId: string, cause: ConnectorError): ConnectorError {
  return new ConnectorError(
    cause.code,
    `Workday did not confirm the import of journal "${journalId}" and it could not be looked up: ${cause.message}`,
    {
      hint: `Run the import again with Journal ID "${journalId}": Workday refuses a second journal with that ID.`,
      details: { ...cause.details, journalId },
      cause,
    },
  );
}

/**
 * Imports a validated journal once and follows the import. Resubmits only after a lookup by
 * journal ID found nothing; an Add_Only refusal means the journal is there or on its way.
 */
export async function importJournalOnce(
  ctx: ImportContext,
  journal: LargeJournal,
): Promise<ImportStatusOutput> {
  const now = ctx.now ?? Date.now;
  const journalId = journal.header.journalId ?? generateJournalId(journal.header.accountingDate);
  const header = { ...journal.header, journalId };
  const follow: Follow = {
    ctx,
    deadline: now() + ctx.waitMs,
    journalId,
    readJournal: journal.lineCount <= READ_BACK_MAX_LINES,
    inputLineOf: (n) => journal.inputLineOf(n),
  };
  const totals = {
    line_count: journal.lineCount,
    total_debit: journal.totalDebit,
    total_credit: journal.totalCredit,
  };
  // A caller-chosen ID may belong to a run that a platform stopped: look before uploading.
  if (journal.header.journalId !== undefined) {
    const existing = await lookUpJournal(ctx, journalId);
    if (existing !== undefined)
      return existingOutput(
        journal,
        journalId,
        existing,
        true,
        'A journal with this Journal ID was already in Workday; nothing was imported.',
      );
  }
  let unconfirmed = false;
  // A timed-out upload may still be waiting at Workday: a lookup that finds nothing proves less.
  let timedOut = false;
  let lastError: ConnectorError | undefined;
  for (let attempt = 1; attempt <= MAX_SUBMISSIONS; attempt++) {
    let receipt: ImportReceipt;
    try {
      ctx.progress({ phase: 'upload', done: 0, total: journal.lineCount, unit: 'lines' });
      receipt = await ctx.fm.importAccountingJournal({
        header,
        lines: () => journal.lines(),
        onLine: (written) => {
          if (written % 1000 === 0 || written === journal.lineCount)
            ctx.progress({
              phase: 'upload',
              done: written,
              total: journal.lineCount,
              unit: 'lines',
            });
        },
        timeoutMs:
          ctx.uploadTimeoutMs ??
          UPLOAD_TIMEOUT_BASE_MS + journal.lineCount * UPLOAD_TIMEOUT_PER_LINE_MS,
      });
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      if (isAddOnlyResubmission(error)) {
        // Ours from an unconfirmed attempt, or one imported earlier under the same ID.
        const entry = await awaitJournal(follow, journalId);
        if (entry !== undefined) {
          return existingOutput(
            journal,
            journalId,
            entry,
            !unconfirmed,
            unconfirmed
              ? 'Workday imported the journal, but its receipt was lost; it was found by its Journal ID.'
              : 'A journal with this Journal ID was already in Workday; nothing was imported.',
          );
        }
        if (now() >= follow.deadline) {
          return {
            journal_id: journalId,
            state: 'running',
            import_process: [],
            ...totals,
            duplicate: !unconfirmed,
            message_count: 0,
            messages: [],
            note: 'Workday is importing a journal with this Journal ID (its receipt was lost); check it later with Get journal entry.',
          };
        }
        // The earlier import ended without a journal (refused lines): the ID is free again.
        continue;
      }
      if (!UNKNOWN_OUTCOME.has(error.code)) throw error;
      lastError = error;
      unconfirmed = true;
      if (isTimeout(error)) timedOut = true;
      let existing: JournalEntry | undefined;
      try {
        existing = await lookUpJournal(ctx, journalId);
      } catch (lookupError) {
        throw unknownOutcome(journalId, isConnectorError(lookupError) ? lookupError : error);
      }
      if (existing !== undefined) {
        return existingOutput(
          journal,
          journalId,
          existing,
          false,
          'Workday imported the journal, but its receipt was lost; it was found by its Journal ID.',
        );
      }
      ctx.log.info(
        'The import was not confirmed and the journal is not in Workday; sending it again.',
        {
          journalId,
          attempt,
          error: error.message,
        },
      );
      continue;
    }
    ctx.log.info('Workday received the import.', {
      journalId,
      importProcess: receipt.importProcess.map((id) => `${id.type}=${id.value}`).join(' '),
    });
    if (receipt.importProcess.length === 0) {
      const entry = await awaitJournal(follow, journalId);
      return {
        journal_id: journalId,
        state: entry === undefined ? 'running' : 'completed',
        import_process: [],
        ...journalFields(entry),
        ...totals,
        duplicate: false,
        message_count: 0,
        messages: [],
        note: 'The receipt named no import process; the journal was looked up by its Journal ID.',
      };
    }
    return { ...(await followImport(follow, receipt.importProcess)), ...totals };
  }
  const last =
    lastError ?? new ConnectorError('remote_error', 'Workday did not accept the import.');
  throw new ConnectorError(
    last.code,
    `Journal "${journalId}" was not imported: Workday failed ${MAX_SUBMISSIONS} times, last with: ${last.message}`,
    {
      hint: timedOut
        ? `An upload that timed out may still be imported by Workday: look journal "${journalId}" up with Get journal entry before anything else, or run the import again with the same Journal ID (Workday refuses a second journal with it).`
        : `Nothing was imported (each failure was checked with a lookup). Run the import again later with Journal ID "${journalId}".`,
      details: { ...last.details, journalId },
      cause: last,
    },
  );
}
