import { ConnectorError } from '../../sdk/errors';
import { child, childText } from './xml';
import type { XmlObject } from './xml';

/** `Response_Results` of a Get_ operation. Counts are xsd:decimal on the wire ("1" or "1.0"). */
export interface ResponseResults {
  totalResults?: number;
  totalPages?: number;
  pageResults?: number;
  page?: number;
}

function count(
  results: XmlObject | undefined,
  name: string,
  operation: string,
): number | undefined {
  const text = childText(results, name);
  if (text === undefined) return undefined;
  const match = /^(\d{1,9})(?:\.0*)?$/.exec(text.trim());
  if (match === null) {
    throw new ConnectorError(
      'unexpected_response',
      `The ${operation} response has a non-integer Response_Results/${name}.`,
    );
  }
  return Number(match[1]);
}

/** Reads `Response_Results`; absent (Workday sometimes omits it) gives `{}`. */
export function parseResponseResults(response: XmlObject, operation: string): ResponseResults {
  const results = child(response, 'Response_Results');
  const parsed: ResponseResults = {};
  const totalResults = count(results, 'Total_Results', operation);
  const totalPages = count(results, 'Total_Pages', operation);
  const pageResults = count(results, 'Page_Results', operation);
  const page = count(results, 'Page', operation);
  if (totalResults !== undefined) parsed.totalResults = totalResults;
  if (totalPages !== undefined) parsed.totalPages = totalPages;
  if (pageResults !== undefined) parsed.pageResults = pageResults;
  if (page !== undefined) parsed.page = page;
  return parsed;
}

/** Reads a WWS boolean (`true`/`1`); absent is `false`. */
export function parseXmlBoolean(text: string | undefined): boolean {
  return text !== undefined && (text.trim() === 'true' || text.trim() === '1');
}
