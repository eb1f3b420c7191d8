import { validateJournal } from '../../../workday/journal';
import { buildEnvelope, parseSoapBody } from '../../../workday/soap/envelope';
import {
  assertSubmittableLineCount,
  buildSubmitAccountingJournalRequest,
  parseSubmitAccountingJournalResponse,
} from '../../../workday/soap/submit-accounting-journal';
import { child } from '../../../workday/soap/xml';
import { workdayEnvelope } from './fixtures';
import { find, kids, ordered, tagName, text } from './ordered-xml';
import type { Ordered } from './ordered-xml';

const journal = validateJournal({
  journal_id: 'EXT-2026-000123',
  company: 'C100',
  currency: 'USD',
  accounting_date: '2026-03-31',
  journal_source: 'Integration',
  memo: 'Accrual <Q1> & "more"',
  auto_complete: true,
  lines: [
    {
      ledger_account: '6000',
      debit: '100',
      memo: 'line memo',
      worktags: [
        { type: 'Cost_Center_Reference_ID', id: 'CC-300' },
        { type: 'Project_ID', id: 'P-1' },
      ],
    },
    { ledger_account: '2000', account_set: 'Corporate', credit: 100 },
  ],
});

describe('buildSubmitAccountingJournalRequest()', () => {
  const xml = buildEnvelope(buildSubmitAccountingJournalRequest(journal, 'v45.0'));
  const document = ordered.parse(xml) as Ordered[];
  const envelope = find(document, 'soapenv:Envelope');
  const request = find(
    kids(find(kids(envelope), 'soapenv:Body')),
    'bsvc:Submit_Accounting_Journal_Request',
  );

  it('binds the SOAP 1.1 and bsvc namespaces on the envelope', () => {
    expect(envelope[':@']).toEqual({
      'xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/',
      'xmlns:bsvc': 'urn:com.workday/bsvc',
    });
  });

  it('sets version and Add_Only on the request', () => {
    expect(request[':@']).toEqual({ 'bsvc:version': 'v45.0', 'bsvc:Add_Only': 'true' });
    // The schema's sequence: Business_Process_Parameters before Accounting_Journal_Data.
    expect(kids(request).map(tagName)).toEqual([
      'bsvc:Business_Process_Parameters',
      'bsvc:Accounting_Journal_Data',
    ]);
    const parameters = find(kids(request), 'bsvc:Business_Process_Parameters');
    expect(text(find(kids(parameters), 'bsvc:Auto_Complete'))).toBe('true');
  });

  it('writes Accounting_Journal_Data children in WSDL order with escaped values', () => {
    const data = kids(find(kids(request), 'bsvc:Accounting_Journal_Data'));
    expect(data.map(tagName)).toEqual([
      'bsvc:Accounting_Journal_ID',
      'bsvc:Submit',
      'bsvc:Company_Reference',
      'bsvc:Currency_Reference',
      'bsvc:Ledger_Type_Reference',
      'bsvc:Accounting_Date',
      'bsvc:Journal_Source_Reference',
      'bsvc:Journal_Entry_Memo',
      'bsvc:Journal_Entry_Line_Replacement_Data',
      'bsvc:Journal_Entry_Line_Replacement_Data',
    ]);
    expect(text(find(data, 'bsvc:Accounting_Journal_ID'))).toBe('EXT-2026-000123');
    expect(text(find(data, 'bsvc:Submit'))).toBe('true');
    expect(text(find(data, 'bsvc:Accounting_Date'))).toBe('2026-03-31');
    expect(xml).toContain('Accrual &lt;Q1&gt; &amp; &quot;more&quot;');
    const company = kids(find(data, 'bsvc:Company_Reference'))[0] as Ordered;
    expect(company[':@']).toEqual({ 'bsvc:type': 'Company_Reference_ID' });
    expect(text(company)).toBe('C100');
    const currency = kids(find(data, 'bsvc:Currency_Reference'))[0] as Ordered;
    expect(currency[':@']).toEqual({ 'bsvc:type': 'Currency_ID' });
    const ledgerType = kids(find(data, 'bsvc:Ledger_Type_Reference'))[0] as Ordered;
    expect([ledgerType[':@'], text(ledgerType)]).toEqual([
      { 'bsvc:type': 'Ledger_Type_ID' },
      'Actuals',
    ]);
    const source = kids(find(data, 'bsvc:Journal_Source_Reference'))[0] as Ordered;
    expect([source[':@'], text(source)]).toEqual([
      { 'bsvc:type': 'Journal_Source_ID' },
      'Integration',
    ]);
  });

  it('writes lines with the ledger account scoped to its account set, canonical amounts and worktags', () => {
    const lines = kids(find(kids(request), 'bsvc:Accounting_Journal_Data')).filter(
      (node) => tagName(node) === 'bsvc:Journal_Entry_Line_Replacement_Data',
    );
    const [debit, credit] = lines.map(kids) as [Ordered[], Ordered[]];
    expect(debit.map(tagName)).toEqual([
      'bsvc:Ledger_Account_Reference',
      'bsvc:Debit_Amount',
      'bsvc:Memo',
      'bsvc:Worktags_Reference',
      'bsvc:Worktags_Reference',
    ]);
    const account = kids(find(debit, 'bsvc:Ledger_Account_Reference'))[0] as Ordered;
    expect(account[':@']).toEqual({
      'bsvc:type': 'Ledger_Account_ID',
      'bsvc:parent_id': 'Standard',
      'bsvc:parent_type': 'Account_Set_ID',
    });
    expect(text(account)).toBe('6000');
    expect(text(find(debit, 'bsvc:Debit_Amount'))).toBe('100.00');
    const worktags = debit
      .filter((node) => tagName(node) === 'bsvc:Worktags_Reference')
      .map((node) => kids(node)[0] as Ordered);
    expect(worktags.map((id) => [id[':@']?.['bsvc:type'], text(id)])).toEqual([
      ['Cost_Center_Reference_ID', 'CC-300'],
      ['Project_ID', 'P-1'],
    ]);
    expect(credit.map(tagName)).toEqual(['bsvc:Ledger_Account_Reference', 'bsvc:Credit_Amount']);
    expect((kids(credit[0] as Ordered)[0] as Ordered)[':@']?.['bsvc:parent_id']).toBe('Corporate');
    expect(text(find(credit, 'bsvc:Credit_Amount'))).toBe('100.00');
  });

  it('leaves out Accounting_Journal_ID and memos when there are none', () => {
    const bare = validateJournal({
      company: 'C1',
      currency: 'JPY',
      accounting_date: '2026-01-05',
      journal_source: 'Integration',
      submit: false,
      lines: [
        { ledger_account: '1', debit: 5 },
        { ledger_account: '2', credit: 5 },
      ],
    });
    const body = buildSubmitAccountingJournalRequest(bare, 'v45.0');
    expect(body).not.toContain('Accounting_Journal_ID');
    expect(body).not.toContain('Memo');
    expect(body).toContain('<bsvc:Submit>false</bsvc:Submit>');
    expect(body).toContain('<bsvc:Debit_Amount>5</bsvc:Debit_Amount>');
  });
});

describe('assertSubmittableLineCount()', () => {
  it('accepts 1000 lines and refuses 1001 with what to do', () => {
    expect(() => assertSubmittableLineCount(1000)).not.toThrow();
    expect(() => assertSubmittableLineCount(1001)).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message:
          "The journal has 1001 lines; Workday's Submit_Accounting_Journal accepts at most 1000 lines per journal: split it into balanced journals of at most 1000 lines each.",
      }),
    );
  });
});

describe('parseSubmitAccountingJournalResponse()', () => {
  const response = (inner: string) =>
    child(
      parseSoapBody(
        workdayEnvelope(
          `<wd:Submit_Accounting_Journal_Response xmlns:wd="urn:com.workday/bsvc" wd:version="v45.0">${inner}</wd:Submit_Accounting_Journal_Response>`,
        ),
      ),
      'Submit_Accounting_Journal_Response',
    ) ?? {};

  it('reads the WID, the Accounting_Journal_ID and exceptions', () => {
    expect(
      parseSubmitAccountingJournalResponse(
        response(
          '<wd:Accounting_Journal_Reference wd:Descriptor="Journal: C100 03/31/2026"><wd:ID wd:type="WID">0123456789abcdef0123456789abcdef</wd:ID><wd:ID wd:type="Accounting_Journal_ID">EXT-2026-000123</wd:ID></wd:Accounting_Journal_Reference>' +
            '<wd:Exceptions_Response_Data><wd:Exception_Data><wd:Classification>Warning</wd:Classification><wd:Message>Period closes soon</wd:Message></wd:Exception_Data></wd:Exceptions_Response_Data>',
        ),
      ),
    ).toEqual({
      wid: '0123456789abcdef0123456789abcdef',
      accountingJournalId: 'EXT-2026-000123',
      descriptor: 'Journal: C100 03/31/2026',
      exceptions: [{ classification: 'Warning', message: 'Period closes soon' }],
    });
  });

  it("reads warnings at the schema's path, Exceptions_Data/Exception_Data", () => {
    const parsed = parseSubmitAccountingJournalResponse(
      response(
        '<wd:Accounting_Journal_Reference><wd:ID wd:type="WID">ab</wd:ID></wd:Accounting_Journal_Reference>' +
          '<wd:Exceptions_Response_Data><wd:Exceptions_Data>' +
          '<wd:Exception_Data><wd:Classification>Warning</wd:Classification><wd:Message>First</wd:Message></wd:Exception_Data>' +
          '<wd:Exception_Data><wd:Message>Second</wd:Message></wd:Exception_Data>' +
          '</wd:Exceptions_Data></wd:Exceptions_Response_Data>' +
          '<wd:Exceptions_Response_Data><wd:Exceptions_Data><wd:Exception_Data><wd:Classification>Warning</wd:Classification><wd:Message>Third</wd:Message></wd:Exception_Data></wd:Exceptions_Data></wd:Exceptions_Response_Data>',
      ),
    );
    expect(parsed.exceptions).toEqual([
      { classification: 'Warning', message: 'First' },
      { message: 'Second' },
      { classification: 'Warning', message: 'Third' },
    ]);
  });

  it('refuses a response without a journal reference', () => {
    expect(() => parseSubmitAccountingJournalResponse(response(''))).toThrow(
      'The Submit_Accounting_Journal response has no Accounting_Journal_Reference ID.',
    );
  });
});
