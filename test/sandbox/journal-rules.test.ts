/**
 * Submit_Accounting_Journal business rules in the sandbox, with the texts Workday publishes
 * (workday-soap-schema.md); each runs after the schema check.
 */
import { XMLParser } from 'fast-xml-parser';
import { accessTokenFor, journalRequest, postSoap, soapEnvelope, useTestSandbox } from './support';
import type { LineSpec } from './support';

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  removeNSPrefix: true,
});
type Node = Record<string, unknown>;
const DATA = '/bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]';
const LINE = (n: number) => `${DATA}/bsvc:Journal_Entry_Line_Replacement_Data[${n}]`;

function body(text: string): Node {
  return ((parser.parse(text) as Node).Envelope as Node).Body as Node;
}
function errors(text: string): { message: string; xpath: string }[] {
  const fault = body(text).Fault as Node;
  const list = ((fault.detail as Node).Validation_Fault as Node).Validation_Error;
  return (Array.isArray(list) ? list : [list]).map((e: Node) => ({
    message: String(e.Message),
    xpath: String(e.Xpath),
  }));
}

const balanced: LineSpec[] = [
  ['6000', 'debit', '10.00'],
  ['2000', 'credit', '10.00'],
];

describe('sandbox Submit_Accounting_Journal rules', () => {
  const sandbox = useTestSandbox();
  let token: string;
  beforeEach(async () => {
    token = await accessTokenFor(sandbox, 'us');
  });
  const post = (request: string) => postSoap(sandbox, 'acme_us', soapEnvelope(request), token);

  it("refuses a currency that is not the company's default", async () => {
    const response = await post(
      journalRequest({ company: 'GMS_USA', currency: 'EUR', lines: balanced }),
    );
    expect(errors(response.text)).toEqual([
      {
        message:
          'If the currency is specified, it must match the default currency for the company.',
        xpath: `${DATA}/bsvc:Currency_Reference[1]`,
      },
    ]);
    const japan = await post(
      journalRequest({
        company: 'ACME_JP',
        currency: 'JPY',
        lines: [
          ['6000', 'debit', '10'],
          ['2000', 'credit', '10'],
        ],
      }),
    );
    expect(japan.status).toBe(200);
  });

  it('refuses a line whose amounts are both zero', async () => {
    const response = await post(
      journalRequest({ lines: [...balanced, ['6100', 'debit', '0.00']] }),
    );
    expect(errors(response.text)).toEqual([
      { message: 'The Credit and Debit Amounts are both zero.', xpath: LINE(3) },
    ]);
  });

  it('refuses two worktags of one type on a line', async () => {
    const request = journalRequest({
      lines: [['6000', 'debit', '10.00', 'CC-100'], balanced[1]!],
    }).replace(
      '</bsvc:Worktags_Reference>',
      '</bsvc:Worktags_Reference><bsvc:Worktags_Reference><bsvc:ID bsvc:type="Cost_Center_Reference_ID">CC-200</bsvc:ID></bsvc:Worktags_Reference>',
    );
    expect(errors((await post(request)).text)).toEqual([
      {
        message: 'Only one worktag of each type is allowed',
        xpath: `${LINE(1)}/bsvc:Worktags_Reference[2]`,
      },
    ]);
  });

  it('accepts Project_ID and Spend_Category_ID worktags, which the schema lists', async () => {
    const request = journalRequest({
      id: 'W-1',
      lines: [['6000', 'debit', '10.00', 'CC-100'], balanced[1]!],
    }).replace(
      '</bsvc:Worktags_Reference>',
      '</bsvc:Worktags_Reference>' +
        '<bsvc:Worktags_Reference><bsvc:ID bsvc:type="Project_ID">PRJ-7</bsvc:ID></bsvc:Worktags_Reference>' +
        '<bsvc:Worktags_Reference><bsvc:ID bsvc:type="Spend_Category_ID">SC-1</bsvc:ID></bsvc:Worktags_Reference>',
    );
    expect((await post(request)).status).toBe(200);
    const read = await post(
      '<bsvc:Get_Journals_Request bsvc:version="v45.0"><bsvc:Request_References><bsvc:JournalEntryReference>' +
        '<bsvc:ID bsvc:type="Accounting_Journal_ID">W-1</bsvc:ID></bsvc:JournalEntryReference></bsvc:Request_References></bsvc:Get_Journals_Request>',
    );
    expect(read.text).toContain('<wd:ID wd:type="Project_ID">PRJ-7</wd:ID>');
    expect(read.text).toContain('<wd:ID wd:type="Spend_Category_ID">SC-1</wd:ID>');
  });

  it('refuses more than 1,000 lines with the published text, and stores nothing', async () => {
    const lines: LineSpec[] = [];
    for (let i = 0; i < 1001; i++)
      lines.push(i === 1000 ? ['2000', 'credit', '1000.00'] : ['6000', 'debit', '1.00']);
    const response = await post(journalRequest({ lines }));
    expect(errors(response.text)).toEqual([
      {
        message:
          'The Submit Accounting Journal WS does not accept journals with more than 1000 journal lines. Please reduce the size of your journals to less than 1000 lines and resubmit your request.',
        xpath: DATA,
      },
    ]);
    expect((await sandbox.state()).journals.acme_us).toBe(0);
    const thousand = lines.slice(0, 999).concat([['2000', 'credit', '999.00']]);
    expect((await post(journalRequest({ lines: thousand }))).status).toBe(200);
  });

  it('refuses a journal without lines', async () => {
    expect(errors((await post(journalRequest({ lines: [] }))).text)).toEqual([
      { message: 'Please enter at least one Journal Details line.', xpath: DATA },
    ]);
  });

  it('saves an unbalanced draft (the rule is about submitting) but refuses to submit it', async () => {
    const unbalanced: LineSpec[] = [
      ['6000', 'debit', '10.00'],
      ['2000', 'credit', '9.00'],
    ];
    expect((await post(journalRequest({ submit: false, lines: unbalanced }))).status).toBe(200);
    expect(errors((await post(journalRequest({ submit: true, lines: unbalanced }))).text)).toEqual([
      { message: 'Journal may not be submitted unless it is balanced', xpath: DATA },
    ]);
  });

  it('returns warnings on an accepted journal under Exceptions_Response_Data/Exceptions_Data/Exception_Data', async () => {
    const response = await post(journalRequest({ date: '2099-01-31', lines: balanced }));
    expect(response.status).toBe(200);
    const result = body(response.text).Submit_Accounting_Journal_Response as Node;
    const exception = ((result.Exceptions_Response_Data as Node).Exceptions_Data as Node)
      .Exception_Data;
    expect(exception).toEqual({
      Classification: 'Warning',
      Message: 'The accounting date 2099-01-31 is in the future.',
    });
  });
});
