import {
  clientCredentialsGrant,
  exchangeAuthorizationCode,
  refreshTokenGrant,
} from '../../../sdk/oauth2';
import type { TokenEndpointOptions } from '../../../sdk/oauth2';
import type { Exchange } from '../../../sdk/http';
import { createRedactor } from '../../../sdk/redact';
import { randomSecret, sendJson, startServer } from '../support/http-server';
import type { TestServer } from '../support/http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const clientId = 'client:id é';
let clientSecret: string;
let refreshToken: string;
let accessToken: string;

beforeEach(() => {
  clientSecret = `${randomSecret('cs')}+/ &`;
  refreshToken = randomSecret('rt');
  accessToken = randomSecret('at');
  server.handle((_req, res) =>
    sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 }),
  );
});

function endpoint(extra: Partial<TokenEndpointOptions> = {}): TokenEndpointOptions {
  return { tokenEndpoint: `${server.url}/ccx/oauth2/acme/token`, clientId, clientSecret, ...extra };
}

function form(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

describe('client authentication on the wire', () => {
  it('sends HTTP Basic with form-encoded id and secret by default (RFC 6749 §2.3.1)', async () => {
    await refreshTokenGrant({ ...endpoint(), refreshToken });
    const seen = server.requests[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const encode = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
    const expected = Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64');
    expect(seen.headers.authorization).toBe(`Basic ${expected}`);
    expect(form(seen.body)).toEqual({ grant_type: 'refresh_token', refresh_token: refreshToken });
  });

  it('sends client_id and client_secret in the body when asked, without Authorization', async () => {
    await refreshTokenGrant({ ...endpoint({ clientAuthentication: 'body' }), refreshToken });
    const seen = server.requests[0]!;
    expect(seen.headers.authorization).toBeUndefined();
    expect(form(seen.body)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      client_secret: clientSecret,
    });
  });

  it('never sends scope unless asked', async () => {
    await clientCredentialsGrant(endpoint());
    expect(form(server.requests[0]!.body)).toEqual({ grant_type: 'client_credentials' });
    server.handle((_req, res) =>
      sendJson(res, 200, { access_token: accessToken, token_type: 'bearer' }),
    );
    await clientCredentialsGrant(endpoint({ scope: 'a b' }));
    expect(form(server.requests[0]!.body)).toEqual({
      grant_type: 'client_credentials',
      scope: 'a b',
    });
  });

  it('redeems an authorization code with redirect_uri and the PKCE verifier', async () => {
    const tokens = await exchangeAuthorizationCode({
      ...endpoint(),
      code: 'the-code',
      redirectUri: 'http://127.0.0.1:45555/callback',
      codeVerifier: 'v'.repeat(43),
    });
    expect(tokens).toEqual({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
    expect(form(server.requests[0]!.body)).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: 'http://127.0.0.1:45555/callback',
      code_verifier: 'v'.repeat(43),
    });
  });
});

describe('RFC 6749 §5.2 error responses', () => {
  it.each([
    ['invalid_client', 401, 'invalid_client'],
    ['invalid_grant', 400, 'reauthorization_required'],
    ['unsupported_grant_type', 400, 'unsupported_grant'],
    ['unauthorized_client', 400, 'unsupported_grant'],
    ['access_denied', 400, 'access_denied'],
    ['invalid_request', 400, 'remote_validation'],
    ['invalid_scope', 400, 'remote_validation'],
  ])('maps %s (%d) to %s, keeping the OAuth fields', async (oauthError, status, code) => {
    server.handle((_req, res) =>
      sendJson(res, status, { error: oauthError, error_description: 'Said the server.' }),
    );
    await expect(refreshTokenGrant({ ...endpoint(), refreshToken })).rejects.toMatchObject({
      code,
      message: `The token endpoint refused the request (${oauthError}: Said the server.): POST ${server.url}/ccx/oauth2/acme/token`,
      details: { status, oauthError, oauthErrorDescription: 'Said the server.' },
    });
  });

  it('reports a 5xx without an OAuth body as remote_error', async () => {
    server.handle((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html>down</html>');
    });
    await expect(refreshTokenGrant({ ...endpoint(), refreshToken })).rejects.toMatchObject({
      code: 'remote_error',
      details: { status: 503 },
    });
  });

  it('does not follow a redirect, so the client credentials reach no other URL', async () => {
    server.handle((req, res) => {
      if (req.url === '/ccx/oauth2/acme/token') {
        res.writeHead(302, { location: `${server.url}/elsewhere` });
        res.end();
      } else sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer' });
    });
    await expect(refreshTokenGrant({ ...endpoint(), refreshToken })).rejects.toMatchObject({
      code: 'unexpected_response',
      details: { status: 302 },
    });
    expect(server.requests.map((request) => request.url)).toEqual(['/ccx/oauth2/acme/token']);
  });

  it('keeps the refresh token out of errors even when the server echoes it', async () => {
    const redactor = createRedactor();
    server.handle((_req, res) =>
      sendJson(res, 400, {
        error: 'invalid_grant',
        error_description: `token ${refreshToken} revoked`,
      }),
    );
    const error = await refreshTokenGrant({ ...endpoint({ redactor }), refreshToken }).catch(
      (e: unknown) => e,
    );
    expect(JSON.stringify((error as { toJSON(): unknown }).toJSON())).not.toContain(refreshToken);
    expect((error as Error).message).toContain('[REDACTED]');
  });
});

describe('token response validation', () => {
  it.each([
    ['missing access_token', { token_type: 'Bearer' }, '"access_token"'],
    ['empty access_token', { access_token: '', token_type: 'Bearer' }, '"access_token"'],
    ['missing token_type', { access_token: 'x1234' }, '"token_type"'],
    ['a non-bearer token_type', { access_token: 'x1234', token_type: 'mac' }, '"mac"'],
    [
      'a non-numeric expires_in',
      { access_token: 'x1234', token_type: 'Bearer', expires_in: 'soon' },
      '"expires_in"',
    ],
    [
      'a numeric refresh_token',
      { access_token: 'x1234', token_type: 'Bearer', refresh_token: 5 },
      '"refresh_token"',
    ],
    ['null', null, 'JSON object'],
    ['an array', [], 'JSON object'],
  ])('rejects %s as unexpected_response', async (_name, body, mentions) => {
    server.handle((_req, res) => sendJson(res, 200, body));
    await expect(clientCredentialsGrant(endpoint())).rejects.toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining(mentions),
    });
  });

  it('rejects a non-JSON body as unexpected_response', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    await expect(clientCredentialsGrant(endpoint())).rejects.toMatchObject({
      code: 'unexpected_response',
    });
  });

  it('accepts a numeric-string expires_in, any-case bearer and a rotated refresh token', async () => {
    const rotated = randomSecret('rt2');
    server.handle((_req, res) =>
      sendJson(res, 200, {
        access_token: accessToken,
        token_type: 'BEARER',
        expires_in: '3599',
        refresh_token: rotated,
        scope: 'Staffing',
      }),
    );
    expect(await refreshTokenGrant({ ...endpoint(), refreshToken })).toEqual({
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 3599,
      refresh_token: rotated,
      scope: 'Staffing',
    });
  });

  it('reports the exchange with every secret redacted', async () => {
    const exchanges: Exchange[] = [];
    const redactor = createRedactor();
    await refreshTokenGrant({
      ...endpoint({ redactor, onExchange: (e) => exchanges.push(e) }),
      refreshToken,
    });
    const text = JSON.stringify(exchanges);
    expect(exchanges).toHaveLength(1);
    for (const secret of [clientSecret, refreshToken, accessToken])
      expect(text).not.toContain(secret);
    expect(text).not.toContain(server.requests[0]!.headers.authorization);
  });

  it('still returns the issued token when the exchange log sink throws', async () => {
    const tokens = await refreshTokenGrant({
      ...endpoint({
        onExchange: () => {
          throw new Error('log sink is full');
        },
      }),
      refreshToken,
    });
    expect(tokens.access_token).toBe(accessToken);
    expect(server.requests).toHaveLength(1);
  });
});

describe('transport failures', () => {
  it('reports an unreachable token endpoint as transport', async () => {
    await expect(
      clientCredentialsGrant({ ...endpoint(), tokenEndpoint: 'http://127.0.0.1:1/token' }),
    ).rejects.toMatchObject({ code: 'transport' });
  });
});
