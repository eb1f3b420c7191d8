import { XMLParser } from 'fast-xml-parser';
import { accessTokenFor, journalRequest, postSoap, soapEnvelope, useTestSandbox } from './support';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
});

type Node = Record<string, unknown>;

function parse(text: string): Node {
  return parser.parse(text) as Node;
}

/** The Fault element of a SOAP fault answer. */
function faultOf(text: string): Node {
  const envelope = parse(text)['SOAP-ENV:Envelope'] as Node;
  return (envelope['SOAP-ENV:Body'] as Node)['SOAP-ENV:Fault'] as Node;
}

function validationErrors(text: string): { message: string; xpath: string }[] {
  const detail = faultOf(text).detail as Node;
  const errors = (detail['wd:Validation_Fault'] as Node)['wd:Validation_Error'];
  return (Array.isArray(errors) ? errors : [errors]).map((error: Node) => ({
    message: String(error['wd:Message']),
    xpath: String(error['wd:Xpath']),
  }));
}

function responseOf(text: string, element: string): Node {
  const envelope = parse(text)['env:Envelope'] as Node;
  return (envelope['env:Body'] as Node)[`wd:${element}`] as Node;
}

const DATA_XPATH = '/bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]';

describe('sandbox Financial_Management SOAP', () => {
  const sandbox = useTestSandbox();
  let token: string;

  beforeEach(async () => {
    token = await accessTokenFor(sandbox, 'us');
  });

  const balanced = [
    ['6000', 'debit', '100.00', 'CC-300'],
    ['6100', 'debit', '50.5'],
    ['2000', 'credit', '150.50'],
  ] as const;

  function submit(
    options: Parameters<typeof journalRequest>[0],
    bearer = token,
  ): ReturnType<typeof postSoap> {
    return postSoap(sandbox, 'acme_us', soapEnvelope(journalRequest(options)), bearer);
  }

  function getJournals(inner: string, bearer = token): ReturnType<typeof postSoap> {
    return postSoap(
      sandbox,
      'acme_us',
      soapEnvelope(
        `<bsvc:Get_Journals_Request bsvc:version="v45.0">${inner}</bsvc:Get_Journals_Request>`,
      ),
      bearer,
    );
  }

  it('stores a balanced journal as Posted and returns its WID and Accounting_Journal_ID', async () => {
    const response = await submit({ id: 'EXT-1', lines: balanced });
    expect(response.status).toBe(200);
    const reference = responseOf(response.text, 'Submit_Accounting_Journal_Response')[
      'wd:Accounting_Journal_Reference'
    ] as Node;
    const ids = reference['wd:ID'] as Node[];
    expect(ids.map((id) => id['@wd:type'])).toEqual(['WID', 'Accounting_Journal_ID']);
    expect(String(ids[0]!['#text'])).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[1]!['#text']).toBe('EXT-1');
    expect((await sandbox.state()).journals).toEqual({ acme_us: 1, acme_emea: 0 });

    const fetched = responseOf(
      (
        await getJournals(
          '<bsvc:Request_References><bsvc:JournalEntryReference><bsvc:ID bsvc:type="Accounting_Journal_ID">EXT-1</bsvc:ID></bsvc:JournalEntryReference></bsvc:Request_References>',
        )
      ).text,
      'Get_Journals_Response',
    );
    expect(fetched['wd:Response_Results']).toEqual({
      'wd:Total_Results': '1',
      'wd:Total_Pages': '1',
      'wd:Page_Results': '1',
      'wd:Page': '1',
    });
    const data = ((fetched['wd:Response_Data'] as Node)['wd:Journal_Entry'] as Node)[
      'wd:Journal_Entry_Data'
    ] as Node;
    expect((data['wd:Journal_Status_Reference'] as Node)['wd:ID']).toMatchObject({
      '#text': 'Posted',
    });
    expect(data['wd:Total_Ledger_Debits']).toBe('150.50');
    expect(data['wd:Total_Ledger_Credits']).toBe('150.50');
    expect(data['wd:Accounting_Date']).toBe('2026-03-31');
    const lines = data['wd:Journal_Entry_Line_Data'] as Node[];
    expect(lines.map((line) => [line['wd:Debit_Amount'], line['wd:Credit_Amount']])).toEqual([
      ['100.00', '0.00'],
      ['50.50', '0.00'],
      ['0.00', '150.50'],
    ]);
  });

  it('saves a draft (Created) when Submit is false and generates an ID when none is given', async () => {
    const response = await submit({ submit: false, lines: balanced });
    const reference = responseOf(response.text, 'Submit_Accounting_Journal_Response')[
      'wd:Accounting_Journal_Reference'
    ] as Node;
    const generated = String((reference['wd:ID'] as Node[])[1]!['#text']);
    expect(generated).toMatch(/^ACCOUNTING_JOURNAL-/);
    const fetched = await getJournals(
      `<bsvc:Request_References><bsvc:JournalEntryReference><bsvc:ID bsvc:type="Accounting_Journal_ID">${generated}</bsvc:ID></bsvc:JournalEntryReference></bsvc:Request_References>`,
    );
    expect(fetched.text).toContain('<wd:ID wd:type="Journal_Entry_Status_ID">Created</wd:ID>');
  });

  it('refuses an unbalanced journal with a Validation_Fault and stores nothing', async () => {
    const response = await submit({
      id: 'EXT-2',
      lines: [
        ['6000', 'debit', '100.00'],
        ['2000', 'credit', '99.99'],
      ],
    });
    expect(response.status).toBe(500);
    const fault = faultOf(response.text);
    expect(fault.faultcode).toBe('SOAP-ENV:Client.validationError');
    // Workday's published text.
    expect(fault.faultstring).toBe(
      'Validation error occurred. Journal may not be submitted unless it is balanced',
    );
    expect(validationErrors(response.text)).toEqual([
      { message: 'Journal may not be submitted unless it is balanced', xpath: DATA_XPATH },
    ]);
    expect((await sandbox.state()).journals.acme_us).toBe(0);
  });

  it('balances exactly where floating point would not (0.1 + 0.2 = 0.3)', async () => {
    const response = await submit({
      lines: [
        ['6000', 'debit', '0.1'],
        ['6100', 'debit', '0.2'],
        ['2000', 'credit', '0.3'],
      ],
    });
    expect(response.status).toBe(200);
  });

  it('refuses a duplicate Accounting_Journal_ID with Add_Only', async () => {
    expect((await submit({ id: 'EXT-3', lines: balanced })).status).toBe(200);
    const duplicate = await submit({ id: 'EXT-3', lines: balanced });
    expect(duplicate.status).toBe(500);
    expect(validationErrors(duplicate.text)).toEqual([
      {
        message: 'The Web Service is set to Add Only; documents cannot be resubmitted.',
        xpath: `${DATA_XPATH}/bsvc:Accounting_Journal_ID[1]`,
      },
    ]);
    expect((await sandbox.state()).journals.acme_us).toBe(1);
  });

  it('replaces a draft with the same ID when Add_Only is false', async () => {
    await submit({ id: 'EXT-4', submit: false, lines: balanced });
    const replaced = await submit({ id: 'EXT-4', addOnly: false, submit: true, lines: balanced });
    expect(replaced.status).toBe(200);
    expect((await sandbox.state()).journals.acme_us).toBe(1);
    const posted = await submit({ id: 'EXT-4', addOnly: false, lines: balanced });
    expect(validationErrors(posted.text)[0]!.message).toBe(
      'The Accounting Journal is posted or canceled or is an intercompany or reversal journal and cannot be submitted.',
    );
  });

  it('reports every invalid reference and amount with positional xpaths', async () => {
    const response = await submit({
      company: 'NOPE',
      currency: 'JPY',
      lines: [
        ['6000', 'debit', '100.5'],
        ['6900', 'credit', '100'],
        ['6100', 'debit', '1', 'CC-999'],
      ],
    });
    expect(faultOf(response.text).faultstring).toBe(
      "Validation error occurred. Invalid ID value.  'NOPE' is not a valid ID value for type = 'Company_Reference_ID'",
    );
    expect(validationErrors(response.text)).toEqual([
      {
        message:
          "Invalid ID value. 'NOPE' is not a valid ID value for type = 'Company_Reference_ID'",
        xpath: `${DATA_XPATH}/bsvc:Company_Reference[1]/bsvc:ID[1]`,
      },
      {
        message: 'Decimal precision of 0 for JPY exceeded for Debit Amount: 100.5',
        xpath: `${DATA_XPATH}/bsvc:Journal_Entry_Line_Replacement_Data[1]/bsvc:Debit_Amount[1]`,
      },
      {
        message:
          'At least one of the Ledger Accounts entered is retired. Only non retired accounts are allowed.',
        xpath: `${DATA_XPATH}/bsvc:Journal_Entry_Line_Replacement_Data[2]/bsvc:Ledger_Account_Reference[1]/bsvc:ID[1]`,
      },
      {
        message:
          "Invalid ID value. 'CC-999' is not a valid ID value for type = 'Cost_Center_Reference_ID'",
        xpath: `${DATA_XPATH}/bsvc:Journal_Entry_Line_Replacement_Data[3]/bsvc:Worktags_Reference[1]/bsvc:ID[1]`,
      },
    ]);
  });

  it('refuses a line with both a debit and a credit amount', async () => {
    const request = journalRequest({ lines: balanced }).replace(
      '<bsvc:Debit_Amount>100.00</bsvc:Debit_Amount>',
      '<bsvc:Debit_Amount>100.00</bsvc:Debit_Amount><bsvc:Credit_Amount>1</bsvc:Credit_Amount>',
    );
    const response = await postSoap(sandbox, 'acme_us', soapEnvelope(request), token);
    expect(validationErrors(response.text)).toEqual([
      {
        message: 'The Credit and Debit Amount both have values.',
        xpath: `${DATA_XPATH}/bsvc:Journal_Entry_Line_Replacement_Data[1]`,
      },
    ]);
  });

  it('answers a client without Common Financial Management with the not-authorized processing fault', async () => {
    const limited = await accessTokenFor(sandbox, 'us_limited');
    const response = await submit({ lines: balanced }, limited);
    expect(response.status).toBe(500);
    const fault = faultOf(response.text);
    expect(fault.faultcode).toBe('SOAP-ENV:Server.processingError');
    expect(fault.faultstring).toBe(
      'Processing error occurred. The task submitted is not authorized.',
    );
    expect((await sandbox.state()).journals.acme_us).toBe(0);
  });

  it('authenticates an ISU with WS-Security user@tenant and its generated password', async () => {
    const isu = sandbox.users.ISU_Connector_US!;
    const ok = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope(journalRequest({ lines: balanced }), {
        username: `${isu.username}@acme_us`,
        password: isu.password,
      }),
    );
    expect(ok.status).toBe(200);
    const wrong = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope(journalRequest({ lines: balanced }), {
        username: `${isu.username}@acme_us`,
        password: 'nope',
      }),
    );
    expect(wrong.status).toBe(500);
    expect(faultOf(wrong.text)).toEqual({
      faultcode: 'SOAP-ENV:Client.authenticationError',
      faultstring: 'invalid username or password',
      '@xmlns:SOAP-ENV': 'http://schemas.xmlsoap.org/soap/envelope/',
      '@xmlns:wd': 'urn:com.workday/bsvc',
    });
    const anonymous = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope(journalRequest({ lines: balanced })),
    );
    expect(faultOf(anonymous.text).faultcode).toBe('SOAP-ENV:Client.authenticationError');
    const otherTenant = await postSoap(
      sandbox,
      'acme_emea',
      soapEnvelope(journalRequest({ lines: balanced })),
      token,
    );
    expect(faultOf(otherTenant.text).faultcode).toBe('SOAP-ENV:Client.authenticationError');
  });

  it('refuses DOCTYPE and entity declarations without expanding them', async () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      soapEnvelope(journalRequest({ id: '&lol2;', lines: balanced })).replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '',
      );
    const response = await postSoap(sandbox, 'acme_us', lol, token);
    expect(response.status).toBe(500);
    expect(faultOf(response.text)).toMatchObject({
      faultcode: 'SOAP-ENV:Client',
      faultstring: 'DTDs and entity declarations are not allowed in requests.',
    });
    expect(response.text).not.toContain('lollol');
    const state = await sandbox.state();
    expect(state.journals.acme_us).toBe(0);
    expect(state.requests.byRoute['soap.invalid']).toBe(1);
  });

  it('refuses malformed XML with a Client fault', async () => {
    const response = await postSoap(
      sandbox,
      'acme_us',
      '<soapenv:Envelope><oops></soapenv:Envelope>',
      token,
    );
    expect(response.status).toBe(500);
    expect(String(faultOf(response.text).faultstring)).toMatch(
      /^The request is not well-formed XML/,
    );
  });

  it('refuses a character reference to a code point XML does not allow, as a Client fault', async () => {
    for (const ref of ['&#x110000;', '&#xD800;', '&#0;']) {
      const response = await postSoap(
        sandbox,
        'acme_us',
        soapEnvelope(journalRequest({ id: `JE-${ref}`, lines: balanced })),
        token,
      );
      expect(response.status).toBe(500);
      expect(faultOf(response.text)).toMatchObject({
        faultcode: 'SOAP-ENV:Client',
        faultstring: `The character reference "${ref}" is not a valid XML character.`,
      });
    }
    expect((await sandbox.state()).journals.acme_us).toBe(0);
  });

  it('answers Get_Ledger_Accounts, which Workday does not have, with a validation fault', async () => {
    const response = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope('<bsvc:Get_Ledger_Accounts_Request bsvc:version="v45.0"/>'),
      token,
    );
    expect(response.status).toBe(500);
    expect(validationErrors(response.text)).toEqual([
      {
        message:
          "'Get_Ledger_Accounts_Request' is not a valid request element for service Financial_Management.",
        xpath: '/bsvc:Get_Ledger_Accounts_Request[1]',
      },
    ]);
  });

  it('lists ledger accounts through Get_Account_Sets, retired ones flagged', async () => {
    const response = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope('<bsvc:Get_Account_Sets_Request bsvc:version="v45.0"/>'),
      token,
    );
    const sets = responseOf(response.text, 'Get_Account_Sets_Response')['wd:Response_Data'] as Node;
    const data = (sets['wd:Account_Set'] as Node)['wd:Account_Set_Data'] as Node;
    expect(data['wd:Account_Set_ID']).toBe('Standard');
    const accounts = data['wd:Ledger_Account_Data'] as Node[];
    const byId = Object.fromEntries(accounts.map((a) => [a['wd:Ledger_Account_Identifier'], a]));
    expect(byId['6000']).toMatchObject({ 'wd:Ledger_Account_Name': 'Travel', 'wd:Retired': '0' });
    expect(byId['6900']).toMatchObject({ 'wd:Retired': '1' });
  });

  it('lists companies through Get_Workday_Companies', async () => {
    const response = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope('<bsvc:Get_Workday_Companies_Request bsvc:version="v45.0"/>'),
      token,
    );
    expect(response.status).toBe(200);
    const body = responseOf(response.text, 'Get_Workday_Companies_Response');
    expect((body['wd:Response_Results'] as Node)['wd:Total_Results']).toBe('2');
    expect(response.text).toContain('<wd:ID wd:type="Company_Reference_ID">GMS_USA</wd:ID>');
    expect(response.text).toContain('<wd:ID wd:type="Company_Reference_ID">ACME_JP</wd:ID>');
  });

  it('lists journal sources and pages with Response_Filter', async () => {
    const response = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope(
        '<bsvc:Get_Journal_Sources_Request bsvc:version="v45.0"><bsvc:Response_Filter><bsvc:Page>2</bsvc:Page><bsvc:Count>2</bsvc:Count></bsvc:Response_Filter></bsvc:Get_Journal_Sources_Request>',
      ),
      token,
    );
    const body = responseOf(response.text, 'Get_Journal_Sources_Response');
    expect(body['wd:Response_Results']).toEqual({
      'wd:Total_Results': '3',
      'wd:Total_Pages': '2',
      'wd:Page_Results': '1',
      'wd:Page': '2',
    });
    const source = (body['wd:Response_Data'] as Node)['wd:Journal_Source'] as Node;
    expect((source['wd:Journal_Source_Data'] as Node)['wd:Journal_Source_ID']).toBe('Manual');
  });

  it('filters Get_Journals by accounting date and omits Response_Data when nothing matches', async () => {
    await submit({ id: 'MAR', date: '2026-03-31', lines: balanced });
    await submit({ id: 'APR', date: '2026-04-30', lines: balanced });
    const april = await getJournals(
      '<bsvc:Request_Criteria><bsvc:Accounting_From_Date>2026-04-01</bsvc:Accounting_From_Date><bsvc:Accounting_To_Date>2026-04-30</bsvc:Accounting_To_Date></bsvc:Request_Criteria>',
    );
    expect(april.text).toContain('<wd:ID wd:type="Accounting_Journal_ID">APR</wd:ID>');
    expect(april.text).not.toContain('>MAR<');
    const none = await getJournals(
      '<bsvc:Request_Criteria><bsvc:Accounting_From_Date>2027-01-01</bsvc:Accounting_From_Date></bsvc:Request_Criteria>',
    );
    const body = responseOf(none.text, 'Get_Journals_Response');
    expect((body['wd:Response_Results'] as Node)['wd:Total_Results']).toBe('0');
    expect(body['wd:Response_Data']).toBeUndefined();
    const zero = await getJournals(
      '<bsvc:Response_Filter><bsvc:Page>0</bsvc:Page></bsvc:Response_Filter>',
    );
    expect(validationErrors(zero.text)[0]!.message).toBe('Page Number cannot be zero.');
  });

  it('counts SOAP requests per operation', async () => {
    await submit({ lines: balanced });
    await getJournals('');
    const state = await sandbox.state();
    expect(state.requests.byRoute).toEqual({
      'oauth.token': 1,
      'soap.Submit_Accounting_Journal': 1,
      'soap.Get_Journals': 1,
    });
    expect(state.requests.total).toBe(3);
  });
});
