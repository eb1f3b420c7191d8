import { children, renderXml } from './xml';
import type { XmlElement, XmlObject } from './xml';

/** Renders `bsvc:Response_Filter` asking for one page (1-based) of `count` results. */
export function responseFilterElement(page: number, count: number): XmlElement {
  return {
    name: 'bsvc:Response_Filter',
    children: [
      { name: 'bsvc:Page', children: [String(page)] },
      { name: 'bsvc:Count', children: [String(count)] },
    ],
  };
}

/**
 * Renders `bsvc:{operation}_Request` for one page (1-based) of a Get_ operation that takes no
 * criteria (Get_Account_Sets, Get_Journal_Sources, Get_Workday_Companies).
 */
export function buildPagedGetRequest(
  operation: string,
  page: number,
  count: number,
  version: string,
): string {
  return renderXml({
    name: `bsvc:${operation}_Request`,
    attributes: { 'bsvc:version': version },
    children: [responseFilterElement(page, count)],
  });
}

/**
 * Reads every `Response_Data/{element}` of a Get_ response (no `Response_Data` means none; one
 * element and several are read alike) and keeps what `read` returns, skipping `undefined`.
 * `read` gets the element's 0-based position among all of them, for messages.
 */
export function readResponseData<T>(
  response: XmlObject,
  element: string,
  read: (node: XmlObject, index: number) => T | undefined,
): T[] {
  const nodes = children(response, 'Response_Data').flatMap((data) => children(data, element));
  const items: T[] = [];
  nodes.forEach((node, index) => {
    const item = read(node, index);
    if (item !== undefined) items.push(item);
  });
  return items;
}
