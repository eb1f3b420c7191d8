/**
 * Every SOAP request the connector builds, checked against our schema (wws-schema/, written from
 * workday-soap-schema.md) by our strict validator and by libxml2. Element order is what these
 * tests are about: Workday refuses an element out of its sequence before any business rule.
 */
import { validateJournal } from '../../../workday/journal';
import { buildEnvelope } from '../../../workday/soap/envelope';
import { buildGetAccountSetsRequest } from '../../../workday/soap/get-account-sets';
import { buildGetJournalSourcesRequest } from '../../../workday/soap/get-journal-sources';
import {
  buildGetJournalByIdRequest,
  buildGetJournalsByDateRequest,
} from '../../../workday/soap/get-journals';
import { buildGetWorkdayCompaniesRequest } from '../../../workday/soap/get-workday-companies';
import { importAccountingJournalRequest } from '../../../workday/soap/import-accounting-journal';
import {
  buildGetImportProcessesRequest,
  buildGetImportProcessMessagesRequest,
} from '../../../workday/soap/import-processes';
import { largeJournalOf } from '../../../workday/large-journal';
import { buildSubmitAccountingJournalRequest } from '../../../workday/soap/submit-accounting-journal';
import { renderXsd, validateWwsDocument, WORKTAG_ID_TYPES, WWS_SCHEMA } from '../../../wws-schema';
import { startLibxml2 } from '../../helpers/libxml2';
import type { Libxml2 } from '../../helpers/libxml2';

const XSD = renderXsd(WWS_SCHEMA);
let libxml2: Libxml2;
beforeAll(() => {
  libxml2 = startLibxml2();
});
afterAll(async () => {
  await libxml2.close();
});

const baseJournal = {
  company: 'C100',
  currency: 'USD',
  accounting_date: '2026-03-31',
  journal_source: 'Integration',
  lines: [
    { ledger_account: '6000', debit: '100' },
    { ledger_account: '2000', credit: '100' },
  ],
};

const journals = {
  minimal: validateJournal(baseJournal),
  'every optional field': validateJournal({
    ...baseJournal,
    journal_id: 'EXT-2026-000123',
    memo: 'Accrual <Q1> & "more"',
    submit: false,
    auto_complete: true,
    ledger_type: 'Historic_Actuals',
    lines: [
      {
        ledger_account: '6000',
        account_set: 'Corporate',
        debit: '100.25',
        memo: 'line memo',
        worktags: [
          { type: 'Cost_Center_Reference_ID', id: 'CC-300' },
          { type: 'Project_ID', id: 'P-1' },
          { type: 'Spend_Category_ID', id: 'SC-9' },
        ],
      },
      { ledger_account: '2000', credit: '100.25' },
    ],
  }),
};

const requests: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(journals).map(([name, journal]) => [
      `Submit_Accounting_Journal (${name})`,
      buildSubmitAccountingJournalRequest(journal, 'v45.0'),
    ]),
  ),
  'Get_Journals by Accounting_Journal_ID': buildGetJournalByIdRequest('EXT-1', 'v45.0'),
  'Get_Journals by accounting date': buildGetJournalsByDateRequest(
    '2026-03-01',
    '2026-03-31',
    2,
    100,
    'v45.0',
  ),
  Get_Account_Sets: buildGetAccountSetsRequest(1, 100, 'v45.0'),
  Get_Journal_Sources: buildGetJournalSourcesRequest(3, 50, 'v45.0'),
  Get_Workday_Companies: buildGetWorkdayCompaniesRequest(1, 999, 'v45.0'),
  Get_Import_Processes: buildGetImportProcessesRequest(
    [
      { type: 'WID', value: 'f99b112734ed401983b2f6a42220cab4' },
      { type: 'Background_Process_Instance_ID', value: 'BACKGROUND_PROCESS_INSTANCE-6-1' },
    ],
    'v45.0',
  ),
  Get_Import_Process_Messages: buildGetImportProcessMessagesRequest(
    [{ type: 'WID', value: 'f99b112734ed401983b2f6a42220cab4' }],
    2,
    999,
    'v45.0',
  ),
};

/** The streamed Import_Accounting_Journal envelope of a journal input, joined. */
async function importEnvelope(input: unknown): Promise<string> {
  const journal = largeJournalOf(input);
  let xml = '';
  for await (const chunk of importAccountingJournalRequest(journal.header, journal.lines(), {
    version: 'v45.0',
  }))
    xml += chunk;
  return xml;
}

describe('the streamed Import_Accounting_Journal request against the schema', () => {
  const inputs: Record<string, unknown> = {
    minimal: baseJournal,
    'every optional field': {
      ...baseJournal,
      journal_id: 'EXT-2026-000124',
      memo: 'Payroll <March> & "more"',
      submit: false,
      auto_complete: true,
      lines: [
        {
          ledger_account: '6000',
          account_set: 'Corporate',
          debit: '100.25',
          memo: 'line memo',
          worktags: [
            { type: 'Cost_Center_Reference_ID', id: 'CC-300' },
            { type: 'Project_ID', id: 'P-1' },
          ],
        },
        { ledger_account: '2000', credit: '100.25' },
      ],
    },
  };

  it.each(Object.entries(inputs))('(%s) passes our validator and libxml2', async (_name, input) => {
    const xml = await importEnvelope(input);
    expect(validateWwsDocument(xml, WWS_SCHEMA)).toEqual({
      root: 'Import_Accounting_Journal_Request',
      issues: [],
    });
    await expect(libxml2.validate(XSD, xml)).resolves.toEqual([]);
  });

  it('tells the import data type from Submit: Round_Ledger_Amounts exists only in the import', async () => {
    const xml = (await importEnvelope(baseJournal)).replace(
      '</bsvc:Submit>',
      '</bsvc:Submit><bsvc:Round_Ledger_Amounts>true</bsvc:Round_Ledger_Amounts>',
    );
    expect(validateWwsDocument(xml, WWS_SCHEMA).issues).toEqual([]);
    const asSubmit = xml.replaceAll(
      'Import_Accounting_Journal_Request',
      'Submit_Accounting_Journal_Request',
    );
    expect(validateWwsDocument(asSubmit, WWS_SCHEMA).issues).toMatchObject([
      { element: 'Round_Ledger_Amounts' },
    ]);
  });
});

describe('request builders against the schema', () => {
  it.each(Object.entries(requests))('%s passes our validator', (_name, body) => {
    expect(validateWwsDocument(buildEnvelope(body), WWS_SCHEMA).issues).toEqual([]);
  });

  it.each(Object.entries(requests))('%s passes libxml2', async (_name, body) => {
    await expect(libxml2.validate(XSD, buildEnvelope(body))).resolves.toEqual([]);
  });

  it('puts Business_Process_Parameters before Accounting_Journal_Data', () => {
    const body = buildSubmitAccountingJournalRequest(journals.minimal, 'v45.0');
    expect(body.indexOf('<bsvc:Business_Process_Parameters>')).toBeGreaterThan(0);
    expect(body.indexOf('<bsvc:Business_Process_Parameters>')).toBeLessThan(
      body.indexOf('<bsvc:Accounting_Journal_Data>'),
    );
  });

  it('accepts every worktag ID type the schema lists, and libxml2 agrees', async () => {
    const journal = validateJournal({
      ...baseJournal,
      lines: [
        {
          ledger_account: '6000',
          debit: '1',
          worktags: WORKTAG_ID_TYPES.map((type, i) => ({ type, id: `T${i}` })),
        },
        { ledger_account: '2000', credit: '1' },
      ],
    });
    const xml = buildEnvelope(buildSubmitAccountingJournalRequest(journal, 'v45.0'));
    expect(validateWwsDocument(xml, WWS_SCHEMA).issues).toEqual([]);
    await expect(libxml2.validate(XSD, xml)).resolves.toEqual([]);
  });

  it('refuses a worktag ID type the schema does not list, in both validators', async () => {
    const journal = validateJournal({
      ...baseJournal,
      lines: [
        { ledger_account: '6000', debit: '1', worktags: [{ type: 'Cost_Centre_ID', id: 'X' }] },
        { ledger_account: '2000', credit: '1' },
      ],
    });
    const xml = buildEnvelope(buildSubmitAccountingJournalRequest(journal, 'v45.0'));
    expect(validateWwsDocument(xml, WWS_SCHEMA).issues).toEqual([
      {
        element: 'ID',
        message:
          "Element 'ID', attribute 'bsvc:type': 'Cost_Centre_ID' is not a valid ID type for Worktags_Reference.",
        xpath:
          '/bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]/bsvc:Journal_Entry_Line_Replacement_Data[1]/bsvc:Worktags_Reference[1]/bsvc:ID[1]',
      },
    ]);
    const errors = await libxml2.validate(XSD, xml);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain("'Cost_Centre_ID' is not an element of the set");
  });
});
