/**
 * wws-schema's own validator against libxml2 on the same schema (rendered as XSD): both must
 * accept a valid document and refuse one element out of order, one unknown element, one missing
 * required element, one too many, or a bad value, and ours must name the element at fault.
 */
import fc from 'fast-check';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { renderXsd, validateWwsDocument, WWS_SCHEMA } from '../../wws-schema';
import { isBuiltInValue } from '../../wws-schema/validate';
import type { TypeDecl } from '../../wws-schema';
import { startLibxml2 } from '../helpers/libxml2';
import type { Libxml2 } from '../helpers/libxml2';

const XSD = renderXsd(WWS_SCHEMA);
const NS =
  'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:bsvc="urn:com.workday/bsvc"';
const REQUEST = '/bsvc:Submit_Accounting_Journal_Request[1]';
const DATA = `${REQUEST}/bsvc:Accounting_Journal_Data[1]`;

let libxml2: Libxml2;
beforeAll(() => {
  libxml2 = startLibxml2();
});
afterAll(async () => {
  await libxml2.close();
});

function id(type: string, value: string, extra = ''): string {
  return `<bsvc:ID bsvc:type="${type}"${extra}>${value}</bsvc:ID>`;
}
const PARTS = {
  parameters:
    '<bsvc:Business_Process_Parameters><bsvc:Auto_Complete>true</bsvc:Auto_Complete></bsvc:Business_Process_Parameters>',
  journalId: '<bsvc:Accounting_Journal_ID>J-1</bsvc:Accounting_Journal_ID>',
  submit: '<bsvc:Submit>true</bsvc:Submit>',
  company: `<bsvc:Company_Reference>${id('Company_Reference_ID', 'C100')}</bsvc:Company_Reference>`,
  currency: `<bsvc:Currency_Reference>${id('Currency_ID', 'USD')}</bsvc:Currency_Reference>`,
  ledgerType: `<bsvc:Ledger_Type_Reference>${id('Ledger_Type_ID', 'Actuals')}</bsvc:Ledger_Type_Reference>`,
  date: '<bsvc:Accounting_Date>2026-03-31</bsvc:Accounting_Date>',
  source: `<bsvc:Journal_Source_Reference>${id('Journal_Source_ID', 'Integration')}</bsvc:Journal_Source_Reference>`,
  memo: '<bsvc:Journal_Entry_Memo>Accrual</bsvc:Journal_Entry_Memo>',
  line:
    '<bsvc:Journal_Entry_Line_Replacement_Data><bsvc:Ledger_Account_Reference>' +
    id(
      'Ledger_Account_ID',
      '6000',
      ' bsvc:parent_id="Standard" bsvc:parent_type="Account_Set_ID"',
    ) +
    '</bsvc:Ledger_Account_Reference><bsvc:Debit_Amount>100.00</bsvc:Debit_Amount>' +
    `<bsvc:Memo>m</bsvc:Memo><bsvc:Worktags_Reference>${id('Project_ID', 'P-1')}</bsvc:Worktags_Reference>` +
    '</bsvc:Journal_Entry_Line_Replacement_Data>',
};
type Part = keyof typeof PARTS;
const DATA_ORDER: Part[] = [
  'journalId',
  'submit',
  'company',
  'currency',
  'ledgerType',
  'date',
  'source',
  'memo',
  'line',
  'line',
];

function envelope(body: string): string {
  return `<soapenv:Envelope ${NS}><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}
function journal(
  data: readonly string[],
  before: readonly string[] = [PARTS.parameters],
  after: readonly string[] = [],
): string {
  return envelope(
    `<bsvc:Submit_Accounting_Journal_Request bsvc:version="v45.0" bsvc:Add_Only="true">${before.join('')}` +
      `<bsvc:Accounting_Journal_Data>${data.join('')}</bsvc:Accounting_Journal_Data>${after.join('')}` +
      '</bsvc:Submit_Accounting_Journal_Request>',
  );
}
const valid = journal(DATA_ORDER.map((p) => PARTS[p]));

async function both(xml: string) {
  return {
    ours: validateWwsDocument(xml, WWS_SCHEMA).issues,
    libxml2: await libxml2.validate(XSD, xml),
  };
}

describe('validateWwsDocument()', () => {
  it('accepts a valid Submit_Accounting_Journal_Request, as libxml2 does', async () => {
    await expect(both(valid)).resolves.toEqual({ ours: [], libxml2: [] });
  });

  const cases: Array<[string, string, { element: string; xpath: string; message: RegExp }]> = [
    [
      'Business_Process_Parameters after Accounting_Journal_Data',
      journal(
        DATA_ORDER.map((p) => PARTS[p]),
        [],
        [PARTS.parameters],
      ),
      {
        element: 'Business_Process_Parameters',
        xpath: `${REQUEST}/bsvc:Business_Process_Parameters[1]`,
        message: /This element is not expected/,
      },
    ],
    [
      'Currency_Reference before Company_Reference',
      journal(
        ['journalId', 'submit', 'currency', 'company', 'ledgerType', 'date', 'source', 'line'].map(
          (p) => PARTS[p as Part],
        ),
      ),
      {
        element: 'Currency_Reference',
        xpath: `${DATA}/bsvc:Currency_Reference[1]`,
        message: /not expected\. Expected is \( .*Company_Reference \)/,
      },
    ],
    [
      'an unknown element',
      journal([
        PARTS.journalId,
        '<bsvc:Journal_Color>red</bsvc:Journal_Color>',
        ...DATA_ORDER.slice(1).map((p) => PARTS[p]),
      ]),
      { element: 'Journal_Color', xpath: `${DATA}/bsvc:Journal_Color[1]`, message: /not expected/ },
    ],
    [
      'a missing Company_Reference',
      journal(DATA_ORDER.filter((p) => p !== 'company').map((p) => PARTS[p])),
      {
        element: 'Currency_Reference',
        xpath: `${DATA}/bsvc:Currency_Reference[1]`,
        message: /Expected is \( .*Company_Reference \)/,
      },
    ],
    [
      'a missing Journal_Source_Reference at the end',
      journal(['company', 'currency', 'ledgerType', 'date'].map((p) => PARTS[p as Part])),
      {
        element: 'Accounting_Journal_Data',
        xpath: DATA,
        message: /Missing child element\(s\)\. Expected is \( .*Journal_Source_Reference \)/,
      },
    ],
    [
      'two Accounting_Date elements',
      journal(
        ['company', 'currency', 'ledgerType', 'date', 'date', 'source'].map(
          (p) => PARTS[p as Part],
        ),
      ),
      {
        element: 'Accounting_Date',
        xpath: `${DATA}/bsvc:Accounting_Date[2]`,
        message: /not expected/,
      },
    ],
    [
      'an Accounting_Date that is not an xsd:date',
      journal(
        DATA_ORDER.map((p) =>
          p === 'date' ? '<bsvc:Accounting_Date>31/03/2026</bsvc:Accounting_Date>' : PARTS[p],
        ),
      ),
      {
        element: 'Accounting_Date',
        xpath: `${DATA}/bsvc:Accounting_Date[1]`,
        message: /'31\/03\/2026' is not a valid value of the type 'date'/,
      },
    ],
    [
      'a company ID type the schema does not list',
      journal(
        DATA_ORDER.map((p) =>
          p === 'company'
            ? `<bsvc:Company_Reference>${id('Company_Name', 'Acme')}</bsvc:Company_Reference>`
            : PARTS[p],
        ),
      ),
      {
        element: 'ID',
        xpath: `${DATA}/bsvc:Company_Reference[1]/bsvc:ID[1]`,
        message: /'Company_Name' is not a valid ID type for Company_Reference/,
      },
    ],
    [
      'an unqualified type attribute',
      journal(
        DATA_ORDER.map((p) =>
          p === 'company'
            ? '<bsvc:Company_Reference><bsvc:ID type="Company_Reference_ID">C100</bsvc:ID></bsvc:Company_Reference>'
            : PARTS[p],
        ),
      ),
      {
        element: 'ID',
        xpath: `${DATA}/bsvc:Company_Reference[1]/bsvc:ID[1]`,
        message: /attribute 'type'/,
      },
    ],
    [
      'an Add_Only that is not a boolean',
      journal(DATA_ORDER.map((p) => PARTS[p])).replace(
        'bsvc:Add_Only="true"',
        'bsvc:Add_Only="yes"',
      ),
      {
        element: 'Submit_Accounting_Journal_Request',
        xpath: REQUEST,
        message: /'yes' is not a valid value of the type 'boolean'/,
      },
    ],
    [
      'an element in another namespace',
      journal(DATA_ORDER.map((p) => PARTS[p])).replace(
        '<bsvc:Submit>true</bsvc:Submit>',
        '<Submit>true</Submit>',
      ),
      { element: 'Submit', xpath: `${DATA}/bsvc:Submit[1]`, message: /not expected/ },
    ],
  ];

  it.each(cases)(
    'refuses %s, as libxml2 does, naming the element',
    async (_name, xml, expected) => {
      const result = await both(xml);
      expect(result.ours.length).toBeGreaterThan(0);
      expect(result.ours[0]).toMatchObject({ element: expected.element, xpath: expected.xpath });
      expect(result.ours[0]?.message).toMatch(expected.message);
      expect(result.libxml2.length).toBeGreaterThan(0);
      expect(result.libxml2[0]?.message).toContain(expected.element);
    },
  );

  it('refuses a document that is not well-formed at "/"', () => {
    expect(validateWwsDocument('<a><b></a>', WWS_SCHEMA).issues).toMatchObject([{ xpath: '/' }]);
  });

  it('validates each element inside a fault detail', async () => {
    const fault = (detail: string) =>
      '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>' +
      '<SOAP-ENV:Fault xmlns:wd="urn:com.workday/bsvc"><faultcode>SOAP-ENV:Client.validationError</faultcode>' +
      `<faultstring>x</faultstring><detail>${detail}</detail></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
    const good = fault(
      '<wd:Validation_Fault><wd:Validation_Error><wd:Message>m</wd:Message><wd:Detail_Message>d</wd:Detail_Message><wd:Xpath>/x</wd:Xpath></wd:Validation_Error></wd:Validation_Fault>',
    );
    const bad = fault(
      '<wd:Validation_Fault><wd:Validation_Error><wd:Xpath>/x</wd:Xpath><wd:Message>m</wd:Message></wd:Validation_Error></wd:Validation_Fault>',
    );
    await expect(both(good)).resolves.toEqual({ ours: [], libxml2: [] });
    const result = await both(bad);
    expect(result.ours).toMatchObject([{ element: 'Message' }]);
    expect(result.libxml2.length).toBeGreaterThan(0);
  });
});

// Mutations of the valid document's Accounting_Journal_Data children, for the property below.
type Ordered = Record<string, unknown>;
const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
});
const orderedBuilder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  suppressEmptyNode: true,
});
function tag(node: Ordered): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}
function kids(node: Ordered): Ordered[] {
  return node[tag(node)] as Ordered[];
}
function dataChildren(tree: Ordered[]): Ordered[] {
  const env = tree.find((n) => tag(n) === 'soapenv:Envelope') as Ordered;
  const body = kids(env).find((n) => tag(n) === 'soapenv:Body') as Ordered;
  const request = kids(body)[0] as Ordered;
  return kids(kids(request).find((n) => tag(n) === 'bsvc:Accounting_Journal_Data') as Ordered);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('unknown' as const),
    at: fc.nat(),
    name: fc.constantFrom('Foo', 'Memo', 'Line_Order', 'Company_Reference', 'Submit'),
  }),
);

describe('validateWwsDocument() and libxml2 agree', () => {
  it('on every single mutation of a valid journal (swap, drop, duplicate, insert)', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const tree = orderedParser.parse(valid) as Ordered[];
        const nodes = dataChildren(tree);
        const at = m.at % nodes.length;
        if (m.kind === 'swap' && at + 1 < nodes.length) {
          [nodes[at], nodes[at + 1]] = [nodes[at + 1]!, nodes[at]!];
        } else if (m.kind === 'drop') {
          nodes.splice(at, 1);
        } else if (m.kind === 'duplicate') {
          nodes.splice(at, 0, structuredClone(nodes[at]!));
        } else if (m.kind === 'unknown') {
          nodes.splice(at, 0, { [`bsvc:${m.name}`]: [{ '#text': 'x' }] });
        }
        const xml = orderedBuilder.build(tree) as string;
        const result = await both(xml);
        expect(result.ours.length === 0).toBe(result.libxml2.length === 0);
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});

describe('isBuiltInValue()', () => {
  it.each([
    ['date', '2026-03-31', true],
    ['date', '2026-03-31-07:00', true],
    ['date', '2026-03-31Z', true],
    ['date', '2026-02-30', false],
    ['date', '2026-3-31', false],
    ['date', '2026-03-31-15:00', false],
    ['dateTime', '2026-03-31T10:00:00.123Z', true],
    ['dateTime', '2026-03-31T25:00:00', false],
    ['decimal', '-1.50', true],
    ['decimal', '1e3', false],
    ['boolean', ' 1 ', true],
    ['boolean', 'yes', false],
  ] as const)('%s %j is %s', (type, value, ok) => {
    expect(isBuiltInValue(type, value)).toBe(ok);
  });

  it('agrees with libxml2 on generated date values', async () => {
    const dates = fc.tuple(
      fc.integer({ min: 1, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.constantFrom('', 'Z', '-07:00', '+14:00', '+14:30'),
    );
    await fc.assert(
      fc.asyncProperty(dates, async ([y, m, d, zone]) => {
        const value = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${zone}`;
        const xml = journal(
          DATA_ORDER.map((p) =>
            p === 'date' ? `<bsvc:Accounting_Date>${value}</bsvc:Accounting_Date>` : PARTS[p],
          ),
        );
        const result = await both(xml);
        expect(isBuiltInValue('date', value)).toBe(result.libxml2.length === 0);
        expect(result.ours.length === 0).toBe(result.libxml2.length === 0);
      }),
      { numRuns: 100, seed: 12 },
    );
  });
});

describe('WWS_SCHEMA', () => {
  const types: Record<string, TypeDecl> = { ...WWS_SCHEMA.types };
  it('names only types it defines, with unique element names in each sequence', () => {
    const builtIns = new Set(['string', 'boolean', 'date', 'dateTime', 'decimal']);
    const problems: string[] = [];
    for (const [name, type] of Object.entries(types)) {
      if (type.kind !== 'sequence') continue;
      const seen = new Set<string>();
      for (const element of type.elements) {
        if (seen.has(element.name)) problems.push(`${name}: ${element.name} twice`);
        seen.add(element.name);
        if (!builtIns.has(element.type) && types[element.type] === undefined)
          problems.push(`${name}: no type ${element.type}`);
      }
    }
    for (const [element, type] of Object.entries(WWS_SCHEMA.elements)) {
      if (types[type] === undefined) problems.push(`${element}: no type ${type}`);
    }
    expect(problems).toEqual([]);
  });
});
