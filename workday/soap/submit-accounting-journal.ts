import { ConnectorError } from '../../sdk/errors';
import { SUBMIT_JOURNAL_MAX_LINES } from '../constants';
import { clipRemoteText } from '../remote-text';
import type { ValidatedJournal, ValidatedJournalHeader, ValidatedJournalLine } from '../journal';
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
 * The request element both journal operations share (Submit and Import_Accounting_Journal):
 * `Add_Only="true"`, so a journal whose Accounting_Journal_ID exists is refused instead of
 * replaced, and the schema's sequence `Business_Process_Parameters` before
 * `Accounting_Journal_Data` (workday-soap-schema.md). `data` is appended as the last child.
 */
export function journalRequestElement(
  name: string,
  header: Pick<ValidatedJournalHeader, 'autoComplete'>,
  version: string,
  data?: XmlElement,
): XmlElement {
  return {
    name,
    attributes: { 'bsvc:version': version, 'bsvc:Add_Only': 'true' },
    children: [
      {
        name: 'bsvc:Business_Process_Parameters',
        children: [{ name: 'bsvc:Auto_Complete', children: [String(header.autoComplete)] }],
      },
      data,
    ],
  };
}

/**
 * The `Accounting_Journal_Data` children before the lines, in their sequence:
 * `Accounting_Journal_ID`, `Submit`, `Company_Reference`, `Currency_Reference`,
 * `Ledger_Type_Reference`, `Accounting_Date`, `Journal_Source_Reference`, `Journal_Entry_Memo`.
 * Submit's and Import's data types agree on these (workday-soap-schema.md).
 */
export function journalHeaderChildren(
  header: ValidatedJournalHeader,
): Array<XmlElement | undefined> {
  return [
    header.journalId === undefined
      ? undefined
      : { name: 'bsvc:Accounting_Journal_ID', children: [header.journalId] },
    { name: 'bsvc:Submit', children: [String(header.submit)] },
    referenceElement('Company_Reference', 'Company_Reference_ID', header.company),
    referenceElement('Currency_Reference', 'Currency_ID', header.currency),
    referenceElement('Ledger_Type_Reference', 'Ledger_Type_ID', header.ledgerType),
    { name: 'bsvc:Accounting_Date', children: [header.accountingDate] },
    referenceElement('Journal_Source_Reference', 'Journal_Source_ID', header.journalSource),
    header.memo === undefined
      ? undefined
      : { name: 'bsvc:Journal_Entry_Memo', children: [header.memo] },
  ];
}

/**
 * Renders `Submit_Accounting_Journal_Request`: {@link journalRequestElement} with the header
 * and every line; the schema test in test/workday/soap/request-schema.test.ts checks the order.
 */
export function buildSubmitAccountingJournalRequest(
  journal: ValidatedJournal,
  version: string,
): string {
  assertSubmittableLineCount(journal.lines.length);
  return renderXml(
    journalRequestElement('bsvc:Submit_Accounting_Journal_Request', journal, version, {
      name: 'bsvc:Accounting_Journal_Data',
      children: [...journalHeaderChildren(journal), ...journal.lines.map(lineElement)],
    }),
  );
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
