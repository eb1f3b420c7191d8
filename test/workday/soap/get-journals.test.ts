import { parseSoapBody } from '../../../workday/soap/envelope';
import {
  buildGetJournalByIdRequest,
  buildGetJournalsByDateRequest,
  parseGetJournalsResponse,
} from '../../../workday/soap/get-journals';
import { parseGetAccountSetsResponse } from '../../../workday/soap/get-account-sets';
import { parseGetJournalSourcesResponse } from '../../../workday/soap/get-journal-sources';
import { child } from '../../../workday/soap/xml';
import type { XmlObject } from '../../../workday/soap/xml';
import { workdayEnvelope } from './fixtures';

function body(name: string, inner: string): XmlObject {
  const xml = workdayEnvelope(
    `<wd:${name} xmlns:wd="urn:com.workday/bsvc" wd:version="v45.0">${inner}</wd:${name}>`,
  );
  return child(parseSoapBody(xml), name) ?? {};
}

const line = (
  order: string,
  account: string,
  side: 'Debit' | 'Credit',
  amount: string,
  extra = '',
) =>
  `<wd:Journal_Entry_Line_Data><wd:Line_Order>${order}</wd:Line_Order><wd:Ledger_Account_Reference><wd:ID wd:type="WID">aa</wd:ID><wd:ID wd:type="Ledger_Account_ID">${account}</wd:ID></wd:Ledger_Account_Reference><wd:${side}_Amount>${amount}</wd:${side}_Amount>${extra}</wd:Journal_Entry_Line_Data>`;

const journal = (id: string, lines: string) =>
  `<wd:Journal_Entry><wd:Journal_Entry_Reference wd:Descriptor="Journal ${id}"><wd:ID wd:type="WID">w-${id}</wd:ID><wd:ID wd:type="Accounting_Journal_ID">${id}</wd:ID></wd:Journal_Entry_Reference><wd:Journal_Entry_Data>` +
  `<wd:Journal_Number>JE-1</wd:Journal_Number><wd:Journal_Status_Reference wd:Descriptor="Posted"><wd:ID wd:type="Journal_Entry_Status_ID">POSTED</wd:ID></wd:Journal_Status_Reference>` +
  `<wd:Company_Reference><wd:ID wd:type="WID">c</wd:ID><wd:ID wd:type="Company_Reference_ID">C100</wd:ID></wd:Company_Reference><wd:Currency_Reference><wd:ID wd:type="Currency_ID">USD</wd:ID></wd:Currency_Reference>` +
  `<wd:Ledger_Reference><wd:ID wd:type="Ledger_Reference_ID">Actuals_C100</wd:ID></wd:Ledger_Reference><wd:Accounting_Date>2026-03-31</wd:Accounting_Date>` +
  `<wd:Journal_Source_Reference><wd:ID wd:type="Journal_Source_ID">Integration</wd:ID></wd:Journal_Source_Reference><wd:Memo>Accrual</wd:Memo>` +
  `<wd:Total_Ledger_Debits>100.00</wd:Total_Ledger_Debits><wd:Total_Ledger_Credits>100.00</wd:Total_Ledger_Credits>${lines}</wd:Journal_Entry_Data></wd:Journal_Entry>`;

describe('Get_Journals requests', () => {
  it('asks for one journal by Accounting_Journal_ID', () => {
    expect(buildGetJournalByIdRequest('EXT-1 & 2', 'v45.0')).toBe(
      '<bsvc:Get_Journals_Request bsvc:version="v45.0"><bsvc:Request_References><bsvc:JournalEntryReference><bsvc:ID bsvc:type="Accounting_Journal_ID">EXT-1 &amp; 2</bsvc:ID></bsvc:JournalEntryReference></bsvc:Request_References></bsvc:Get_Journals_Request>',
    );
  });

  it('asks for a date range with Page and Count', () => {
    expect(buildGetJournalsByDateRequest('2026-03-01', '2026-03-31', 2, 100, 'v45.0')).toBe(
      '<bsvc:Get_Journals_Request bsvc:version="v45.0"><bsvc:Request_Criteria><bsvc:Accounting_From_Date>2026-03-01</bsvc:Accounting_From_Date><bsvc:Accounting_To_Date>2026-03-31</bsvc:Accounting_To_Date></bsvc:Request_Criteria><bsvc:Response_Filter><bsvc:Page>2</bsvc:Page><bsvc:Count>100</bsvc:Count></bsvc:Response_Filter></bsvc:Get_Journals_Request>',
    );
  });

  it('refuses bad dates, a reversed range and page 0 with invalid_input', () => {
    expect(() =>
      buildGetJournalsByDateRequest('2026-02-30', '2026-03-31', 1, 100, 'v45.0'),
    ).toThrow('The journal date range is invalid: "from" must be a date YYYY-MM-DD.');
    expect(() =>
      buildGetJournalsByDateRequest('2026-04-01', '2026-03-31', 0, 100, 'v45.0'),
    ).toThrow(
      'The journal date range is invalid: "from" must not be after "to" (2026-03-31); "page" must be a whole number from 1.',
    );
  });
});

describe('parseGetJournalsResponse()', () => {
  it('reads one journal with its lines and worktags', () => {
    const page = parseGetJournalsResponse(
      body(
        'Get_Journals_Response',
        '<wd:Response_Results><wd:Total_Results>1</wd:Total_Results><wd:Total_Pages>1</wd:Total_Pages><wd:Page_Results>1</wd:Page_Results><wd:Page>1</wd:Page></wd:Response_Results>' +
          '<wd:Response_Data>' +
          journal(
            'EXT-1',
            line(
              '1',
              '6000',
              'Debit',
              '100.00',
              '<wd:Memo>m1</wd:Memo><wd:Worktags_Reference><wd:ID wd:type="WID">x</wd:ID><wd:ID wd:type="Cost_Center_Reference_ID">CC-300</wd:ID></wd:Worktags_Reference>',
            ) + line('2', '2000', 'Credit', '100.00'),
          ) +
          '</wd:Response_Data>',
      ),
    );
    expect(page).toEqual({
      totalResults: 1,
      totalPages: 1,
      pageResults: 1,
      page: 1,
      journals: [
        {
          id: 'EXT-1',
          wid: 'w-EXT-1',
          descriptor: 'Journal EXT-1',
          journalNumber: 'JE-1',
          status: 'POSTED',
          company: 'C100',
          currency: 'USD',
          ledger: 'Actuals_C100',
          accountingDate: '2026-03-31',
          source: 'Integration',
          memo: 'Accrual',
          totalDebits: '100.00',
          totalCredits: '100.00',
          lines: [
            {
              lineOrder: '1',
              ledgerAccount: '6000',
              debit: '100.00',
              memo: 'm1',
              worktags: [{ type: 'Cost_Center_Reference_ID', id: 'CC-300' }],
            },
            { lineOrder: '2', ledgerAccount: '2000', credit: '100.00', worktags: [] },
          ],
        },
      ],
    });
  });

  it('reads several journals in order', () => {
    const page = parseGetJournalsResponse(
      body(
        'Get_Journals_Response',
        `<wd:Response_Data>${journal('A', '')}${journal('B', '')}</wd:Response_Data>`,
      ),
    );
    expect(page.journals.map((j) => j.id)).toEqual(['A', 'B']);
    expect(page.journals[0]?.lines).toEqual([]);
  });

  it('reads an absent Response_Data as no journals', () => {
    expect(
      parseGetJournalsResponse(
        body(
          'Get_Journals_Response',
          '<wd:Response_Results><wd:Total_Results>0</wd:Total_Results></wd:Response_Results>',
        ),
      ),
    ).toEqual({ totalResults: 0, journals: [] });
  });

  it('refuses a journal without any ID and a non-decimal amount', () => {
    expect(() =>
      parseGetJournalsResponse(
        body(
          'Get_Journals_Response',
          '<wd:Response_Data><wd:Journal_Entry><wd:Journal_Entry_Data/></wd:Journal_Entry></wd:Response_Data>',
        ),
      ),
    ).toThrow('The Get_Journals response has no Journal_Entry_Reference ID for journal 1.');
    expect(() =>
      parseGetJournalsResponse(
        body(
          'Get_Journals_Response',
          `<wd:Response_Data>${journal('A', line('1', '6000', 'Debit', '1,000'))}</wd:Response_Data>`,
        ),
      ),
    ).toThrow('The Get_Journals response has a non-decimal Debit_Amount in journal 1, line 1.');
  });

  it('refuses non-integer result counts', () => {
    expect(() =>
      parseGetJournalsResponse(
        body(
          'Get_Journals_Response',
          '<wd:Response_Results><wd:Total_Results>many</wd:Total_Results></wd:Response_Results>',
        ),
      ),
    ).toThrow('The Get_Journals response has a non-integer Response_Results/Total_Results.');
    expect(
      parseGetJournalsResponse(
        body(
          'Get_Journals_Response',
          '<wd:Response_Results><wd:Page>2.0</wd:Page></wd:Response_Results>',
        ),
      ).page,
    ).toBe(2);
  });
});

describe('parseGetAccountSetsResponse()', () => {
  it('reads account sets with their ledger accounts, one or several', () => {
    const page = parseGetAccountSetsResponse(
      body(
        'Get_Account_Sets_Response',
        '<wd:Response_Data><wd:Account_Set><wd:Account_Set_Reference><wd:ID wd:type="Account_Set_ID">Standard</wd:ID></wd:Account_Set_Reference><wd:Account_Set_Data><wd:Account_Set_ID>Standard</wd:Account_Set_ID><wd:Account_Set_Name>Standard Account Set</wd:Account_Set_Name>' +
          '<wd:Ledger_Account_Data><wd:Ledger_Account_Identifier>6000</wd:Ledger_Account_Identifier><wd:Ledger_Account_Name>Travel</wd:Ledger_Account_Name><wd:Ledger_Account_Type_Reference wd:Descriptor="Expense"/><wd:Retired>0</wd:Retired></wd:Ledger_Account_Data>' +
          '<wd:Ledger_Account_Data><wd:Ledger_Account_Identifier>6999</wd:Ledger_Account_Identifier><wd:Retired>true</wd:Retired></wd:Ledger_Account_Data>' +
          '</wd:Account_Set_Data></wd:Account_Set>' +
          '<wd:Account_Set><wd:Account_Set_Data><wd:Account_Set_ID>Corporate</wd:Account_Set_ID><wd:Ledger_Account_Data><wd:Ledger_Account_Identifier>1000</wd:Ledger_Account_Identifier></wd:Ledger_Account_Data></wd:Account_Set_Data></wd:Account_Set></wd:Response_Data>',
      ),
    );
    expect(page.accountSets).toEqual([
      {
        id: 'Standard',
        name: 'Standard Account Set',
        ledgerAccounts: [
          { id: '6000', name: 'Travel', type: 'Expense', retired: false },
          { id: '6999', retired: true },
        ],
      },
      { id: 'Corporate', ledgerAccounts: [{ id: '1000', retired: false }] },
    ]);
  });
});

describe('parseGetJournalSourcesResponse()', () => {
  it('reads journal sources and skips entries without an ID', () => {
    const page = parseGetJournalSourcesResponse(
      body(
        'Get_Journal_Sources_Response',
        '<wd:Response_Results><wd:Total_Results>2</wd:Total_Results><wd:Total_Pages>1</wd:Total_Pages></wd:Response_Results><wd:Response_Data>' +
          '<wd:Journal_Source><wd:Journal_Source_Data><wd:Journal_Source_ID>Integration</wd:Journal_Source_ID><wd:Journal_Source_Name>Integration</wd:Journal_Source_Name></wd:Journal_Source_Data></wd:Journal_Source>' +
          '<wd:Journal_Source><wd:Journal_Source_Reference><wd:ID wd:type="Journal_Source_ID">Spreadsheet_Upload</wd:ID></wd:Journal_Source_Reference></wd:Journal_Source>' +
          '<wd:Journal_Source><wd:Journal_Source_Data><wd:Journal_Source_Name>No id</wd:Journal_Source_Name></wd:Journal_Source_Data></wd:Journal_Source>' +
          '</wd:Response_Data>',
      ),
    );
    expect(page).toEqual({
      totalResults: 2,
      totalPages: 1,
      journalSources: [{ id: 'Integration', name: 'Integration' }, { id: 'Spreadsheet_Upload' }],
    });
  });
});

describe('Get_Journals xsd:date values', () => {
  const withDate = (date: string) =>
    body(
      'Get_Journals_Response',
      `<wd:Response_Data><wd:Journal_Entry><wd:Journal_Entry_Reference><wd:ID wd:type="Accounting_Journal_ID">J-1</wd:ID></wd:Journal_Entry_Reference>` +
        `<wd:Journal_Entry_Data><wd:Accounting_Date>${date}</wd:Accounting_Date></wd:Journal_Entry_Data></wd:Journal_Entry></wd:Response_Data>`,
    );

  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2026-03-31-07:00', '2026-03-31'],
    ['2026-03-31+14:00', '2026-03-31'],
    ['2026-03-31Z', '2026-03-31'],
  ])('reads %s as the date %s (an offset is not part of the date)', (raw, date) => {
    expect(parseGetJournalsResponse(withDate(raw)).journals[0]?.accountingDate).toBe(date);
  });

  it.each(['31/03/2026', '2026-02-30', '2026-03-31T10:00:00'])(
    'refuses %s as not an xsd:date',
    (raw) => {
      expect(() => parseGetJournalsResponse(withDate(raw))).toThrow(
        expect.objectContaining({
          code: 'unexpected_response',
          message:
            'The Get_Journals response has an Accounting_Date that is not an xsd:date in journal 1.',
        }),
      );
    },
  );
});
