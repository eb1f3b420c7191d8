/**
 * Answers outside the documented shapes, as real Workday tenants and gateways send them: token
 * endpoint errors that are not RFC 6749 §5.2, REST error bodies with other keys or no JSON at
 * all, SOAP faults with unqualified children and extra namespace declarations, and a 401 with no
 * body right after a refresh. Each gives a classified error that quotes the server (or says it
 * said nothing), never a crash; fast-check generates the shapes.
 */
import fc from 'fast-check';
import { isConnectorError } from '../../sdk/errors';
import type { ErrorCode } from '../../sdk/errors';
import { createHttpClient } from '../../sdk/http';
import { errorForResponse } from '../../sdk/http/classify';
import { processTokenResponse } from '../../sdk/oauth2/token-response';
import { createRedactor } from '../../sdk/redact';
import { parseWorkdayErrorBody } from '../../workday/rest-errors';
import { parseSoapFault } from '../../workday/soap/fault';
import { startServer } from '../sdk/support/http-server';

const URL = 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme';
const TOKEN_URL = 'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token';

/** The category each status means, whatever the body (design.md's taxonomy). */
function categoryOf(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'insufficient_scope';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'remote_error';
  if (status >= 400) return 'remote_validation';
  return 'unexpected_response';
}

// Words a server might say, kept free of characters that body shapes would escape.
const words = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .:,'-]{2,40}[A-Za-z0-9]$/);
const anyKey = fc.constantFrom(
  'error',
  'message',
  'detail',
  'title',
  'reason',
  'error_description',
  'msg',
  'status',
  'info',
);
const body = fc.oneof(
  words.map((w) => ({ text: w, said: w as string | undefined, kind: 'plain text' })),
  words.map((w) => ({
    text: `<html><head><title>${w}</title></head><body>x</body></html>`,
    said: w,
    kind: 'HTML',
  })),
  fc.tuple(anyKey, words).map(([key, w]) => ({
    text: JSON.stringify({ [key]: w, code: 7 }),
    said: ['msg', 'status', 'info'].includes(key) ? undefined : w,
    kind: 'JSON',
  })),
  words.map((w) => ({
    text: JSON.stringify({ error: w, errors: [{ error: w }, { x: 1 }] }),
    said: w,
    kind: 'Workday JSON',
  })),
  fc
    .constantFrom('', ' ', '[]', '{}', 'null', '{"code":1}')
    .map((t) => ({ text: t, said: undefined, kind: 'empty' })),
  fc
    .string({ unit: 'binary', maxLength: 200 })
    .map((t) => ({ text: t, said: undefined, kind: 'random' })),
);
const status = fc.integer({ min: 300, max: 599 });
/** Servers' words are quoted with white space folded. */
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('REST error classification over generated answers', () => {
  it('gives the category of the status and quotes the server, or says it said nothing', () => {
    fc.assert(
      fc.property(status, body, (code, answer) => {
        const error = errorForResponse(
          { status: code, statusText: '', method: 'GET', url: URL, body: answer.text },
          parseWorkdayErrorBody,
        );
        expect(error.code).toBe(categoryOf(code));
        const base = new RegExp(`^Request failed with status ${code}[^:]*: GET ${URL}: .+`, 's');
        expect(error.message).toMatch(base);
        if (answer.said !== undefined) expect(error.message).toContain(fold(answer.said));
        if (answer.kind === 'empty')
          expect(error.message).toMatch(
            /the server sent (no body|a body without a readable message)$/,
          );
      }),
      { numRuns: 400, seed: 12 },
    );
  });
});

describe('token endpoint answers that are not RFC 6749 §5.2', () => {
  const tokenStatus = fc.oneof(
    fc.constantFrom(400, 401, 403, 404, 429, 500, 502, 503),
    fc.integer({ min: 300, max: 599 }),
  );
  it('always end in a classified ConnectorError quoting the server, never a crash', () => {
    fc.assert(
      fc.property(tokenStatus, body, (code, answer) => {
        let thrown: unknown;
        try {
          processTokenResponse({
            status: code,
            contentType: 'text/plain',
            body: answer.text,
            url: TOKEN_URL,
          });
        } catch (error) {
          thrown = error;
        }
        expect(isConnectorError(thrown)).toBe(true);
        if (!isConnectorError(thrown)) return;
        if (code === 429) expect(thrown.code).toBe('rate_limited');
        else if (code >= 500) expect(thrown.code).toBe('remote_error');
        else if (code === 401)
          expect(['invalid_client', 'reauthorization_required']).toContain(thrown.code);
        expect(thrown.message).not.toMatch(/^Request failed with status/);
        expect(thrown.message).toContain(`POST ${TOKEN_URL}`);
        if (answer.said !== undefined && answer.kind !== 'Workday JSON')
          expect(thrown.message).toContain(fold(answer.said));
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  it.each([
    [400, '{"error":"Invalid request"}', 'remote_validation', 'Invalid request'],
    [
      401,
      '{"error":"invalid_token","error_description":"Token is expired"}',
      'reauthorization_required',
      'invalid_token: Token is expired',
    ],
    [401, 'Unauthorized', 'invalid_client', 'Unauthorized'],
    [401, '', 'invalid_client', 'no reason given'],
    [404, '<html><title>Tenant not found</title></html>', 'not_found', 'Tenant not found'],
    [429, 'Too many requests', 'rate_limited', 'Too many requests'],
    [
      502,
      '<html><head><title>502 Bad Gateway</title></head></html>',
      'remote_error',
      '502 Bad Gateway',
    ],
  ])('status %d with %j is %s and says %j', (code, text, category, said) => {
    expect(() =>
      processTokenResponse({ status: code, contentType: '', body: text, url: TOKEN_URL }),
    ).toThrow(
      expect.objectContaining({
        code: category,
        message: `The token endpoint refused the request with status ${code} (${said}): POST ${TOKEN_URL}`,
      }),
    );
  });
});

describe('SOAP faults in other shapes', () => {
  const prefix = fc.constantFrom('', 'SOAP-ENV:', 'soapenv:', 's:');
  const detailPrefix = fc.constantFrom('', 'wd:', 'bsvc:');
  const extraNs = fc.constantFrom(
    '',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    ' xmlns:x="urn:x" xmlns:y="urn:y"',
  );
  it('reads the Validation_Error whatever the prefixes and namespace declarations', () => {
    fc.assert(
      fc.property(prefix, prefix, detailPrefix, extraNs, words, (env, inner, d, ns, message) => {
        const envNs =
          env === ''
            ? ''
            : ` xmlns:${env.slice(0, -1)}="http://schemas.xmlsoap.org/soap/envelope/"`;
        const innerNs =
          inner === '' || inner === env
            ? ''
            : ` xmlns:${inner.slice(0, -1)}="http://schemas.xmlsoap.org/soap/envelope/"`;
        const dNs =
          d === ''
            ? ' xmlns="urn:com.workday/bsvc"'
            : ` xmlns:${d.slice(0, -1)}="urn:com.workday/bsvc"`;
        const xml =
          `<${env}Envelope${envNs}${ns}><${env}Body><${env}Fault${innerNs}${ns}>` +
          `<${inner}faultcode>SOAP-ENV:Client.validationError</${inner}faultcode><${inner}faultstring>Validation error occurred. ${message}</${inner}faultstring>` +
          `<${inner}detail><${d}Validation_Fault${dNs}><${d}Validation_Error><${d}Message>${message}</${d}Message><${d}Xpath>/bsvc:X[1]</${d}Xpath></${d}Validation_Error></${d}Validation_Fault></${inner}detail>` +
          `</${env}Fault></${env}Body></${env}Envelope>`;
        const error = parseSoapFault(xml);
        expect(error.code).toBe('remote_validation');
        expect(error.details.remoteMessages).toEqual([
          { message: fold(message), xpath: '/bsvc:X[1]' },
        ]);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('never crashes on generated SOAP-like bodies: a classified error each time', () => {
    const fragment = fc.oneof(
      words,
      fc.constantFrom(
        '<faultcode>',
        '</faultcode>',
        '<detail>',
        '<Fault>',
        '</Fault>',
        '<Body>',
        '&amp;',
        '<![CDATA[x]]>',
        '<!--c-->',
      ),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), (parts) => {
        const error = parseSoapFault(`<Envelope><Body>${parts.join('')}</Body></Envelope>`);
        expect(isConnectorError(error)).toBe(true);
        expect([
          'remote_validation',
          'remote_error',
          'unexpected_response',
          'unauthorized',
          'insufficient_scope',
        ]).toContain(error.code);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});

describe('a 401 with no body right after a successful refresh', () => {
  it('is unauthorized and says the new token was refused too', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(401, { 'content-length': '0' });
      res.end();
    });
    let renewed = 0;
    const http = createHttpClient({
      baseUri: `${server.url}/ccx/api/v1/acme`,
      redactor: createRedactor(),
      auth: {
        authenticate: async () => ({
          headers: { authorization: `Bearer t${renewed}` },
          credential: `t${renewed}`,
        }),
        renew: async () => {
          renewed += 1;
        },
      },
    });
    try {
      const error = await http.get('workers/me').catch((e: unknown) => e);
      expect(renewed).toBe(1);
      expect(server.requests).toHaveLength(2);
      expect(error).toMatchObject({
        code: 'unauthorized',
        message: `Request failed with status 401 Unauthorized: GET ${server.url}/ccx/api/v1/acme/workers/me: the access token was refused again right after a successful refresh (no body)`,
      });
    } finally {
      http.close();
      await server.close();
    }
  });
});
