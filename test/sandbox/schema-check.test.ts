/**
 * The sandbox checks each SOAP request against wws-schema before any business rule, as Workday
 * does, and answers a Workday-shaped Validation_Fault naming the element; its own answers pass
 * the same schema (checked by our validator and by libxml2).
 */
import { XMLParser } from 'fast-xml-parser';
import { renderXsd, validateWwsDocument, WWS_SCHEMA } from '../../wws-schema';
import { startLibxml2 } from '../helpers/libxml2';
import type { Libxml2 } from '../helpers/libxml2';
import { accessTokenFor, journalRequest, postSoap, soapEnvelope, useTestSandbox } from './support';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
});
type Node = Record<string, unknown>;
const XSD = renderXsd(WWS_SCHEMA);
const REQUEST = '/bsvc:Submit_Accounting_Journal_Request[1]';
const DATA = `${REQUEST}/bsvc:Accounting_Journal_Data[1]`;
const PARAMETERS =
  '<bsvc:Business_Process_Parameters><bsvc:Auto_Complete>false</bsvc:Auto_Complete></bsvc:Business_Process_Parameters>';

function fault(text: string): { faultcode: string; faultstring: string; errors: Node[] } {
  const envelope = (parser.parse(text) as Node)['SOAP-ENV:Envelope'] as Node;
  const found = (envelope['SOAP-ENV:Body'] as Node)['SOAP-ENV:Fault'] as Node;
  const errors = ((found.detail as Node)['wd:Validation_Fault'] as Node)['wd:Validation_Error'];
  return {
    faultcode: String(found.faultcode),
    faultstring: String(found.faultstring),
    errors: (Array.isArray(errors) ? errors : [errors]) as Node[],
  };
}

const balanced = [
  ['6000', 'debit', '100.00', 'CC-300'],
  ['2000', 'credit', '100.00'],
] as const;

describe('sandbox schema check', () => {
  const sandbox = useTestSandbox();
  let token: string;
  let libxml2: Libxml2;
  beforeAll(() => {
    libxml2 = startLibxml2();
  });
  afterAll(async () => {
    await libxml2.close();
  });
  beforeEach(async () => {
    token = await accessTokenFor(sandbox, 'us');
  });

  function post(request: string) {
    return postSoap(sandbox, 'acme_us', soapEnvelope(request), token);
  }
  const valid = journalRequest({ id: 'S-1', lines: balanced });

  it('accepts the valid journal with Business_Process_Parameters first', async () => {
    const withParameters = valid.replace(
      '<bsvc:Accounting_Journal_Data>',
      `${PARAMETERS}<bsvc:Accounting_Journal_Data>`,
    );
    expect((await post(withParameters)).status).toBe(200);
  });

  const refused: Array<[string, string, { element: string; xpath: string }]> = [
    [
      'one element out of order (Business_Process_Parameters after Accounting_Journal_Data)',
      valid.replace(
        '</bsvc:Submit_Accounting_Journal_Request>',
        `${PARAMETERS}</bsvc:Submit_Accounting_Journal_Request>`,
      ),
      {
        element: 'Business_Process_Parameters',
        xpath: `${REQUEST}/bsvc:Business_Process_Parameters[1]`,
      },
    ],
    [
      'one unknown element',
      valid.replace('<bsvc:Submit>', '<bsvc:Priority>high</bsvc:Priority><bsvc:Submit>'),
      { element: 'Priority', xpath: `${DATA}/bsvc:Priority[1]` },
    ],
    [
      'one missing required element (Ledger_Type_Reference)',
      valid.replace(/<bsvc:Ledger_Type_Reference>.*?<\/bsvc:Ledger_Type_Reference>/, ''),
      { element: 'Accounting_Date', xpath: `${DATA}/bsvc:Accounting_Date[1]` },
    ],
    [
      'a second Accounting_Journal_Data (cardinality)',
      valid.replace(/(<bsvc:Accounting_Journal_Data>.*<\/bsvc:Accounting_Journal_Data>)/, '$1$1'),
      { element: 'Accounting_Journal_Data', xpath: `${REQUEST}/bsvc:Accounting_Journal_Data[2]` },
    ],
    [
      'a worktag ID type the schema does not list',
      valid.replace('bsvc:type="Cost_Center_Reference_ID"', 'bsvc:type="Cost_Centre"'),
      {
        element: 'ID',
        xpath: `${DATA}/bsvc:Journal_Entry_Line_Replacement_Data[1]/bsvc:Worktags_Reference[1]/bsvc:ID[1]`,
      },
    ],
  ];

  it.each(refused)(
    'refuses %s with a Validation_Fault naming it, and stores nothing',
    async (_name, request, expected) => {
      const response = await post(request);
      expect(response.status).toBe(500);
      const answer = fault(response.text);
      expect(answer.faultcode).toBe('SOAP-ENV:Client.validationError');
      expect(answer.errors).toHaveLength(1);
      const error = answer.errors[0]!;
      expect(error['wd:Xpath']).toBe(expected.xpath);
      expect(String(error['wd:Message'])).toContain(`Element '${expected.element}'`);
      expect(answer.faultstring).toBe(`Validation error occurred. ${String(error['wd:Message'])}`);
      expect((await sandbox.state()).journals).toEqual({ acme_us: 0, acme_emea: 0 });
    },
  );

  it('checks the schema before business rules: an out-of-order request with an unknown company names only the order', async () => {
    const request = journalRequest({ company: 'NOPE', lines: balanced }).replace(
      '</bsvc:Submit_Accounting_Journal_Request>',
      `${PARAMETERS}</bsvc:Submit_Accounting_Journal_Request>`,
    );
    const answer = fault((await post(request)).text);
    expect(answer.errors.map((e) => e['wd:Xpath'])).toEqual([
      `${REQUEST}/bsvc:Business_Process_Parameters[1]`,
    ]);
  });

  describe('its answers pass the schema', () => {
    async function expectValid(text: string): Promise<void> {
      expect(validateWwsDocument(text, WWS_SCHEMA).issues).toEqual([]);
      await expect(libxml2.validate(XSD, text)).resolves.toEqual([]);
    }
    const getRequest = (operation: string, inner = '') =>
      `<bsvc:${operation}_Request bsvc:version="v45.0">${inner}</bsvc:${operation}_Request>`;

    it('Submit_Accounting_Journal_Response, Get_Journals_Response with lines', async () => {
      const submitted = await post(valid);
      expect(submitted.status).toBe(200);
      await expectValid(submitted.text);
      const journals = await post(
        getRequest(
          'Get_Journals',
          '<bsvc:Request_References><bsvc:JournalEntryReference><bsvc:ID bsvc:type="Accounting_Journal_ID">S-1</bsvc:ID></bsvc:JournalEntryReference></bsvc:Request_References>',
        ),
      );
      expect(journals.text).toContain('<wd:Journal_Entry_Line_Data>');
      await expectValid(journals.text);
    });

    it.each(['Get_Account_Sets', 'Get_Journal_Sources', 'Get_Workday_Companies'])(
      '%s_Response',
      async (operation) => {
        const response = await post(getRequest(operation));
        expect(response.status).toBe(200);
        expect(response.text).toContain('<wd:Response_Data>');
        await expectValid(response.text);
      },
    );

    it('Get_Workday_Companies carries Organization_Subtype_Reference and Availability_Date', async () => {
      const response = await post(getRequest('Get_Workday_Companies'));
      expect(response.text).toMatch(
        /<wd:Availability_Date>[^<]+<\/wd:Availability_Date><\/wd:Organization_Data><wd:Organization_Subtype_Reference/,
      );
    });

    it('a Validation_Fault and a Processing_Fault', async () => {
      const invalid = await post(journalRequest({ company: 'NOPE', lines: balanced }));
      expect(invalid.status).toBe(500);
      await expectValid(invalid.text);
      const limited = await accessTokenFor(sandbox, 'us_limited');
      const processing = await postSoap(sandbox, 'acme_us', soapEnvelope(valid), limited);
      expect(processing.text).toContain('<wd:Processing_Fault>');
      await expectValid(processing.text);
    });
  });
});
