import { referenceId } from './references';
import { parseResponseResults } from './response-results';
import type { ResponseResults } from './response-results';
import { child, childText, children, renderXml } from './xml';
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
  return renderXml({
    name: 'bsvc:Get_Journal_Sources_Request',
    attributes: { 'bsvc:version': version },
    children: [
      {
        name: 'bsvc:Response_Filter',
        children: [
          { name: 'bsvc:Page', children: [String(page)] },
          { name: 'bsvc:Count', children: [String(count)] },
        ],
      },
    ],
  });
}

/** Reads `Get_Journal_Sources_Response`; sources without an ID are skipped. */
export function parseGetJournalSourcesResponse(response: XmlObject): JournalSourcePage {
  const journalSources: JournalSource[] = [];
  for (const data of children(response, 'Response_Data')) {
    for (const source of children(data, 'Journal_Source')) {
      const sourceData = child(source, 'Journal_Source_Data');
      const id =
        childText(sourceData, 'Journal_Source_ID') ??
        referenceId(child(source, 'Journal_Source_Reference'), 'Journal_Source_ID');
      if (id === undefined) continue;
      const name = childText(sourceData, 'Journal_Source_Name');
      journalSources.push(name === undefined ? { id } : { id, name });
    }
  }
  return { ...parseResponseResults(response, GET_JOURNAL_SOURCES), journalSources };
}
