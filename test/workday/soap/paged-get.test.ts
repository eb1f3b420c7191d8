import { parseSoapBody } from '../../../workday/soap/envelope';
import {
  buildPagedGetRequest,
  readResponseData,
  responseFilterElement,
} from '../../../workday/soap/paged-get';
import { child, childText, renderXml } from '../../../workday/soap/xml';
import type { XmlObject } from '../../../workday/soap/xml';
import { workdayEnvelope } from './fixtures';

function response(inner: string): XmlObject {
  const xml = workdayEnvelope(
    `<wd:Get_Things_Response xmlns:wd="urn:com.workday/bsvc">${inner}</wd:Get_Things_Response>`,
  );
  return child(parseSoapBody(xml), 'Get_Things_Response') ?? {};
}

const thing = (id: string) => `<wd:Thing><wd:ID>${id}</wd:ID></wd:Thing>`;

describe('responseFilterElement()', () => {
  it('renders Page and Count in that order', () => {
    expect(renderXml(responseFilterElement(3, 100))).toBe(
      '<bsvc:Response_Filter><bsvc:Page>3</bsvc:Page><bsvc:Count>100</bsvc:Count></bsvc:Response_Filter>',
    );
  });
});

describe('buildPagedGetRequest()', () => {
  it('names the request after the operation and carries the version', () => {
    expect(buildPagedGetRequest('Get_Journal_Sources', 2, 50, 'v45.0')).toBe(
      '<bsvc:Get_Journal_Sources_Request bsvc:version="v45.0"><bsvc:Response_Filter><bsvc:Page>2</bsvc:Page><bsvc:Count>50</bsvc:Count></bsvc:Response_Filter></bsvc:Get_Journal_Sources_Request>',
    );
  });
});

describe('readResponseData()', () => {
  const readId = (node: XmlObject) => childText(node, 'ID');

  it('gives nothing when Response_Data is absent', () => {
    expect(readResponseData(response(''), 'Thing', readId)).toEqual([]);
  });

  it('reads one element and several alike, across several Response_Data', () => {
    const one = response(`<wd:Response_Data>${thing('A')}</wd:Response_Data>`);
    expect(readResponseData(one, 'Thing', readId)).toEqual(['A']);
    const several = response(
      `<wd:Response_Data>${thing('A')}${thing('B')}</wd:Response_Data><wd:Response_Data>${thing('C')}</wd:Response_Data>`,
    );
    expect(readResponseData(several, 'Thing', readId)).toEqual(['A', 'B', 'C']);
  });

  it('skips what the reader returns undefined for and numbers positions over all elements', () => {
    const xml = response(
      `<wd:Response_Data>${thing('A')}<wd:Thing/></wd:Response_Data><wd:Response_Data>${thing('C')}</wd:Response_Data>`,
    );
    const seen: number[] = [];
    const items = readResponseData(xml, 'Thing', (node, index) => {
      seen.push(index);
      return readId(node);
    });
    expect(items).toEqual(['A', 'C']);
    expect(seen).toEqual([0, 1, 2]);
  });
});
