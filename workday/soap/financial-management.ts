import type { ConnectorError } from '../../sdk/errors';
import { isConnectorError } from '../../sdk/errors';
import type { HttpClient } from '../../sdk/define';
import { SOAP_PAGE_COUNT } from '../constants';
import type { WorkdayEndpoints } from '../endpoints';
import type { ValidatedJournal, ValidatedJournalHeader, ValidatedJournalLine } from '../journal';
import {
  buildGetAccountSetsRequest,
  GET_ACCOUNT_SETS,
  parseGetAccountSetsResponse,
} from './get-account-sets';
import type { AccountSet } from './get-account-sets';
import {
  buildGetJournalSourcesRequest,
  GET_JOURNAL_SOURCES,
  parseGetJournalSourcesResponse,
} from './get-journal-sources';
import type { JournalSource } from './get-journal-sources';
import {
  buildGetJournalByIdRequest,
  buildGetJournalsByDateRequest,
  GET_JOURNALS,
  parseGetJournalsResponse,
} from './get-journals';
import type { JournalEntry, JournalPage } from './get-journals';
import {
  buildGetWorkdayCompaniesRequest,
  GET_WORKDAY_COMPANIES,
  parseGetWorkdayCompaniesResponse,
} from './get-workday-companies';
import type { WorkdayCompany } from './get-workday-companies';
import {
  buildSubmitAccountingJournalRequest,
  parseSubmitAccountingJournalResponse,
  SUBMIT_ACCOUNTING_JOURNAL,
} from './submit-accounting-journal';
import type { SubmittedJournal } from './submit-accounting-journal';
import {
  IMPORT_ACCOUNTING_JOURNAL,
  importAccountingJournalRequest,
  parseImportReceipt,
  PUT_IMPORT_PROCESS_RESPONSE,
} from './import-accounting-journal';
import type { ImportReceipt } from './import-accounting-journal';
import { createSoapCaller } from './soap-call';
import type { XmlObject } from './xml';

const SERVICE = 'Financial_Management';
// Bounds paging through pick-list data so a server that never reports its last page cannot loop us.
const MAX_PAGES = 50;

/** What an import sends: the checked header, the lines read on demand, upload progress. */
export interface ImportJournalRequest {
  header: ValidatedJournalHeader;
  lines: () => AsyncIterable<ValidatedJournalLine>;
  /** Called as lines are written to the request. */
  onLine?: (written: number) => void;
  /** Timeout of the upload and receipt. */
  timeoutMs?: number;
}

/** The Financial_Management operations the connector uses, over the connection's HTTP client. */
export interface FinancialManagement {
  /** Submits a validated journal (`Add_Only`); never retried automatically (it is a write). */
  submitAccountingJournal(journal: ValidatedJournal): Promise<SubmittedJournal>;
  /**
   * Sends one `Import_Accounting_Journal` (`Add_Only`), its envelope streamed from `lines()`;
   * returns Workday's receipt. Never retried automatically (it is a write).
   */
  importAccountingJournal(journal: ImportJournalRequest): Promise<ImportReceipt>;
  /** One journal by Accounting_Journal_ID, or `undefined` when Workday has none with that ID. */
  getJournalById(accountingJournalId: string): Promise<JournalEntry | undefined>;
  /** One page (1-based, {@link SOAP_PAGE_COUNT} per page) of journals by accounting date. */
  getJournalsByDate(from: string, to: string, page?: number): Promise<JournalPage>;
  /** Every account set with its ledger accounts (all pages). */
  getAccountSets(): Promise<AccountSet[]>;
  /** Every journal source (all pages). */
  getJournalSources(): Promise<JournalSource[]>;
  /** Every company of the tenant (all pages), via Get_Workday_Companies. */
  getCompanies(): Promise<WorkdayCompany[]>;
}

export { soapActionFor } from './soap-call';

// Guess (text from workday-payloads.md §4(a)): an unknown reference ID is a Validation_Fault
// "Invalid ID value. 'X' is not a valid ID value for type = 'Accounting_Journal_ID'".
function isUnknownJournalId(error: ConnectorError): boolean {
  return (
    error.code === 'remote_validation' &&
    (error.details.remoteMessages ?? []).some(
      (m) => /not a valid ID value/i.test(m.message) && /Accounting_Journal_ID/.test(m.message),
    )
  );
}

/**
 * Creates the Financial_Management client. Requests are SOAP 1.1 POSTs to
 * `endpoints.soapPath` with the connection's bearer token (applied by `http`); HTTP 500 is
 * accepted so the SOAP fault inside can be read into a precise error.
 */
export function createFinancialManagement(
  http: HttpClient,
  endpoints: WorkdayEndpoints,
): FinancialManagement {
  const version = endpoints.soapVersion;

  const soap = createSoapCaller(http, endpoints.soapPath, SERVICE);
  const call = (operation: string, body: string, retry: boolean): Promise<XmlObject> =>
    soap({ operation, body, retry });

  async function allPages<T>(
    fetchPage: (page: number) => Promise<{ items: T[]; totalPages?: number }>,
  ): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await fetchPage(page);
      items.push(...result.items);
      if (result.totalPages === undefined || page >= result.totalPages) break;
    }
    return items;
  }

  return {
    async submitAccountingJournal(journal) {
      const response = await call(
        SUBMIT_ACCOUNTING_JOURNAL,
        buildSubmitAccountingJournalRequest(journal, version),
        false,
      );
      return parseSubmitAccountingJournalResponse(response);
    },

    async importAccountingJournal({ header, lines, onLine, timeoutMs }) {
      const response = await soap({
        operation: IMPORT_ACCOUNTING_JOURNAL,
        envelope: () =>
          importAccountingJournalRequest(header, lines(), {
            version,
            ...(onLine === undefined ? {} : { onLine }),
          }),
        retry: false,
        responseElement: PUT_IMPORT_PROCESS_RESPONSE,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
      return parseImportReceipt(response);
    },

    async getJournalById(accountingJournalId) {
      try {
        const response = await call(
          GET_JOURNALS,
          buildGetJournalByIdRequest(accountingJournalId, version),
          true,
        );
        return parseGetJournalsResponse(response).journals[0];
      } catch (error) {
        if (isConnectorError(error) && isUnknownJournalId(error)) return undefined;
        throw error;
      }
    },

    async getJournalsByDate(from, to, page = 1) {
      const body = buildGetJournalsByDateRequest(from, to, page, SOAP_PAGE_COUNT, version);
      return parseGetJournalsResponse(await call(GET_JOURNALS, body, true));
    },

    getAccountSets() {
      return allPages(async (page) => {
        const body = buildGetAccountSetsRequest(page, SOAP_PAGE_COUNT, version);
        const result = parseGetAccountSetsResponse(await call(GET_ACCOUNT_SETS, body, true));
        return { items: result.accountSets, ...pick(result.totalPages) };
      });
    },

    getJournalSources() {
      return allPages(async (page) => {
        const body = buildGetJournalSourcesRequest(page, SOAP_PAGE_COUNT, version);
        const result = parseGetJournalSourcesResponse(await call(GET_JOURNAL_SOURCES, body, true));
        return { items: result.journalSources, ...pick(result.totalPages) };
      });
    },

    getCompanies() {
      return allPages(async (page) => {
        const body = buildGetWorkdayCompaniesRequest(page, SOAP_PAGE_COUNT, version);
        const result = parseGetWorkdayCompaniesResponse(
          await call(GET_WORKDAY_COMPANIES, body, true),
        );
        return { items: result.companies, ...pick(result.totalPages) };
      });
    },
  };
}

function pick(totalPages: number | undefined): { totalPages?: number } {
  return totalPages === undefined ? {} : { totalPages };
}
