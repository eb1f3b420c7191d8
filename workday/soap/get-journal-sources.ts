import { referenceId } from './references';
import { parseResponseResults } from './response-results';
import type { ResponseResults } from './response-results';
import { buildPagedGetRequest, readResponseData } from './paged-get';
import { child, childText } from './xml';
import type { XmlObject } from './xml';

/** The operation name, used as the SOAPAction and in messages. */
export const GET_JOURNAL_SOURCES = 'Get_Journal_Sources';

/** A journal source configured in the tenant (e.g. `Integration`). */
export interface JournalSource {
  id: string;
  name?: string;
}

/** A page of journal sources with Workday's counts. */
export interface JournalSourcePage extends ResponseResults {
  journalSources: JournalSource[];
}

/** Renders a Get_Journal_Sources request for one page (1-based). */
export function buildGetJournalSourcesRequest(
  page: number,
  count: number,
  version: string,
): string {
  return buildPagedGetRequest(GET_JOURNAL_SOURCES, page, count, version);
}

function parseJournalSource(source: XmlObject): JournalSource | undefined {
  const sourceData = child(source, 'Journal_Source_Data');
  const id =
    childText(sourceData, 'Journal_Source_ID') ??
    referenceId(child(source, 'Journal_Source_Reference'), 'Journal_Source_ID');
  if (id === undefined) return undefined;
  const name = childText(sourceData, 'Journal_Source_Name');
  return name === undefined ? { id } : { id, name };
}

/** Reads `Get_Journal_Sources_Response`; sources without an ID are skipped. */
export function parseGetJournalSourcesResponse(response: XmlObject): JournalSourcePage {
  return {
    ...parseResponseResults(response, GET_JOURNAL_SOURCES),
    journalSources: readResponseData(response, 'Journal_Source', parseJournalSource),
  };
}
