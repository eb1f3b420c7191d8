/**
 * The Integrations service's view of an import: `Get_Import_Processes` (status of one process)
 * and `Get_Import_Process_Messages` (its messages, paged). Structure from
 * workday-soap-schema.md, "Import process status"; the status values are not published.
 */
import { ConnectorError } from '../../sdk/errors';
import { readResponseData, responseFilterElement } from './paged-get';
import { referenceDescriptor, referenceIds } from './references';
import type { ReferenceId } from './references';
import { parseResponseResults, parseXmlBoolean } from './response-results';
import { child, childText, renderXml } from './xml';
import type { XmlElement, XmlObject } from './xml';

/** Operation names. */
export const GET_IMPORT_PROCESSES = 'Get_Import_Processes';
export const GET_IMPORT_PROCESS_MESSAGES = 'Get_Import_Process_Messages';

/** Where an import stands, read from Workday's status ID (see {@link importStateOf}). */
export const IMPORT_STATES = [
  'running',
  'completed',
  'completed_with_warnings',
  'completed_with_errors',
  'failed',
  'unknown',
] as const;
/** Where an import stands. */
export type ImportState = (typeof IMPORT_STATES)[number];

/** One import process as Get_Import_Processes reports it. */
export interface ImportProcessStatus {
  reference: ReferenceId[];
  description?: string;
  /** 0–100. */
  percentComplete?: number;
  completedAt?: string;
  /** The `Background_Process_Instance_Status_ID` (else any ID, else the descriptor). */
  status?: string;
  statusDescriptor?: string;
  hasMessages: boolean;
  headerReference: ReferenceId[];
  state: ImportState;
}

/** One message of an import process. */
export interface ImportProcessMessage {
  severity?: string;
  summary?: string;
  /** Workday's line number: 0 or absent for the request, n for the n-th line element (inferred). */
  lineNumber?: number;
  lineIdentifier?: string;
  timestamp?: string;
}

/** A page of messages with Workday's counts. */
export interface ImportProcessMessagePage {
  messages: ImportProcessMessage[];
  totalPages?: number;
}

// Guess (workday-soap-schema.md [B]/[U]): public pollers read these status IDs; whether import
// processes use them is not established. Compared without case, spaces or underscores.
const RUNNING = new Set([
  'processing',
  'inprogress',
  'queued',
  'notstarted',
  'scheduled',
  'running',
  'new',
]);
const FINAL: Readonly<Record<string, ImportState>> = {
  completed: 'completed',
  completedwithwarnings: 'completed_with_warnings',
  completedwitherrors: 'completed_with_errors',
  failed: 'failed',
  error: 'failed',
  errors: 'failed',
  aborted: 'failed',
  canceled: 'failed',
  cancelled: 'failed',
};

/**
 * Reads the state from the status ID: known running IDs are `running`, known final IDs map to
 * their state; an unknown ID is `unknown` (final) once `Process_Completed_DateTime` is set, and
 * `running` before that.
 */
export function importStateOf(
  status: string | undefined,
  completedAt: string | undefined,
): ImportState {
  const key = (status ?? '').replace(/[\s_-]/g, '').toLowerCase();
  if (RUNNING.has(key)) return 'running';
  const final = FINAL[key];
  if (final !== undefined) return final;
  return completedAt === undefined ? 'running' : 'unknown';
}

/** `<bsvc:{name}>` with every ID of a reference, exactly as Workday gave them. */
function referenceWithIds(name: string, ids: readonly ReferenceId[]): XmlElement {
  if (ids.length === 0) {
    throw new ConnectorError('invalid_input', 'The import process reference has no ID.', {
      details: { issues: [{ path: 'import_process', message: 'needs at least one ID' }] },
    });
  }
  return {
    name: `bsvc:${name}`,
    children: ids.map((id) => ({
      name: 'bsvc:ID',
      attributes: {
        'bsvc:type': id.type,
        'bsvc:parent_id': id.parentId,
        'bsvc:parent_type': id.parentType,
      },
      children: [id.value],
    })),
  };
}

/** `Get_Import_Processes_Request`: `Request_References/Import_Process_Reference`, one process. */
export function buildGetImportProcessesRequest(
  reference: readonly ReferenceId[],
  version: string,
): string {
  return renderXml({
    name: `bsvc:${GET_IMPORT_PROCESSES}_Request`,
    attributes: { 'bsvc:version': version },
    children: [
      {
        name: 'bsvc:Request_References',
        children: [referenceWithIds('Import_Process_Reference', reference)],
      },
    ],
  });
}

/**
 * `Get_Import_Process_Messages_Request`: note `Request_Criteria` here where
 * Get_Import_Processes has `Request_References`.
 */
export function buildGetImportProcessMessagesRequest(
  reference: readonly ReferenceId[],
  page: number,
  count: number,
  version: string,
): string {
  return renderXml({
    name: `bsvc:${GET_IMPORT_PROCESS_MESSAGES}_Request`,
    attributes: { 'bsvc:version': version },
    children: [
      {
        name: 'bsvc:Request_Criteria',
        children: [referenceWithIds('Import_Process_Reference', reference)],
      },
      responseFilterElement(page, count),
    ],
  });
}

function decimal(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.trim());
  if (!/^-?\d+(?:\.\d+)?$/.test(text.trim()) || !Number.isFinite(value)) {
    throw new ConnectorError(
      'unexpected_response',
      `The import process has a non-numeric ${what}.`,
    );
  }
  return value;
}

/** Reads the first `Import_Process` of a Get_Import_Processes response; `undefined` when none. */
export function parseGetImportProcessesResponse(
  response: XmlObject,
): ImportProcessStatus | undefined {
  return readResponseData(response, 'Import_Process', (node) => {
    const data = child(node, 'Import_Process_Data');
    const statusReference = child(data, 'Status_Reference');
    const statusIds = referenceIds(statusReference);
    const status =
      statusIds.find((id) => id.type === 'Background_Process_Instance_Status_ID')?.value ??
      statusIds.find((id) => id.type !== 'WID')?.value ??
      referenceDescriptor(statusReference) ??
      statusIds[0]?.value;
    const completedAt = childText(data, 'Process_Completed_DateTime');
    const result: ImportProcessStatus = {
      reference: referenceIds(child(node, 'Import_Process_Reference')),
      hasMessages: parseXmlBoolean(childText(data, 'Has_Messages')),
      headerReference: referenceIds(child(data, 'Import_Header_Reference')),
      state: importStateOf(status, completedAt),
    };
    const description = childText(data, 'Process_Description');
    const percent = decimal(childText(data, 'Percent_Complete'), 'Percent_Complete');
    const descriptor = referenceDescriptor(statusReference);
    if (description !== undefined) result.description = description;
    if (percent !== undefined) result.percentComplete = percent;
    if (completedAt !== undefined) result.completedAt = completedAt;
    if (status !== undefined) result.status = status;
    if (descriptor !== undefined) result.statusDescriptor = descriptor;
    return result;
  })[0];
}

/** Reads one page of Get_Import_Process_Messages. */
export function parseGetImportProcessMessagesResponse(
  response: XmlObject,
): ImportProcessMessagePage {
  const messages = readResponseData(response, 'Import_Process_Message', (node) => {
    const data = child(node, 'Import_Process_Message_Data');
    const message: ImportProcessMessage = {};
    const severity = childText(data, 'Severity');
    const summary = childText(data, 'Message_Summary');
    const line = decimal(childText(data, 'Line_Number'), 'Line_Number');
    const identifier = childText(data, 'Line_Identifier');
    const timestamp = childText(data, 'Timestamp');
    if (severity !== undefined) message.severity = severity;
    if (summary !== undefined) message.summary = summary;
    if (line !== undefined) message.lineNumber = line;
    if (identifier !== undefined) message.lineIdentifier = identifier;
    if (timestamp !== undefined) message.timestamp = timestamp;
    return message;
  });
  const { totalPages } = parseResponseResults(response, GET_IMPORT_PROCESS_MESSAGES);
  return totalPages === undefined ? { messages } : { messages, totalPages };
}
