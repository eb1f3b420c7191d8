/**
 * `Import_Accounting_Journal` (Financial_Management): one journal with any number of lines,
 * answered asynchronously with a receipt (`Put_Import_Process_Response`). The request is written
 * as a stream of chunks, never as one string (workday-soap-schema.md, "Import_Accounting_Journal").
 */
import type { ValidatedJournalHeader, ValidatedJournalLine } from '../journal';
import { ENVELOPE_HEAD, ENVELOPE_TAIL } from './envelope';
import { referenceDescriptor, referenceIds } from './references';
import type { ReferenceId } from './references';
import {
  journalHeaderChildren,
  journalRequestElement,
  lineElement,
} from './submit-accounting-journal';
import { child, renderXml } from './xml';
import type { XmlElement, XmlObject } from './xml';

/** The operation name. */
export const IMPORT_ACCOUNTING_JOURNAL = 'Import_Accounting_Journal';

/** The receipt's element: seven FM Import_* operations share `Put_Import_Process_Response`. */
export const PUT_IMPORT_PROCESS_RESPONSE = 'Put_Import_Process_Response';

/** Characters collected before a chunk is handed to the socket (about 64 KB). */
const CHUNK_CHARS = 64 * 1024;

/** Options of {@link importAccountingJournalRequest}. */
export interface ImportRequestOptions {
  /** WWS version for the `bsvc:version` attribute. */
  version: string;
  /** Called after each line is written, with the number of lines written so far. */
  onLine?: (written: number) => void;
}

/** Renders the element with its children and returns the text before its closing tag. */
function openingOf(element: XmlElement): string {
  const whole = renderXml({ ...element, children: [...(element.children ?? []), ''] });
  const close = `</${element.name}>`;
  // renderXml writes `<name/>` when every child is empty: then the element opens bare.
  return whole.endsWith(close) ? whole.slice(0, -close.length) : whole.replace(/\/>$/, '>');
}

/**
 * The `Import_Accounting_Journal_Request` envelope as a stream of text chunks, in the
 * request's schema order: `Business_Process_Parameters` (before the data, unlike the order
 * Submit used to write), then `Accounting_Journal_Data` with `Accounting_Journal_ID`, `Submit`,
 * `Company_Reference`, `Currency_Reference`, `Ledger_Type_Reference`, `Accounting_Date`,
 * `Journal_Source_Reference`, `Journal_Entry_Memo` and one `Journal_Entry_Line_Replacement_Data`
 * per line. `Add_Only="true"`: a journal whose ID exists is refused, never replaced.
 * Memory stays at one chunk plus one line, whatever the number of lines.
 */
export async function* importAccountingJournalRequest(
  header: ValidatedJournalHeader,
  lines: AsyncIterable<ValidatedJournalLine>,
  options: ImportRequestOptions,
): AsyncGenerator<string> {
  const request = openingOf(
    journalRequestElement('bsvc:Import_Accounting_Journal_Request', header, options.version),
  );
  const data = openingOf({
    name: 'bsvc:Accounting_Journal_Data',
    children: journalHeaderChildren(header),
  });
  let chunk = ENVELOPE_HEAD + request + data;
  let written = 0;
  for await (const line of lines) {
    chunk += renderXml(lineElement(line));
    written += 1;
    options.onLine?.(written);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</bsvc:Accounting_Journal_Data></bsvc:Import_Accounting_Journal_Request>${ENVELOPE_TAIL}`;
}

/** What Workday answers to an import: a receipt, not the result. */
export interface ImportReceipt {
  /** `Import_Process_Reference` IDs, to send back to Get_Import_Processes exactly as given. */
  importProcess: ReferenceId[];
  /** `Header_Instance_Reference` IDs; what they point to is not established. */
  headerInstance: ReferenceId[];
  descriptor?: string;
}

/**
 * Reads `Put_Import_Process_Response`. Both of its elements are optional in the schema; a receipt
 * without a process reference is returned with an empty `importProcess`, for the caller to find
 * the journal by its ID instead.
 */
export function parseImportReceipt(response: XmlObject): ImportReceipt {
  const reference = child(response, 'Import_Process_Reference');
  const receipt: ImportReceipt = {
    importProcess: referenceIds(reference),
    headerInstance: referenceIds(child(response, 'Header_Instance_Reference')),
  };
  const descriptor = referenceDescriptor(reference);
  if (descriptor !== undefined) receipt.descriptor = descriptor;
  return receipt;
}
