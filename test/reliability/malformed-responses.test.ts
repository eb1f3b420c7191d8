/**
 * Malformed answers — an HTML error page, truncated JSON, a SOAP envelope with an unexpected body —
 * give a clear `unexpected_response` naming the request, never a crash, never the body itself.
 */
import { randomUUID } from 'node:crypto';
import connector from '../../connector';
import { createSession } from '../../sdk/index';
import { send, startRecordingServer, workdayConnectionAt } from '../helpers/recording-server';
import type { RecordingServer } from '../helpers/recording-server';
import { useSandboxFixture } from '../helpers/sandbox-session';
import { caught } from '../helpers/caught';

const LOGAN = '1098bc33a7485eb30301db1e72cf738b';

const fixture = useSandboxFixture();

it('an HTML error page where JSON was expected', async () => {
  fixture.setFaults({ malformed: { kind: 'html', match: `workers/${LOGAN}`, count: 1 } });

  const error = await caught(fixture.session('us').runAction('get_worker', { worker_id: LOGAN }));

  expect(error.code).toBe('unexpected_response');
  expect(error.message).toContain('"text/html"');
  expect(error.message).toContain(`/workers/${LOGAN}`);
  expect(error.message).not.toContain('currently unavailable');
  expect(error.hint).toEqual(expect.any(String));
});

it('truncated JSON in a collection page', async () => {
  fixture.setFaults({ malformed: { kind: 'truncated_json', match: 'inboxTasks', count: 1 } });

  const error = await caught(fixture.session('us').runAction('search_inbox_tasks', { limit: 10 }));

  expect(error.code).toBe('unexpected_response');
  expect(error.message).toContain('not valid JSON');
  expect(error.message).toContain('inboxTasks');
});

it('truncated JSON in a trigger poll', async () => {
  fixture.setFaults({ malformed: { kind: 'truncated_json', match: 'inboxTasks', count: 1 } });

  const error = await caught(
    fixture.session('us').poll('new_inbox_task', { since: '2020-01-01T00:00:00Z' }),
  );

  expect(error.code).toBe('unexpected_response');
});

it('an HTML page from the token endpoint', async () => {
  fixture.setFaults({ malformed: { kind: 'html', match: '/ccx/oauth2/', count: 1 } });

  const error = await caught(fixture.session('us').test());

  expect(error.code).toBe('unexpected_response');
  expect(error.message).toContain('token endpoint');
  expect(await fixture.count('rest.workers.get')).toBe(0);
});

it('a SOAP response with an unexpected body element on a journal read', async () => {
  fixture.setFaults({ malformed: { kind: 'soap_unexpected', match: 'Get_Journals', count: 1 } });

  const error = await caught(
    fixture.session('us').runAction('get_journal_entry', { journal_id: 'JE-NOT-THERE' }),
  );

  expect(error.code).toBe('unexpected_response');
  expect(error.message).toMatch(/Get_Journals|Financial_Management/);
});

it('a SOAP response with an unexpected body element on a pick list', async () => {
  fixture.setFaults({
    malformed: { kind: 'soap_unexpected', match: 'Get_Journal_Sources', count: 1 },
  });

  const error = await caught(fixture.session('us').pickList('journal_sources'));

  expect(error.code).toBe('unexpected_response');
});

it('truncated XML from the SOAP endpoint', async () => {
  fixture.setFaults({ malformed: { kind: 'truncated_json', match: 'Get_Account_Sets', count: 1 } });

  const error = await caught(fixture.session('us').pickList('ledger_accounts'));

  expect(error.code).toBe('unexpected_response');
  expect(error.message).toMatch(/XML/);
});

it('a session keeps working after a malformed answer', async () => {
  fixture.setFaults({ malformed: { kind: 'html', match: `workers/${LOGAN}`, count: 1 } });
  const session = fixture.session('us');

  await caught(session.runAction('get_worker', { worker_id: LOGAN }));

  await expect(session.runAction('get_worker', { worker_id: LOGAN })).resolves.toMatchObject({
    id: LOGAN,
  });
});

describe('SOAP faults with unexpected shapes (a stand-in Workday on loopback)', () => {
  const SOAP = (body: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
  const ODD_FAULTS: Array<[string, string, string]> = [
    [
      'a Fault with neither faultcode nor faultstring',
      SOAP('<SOAP-ENV:Fault><detail/></SOAP-ENV:Fault>'),
      'text/xml',
    ],
    [
      'a Fault whose faultstring is an element tree',
      SOAP(
        '<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client.validationError</faultcode><faultstring><b>x</b></faultstring><detail><wd:Validation_Fault xmlns:wd="urn:com.workday/bsvc"><wd:Validation_Error/></wd:Validation_Fault></detail></SOAP-ENV:Fault>',
      ),
      'text/xml',
    ],
    [
      'two Faults and repeated faultcodes',
      SOAP(
        '<SOAP-ENV:Fault><faultcode>a</faultcode><faultcode>b</faultcode></SOAP-ENV:Fault><SOAP-ENV:Fault/>',
      ),
      'text/xml',
    ],
    [
      'an envelope without a Body',
      '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"/>',
      'text/xml',
    ],
    ['an empty 500', '', 'text/xml'],
    ['JSON instead of XML', '{"error":"Internal"}', 'application/json'],
    ['an HTML page', '<html><body><h1>500</h1></body></html>', 'text/html'],
    [
      'XML that is cut off',
      SOAP('<SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode>').slice(0, 120),
      'text/xml',
    ],
  ];
  let server: RecordingServer;
  let shape = { body: '', type: 'text/xml' };

  beforeAll(async () => {
    server = await startRecordingServer((request, response) => {
      if (request.url.startsWith('/ccx/oauth2/'))
        send(
          response,
          200,
          JSON.stringify({ access_token: randomUUID(), token_type: 'Bearer', expires_in: 3600 }),
        );
      else send(response, 500, shape.body, shape.type);
    });
  });

  afterAll(async () => {
    await server.close();
  });

  function session() {
    return createSession(connector, {
      connection: workdayConnectionAt(server.origin, {
        clientSecret: randomUUID(),
        refreshToken: randomUUID(),
      }),
    });
  }

  it.each(ODD_FAULTS)(
    '%s: a typed error from a read, never internal',
    async (_name, body, type) => {
      shape = { body, type };
      const s = session();
      try {
        const error = await caught(s.runAction('get_journal_entry', { journal_id: 'JE-1' }));
        expect(['unexpected_response', 'remote_error', 'remote_validation']).toContain(error.code);
        expect(error.message.length).toBeLessThan(400);
      } finally {
        s.close();
      }
    },
  );

  it.each(ODD_FAULTS)(
    '%s: a journal post gives up with a typed error after bounded attempts',
    async (_name, body, type) => {
      shape = { body, type };
      server.requests.length = 0;
      const s = session();
      try {
        const error = await caught(
          s.runAction('post_journal_entry', {
            journal_id: 'JE-ODD',
            company: 'GMS_USA',
            currency: 'USD',
            accounting_date: '2026-03-31',
            journal_source: 'Integration',
            lines: [
              { ledger_account: '6000', debit: '1.00' },
              { ledger_account: '2100', credit: '1.00' },
            ],
          }),
        );
        expect(error.code).not.toBe('internal');
        const soapRequests = server.requests.filter((r) => r.url.includes('/ccx/service/'));
        expect(soapRequests.length).toBeLessThanOrEqual(6);
      } finally {
        s.close();
      }
    },
  );
});
