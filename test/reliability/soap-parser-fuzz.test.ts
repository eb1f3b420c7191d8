/**
 * Fuzz the SOAP response side (the fault parser, the endpoint parser and the REST error parser
 * have their own fuzz tests in test/workday/): well-formed but arbitrary Workday-ish documents,
 * built from the element names the parsers look for, never make a parser throw anything but a
 * ConnectorError, and the raw XML reader only ever refuses with `unexpected_response`.
 */
import fc from 'fast-check';
import { ConnectorError } from '../../sdk/errors';
import {
  parseGetAccountSetsResponse,
  parseGetJournalSourcesResponse,
  parseGetJournalsResponse,
  parseGetWorkdayCompaniesResponse,
  parseSoapBody,
  parseSubmitAccountingJournalResponse,
  parseXml,
} from '../../workday/soap';
import type { XmlObject } from '../../workday/soap';

const NAMES = [
  'Response_Data',
  'Response_Results',
  'Total_Results',
  'Total_Pages',
  'Page',
  'Page_Results',
  'Journal_Entry',
  'Journal_Entry_Data',
  'Journal_Entry_Reference',
  'Journal_Entry_Line_Data',
  'Journal_Status_Reference',
  'Accounting_Journal_Reference',
  'Accounting_Date',
  'Company_Reference',
  'Currency_Reference',
  'Ledger_Reference',
  'Ledger_Type_Reference',
  'Ledger_Account_Reference',
  'Journal_Source_Reference',
  'Worktags_Reference',
  'Debit_Amount',
  'Credit_Amount',
  'Total_Ledger_Debits',
  'Total_Ledger_Credits',
  'Line_Order',
  'Memo',
  'ID',
  'Descriptor',
  'Account_Set',
  'Account_Set_Data',
  'Account_Set_Name',
  'Ledger_Account_Data',
  'Ledger_Account_Identifier',
  'Ledger_Account_Name',
  'Retired',
  'Journal_Source',
  'Journal_Source_Data',
  'Journal_Source_Name',
  'Company',
  'Company_Data',
  'Organization_Data',
  'Organization_Name',
  'Exceptions_Response_Data',
  'Exception_Data',
  'Classification',
  'Message',
];
const ID_TYPES = [
  'WID',
  'Accounting_Journal_ID',
  'Company_Reference_ID',
  'Currency_ID',
  'Ledger_Account_ID',
  'Account_Set_ID',
  'Journal_Source_ID',
  'Ledger_Type_ID',
  'Journal_Entry_Status_ID',
  'Organization_Reference_ID',
  'Cost_Center_Reference_ID',
  'bogus',
];
const TEXTS = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '1',
    '-1',
    'true',
    'false',
    '1.5',
    '1e999',
    'NaN',
    'x',
    '2026-13-45',
    '&amp;',
    '&lt;&gt;',
  ),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[<>&]/g, '')),
);

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A well-formed `wd:` element tree with Workday names, attributes and odd text. */
const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(fc.constantFrom(...NAMES, 'ID'), fc.constantFrom(...ID_TYPES), TEXTS)
      .map(
        ([name, type, text]) => `<wd:${name} wd:type="${escapeAttr(type)}">${text}</wd:${name}>`,
      ),
    fc
      .tuple(fc.constantFrom(...NAMES), TEXTS)
      .map(([name, text]) => `<wd:${name}>${text}</wd:${name}>`),
    fc
      .tuple(fc.constantFrom(...NAMES), fc.array(tie('node'), { maxLength: 4 }))
      .map(([name, kids]) => `<wd:${name}>${kids.join('')}</wd:${name}>`),
  ),
})).node;

const RESPONSES = [
  'Submit_Accounting_Journal_Response',
  'Get_Journals_Response',
  'Get_Account_Sets_Response',
  'Get_Journal_Sources_Response',
  'Get_Workday_Companies_Response',
];

const document = fc
  .tuple(fc.constantFrom(...RESPONSES), fc.array(element, { maxLength: 5 }))
  .map(
    ([response, kids]) =>
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body>' +
      `<wd:${response} xmlns:wd="urn:com.workday/bsvc" wd:version="v45.0">${kids.join('')}</wd:${response}>` +
      '</env:Body></env:Envelope>',
  );

const PARSERS: Array<[string, (response: XmlObject) => unknown]> = [
  ['Submit_Accounting_Journal', parseSubmitAccountingJournalResponse],
  ['Get_Journals', parseGetJournalsResponse],
  ['Get_Account_Sets', parseGetAccountSetsResponse],
  ['Get_Journal_Sources', parseGetJournalSourcesResponse],
  ['Get_Workday_Companies', parseGetWorkdayCompaniesResponse],
];

function typedOrValue(run: () => unknown): void {
  try {
    run();
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).not.toBe('internal');
  }
}

it.each(PARSERS)(
  'the %s response parser returns a value or a ConnectorError for any document',
  (_name, parse) => {
    fc.assert(
      fc.property(document, (xml) => {
        typedOrValue(() => {
          const body = parseSoapBody(xml);
          // Each parser gets every response element, also the "wrong" operation's.
          for (const value of Object.values(body))
            if (typeof value === 'object' && value !== null && !Array.isArray(value))
              parse(value as XmlObject);
        });
      }),
      { numRuns: 300 },
    );
  },
);

it('parseXml refuses anything it cannot read with unexpected_response, never another exception', () => {
  const fragments = fc.constantFrom(
    '<a>',
    '</a>',
    '<b x="1">',
    '</b>',
    '<!DOCTYPE a [<!ENTITY e "x">]>',
    '<!ENTITY e SYSTEM "file:///etc/passwd">',
    '&e;',
    '&amp;',
    '&#0;',
    '&#x110000;',
    '<![CDATA[',
    ']]>',
    '<?xml version="1.0"?>',
    '<!-- c -->',
    '\u0000',
    '\uFFFF',
  );
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 10 }),
      (parts) => {
        try {
          parseXml(parts.join(''));
        } catch (error: unknown) {
          expect(error).toBeInstanceOf(ConnectorError);
          expect((error as ConnectorError).code).toBe('unexpected_response');
        }
      },
    ),
    { numRuns: 1000 },
  );
});

it('the generator reaches the parsers: some documents yield data', () => {
  // Guards the fuzz itself: if no generated document ever parsed, the properties above would
  // pass vacuously.
  const samples = fc.sample(document, 300);
  const parsed = samples.filter((xml) => {
    try {
      return Object.keys(parseSoapBody(xml)).length > 0;
    } catch {
      return false;
    }
  });
  expect(parsed.length).toBeGreaterThan(250);
});
