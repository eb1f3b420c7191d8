import { ConnectorError } from '../../sdk/errors';
import { isCalendarDate } from '../journal';
import { readResponseData, responseFilterElement } from './paged-get';
import { referenceDescriptor, referenceElement, referenceId, referenceIds } from './references';
import { parseResponseResults } from './response-results';
import type { ResponseResults } from './response-results';
import { child, childText, children, renderXml } from './xml';
import type { XmlElement, XmlObject } from './xml';

/** The operation name, used as the SOAPAction and in messages. */
export const GET_JOURNALS = 'Get_Journals';

/** One journal line as Workday reports it. Amounts are decimal strings, exactly as sent. */
export interface JournalEntryLine {
  lineOrder?: string;
  company?: string;
  ledgerAccount?: string;
  debit?: string;
  credit?: string;
  currency?: string;
  memo?: string;
  worktags: { type: string; id: string }[];
}

/** One journal entry read with Get_Journals. */
export interface JournalEntry {
  /** Accounting_Journal_ID. */
  id?: string;
  wid?: string;
  descriptor?: string;
  journalNumber?: string;
  /** Journal_Entry_Status_ID, else the status descriptor. */
  status?: string;
  company?: string;
  currency?: string;
  ledger?: string;
  accountingDate?: string;
  source?: string;
  memo?: string;
  totalDebits?: string;
  totalCredits?: string;
  createdAt?: string;
  lines: JournalEntryLine[];
}

/** A page of journals with Workday's counts. */
export interface JournalPage extends ResponseResults {
  journals: JournalEntry[];
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
/** An xsd:date, with an optional time-zone offset: `2026-03-31`, `2026-03-31Z`, `2026-03-31-07:00`. */
const XSD_DATE = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;

function request(version: string, parts: XmlElement[]): string {
  return renderXml({
    name: 'bsvc:Get_Journals_Request',
    attributes: { 'bsvc:version': version },
    children: parts,
  });
}

/**
 * Renders a Get_Journals request for one journal by Accounting_Journal_ID. The reference item
 * is named `JournalEntryReference`, as in the WSDL-generated classes and a production request
 * builder (workday-payloads.md §4(e)).
 */
export function buildGetJournalByIdRequest(accountingJournalId: string, version: string): string {
  return request(version, [
    {
      name: 'bsvc:Request_References',
      children: [
        referenceElement('JournalEntryReference', 'Accounting_Journal_ID', accountingJournalId),
      ],
    },
  ]);
}

/**
 * Renders a Get_Journals request for journals with an accounting date in `[from, to]`.
 * @param page 1-based ("Page Number cannot be zero")
 * @throws ConnectorError `invalid_input` for a date that is not YYYY-MM-DD, or `from` after `to`
 */
export function buildGetJournalsByDateRequest(
  from: string,
  to: string,
  page: number,
  count: number,
  version: string,
): string {
  const issues = [];
  if (!isCalendarDate(from)) issues.push({ path: 'from', message: 'must be a date YYYY-MM-DD' });
  if (!isCalendarDate(to)) issues.push({ path: 'to', message: 'must be a date YYYY-MM-DD' });
  if (issues.length === 0 && from > to)
    issues.push({ path: 'from', message: `must not be after "to" (${to})` });
  if (!Number.isSafeInteger(page) || page < 1)
    issues.push({ path: 'page', message: 'must be a whole number from 1' });
  if (issues.length > 0) {
    throw new ConnectorError(
      'invalid_input',
      `The journal date range is invalid: ${issues.map((i) => `"${i.path}" ${i.message}`).join('; ')}.`,
      { details: { issues } },
    );
  }
  return request(version, [
    {
      name: 'bsvc:Request_Criteria',
      children: [
        { name: 'bsvc:Accounting_From_Date', children: [from] },
        { name: 'bsvc:Accounting_To_Date', children: [to] },
      ],
    },
    responseFilterElement(page, count),
  ]);
}

function amount(node: XmlObject | undefined, name: string, where: string): string | undefined {
  const text = childText(node, name);
  if (text === undefined) return undefined;
  if (!DECIMAL.test(text.trim())) {
    throw new ConnectorError(
      'unexpected_response',
      `The Get_Journals response has a non-decimal ${name} in ${where}.`,
    );
  }
  return text.trim();
}

/**
 * The calendar date of an xsd:date as YYYY-MM-DD: Workday may add a time-zone offset
 * (`2026-03-31-07:00`), and the date is the part before it (workday-soap-schema.md).
 */
export function xsdDateToIsoDate(text: string): string | undefined {
  const match = XSD_DATE.exec(text.trim());
  return match !== null && isCalendarDate(match[1]!) ? match[1] : undefined;
}

function date(node: XmlObject | undefined, name: string, where: string): string | undefined {
  const text = childText(node, name);
  if (text === undefined) return undefined;
  const iso = xsdDateToIsoDate(text);
  if (iso === undefined) {
    throw new ConnectorError(
      'unexpected_response',
      `The Get_Journals response has an ${name} that is not an xsd:date in ${where}.`,
    );
  }
  return iso;
}

function assign<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}

function parseLine(line: XmlObject, where: string): JournalEntryLine {
  const parsed: JournalEntryLine = {
    worktags: children(line, 'Worktags_Reference').flatMap((tag) =>
      referenceIds(tag)
        .filter((id) => id.type !== 'WID')
        .map((id) => ({ type: id.type, id: id.value })),
    ),
  };
  assign(parsed, 'lineOrder', childText(line, 'Line_Order'));
  assign(
    parsed,
    'company',
    referenceId(
      child(line, 'Line_Company_Reference'),
      'Company_Reference_ID',
      'Organization_Reference_ID',
    ),
  );
  assign(
    parsed,
    'ledgerAccount',
    referenceId(child(line, 'Ledger_Account_Reference'), 'Ledger_Account_ID'),
  );
  assign(parsed, 'debit', amount(line, 'Debit_Amount', where));
  assign(parsed, 'credit', amount(line, 'Credit_Amount', where));
  assign(parsed, 'currency', referenceId(child(line, 'Currency_Reference'), 'Currency_ID'));
  assign(parsed, 'memo', childText(line, 'Memo'));
  return parsed;
}

function parseJournal(entry: XmlObject, index: number): JournalEntry {
  const where = `journal ${index + 1}`;
  const data = child(entry, 'Journal_Entry_Data');
  const reference =
    child(entry, 'Journal_Entry_Reference') ?? child(data, 'Journal_Entry_Reference');
  const status = child(data, 'Journal_Status_Reference');
  const journal: JournalEntry = {
    lines: children(data, 'Journal_Entry_Line_Data').map((line, n) =>
      parseLine(line, `${where}, line ${n + 1}`),
    ),
  };
  assign(journal, 'id', referenceId(reference, 'Accounting_Journal_ID'));
  assign(journal, 'wid', referenceId(reference, 'WID'));
  if (journal.id === undefined && journal.wid === undefined) {
    throw new ConnectorError(
      'unexpected_response',
      `The Get_Journals response has no Journal_Entry_Reference ID for ${where}.`,
    );
  }
  assign(journal, 'descriptor', referenceDescriptor(reference));
  assign(journal, 'journalNumber', childText(data, 'Journal_Number'));
  assign(
    journal,
    'status',
    referenceId(status, 'Journal_Entry_Status_ID') ?? referenceDescriptor(status),
  );
  assign(
    journal,
    'company',
    referenceId(
      child(data, 'Company_Reference'),
      'Company_Reference_ID',
      'Organization_Reference_ID',
    ),
  );
  assign(journal, 'currency', referenceId(child(data, 'Currency_Reference'), 'Currency_ID'));
  assign(journal, 'ledger', referenceId(child(data, 'Ledger_Reference'), 'Ledger_Reference_ID'));
  assign(journal, 'accountingDate', date(data, 'Accounting_Date', where));
  assign(
    journal,
    'source',
    referenceId(child(data, 'Journal_Source_Reference'), 'Journal_Source_ID'),
  );
  assign(journal, 'memo', childText(data, 'Memo'));
  assign(journal, 'totalDebits', amount(data, 'Total_Ledger_Debits', where));
  assign(journal, 'totalCredits', amount(data, 'Total_Ledger_Credits', where));
  assign(journal, 'createdAt', childText(data, 'Creation_Date'));
  return journal;
}

/**
 * Reads `Get_Journals_Response` (the Body's child). No `Response_Data` means no journals;
 * one element and several are read alike.
 * @throws ConnectorError `unexpected_response` for a journal without ID or a non-decimal amount
 */
export function parseGetJournalsResponse(response: XmlObject): JournalPage {
  return {
    ...parseResponseResults(response, GET_JOURNALS),
    journals: readResponseData(response, 'Journal_Entry', parseJournal),
  };
}
