/**
 * `Import_Accounting_Journal`: refuses at once (Validation_Fault) what is wrong with the request
 * or the journal header, and an Add_Only journal ID already used or being imported; otherwise
 * answers a receipt (`Put_Import_Process_Response`) and leaves the lines to a background process,
 * whose messages name the lines it refuses by position (Line_Number n: the n-th line element).
 * Guess: which checks Workday runs at once and which in the background is not established.
 */
import type { SoapValidationIssue } from '../../errors';
import type { ImportMessage } from '../../imports';
import { renderResponseElement, validationFault } from '../envelope';
import { ADD_ONLY_RESUBMITTED, CANNOT_BE_RESUBMITTED } from '../journal-messages';
import { renderReference } from '../references';
import type { OperationInput } from './operation';
import { journalRecord, readJournalRequest } from './submit-accounting-journal';

export function importAccountingJournal(input: OperationInput): string {
  const { tenant } = input.caller;
  const read = readJournalRequest(input);
  const { requestedId, dataXpath } = read;
  const idXpath = `${dataXpath}/bsvc:Accounting_Journal_ID[1]`;
  const issues: SoapValidationIssue[] = [...read.headerIssues];
  if (requestedId !== undefined && read.addOnly === true) {
    if (
      tenant.journals.getById(requestedId) !== undefined ||
      tenant.imports.isImporting(requestedId)
    )
      issues.push({ message: ADD_ONLY_RESUBMITTED, xpath: idXpath });
  } else if (
    requestedId !== undefined &&
    tenant.journals.getById(requestedId)?.status === 'Posted'
  ) {
    issues.push({ message: CANNOT_BE_RESUBMITTED, xpath: idXpath });
  }
  if (issues.length > 0 || read.draft === undefined) throw validationFault(issues);
  input.authorize();

  const nowMs = input.context.now();
  const messages: ImportMessage[] = [];
  read.lineIssues.forEach((lineIssues, index) => {
    for (const issue of lineIssues)
      messages.push({
        severity: 'Error',
        summary: issue.message,
        lineNumber: index + 1,
        timestampMs: nowMs,
      });
  });
  if (read.balanceIssue !== undefined)
    messages.push({
      severity: 'Error',
      summary: read.balanceIssue.message,
      lineNumber: 0,
      timestampMs: nowMs,
    });

  const existing = requestedId === undefined ? undefined : tenant.journals.getById(requestedId);
  const journal = journalRecord(tenant, read.draft, requestedId, existing, nowMs);
  const process = tenant.imports.start({
    journalId: journal.id,
    lineCount: journal.lines.length,
    nowMs,
    delayMs: input.context.importDelayMs,
    journal,
    messages,
  });
  // A delay of 0 completes at once, before the receipt is sent.
  tenant.imports.settle(nowMs, tenant.journals);
  return renderResponseElement(
    'Put_Import_Process',
    input.version,
    renderReference(
      'Import_Process_Reference',
      [
        ['WID', process.wid],
        ['Background_Process_Instance_ID', process.instanceId],
      ],
      // Guess: the Descriptor text of an import process is not public.
      `Import Accounting Journal: ${journal.id}`,
    ) + renderReference('Header_Instance_Reference', [['WID', process.headerWid]]),
  );
}
