/** `Response_Filter` (Page, Count) in and `Response_Filter`/`Response_Results` out. */
import { DEFAULT_SOAP_PAGE_COUNT, MAX_SOAP_PAGE_COUNT } from '../constants';
import type { SoapValidationIssue } from '../errors';
import { element } from './references';
import { child, childText } from './xml';
import type { XmlElement } from './xml';

/** The requested page (1-based) and page size. */
export interface SoapPage {
  page: number;
  count: number;
}

function readPositive(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined || raw === '') return fallback;
  return /^\d{1,9}(\.0+)?$/.test(raw) ? Number.parseInt(raw, 10) : undefined;
}

/** Reads Response_Filter; "Page Number cannot be zero." is Workday's own text (payloads §5). */
export function readResponseFilter(
  request: XmlElement,
  requestXpath: string,
  issues: SoapValidationIssue[],
): SoapPage {
  const filter = child(request, 'Response_Filter');
  const xpath = `${requestXpath}/bsvc:Response_Filter[1]`;
  const page = readPositive(filter === undefined ? undefined : childText(filter, 'Page'), 1);
  const count = readPositive(
    filter === undefined ? undefined : childText(filter, 'Count'),
    DEFAULT_SOAP_PAGE_COUNT,
  );
  if (page === undefined || page === 0) {
    issues.push({ message: 'Page Number cannot be zero.', xpath: `${xpath}/bsvc:Page[1]` });
  }
  if (count === undefined || count === 0 || count > MAX_SOAP_PAGE_COUNT) {
    // Guess: Workday's limit and text for Count are not public.
    issues.push({
      message: `Count must be between 1 and ${MAX_SOAP_PAGE_COUNT}.`,
      xpath: `${xpath}/bsvc:Count[1]`,
    });
  }
  return { page: page ?? 1, count: count ?? DEFAULT_SOAP_PAGE_COUNT };
}

/** Slices `items` to the page and renders Response_Filter + Response_Results. */
export function paginate<T>(items: readonly T[], page: SoapPage): { items: T[]; xml: string } {
  const start = (page.page - 1) * page.count;
  const slice = items.slice(start, start + page.count);
  const totalPages = Math.ceil(items.length / page.count);
  const filter = `<wd:Response_Filter>${element('Page', String(page.page))}${element('Count', String(page.count))}</wd:Response_Filter>`;
  const results =
    `<wd:Response_Results>${element('Total_Results', String(items.length))}` +
    `${element('Total_Pages', String(totalPages))}${element('Page_Results', String(slice.length))}` +
    `${element('Page', String(page.page))}</wd:Response_Results>`;
  return { items: slice, xml: filter + results };
}
