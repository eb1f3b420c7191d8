import { XMLBuilder } from 'fast-xml-parser';
import { validateJournal } from '../workday/journal';
import { buildEnvelope } from '../workday/soap/envelope';
import { buildGetJournalByIdRequest } from '../workday/soap/get-journals';
import { buildSubmitAccountingJournalRequest } from '../workday/soap/submit-accounting-journal';
import type { JournalInput } from './journal-input';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const BSVC = 'urn:com.workday/bsvc';
const DEFAULT_VERSION = 'v45.0';

/** Headers of a Financial_Management SOAP 1.1 call (the bearer token is added per request). */
export function soapHeaders(operation: string): Record<string, string> {
  return {
    'Content-Type': 'text/xml; charset=utf-8',
    SOAPAction: `"urn:com.workday/bsvc/${operation}"`,
  };
}

/**
 * The exact envelope the connector sends for `input`, built once with the connector's own
 * builder so the raw baseline posts byte-for-byte comparable requests.
 */
export function buildRawSubmitEnvelope(input: JournalInput, version = DEFAULT_VERSION): string {
  return buildEnvelope(buildSubmitAccountingJournalRequest(validateJournal(input), version));
}

/** The `Get_Journals` envelope the connector sends to read a journal back by its id. */
export function buildRawGetJournalEnvelope(journalId: string, version = DEFAULT_VERSION): string {
  return buildEnvelope(buildGetJournalByIdRequest(journalId, version));
}

function id(
  type: string,
  value: string,
  parent?: { id: string; type: string },
): Record<string, string> {
  return parent
    ? {
        '@_bsvc:type': type,
        '@_bsvc:parent_id': parent.id,
        '@_bsvc:parent_type': parent.type,
        '#text': value,
      }
    : { '@_bsvc:type': type, '#text': value };
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  // `true` is an attribute value here (Add_Only="true"), not an HTML boolean attribute.
  suppressBooleanAttributes: false,
});

/** The journal envelope both baselines build with XMLBuilder: the header, then `lines`. */
function journalEnvelope(
  request: string,
  header: Omit<JournalInput, 'lines' | 'memo'> & { memo?: string },
  lines: readonly Record<string, unknown>[],
  version: string,
): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'soapenv:Envelope': {
      '@_xmlns:soapenv': SOAP_ENV,
      '@_xmlns:bsvc': BSVC,
      'soapenv:Body': {
        [request]: {
          '@_bsvc:version': version,
          '@_bsvc:Add_Only': 'true',
          // Before Accounting_Journal_Data: the schema's sequence (workday-soap-schema.md).
          'bsvc:Business_Process_Parameters': { 'bsvc:Auto_Complete': 'false' },
          'bsvc:Accounting_Journal_Data': {
            'bsvc:Accounting_Journal_ID': header.journal_id,
            'bsvc:Submit': 'true',
            'bsvc:Company_Reference': { 'bsvc:ID': id('Company_Reference_ID', header.company) },
            'bsvc:Currency_Reference': { 'bsvc:ID': id('Currency_ID', header.currency) },
            'bsvc:Ledger_Type_Reference': { 'bsvc:ID': id('Ledger_Type_ID', 'Actuals') },
            'bsvc:Accounting_Date': header.accounting_date,
            'bsvc:Journal_Source_Reference': {
              'bsvc:ID': id('Journal_Source_ID', header.journal_source),
            },
            'bsvc:Journal_Entry_Memo': header.memo,
            'bsvc:Journal_Entry_Line_Replacement_Data': lines,
          },
        },
      },
    },
  }) as string;
}

/**
 * B4's baseline: the same `Submit_Accounting_Journal` envelope built with fast-xml-parser's
 * `XMLBuilder` alone, straight from the input (no validation, no exact arithmetic).
 */
export function buildWithXmlLibraryAlone(input: JournalInput, version = DEFAULT_VERSION): string {
  const lines = input.lines.map((line) => {
    const out: Record<string, unknown> = {
      'bsvc:Ledger_Account_Reference': {
        'bsvc:ID': id('Ledger_Account_ID', line.ledger_account, {
          id: 'Standard',
          type: 'Account_Set_ID',
        }),
      },
    };
    if (line.debit !== undefined) out['bsvc:Debit_Amount'] = line.debit;
    if (line.credit !== undefined) out['bsvc:Credit_Amount'] = line.credit;
    if (line.memo !== undefined) out['bsvc:Memo'] = line.memo;
    return out;
  });
  return journalEnvelope('bsvc:Submit_Accounting_Journal_Request', input, lines, version);
}

/** One CSV row of the B8 journal (the headers `writeBenchJournalCsv` writes). */
export interface CsvJournalRow {
  ledger_account: string;
  debit: string;
  credit: string;
  memo: string;
  'worktag.Cost_Center_Reference_ID': string;
}

/**
 * B8's baseline: the `Import_Accounting_Journal` envelope built with fast-xml-parser's
 * `XMLBuilder` alone from already parsed CSV rows (no validation, no exact arithmetic, one
 * string in memory), in the element order the connector's streamed builder writes.
 */
export function buildImportWithXmlLibraryAlone(
  header: Omit<JournalInput, 'lines' | 'memo'> & { memo?: string },
  rows: readonly CsvJournalRow[],
  version = DEFAULT_VERSION,
): string {
  const lines = rows.map((row) => {
    const out: Record<string, unknown> = {
      'bsvc:Ledger_Account_Reference': {
        'bsvc:ID': id('Ledger_Account_ID', row.ledger_account, {
          id: 'Standard',
          type: 'Account_Set_ID',
        }),
      },
    };
    if (row.debit !== '') out['bsvc:Debit_Amount'] = row.debit;
    if (row.credit !== '') out['bsvc:Credit_Amount'] = row.credit;
    if (row.memo !== '') out['bsvc:Memo'] = row.memo;
    const costCenter = row['worktag.Cost_Center_Reference_ID'];
    if (costCenter !== '')
      out['bsvc:Worktags_Reference'] = { 'bsvc:ID': id('Cost_Center_Reference_ID', costCenter) };
    return out;
  });
  return journalEnvelope('bsvc:Import_Accounting_Journal_Request', header, lines, version);
}
