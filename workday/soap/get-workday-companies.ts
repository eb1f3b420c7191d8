import { referenceId } from './references';
import { parseResponseResults } from './response-results';
import type { ResponseResults } from './response-results';
import { buildPagedGetRequest, readResponseData } from './paged-get';
import { child, childText } from './xml';
import type { XmlObject } from './xml';

/** The operation name, used as the SOAPAction and in messages. */
export const GET_WORKDAY_COMPANIES = 'Get_Workday_Companies';

/** A company of the tenant: the `Company_Reference_ID` a journal books to. */
export interface WorkdayCompany {
  /** Company_Reference_ID, e.g. `GMS_USA`. */
  id: string;
  wid?: string;
  name?: string;
}

/** A page of companies with Workday's counts. */
export interface WorkdayCompanyPage extends ResponseResults {
  companies: WorkdayCompany[];
}

/** Renders a Get_Workday_Companies request for one page (1-based). */
export function buildGetWorkdayCompaniesRequest(
  page: number,
  count: number,
  version: string,
): string {
  return buildPagedGetRequest(GET_WORKDAY_COMPANIES, page, count, version);
}

function parseCompany(company: XmlObject): WorkdayCompany | undefined {
  const reference = child(company, 'Company_Reference');
  const organization = child(child(company, 'Company_Data'), 'Organization_Data');
  const id =
    referenceId(reference, 'Company_Reference_ID', 'Organization_Reference_ID') ??
    childText(organization, 'ID');
  if (id === undefined) return undefined;
  const entry: WorkdayCompany = { id };
  const wid = referenceId(reference, 'WID');
  const name = childText(organization, 'Organization_Name');
  if (wid !== undefined) entry.wid = wid;
  if (name !== undefined) entry.name = name;
  return entry;
}

/**
 * Reads `Get_Workday_Companies_Response`:
 * `Response_Data/Company/{Company_Reference (ID WID, ID Company_Reference_ID),
 * Company_Data/Organization_Data/{ID, Organization_Name}}`. The schema requires
 * `Organization_Data` (with `Availability_Date`) and `Organization_Subtype_Reference` in each
 * `Company_Data`; neither is needed for the pick list.
 * Guess: the names `ID` and `Organization_Name` inside `Organization_Data` are not in the
 * reference; the Company_Reference_ID from `Company_Reference` is preferred, `Organization_Data/ID`
 * is the fallback. Companies without either are skipped (a journal cannot name them).
 */
export function parseGetWorkdayCompaniesResponse(response: XmlObject): WorkdayCompanyPage {
  return {
    ...parseResponseResults(response, GET_WORKDAY_COMPANIES),
    companies: readResponseData(response, 'Company', parseCompany),
  };
}
