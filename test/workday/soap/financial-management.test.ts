import { parseWorkdayEndpoints } from '../../../workday/endpoints';
import { validateJournal } from '../../../workday/journal';
import { createFinancialManagement } from '../../../workday/soap/financial-management';
import type { FinancialManagement } from '../../../workday/soap/financial-management';
import { createFetchHttpClient } from '../helpers/fetch-http-client';
import { startTestServer } from '../helpers/test-server';
import type { Reply, TestServer } from '../helpers/test-server';
import { fault, PROCESSING_FAULT, VALIDATION_FAULT, workdayEnvelope } from './fixtures';

const xml = (body: string): Reply => ({
  contentType: 'text/xml; charset=utf-8',
  body: workdayEnvelope(body),
});
const response = (name: string, inner: string) =>
  `<wd:${name}_Response xmlns:wd="urn:com.workday/bsvc" wd:version="v45.0">${inner}</wd:${name}_Response>`;

let replies: Reply[] = [];
let server: TestServer;
let fm: FinancialManagement;

beforeAll(async () => {
  server = await startTestServer(() => replies.shift() ?? { status: 404, body: 'no reply queued' });
  const endpoints = parseWorkdayEndpoints({
    rest_api_endpoint: `${server.baseUrl}/ccx/api/v1/acme_us`,
    token_endpoint: `${server.baseUrl}/ccx/oauth2/acme_us/token`,
    soap_version: 'v44.2',
  });
  fm = createFinancialManagement(createFetchHttpClient(endpoints.restBase), endpoints);
});
afterAll(() => server.close());
beforeEach(() => {
  replies = [];
  server.resetStats();
});

const journal = validateJournal({
  journal_id: 'EXT-1',
  company: 'C100',
  currency: 'USD',
  accounting_date: '2026-03-31',
  journal_source: 'Integration',
  lines: [
    { ledger_account: '6000', debit: '10' },
    { ledger_account: '2000', credit: '10' },
  ],
});

describe('createFinancialManagement()', () => {
  it('POSTs Submit_Accounting_Journal to the tenant SOAP path and reads the reference', async () => {
    replies.push(
      xml(
        response(
          'Submit_Accounting_Journal',
          '<wd:Accounting_Journal_Reference><wd:ID wd:type="WID">abc</wd:ID><wd:ID wd:type="Accounting_Journal_ID">EXT-1</wd:ID></wd:Accounting_Journal_Reference>',
        ),
      ),
    );
    await expect(fm.submitAccountingJournal(journal)).resolves.toEqual({
      wid: 'abc',
      accountingJournalId: 'EXT-1',
      exceptions: [],
    });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.pathname).toBe('/ccx/service/acme_us/Financial_Management/v44.2');
    expect(request?.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(request?.headers['soapaction']).toBe('"urn:com.workday/bsvc/Submit_Accounting_Journal"');
    expect(request?.body).toContain(
      '<bsvc:Submit_Accounting_Journal_Request bsvc:version="v44.2" bsvc:Add_Only="true">',
    );
  });

  it('throws remote_validation with the status for a Validation_Fault (HTTP 500)', async () => {
    replies.push({ status: 500, contentType: 'text/xml', body: VALIDATION_FAULT });
    await expect(fm.submitAccountingJournal(journal)).rejects.toMatchObject({
      code: 'remote_validation',
      details: { status: 500, operation: 'Submit_Accounting_Journal' },
    });
  });

  it('throws insufficient_scope for a not-authorized Processing_Fault', async () => {
    replies.push({ status: 500, contentType: 'text/xml', body: PROCESSING_FAULT });
    await expect(fm.getJournalSources()).rejects.toMatchObject({
      code: 'insufficient_scope',
      details: { functionalArea: 'Common Financial Management' },
    });
  });

  it('throws remote_error for an HTTP 500 that carries no SOAP fault', async () => {
    replies.push({
      status: 500,
      contentType: 'text/html',
      body: '<html><body>Internal error</body></html>',
    });
    await expect(fm.getAccountSets()).rejects.toMatchObject({
      code: 'remote_error',
      // The page's words, not a bare status.
      message:
        'Workday answered the Get_Account_Sets request with HTTP 500 and no SOAP fault: Internal error',
    });
  });

  it('throws unexpected_response for a 200 body with another operation’s response', async () => {
    replies.push(xml(response('Get_Workers', '')));
    await expect(fm.getJournalSources()).rejects.toMatchObject({
      code: 'unexpected_response',
      message: 'The Get_Journal_Sources response has no Get_Journal_Sources_Response element.',
    });
  });

  it('returns undefined for an unknown journal ID (no data, or an invalid-ID fault)', async () => {
    replies.push(
      xml(
        response(
          'Get_Journals',
          '<wd:Response_Results><wd:Total_Results>0</wd:Total_Results></wd:Response_Results>',
        ),
      ),
    );
    await expect(fm.getJournalById('NOPE')).resolves.toBeUndefined();
    replies.push({
      status: 500,
      contentType: 'text/xml',
      body: fault(
        'SOAP-ENV:Client.validationError',
        'Validation error occurred. Invalid ID value.',
        "<detail><wd:Validation_Fault><wd:Validation_Error><wd:Message>Invalid ID value.  'NOPE' is not a valid ID value for type = 'Accounting_Journal_ID'</wd:Message></wd:Validation_Error></wd:Validation_Fault></detail>",
      ),
    });
    await expect(fm.getJournalById('NOPE')).resolves.toBeUndefined();
    expect(server.requests[0]?.body).toContain(
      '<bsvc:ID bsvc:type="Accounting_Journal_ID">NOPE</bsvc:ID>',
    );
  });

  it('reads journals by date for the page asked', async () => {
    replies.push(
      xml(
        response(
          'Get_Journals',
          '<wd:Response_Results><wd:Total_Results>0</wd:Total_Results><wd:Total_Pages>0</wd:Total_Pages></wd:Response_Results>',
        ),
      ),
    );
    await expect(fm.getJournalsByDate('2026-03-01', '2026-03-31', 3)).resolves.toEqual({
      totalResults: 0,
      totalPages: 0,
      journals: [],
    });
    expect(server.requests[0]?.body).toContain('<bsvc:Page>3</bsvc:Page>');
  });

  it('reads every page of journal sources', async () => {
    const page = (n: number, id: string) =>
      xml(
        response(
          'Get_Journal_Sources',
          `<wd:Response_Results><wd:Total_Results>2</wd:Total_Results><wd:Total_Pages>2</wd:Total_Pages><wd:Page>${n}</wd:Page></wd:Response_Results><wd:Response_Data><wd:Journal_Source><wd:Journal_Source_Data><wd:Journal_Source_ID>${id}</wd:Journal_Source_ID></wd:Journal_Source_Data></wd:Journal_Source></wd:Response_Data>`,
        ),
      );
    replies.push(page(1, 'Integration'), page(2, 'Spreadsheet_Upload'));
    await expect(fm.getJournalSources()).resolves.toEqual([
      { id: 'Integration' },
      { id: 'Spreadsheet_Upload' },
    ]);
    expect(server.requests.map((r) => /<bsvc:Page>(\d+)</.exec(r.body)?.[1])).toEqual(['1', '2']);
  });
});
