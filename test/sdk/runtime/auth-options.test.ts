/**
 * The authorization options beyond the authorization-code and refresh-token grants: the
 * password and client-credentials grants (with refresh and re-acquisition), token revocation on
 * disconnect, HTTP Basic and API-key authorization. Each runs through `createSession` against a
 * real loopback server that plays an OAuth 2.0 server and an API.
 */
import { z } from 'zod';
import { defineConnector } from '../../../sdk/define';
import type { Authorization } from '../../../sdk/define';
import { createSession } from '../../../sdk/runtime';
import type { Session, TokenUpdate } from '../../../sdk/runtime';
import { randomSecret, sendJson, startServer } from '../support/http-server';
import type { SeenRequest, TestServer } from '../support/http-server';

const fields = z.object({
  base: z.string(),
  client_secret: z.string().meta({ secret: true }),
  username: z.string(),
  password: z.string().meta({ secret: true }),
  api_key: z.string().meta({ secret: true }),
  refresh_token: z.string().optional(),
});
type Conn = z.output<typeof fields>;

let server: TestServer;
/** Access tokens the API accepts; a revoked refresh token takes its access tokens with it. */
const valid = new Map<string, string | undefined>();
const refreshTokens = new Set<string>();
let issueRefreshTokens = true;
let passwordOk = true;
const sessions: Session<Conn>[] = [];

function form(req: SeenRequest): URLSearchParams {
  return new URLSearchParams(req.body);
}

function issue(res: Parameters<Parameters<TestServer['handle']>[0]>[1]): void {
  const access = randomSecret('at');
  const refresh = issueRefreshTokens ? randomSecret('rt') : undefined;
  valid.set(access, refresh);
  if (refresh !== undefined) refreshTokens.add(refresh);
  sendJson(res, 200, {
    access_token: access,
    token_type: 'Bearer',
    expires_in: 7200,
    ...(refresh === undefined ? {} : { refresh_token: refresh }),
  });
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

beforeEach(() => {
  valid.clear();
  refreshTokens.clear();
  issueRefreshTokens = true;
  passwordOk = true;
  server.handle((req, res) => {
    const params = form(req);
    if (req.url === '/token') {
      const grant = params.get('grant_type');
      if (grant === 'password') {
        if (!passwordOk) return sendJson(res, 400, { error: 'invalid_grant' });
        if (params.get('username') !== 'svc' || params.get('password') !== conn.password)
          return sendJson(res, 400, { error: 'invalid_grant' });
        return issue(res);
      }
      if (grant === 'client_credentials') return issue(res);
      if (grant === 'refresh_token') {
        const given = params.get('refresh_token') ?? '';
        if (!refreshTokens.has(given)) return sendJson(res, 400, { error: 'invalid_grant' });
        return issue(res);
      }
      return sendJson(res, 400, { error: 'unsupported_grant_type' });
    }
    if (req.url === '/revoke') {
      const token = params.get('token') ?? '';
      if (params.get('token_type_hint') === 'refresh_token') {
        refreshTokens.delete(token);
        for (const [access, refresh] of valid) if (refresh === token) valid.delete(access);
      } else valid.delete(token);
      res.writeHead(200);
      res.end();
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined && valid.has(bearer)) return sendJson(res, 200, { who: 'bearer' });
    const basic = `Basic ${Buffer.from(`svc:${conn.password}`).toString('base64')}`;
    if (req.headers.authorization === basic && req.headers['x-api-key'] === conn.api_key)
      return sendJson(res, 200, { who: 'basic' });
    if (req.headers.authorization === undefined && req.headers['x-api-key'] === conn.api_key)
      return sendJson(res, 200, { who: 'api_key' });
    return sendJson(res, 401, { error: 'unauthorized' });
  });
});

const conn: Conn = {
  base: '',
  client_secret: '',
  username: 'svc',
  password: '',
  api_key: '',
};

function connector(authorization: Authorization<Conn>) {
  return defineConnector({
    title: 'Test',
    description: 'Test connector.',
    version: '0.0.0',
    connection: { fields, authorization, base_uri: (c: Conn) => c.base },
    test: async ({ http }) => http.get('/api/me'),
    actions: {},
    triggers: {},
    pick_lists: {},
  });
}

const tokenEndpoint = {
  type: 'oauth2' as const,
  token_url: (c: Conn) => `${c.base}/token`,
  revoke_url: (c: Conn) => `${c.base}/revoke`,
  client_id: () => 'client',
  client_secret: (c: Conn) => c.client_secret,
  apply: (_c: Conn, token: string) => ({ headers: { Authorization: `Bearer ${token}` } }),
  refresh_on: [401],
};

function open(
  authorization: Authorization<Conn>,
  extra: Partial<Conn> = {},
  tokens?: { access_token?: string },
) {
  conn.base = server.url;
  conn.client_secret = randomSecret('cs');
  conn.password = randomSecret('sask');
  conn.api_key = randomSecret('key');
  const updates: TokenUpdate[] = [];
  const session = createSession(connector(authorization), {
    connection: { ...conn, ...extra },
    onTokens: (update) => {
      updates.push(update);
    },
    ...(tokens === undefined ? {} : { tokens }),
  });
  sessions.push(session);
  return { session, updates };
}

const tokenRequests = () => server.requests.filter((r) => r.url === '/token');

describe('password grant', () => {
  const auth: Authorization<Conn> = {
    ...tokenEndpoint,
    grant: 'password',
    username: (c) => c.username,
    password: (c) => c.password,
    refresh_token: (c) => c.refresh_token,
  };

  it('obtains a token with username and password, client authenticated by Basic', async () => {
    const { session, updates } = open(auth);
    expect(await session.test()).toEqual({ who: 'bearer' });
    const [request] = tokenRequests();
    expect(form(request!).get('grant_type')).toBe('password');
    expect(form(request!).get('username')).toBe('svc');
    expect(form(request!).has('client_secret')).toBe(false);
    const basic = Buffer.from(`client:${conn.client_secret}`).toString('base64');
    expect(request!.headers.authorization).toBe(`Basic ${basic}`);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.refresh_token).toBeDefined();
  });

  it('caches the token: ten calls make one token request', async () => {
    const { session } = open(auth);
    for (let i = 0; i < 10; i++) await session.test();
    expect(tokenRequests()).toHaveLength(1);
  });

  it('uses a saved refresh token first, and falls back to the password grant when it is refused', async () => {
    const { session } = open(auth, { refresh_token: randomSecret('stale-rt') });
    expect(await session.test()).toEqual({ who: 'bearer' });
    expect(tokenRequests().map((r) => form(r).get('grant_type'))).toEqual([
      'refresh_token',
      'password',
    ]);
  });

  it('refreshes with the refresh token it was given when the access token is rejected', async () => {
    const { session } = open(auth);
    await session.test();
    valid.clear(); // the server forgets the access token (expired) but keeps the refresh token
    expect(await session.test()).toEqual({ who: 'bearer' });
    expect(tokenRequests().map((r) => form(r).get('grant_type'))).toEqual([
      'password',
      'refresh_token',
    ]);
  });

  it('repeats the password grant when the server issues no refresh token', async () => {
    issueRefreshTokens = false;
    const { session } = open(auth);
    await session.test();
    valid.clear();
    await session.test();
    expect(tokenRequests().map((r) => form(r).get('grant_type'))).toEqual(['password', 'password']);
  });

  it('refused credentials are reauthorization_required and never appear in the error', async () => {
    passwordOk = false;
    const { session } = open(auth);
    const error = await session.test().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'reauthorization_required' });
    expect(JSON.stringify(error)).not.toContain(conn.password);
    expect(JSON.stringify(error)).not.toContain(conn.client_secret);
    // Remembered: a second call does not hammer the token endpoint.
    await expect(session.test()).rejects.toMatchObject({ code: 'reauthorization_required' });
    expect(tokenRequests()).toHaveLength(1);
  });

  it('disconnect revokes the refresh token, which ends its access token too', async () => {
    const { session } = open(auth);
    await session.test();
    const [accessToken] = [...valid.keys()];
    expect(await session.disconnect()).toBe('refresh_token');
    const revoke = server.requests.find((r) => r.url === '/revoke');
    expect(form(revoke!).get('token_type_hint')).toBe('refresh_token');
    expect(revoke!.headers.authorization).toMatch(/^Basic /);
    expect(valid.has(accessToken!)).toBe(false);
    expect(await session.disconnect()).toBe('none');
  });
});

describe('client credentials grant', () => {
  const auth: Authorization<Conn> = {
    ...tokenEndpoint,
    grant: 'client_credentials',
    client_authentication: () => 'body',
    scope: () => 'Infor-M3',
  };

  it('sends grant_type=client_credentials with the scope, client in the body', async () => {
    const { session } = open(auth);
    expect(await session.test()).toEqual({ who: 'bearer' });
    const params = form(tokenRequests()[0]!);
    expect(params.get('grant_type')).toBe('client_credentials');
    expect(params.get('scope')).toBe('Infor-M3');
    expect(params.get('client_secret')).toBe(conn.client_secret);
    expect(tokenRequests()[0]!.headers.authorization).toBeUndefined();
  });

  it('disconnect revokes the access token when no refresh token was issued', async () => {
    issueRefreshTokens = false;
    const { session } = open(auth);
    await session.test();
    expect(await session.disconnect()).toBe('access_token');
    expect(valid.size).toBe(0);
  });
});

describe('static authorizations', () => {
  it('basic_auth sends RFC 7617 Basic plus the extra headers of apply', async () => {
    const { session } = open({
      type: 'basic_auth',
      username: (c) => c.username,
      password: (c) => c.password,
      apply: (c) => ({ headers: { 'X-Api-Key': c.api_key } }),
    });
    expect(await session.test()).toEqual({ who: 'basic' });
    expect(tokenRequests()).toHaveLength(0);
  });

  it('basic_auth: a 401 is unauthorized at once, sent once, without the password in it', async () => {
    const { session } = open({
      type: 'basic_auth',
      username: () => 'someone-else',
      password: (c) => c.password,
    });
    const error = await session.test().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect(JSON.stringify(error)).not.toContain(conn.password);
    expect(server.requests.filter((r) => r.url === '/api/me')).toHaveLength(1);
  });

  it('api_key sends only what apply returns', async () => {
    const { session } = open({
      type: 'api_key',
      apply: (c) => ({ headers: { 'X-Api-Key': c.api_key } }),
    });
    expect(await session.test()).toEqual({ who: 'api_key' });
  });

  it('api_key: a rejected key is unauthorized and the key never appears in the error', async () => {
    const { session } = open(
      { type: 'api_key', apply: (c) => ({ headers: { 'X-Api-Key': `${c.api_key}x` } }) },
      {},
    );
    const error = await session.test().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect(JSON.stringify(error)).not.toContain(conn.api_key);
  });

  it('static authorizations have no tokens to revoke', async () => {
    const { session } = open({
      type: 'api_key',
      apply: (c) => ({ headers: { 'X-Api-Key': c.api_key } }),
    });
    await expect(session.disconnect()).rejects.toMatchObject({ code: 'invalid_settings' });
  });
});
