import type { HttpClient } from '../../sdk/define';
import type { WorkdayEndpoints } from '../endpoints';
import {
  buildGetImportProcessesRequest,
  buildGetImportProcessMessagesRequest,
  GET_IMPORT_PROCESS_MESSAGES,
  GET_IMPORT_PROCESSES,
  parseGetImportProcessesResponse,
  parseGetImportProcessMessagesResponse,
} from './import-processes';
import type { ImportProcessMessage, ImportProcessStatus } from './import-processes';
import type { ReferenceId } from './references';
import { createSoapCaller } from './soap-call';

const SERVICE = 'Integrations';

/** Messages per page: the Response_Filter maximum (`Count` is 1–999). */
export const MESSAGE_PAGE_COUNT = 999;

/** Pages of messages read at most: a journal of a million refused lines fits. */
const MAX_MESSAGE_PAGES = 1_100;

/** The Integrations operations that read an import's outcome. */
export interface Integrations {
  /** The status of one import process; `undefined` when Workday returns none for the reference. */
  getImportProcess(reference: readonly ReferenceId[]): Promise<ImportProcessStatus | undefined>;
  /** Every message of one import process (all pages, in Workday's order). */
  getImportProcessMessages(reference: readonly ReferenceId[]): Promise<ImportProcessMessage[]>;
}

/** `/ccx/service/{tenant}/Integrations/{version}`, beside the Financial_Management path. */
export function integrationsPathOf(endpoints: WorkdayEndpoints): string {
  return endpoints.soapPath.replace(/\/Financial_Management\//, '/Integrations/');
}

/** Creates the Integrations client (reads only, so its requests are retried on 5xx). */
export function createIntegrations(http: HttpClient, endpoints: WorkdayEndpoints): Integrations {
  const version = endpoints.soapVersion;
  const soap = createSoapCaller(http, integrationsPathOf(endpoints), SERVICE);
  return {
    async getImportProcess(reference) {
      const response = await soap({
        operation: GET_IMPORT_PROCESSES,
        body: buildGetImportProcessesRequest(reference, version),
        retry: true,
      });
      return parseGetImportProcessesResponse(response);
    },

    async getImportProcessMessages(reference) {
      const messages: ImportProcessMessage[] = [];
      for (let page = 1; page <= MAX_MESSAGE_PAGES; page++) {
        const response = await soap({
          operation: GET_IMPORT_PROCESS_MESSAGES,
          body: buildGetImportProcessMessagesRequest(reference, page, MESSAGE_PAGE_COUNT, version),
          retry: true,
        });
        const result = parseGetImportProcessMessagesResponse(response);
        messages.push(...result.messages);
        if (result.totalPages === undefined || page >= result.totalPages) break;
      }
      return messages;
    },
  };
}
