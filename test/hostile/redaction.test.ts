/**
 * Issue 15, class 1: secrets are redacted before any clipping or formatting, in every encoding
 * Workday or a proxy could echo, by a redactor that takes linear time and no stack on bodies of
 * any size.
 */
import { randomBytes } from 'node:crypto';
import connector from '../../connector';
import { createRedactor, REDACTED } from '../../sdk/redact';
import { createSession } from '../../sdk/runtime';
import type { Exchange } from '../../sdk/http';
import { caught } from '../helpers/caught';
import { startHostileServer } from '../helpers/hostile-server';
import type { HostileServer } from '../helpers/hostile-server';
import { createSecretScanner, encodedForms } from '../helpers/secret-scan';

/** A secret with characters that URL, JSON and base64 encodings all change. */
function oddSecret(): string {
  return `tok/${randomBytes(12).toString('base64url')}+ ${randomBytes(12).toString('hex')}=é`;
}

function expectNoLeak(secret: string, texts: Record<string, string>): void {
  const scanner = createSecretScanner();
  scanner.add('secret', secret);
  for (const [where, text] of Object.entries(texts)) scanner.scanText(where, text);
  expect(scanner.leaks).toEqual([]);
}

describe('createRedactor() encodings', () => {
  const secret = oddSecret();
  const redactor = createRedactor();
  redactor.add(secret);

  it.each(encodedForms(secret))('replaces the %s form', (_form, text) => {
    expect(redactor.redact(`before ${text} after`)).toBe(`before ${REDACTED} after`);
  });

  it('replaces a secret escaped only in part (some \\u escapes, some plain characters)', () => {
    const partly = JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[a-f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    expect(redactor.redact(`{"x":"${partly}"}`)).toBe(`{"x":"${REDACTED}"}`);
  });

  it('replaces base64 and base64url runs that hold the secret at any offset', () => {
    for (const prefix of ['a', 'ab', 'abc', 'client-id:']) {
      const bytes = Buffer.from(`${prefix}${secret}suffix`);
      for (const run of [bytes.toString('base64'), bytes.toString('base64url')]) {
        expect(redactor.redact(`Basic ${run}`)).toBe(`Basic ${REDACTED}`);
        // In a JSON body whose serialiser escapes slashes.
        const escaped = JSON.stringify(run).replaceAll('/', '\\/');
        expect(redactor.redact(`{"v":${escaped}}`)).toBe(`{"v":"${REDACTED}"}`);
      }
    }
  });

  it('leaves text that holds no secret as it is', () => {
    const text = `${Buffer.from('nothing secret here at all').toString('base64')} %2F \\u0041 ${randomBytes(20).toString('hex')}`;
    expect(redactor.redact(text)).toBe(text);
  });

  it('scans a 20 MB base64-like body without running out of stack', () => {
    const body = 'A'.repeat(20 * 1024 * 1024);
    expect(redactor.redact(body)).toBe(body);
    const withSecret = `${body}${Buffer.from(`x:${secret}`).toString('base64')}`;
    expect(redactor.redact(withSecret)).toBe(REDACTED);
  });

  it('scans a body of 600 000 escapes in every view', () => {
    const lowerPercent = encodedForms(secret).find(
      ([f]) => f === 'url-encoded (lower-case hex)',
    )![1];
    const body = `{"a":"${'\\/%2F\\u0041+'.repeat(200_000)}${lowerPercent}"}`;
    const out = redactor.redact(body);
    expect(out).toBe(`{"a":"${'\\/%2F\\u0041+'.repeat(200_000)}${REDACTED}"}`);
  });

  it('walks values nested deeper than its bound without overflowing the stack', () => {
    let deep: unknown = secret;
    for (let i = 0; i < 100_000; i += 1) deep = { next: deep };
    const out = JSON.stringify(redactor.redactValue(deep));
    expect(out).not.toContain(secret.slice(0, 10));
  });
});

describe('errors clipped after redaction', () => {
  let server: HostileServer;
  beforeEach(async () => {
    server = await startHostileServer();
  });
  afterEach(() => server.close());

  function run<T>(use: (session: ReturnType<typeof createSession>) => Promise<T>) {
    const session = createSession(connector, {
      connection: server.settings,
      http: { retry: { maxRetries: 0 } },
    });
    return use(session).finally(() => session.close());
  }

  // Workday texts are clipped at 300 characters: 280 characters first leave 19 of the secret
  // before the cut, enough for the scanner's 16-character window to see a leak.
  const PAD = 'x'.repeat(280);

  it.each([
    ['raw', (s: string) => s],
    [
      'JSON unicode-escaped',
      (s: string) => encodedForms(s).find(([f]) => f === 'json unicode-escaped')![1],
    ],
  ])(
    'keeps a %s access token cut by the REST error clip out of the error',
    async (_name, encode) => {
      server.api({
        kind: 'answer',
        status: 400,
        body: `{"error":"${PAD}${encode(server.accessToken)}","errors":[{"error":"${PAD}${encode(server.accessToken)}"}]}`,
      });
      const error = await caught(run((s) => s.test()));
      expect(error.code).toBe('remote_validation');
      expect(error.message).toContain(PAD);
      expectNoLeak(server.accessToken, {
        message: error.message,
        json: JSON.stringify(error.toJSON()),
      });
    },
  );

  it('keeps a client secret cut by the SOAP fault clip out of the error', async () => {
    const secret = server.settings.client_secret!;
    server.api({
      kind: 'answer',
      status: 500,
      contentType: 'text/xml',
      body: `<?xml version="1.0"?><env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body><env:Fault><faultcode>SOAP-ENV:Client.validationError</faultcode><faultstring>${PAD}${secret}</faultstring><detail><wd:Validation_Fault xmlns:wd="urn:com.workday/bsvc"><wd:Validation_Error><wd:Message>${PAD}${secret}</wd:Message><wd:Detail_Message>${PAD}${secret}</wd:Detail_Message></wd:Validation_Error></wd:Validation_Fault></detail></env:Fault></env:Body></env:Envelope>`,
    });
    const error = await caught(
      run((s) => s.runAction('get_journal_entry', { journal_id: 'JE-1' })),
    );
    expect(error.code).toBe('remote_validation');
    expect(error.message).toContain('xxxx');
    expectNoLeak(secret, { message: error.message, json: JSON.stringify(error.toJSON()) });
  });
});

describe('token answers that are not JSON', () => {
  let server: HostileServer;
  beforeEach(async () => {
    server = await startHostileServer();
  });
  afterEach(() => server.close());

  it.each([
    [
      'form-encoded',
      'application/x-www-form-urlencoded',
      (t: string) => `access_token=${t}&token_type=bearer`,
    ],
    ['plain text', 'text/plain', (t: string) => `Your token is ${t} (keep it safe)`],
    [
      'JSON nested one level down',
      'application/json',
      (t: string) => JSON.stringify({ data: { access_token: t } }),
    ],
  ])(
    'keeps a token out of the logged exchange of a %s answer',
    async (_name, contentType, body) => {
      const token = `unregistered-${randomBytes(24).toString('base64url')}`;
      server.token({ kind: 'answer', contentType, body: body(token) });
      const exchanges: Exchange[] = [];
      const session = createSession(connector, {
        connection: server.settings,
        onExchange: (e) => void exchanges.push(e),
      });
      const error = await caught(session.test().finally(() => session.close()));
      expect(error.code).toBe('unexpected_response');
      expect(exchanges).toHaveLength(1);
      expect(exchanges[0]!.responseBody).toContain(REDACTED);
      expectNoLeak(token, {
        exchange: JSON.stringify(exchanges),
        error: JSON.stringify(error.toJSON()),
      });
    },
  );
});
