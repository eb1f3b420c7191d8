/**
 * XML external entities and expansion bombs are refused on both sides: by the sandbox's SOAP
 * endpoint (playing Workday) and by the connector's own parser, including end to end through an
 * action. An external DTD on a second loopback host must never be fetched, no file content may
 * come back, and a billion-laughs document is refused at once instead of expanded.
 */
import { randomUUID } from 'node:crypto';
import connector from '../../connector';
import { startSandbox } from '../../sandbox/index';
import type { SandboxHandle } from '../../sandbox/index';
import { createSession } from '../../sdk/index';
import { parseSoapFault, parseXml } from '../../workday/soap';
import { caught } from '../helpers/caught';
import { send, startRecordingServer, workdayConnectionAt } from '../helpers/recording-server';
import type { RecordingServer } from '../helpers/recording-server';

let evil: RecordingServer;
let sandbox: SandboxHandle;
let token = '';

const ENVELOPE_START =
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:bsvc="urn:com.workday/bsvc"><soapenv:Body>';
const ENVELOPE_END = '</soapenv:Body></soapenv:Envelope>';

function billionLaughs(): string {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i += 1) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return (
    `<?xml version="1.0"?><!DOCTYPE lolz [${levels.join('')}]>` +
    `${ENVELOPE_START}<bsvc:Get_Journals_Request><bsvc:Memo>&lol9;</bsvc:Memo></bsvc:Get_Journals_Request>${ENVELOPE_END}`
  );
}

/** Hostile documents: each would read a file, call another host, or expand without bound. */
function hostile(): Array<[string, string]> {
  const dtd = `${evil.origin}/evil.dtd`;
  const body = (inner: string) =>
    `${ENVELOPE_START}<bsvc:Get_Journals_Request>${inner}</bsvc:Get_Journals_Request>${ENVELOPE_END}`;
  return [
    ['billion laughs', billionLaughs()],
    [
      'external entity to a file',
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${body('<bsvc:Memo>&xxe;</bsvc:Memo>')}`,
    ],
    [
      'external entity to another host',
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "${evil.origin}/xxe">]>${body('&xxe;')}`,
    ],
    ['external DTD', `<?xml version="1.0"?><!DOCTYPE r SYSTEM "${dtd}">${body('')}`],
    [
      'parameter entity',
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "${dtd}"> %p;]>${body('')}`,
    ],
    ['lower-case doctype', `<!doctype r [<!entity e "x">]>${body('&e;')}`],
    ['doctype after a comment', `<!-- hi --><!DOCTYPE r [<!ENTITY e "x">]>${body('&e;')}`],
    ['doctype with a newline', `<!DOCTYPE\nr [<!ENTITY e "x">]>${body('&e;')}`],
  ];
}

// Generous limits that still tell "refused at once" from "expanded": a billion-laughs expansion is
// ~3 GB of text, so it would blow far past both. Wall-clock bounds stay loose (a loaded 2-core CI
// machine can stall for a second); the size bounds are what prove nothing was expanded.
const MAX_FAULT_CHARS = 4096;
const MAX_REFUSAL_MS = 5000;

const HOSTILE_NAMES = [
  'billion laughs',
  'external entity to a file',
  'external entity to another host',
  'external DTD',
  'parameter entity',
  'lower-case doctype',
  'doctype after a comment',
  'doctype with a newline',
];

beforeAll(async () => {
  evil = await startRecordingServer(
    (_q, r) => send(r, 200, '<!ENTITY x "owned">', 'application/xml-dtd'),
    '127.0.0.2',
  );
  sandbox = await startSandbox();
  const session = createSession(connector, {
    connection: sandbox.settings.connections.us,
    onTokens: (update) => {
      token = update.access_token;
    },
  });
  await session.test();
  session.close();
});

afterAll(async () => {
  await sandbox?.close();
  await evil?.close();
});

describe('the sandbox SOAP endpoint', () => {
  it.each(HOSTILE_NAMES)('refuses the %s with a Client fault, unexpanded', async (name) => {
    const xml = hostile().find(([n]) => n === name)![1];
    const started = Date.now();
    const response = await fetch(
      `${sandbox.origin}/ccx/service/acme_us/Financial_Management/v45.0`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', authorization: `Bearer ${token}` },
        body: xml,
      },
    );
    const text = await response.text();
    expect(Date.now() - started).toBeLessThan(MAX_REFUSAL_MS);
    expect(response.status).toBe(500);
    expect(text.length).toBeLessThan(MAX_FAULT_CHARS);
    expect(text).toContain('Client');
    expect(text).not.toContain('lollol');
    expect(text).not.toContain('root:');
    expect(text).not.toContain('owned');
    expect(evil.requests).toEqual([]);
  });
});

describe("the connector's XML parser", () => {
  it('refuses every hostile document with unexpected_response, at once', () => {
    for (const [name, xml] of hostile()) {
      const started = Date.now();
      let refused: unknown;
      try {
        parseXml(xml);
      } catch (error: unknown) {
        refused = error;
      }
      expect({ name, code: (refused as { code?: string } | undefined)?.code }).toEqual({
        name,
        code: 'unexpected_response',
      });
      expect(Date.now() - started).toBeLessThan(MAX_REFUSAL_MS);
      const message = (refused as Error).message;
      expect(message.length).toBeLessThan(MAX_FAULT_CHARS);
      expect(message).not.toMatch(/root:|lollol|owned/);
      expect(parseSoapFault(xml).code).toBe('unexpected_response');
    }
    expect(evil.requests).toEqual([]);
  });

  it('refuses them end to end when a server answers an action with one', async () => {
    let answer = '';
    const workday = await startRecordingServer((request, response) => {
      if (request.url.startsWith('/ccx/oauth2/'))
        send(response, 200, JSON.stringify({ access_token: randomUUID(), token_type: 'Bearer' }));
      else send(response, 200, answer, 'text/xml');
    });
    const session = createSession(connector, {
      connection: workdayConnectionAt(workday.origin, {
        clientSecret: randomUUID(),
        refreshToken: randomUUID(),
      }),
    });
    try {
      for (const [name, xml] of hostile()) {
        answer = xml.replace('Get_Journals_Request', 'Get_Journals_Response');
        const error = await caught(session.runAction('get_journal_entry', { journal_id: 'JE-1' }));
        expect({ name, code: error.code }).toEqual({ name, code: 'unexpected_response' });
        expect(error.message).not.toMatch(/root:|lollol|owned/);
      }
    } finally {
      session.close();
      await workday.close();
    }
    expect(evil.requests).toEqual([]);
  });
});
