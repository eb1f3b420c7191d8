import { ConnectorError, isConnectorError } from '../../sdk/errors';
import { bodyWords } from '../../sdk/http';
import type { HttpClient } from '../../sdk/define';
import { SOAP_PAGE_COUNT } from '../constants';
import type { WorkdayEndpoints } from '../endpoints';
import type { ValidatedJournal } from '../journal';
import { clipRemoteText } from '../remote-text';
import { buildEnvelope, parseSoapBody } from './envelope';
import { faultToError } from './fault';
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
import { child } from './xml';
import type { XmlObject } from './xml';

const SERVICE = 'Financial_Management';
// Bounds paging through pick-list data so a server that never reports its last page cannot loop us.
const MAX_PAGES = 50;

/** The Financial_Management operations the connector uses, over the connection's HTTP client. */
export interface FinancialManagement {
  /** Submits a validated journal (`Add_Only`); never retried automatically (it is a write). */
  submitAccountingJournal(journal: ValidatedJournal): Promise<SubmittedJournal>;
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

/**
 * Guess: the SOAPAction Workday expects is not documented publicly; Workday's document/literal
 * services dispatch on the body element, so this value is informative only.
 */
export function soapActionFor(operation: string): string {
  return `"urn:com.workday/bsvc/${operation}"`;
}

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

  async function call(operation: string, bodyXml: string, retry: boolean): Promise<XmlObject> {
    const response = await http.request<unknown>({
      method: 'POST',
      url: endpoints.soapPath,
      body: buildEnvelope(bodyXml),
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: soapActionFor(operation) },
      responseType: 'text',
      acceptStatus: [500],
      retry,
    });
    // Built only on failure: reading `response.url` redacts it, which success has no need for.
    const details = (): Record<string, unknown> => ({
      status: response.status,
      method: 'POST',
      url: response.url,
      operation,
    });
    if (typeof response.data !== 'string') {
      throw new ConnectorError('unexpected_response', `The ${operation} response is not text.`, {
        details: details(),
      });
    }
    let body: XmlObject;
    try {
      body = parseSoapBody(response.data);
    } catch (error) {
      if (response.status === 500) {
        // A gateway's HTML page or a plain-text error: quote it, as Workday's own words.
        const words = bodyWords(response.data);
        throw new ConnectorError(
          'remote_error',
          `Workday answered the ${operation} request with HTTP 500 and no SOAP fault` +
            (words === undefined ? ' (no body).' : `: ${clipRemoteText(words)}`),
          { details: details(), cause: error },
        );
      }
      throw error;
    }
    const fault = child(body, 'Fault');
    if (fault !== undefined) {
      const error = faultToError(fault, SERVICE);
      Object.assign(error.details, details());
      throw error;
    }
    const result = child(body, `${operation}_Response`);
    if (result === undefined) {
      throw new ConnectorError(
        'unexpected_response',
        `The ${operation} response has no ${operation}_Response element.`,
        { details: details() },
      );
    }
    return result;
  }

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
