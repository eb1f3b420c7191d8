import { largeJournalOf } from '../../../workday/large-journal';
import { parseSoapBody } from '../../../workday/soap/envelope';
import {
  importAccountingJournalRequest,
  parseImportReceipt,
} from '../../../workday/soap/import-accounting-journal';
import { child } from '../../../workday/soap/xml';
import { workdayEnvelope } from './fixtures';
import { find, kids, ordered, tagName } from './ordered-xml';
import type { Ordered } from './ordered-xml';

function journal(lines: number, memo = 'Allocation & <accrual>') {
  return largeJournalOf({
    journal_id: 'JE-IMPORT-1',
    company: 'GMS_USA',
    currency: 'USD',
    accounting_date: '2026-03-31',
    journal_source: 'Integration',
    memo,
    lines: Array.from({ length: lines }, (_, i) =>
      i % 2 === 0
        ? {
            ledger_account: '6000',
            debit: '10.05',
            memo: `Line ${i} "quoted"`,
            worktags: [{ type: 'Cost_Center_Reference_ID', id: 'CC-100' }],
          }
        : { ledger_account: '2100', credit: '10.05' },
    ),
  });
}

async function collect(lines: number): Promise<{ chunks: string[]; written: number }> {
  const j = journal(lines);
  const chunks: string[] = [];
  let written = 0;
  for await (const chunk of importAccountingJournalRequest(j.header, j.lines(), {
    version: 'v45.0',
    onLine: (n) => {
      written = n;
    },
  }))
    chunks.push(chunk);
  return { chunks, written };
}

describe('importAccountingJournalRequest()', () => {
  it('writes the request in schema order: parameters before the data, lines last', async () => {
    const { chunks } = await collect(4);
    const xml = chunks.join('');
    const [, envelope] = ordered.parse(xml) as Ordered[];
    const body = find(kids(envelope as Ordered), 'soapenv:Body');
    const request = find(kids(body), 'bsvc:Import_Accounting_Journal_Request');
    expect(request[':@']).toEqual({ 'bsvc:version': 'v45.0', 'bsvc:Add_Only': 'true' });
    expect(kids(request).map(tagName)).toEqual([
      'bsvc:Business_Process_Parameters',
      'bsvc:Accounting_Journal_Data',
    ]);
    const data = find(kids(request), 'bsvc:Accounting_Journal_Data');
    expect(kids(data).map(tagName)).toEqual([
      'bsvc:Accounting_Journal_ID',
      'bsvc:Submit',
      'bsvc:Company_Reference',
      'bsvc:Currency_Reference',
      'bsvc:Ledger_Type_Reference',
      'bsvc:Accounting_Date',
      'bsvc:Journal_Source_Reference',
      'bsvc:Journal_Entry_Memo',
      ...Array(4).fill('bsvc:Journal_Entry_Line_Replacement_Data'),
    ]);
    const line = kids(data)[8] as Ordered;
    expect(kids(line).map(tagName)).toEqual([
      'bsvc:Ledger_Account_Reference',
      'bsvc:Debit_Amount',
      'bsvc:Memo',
      'bsvc:Worktags_Reference',
    ]);
  });

  it('escapes text: the parsed request holds the memos exactly', async () => {
    const { chunks } = await collect(2);
    const body = parseSoapBody(chunks.join(''));
    const data = child(child(body, 'Import_Accounting_Journal_Request'), 'Accounting_Journal_Data');
    expect(data?.['Journal_Entry_Memo']).toBe('Allocation & <accrual>');
    const first = (data?.['Journal_Entry_Line_Replacement_Data'] as Record<string, unknown>[])[0];
    expect(first?.['Memo']).toBe('Line 0 "quoted"');
  });

  it('streams a large journal in bounded chunks, every line written once', async () => {
    const { chunks, written } = await collect(6000);
    expect(written).toBe(6000);
    expect(chunks.length).toBeGreaterThan(20);
    // A chunk is handed over once it passes 64 K characters: one line more at most.
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(64 * 1024 + 1024);
    const xml = chunks.join('');
    expect(xml.match(/<bsvc:Journal_Entry_Line_Replacement_Data>/g)).toHaveLength(6000);
    expect(xml.endsWith('</soapenv:Body></soapenv:Envelope>')).toBe(true);
  });
});

describe('parseImportReceipt()', () => {
  it('reads the import process and header instance references of Put_Import_Process_Response', () => {
    const body = parseSoapBody(
      workdayEnvelope(
        '<wd:Put_Import_Process_Response wd:version="v45.0">' +
          '<wd:Import_Process_Reference wd:Descriptor="Import Accounting Journal">' +
          '<wd:ID wd:type="WID">aa11</wd:ID><wd:ID wd:type="Background_Process_Instance_ID">BPI-7</wd:ID>' +
          '</wd:Import_Process_Reference>' +
          '<wd:Header_Instance_Reference><wd:ID wd:type="WID">bb22</wd:ID></wd:Header_Instance_Reference>' +
          '</wd:Put_Import_Process_Response>',
      ),
    );
    expect(parseImportReceipt(child(body, 'Put_Import_Process_Response') ?? {})).toEqual({
      importProcess: [
        { type: 'WID', value: 'aa11' },
        { type: 'Background_Process_Instance_ID', value: 'BPI-7' },
      ],
      headerInstance: [{ type: 'WID', value: 'bb22' }],
      descriptor: 'Import Accounting Journal',
    });
  });

  it('accepts a receipt without references (both are optional in the schema)', () => {
    expect(parseImportReceipt({})).toEqual({ importProcess: [], headerInstance: [] });
  });
});
