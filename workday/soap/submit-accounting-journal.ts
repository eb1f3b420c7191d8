import { ConnectorError } from '../../sdk/errors';
import { SUBMIT_JOURNAL_MAX_LINES } from '../constants';
import { clipRemoteText } from '../remote-text';
import type { ValidatedJournal, ValidatedJournalLine } from '../journal';
import { referenceDescriptor, referenceElement, referenceId } from './references';
import { child, childText, children, renderXml } from './xml';
import type { XmlElement, XmlObject } from './xml';

/** The operation name, used as the SOAPAction and in messages. */
export const SUBMIT_ACCOUNTING_JOURNAL = 'Submit_Accounting_Journal';

/** One `Journal_Entry_Line_Replacement_Data` (Submit and Import share the line type). */
export function lineElement(line: ValidatedJournalLine): XmlElement {
  // Journal_Entry_Line_Data order: Ledger_Account_Reference, Debit_Amount, Credit_Amount, …,
  // Memo, …, Worktags_Reference* (workday-soap-schema.md).
  return {
    name: 'bsvc:Journal_Entry_Line_Replacement_Data',
    children: [
      referenceElement('Ledger_Account_Reference', 'Ledger_Account_ID', line.ledgerAccount, {
        id: line.accountSet,
        type: 'Account_Set_ID',
      }),
      line.side === 'debit'
        ? { name: 'bsvc:Debit_Amount', children: [line.amount] }
        : { name: 'bsvc:Credit_Amount', children: [line.amount] },
      line.memo === undefined ? undefined : { name: 'bsvc:Memo', children: [line.memo] },
      ...line.worktags.map((tag) => referenceElement('Worktags_Reference', tag.type, tag.id)),
    ],
  };
}

/** The refusal of a journal over Workday's line limit, before anything is sent. */
export function tooManyLinesMessage(count: number): string {
  return (
    `The journal has ${count} lines; Workday's Submit_Accounting_Journal accepts at most ` +
    `${SUBMIT_JOURNAL_MAX_LINES} lines per journal: split it into balanced journals of at most ` +
    `${SUBMIT_JOURNAL_MAX_LINES} lines each.`
  );
}

/**
 * @throws ConnectorError `invalid_input` for more lines than Submit_Accounting_Journal takes
 */
export function assertSubmittableLineCount(count: number): void {
  if (count <= SUBMIT_JOURNAL_MAX_LINES) return;
  throw new ConnectorError('invalid_input', tooManyLinesMessage(count), {
    hint: 'Workday refuses such a journal as a whole; nothing was sent.',
    details: { issues: [{ path: 'lines', message: tooManyLinesMessage(count) }] },
  });
}

/**
 * Renders `Submit_Accounting_Journal_Request` (`Add_Only="true"`, so a journal whose
 * Accounting_Journal_ID exists is refused instead of replaced). The request's sequence is
 * `Accounting_Journal_Reference`, `Business_Process_Parameters`, `Accounting_Journal_Data`, and
 * `Accounting_Journal_Data` children follow their sequence too (workday-soap-schema.md); the
 * schema test in test/workday/soap/request-schema.test.ts checks both.
 */
export function buildSubmitAccountingJournalRequest(
  journal: ValidatedJournal,
  version: string,
): string {
  assertSubmittableLineCount(journal.lines.length);
  const data: XmlElement = {
    name: 'bsvc:Accounting_Journal_Data',
    children: [
      journal.journalId === undefined
        ? undefined
        : { name: 'bsvc:Accounting_Journal_ID', children: [journal.journalId] },
      { name: 'bsvc:Submit', children: [String(journal.submit)] },
      referenceElement('Company_Reference', 'Company_Reference_ID', journal.company),
      referenceElement('Currency_Reference', 'Currency_ID', journal.currency),
      referenceElement('Ledger_Type_Reference', 'Ledger_Type_ID', journal.ledgerType),
      { name: 'bsvc:Accounting_Date', children: [journal.accountingDate] },
      referenceElement('Journal_Source_Reference', 'Journal_Source_ID', journal.journalSource),
      journal.memo === undefined
        ? undefined
        : { name: 'bsvc:Journal_Entry_Memo', children: [journal.memo] },
      ...journal.lines.map(lineElement),
    ],
  };
  return renderXml({
    name: 'bsvc:Submit_Accounting_Journal_Request',
    attributes: { 'bsvc:version': version, 'bsvc:Add_Only': 'true' },
    children: [
      {
        name: 'bsvc:Business_Process_Parameters',
        children: [{ name: 'bsvc:Auto_Complete', children: [String(journal.autoComplete)] }],
      },
      data,
    ],
  });
}

/** What Workday answers to a submitted journal. */
export interface SubmittedJournal {
  /** Workday ID of the journal. */
  wid?: string;
  /** The Accounting_Journal_ID (ours, or the one Workday generated). */
  accountingJournalId?: string;
  descriptor?: string;
  /** `Exceptions_Response_Data` entries (warnings Workday attached to an accepted journal). */
  exceptions: { classification?: string; message: string }[];
}

/**
 * Reads `Submit_Accounting_Journal_Response` (the Body's child).
 * @throws ConnectorError `unexpected_response` without an `Accounting_Journal_Reference` ID
 */
export function parseSubmitAccountingJournalResponse(response: XmlObject): SubmittedJournal {
  const reference = child(response, 'Accounting_Journal_Reference');
  const result: SubmittedJournal = { exceptions: [] };
  const wid = referenceId(reference, 'WID');
  const id = referenceId(reference, 'Accounting_Journal_ID');
  const descriptor = referenceDescriptor(reference);
  if (wid !== undefined) result.wid = wid;
  if (id !== undefined) result.accountingJournalId = id;
  if (descriptor !== undefined) result.descriptor = descriptor;
  if (wid === undefined && id === undefined) {
    throw new ConnectorError(
      'unexpected_response',
      'The Submit_Accounting_Journal response has no Accounting_Journal_Reference ID.',
    );
  }
  // The schema's path is Exceptions_Response_Data/Exceptions_Data/Exception_Data; WSDL-generated
  // classes also show Exception_Data directly under Exceptions_Response_Data: both are read.
  for (const data of children(response, 'Exceptions_Response_Data')) {
    const groups = [data, ...children(data, 'Exceptions_Data')];
    for (const exception of groups.flatMap((group) => children(group, 'Exception_Data'))) {
      const text = childText(exception, 'Message');
      if (text === undefined) continue;
      const message = clipRemoteText(text);
      const classification = childText(exception, 'Classification');
      result.exceptions.push(
        classification === undefined ? { message } : { classification, message },
      );
    }
  }
  return result;
}
