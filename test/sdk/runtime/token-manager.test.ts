import type { OAuth2Authorization } from '../../../sdk/define';
import { createHttpClient } from '../../../sdk/http';
import type { ConnectorHttpClient } from '../../../sdk/http';
import { createRedactor } from '../../../sdk/redact';
import { createTokenManager } from '../../../sdk/runtime';
import type { TokenManagerOptions, TokenUpdate } from '../../../sdk/runtime';
import { randomSecret, sendJson, startServer } from '../support/http-server';
import type { SeenRequest, TestServer } from '../support/http-server';

interface Conn {
  clientSecret: string;
  refreshToken: string;
}

/** A tenant: `/token` issues tokens, `/api/*` accepts only the newest one. */
interface Tenant {
  server: TestServer;
  valid: Set<string>;
  tokenRequests: () => SeenRequest[];
  apiRequests: () => SeenRequest[];
  /** What the next refresh answers: defaults to a new token with expires_in 3600. */
  tokenReply: (req: SeenRequest) => { status: number; body: unknown };
  apiReply?: (
    req: SeenRequest,
    token: string | undefined,
  ) => { status: number; body: unknown } | undefined;
}

let tenant: Tenant;
const clients: ConnectorHttpClient[] = [];

beforeAll(async () => {
  const server = await startServer();
  tenant = {
    server,
    valid: new Set(),
    tokenRequests: () => server.requests.filter((r) => r.url === '/token'),
    apiRequests: () => server.requests.filter((r) => r.url.startsWith('/api')),
    tokenReply: () => ({ status: 200, body: {} }),
  };
});
afterAll(() => tenant.server.close());
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

beforeEach(() => {
  tenant.valid.clear();
  tenant.apiReply = undefined;
  tenant.tokenReply = () => {
    const token = randomSecret('at');
    tenant.valid.add(token);
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
  };
  tenant.server.handle((req, res) => {
    if (req.url === '/token') {
      const reply = tenant.tokenReply(req);
      sendJson(res, reply.status, reply.body);
      return;
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const custom = tenant.apiReply?.(req, token);
    if (custom !== undefined) sendJson(res, custom.status, custom.body);
    else if (token !== undefined && tenant.valid.has(token)) sendJson(res, 200, { ok: true });
    else sendJson(res, 401, { error: 'invalid token' });
  });
});

const conn: Conn = { clientSecret: 'placeholder', refreshToken: 'placeholder' };

function setup(
  overrides: Partial<OAuth2Authorization<Conn>> = {},
  options: Partial<TokenManagerOptions<Conn>> = {},
) {
  conn.clientSecret = randomSecret('cs');
  conn.refreshToken = randomSecret('rt');
  const authorization: OAuth2Authorization<Conn> = {
    type: 'oauth2',
    grant: 'refresh_token',
    token_url: () => `${tenant.server.url}/token`,
    client_id: () => 'client',
    client_secret: (c) => c.clientSecret,
    refresh_token: (c) => c.refreshToken,
    apply: (_c, token) => ({ headers: { Authorization: `Bearer ${token}` } }),
    ...overrides,
  };
  const updates: TokenUpdate[] = [];
  const redactor = createRedactor();
  const manager = createTokenManager({
    authorization,
    connection: conn,
    redactor,
    now: Date.now,
    onTokens: (update) => {
      updates.push(update);
    },
    ...options,
  });
  const http = createHttpClient({
    baseUri: `${tenant.server.url}/api`,
    auth: manager.hooks,
    redactor,
    retry: { baseDelayMs: 1 },
  });
  clients.push(http);
  return { manager, http, updates };
}

describe('createTokenManager() refresh on 401', () => {
  it('refreshes once on 401 and retries with the new token', async () => {
    const { http, updates } = setup({}, { tokens: { access_token: randomSecret('stale') } });
    expect(await http.get('workers')).toEqual({ ok: true });
    expect(tenant.tokenRequests()).toHaveLength(1);
    expect(tenant.apiRequests()).toHaveLength(2);
    expect(updates).toHaveLength(1);
    expect(tenant.valid.has(updates[0]!.access_token)).toBe(true);
  });

  it('throws unauthorized when the retry is rejected too, after exactly one token request', async () => {
    const { http } = setup({}, { tokens: { access_token: randomSecret('stale') } });
    tenant.apiReply = () => ({ status: 401, body: { error: 'invalid token' } });
    await expect(http.get('workers')).rejects.toMatchObject({
      code: 'unauthorized',
      details: { status: 401 },
    });
    expect(tenant.tokenRequests()).toHaveLength(1);
    expect(tenant.apiRequests()).toHaveLength(2);
  });

  it('single-flight: 100 concurrent requests with an expired token cause one token request', async () => {
    const { http } = setup({}, { tokens: { access_token: randomSecret('expired') } });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => http.get(`w/${i}`)));
    expect(results).toHaveLength(100);
    expect(results.every((r) => (r as { ok: boolean }).ok)).toBe(true);
    expect(tenant.tokenRequests()).toHaveLength(1);
  });

  it('single-flight: 100 concurrent first requests without any token cause one token request', async () => {
    const { http } = setup();
    await Promise.all(Array.from({ length: 100 }, () => http.get('w')));
    expect(tenant.tokenRequests()).toHaveLength(1);
    expect(tenant.apiRequests()).toHaveLength(100);
  });

  it('refreshes on a refresh_on body pattern and on a detect_on 200', async () => {
    const { http } = setup(
      { refresh_on: [/session expired/], detect_on: ['{"status":"login required"}'] },
      { tokens: { access_token: randomSecret('stale') } },
    );
    tenant.apiReply = (_req, token) =>
      token !== undefined && tenant.valid.has(token)
        ? undefined
        : { status: 200, body: { status: 'login required' } };
    expect(await http.get('x')).toEqual({ ok: true });
    expect(tenant.tokenRequests()).toHaveLength(1);

    tenant.apiReply = (_req, token) =>
      token !== undefined && tenant.valid.has(token)
        ? undefined
        : { status: 400, body: { error: 'session expired' } };
    tenant.valid.clear();
    expect(await http.get('x')).toEqual({ ok: true });
    expect(tenant.tokenRequests()).toHaveLength(2);
  });

  it('throws unauthorized when detect_on still matches after the refresh', async () => {
    const { http } = setup({ detect_on: [/login required/] });
    tenant.apiReply = () => ({ status: 200, body: { status: 'login required' } });
    await expect(http.get('x')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(tenant.tokenRequests()).toHaveLength(2);
  });
});

describe('createTokenManager() early refresh', () => {
  it('refreshes before expires_in runs out, without a 401', async () => {
    let clock = 1_000_000;
    const { http } = setup({}, { now: () => clock });
    await http.get('a');
    expect(tenant.tokenRequests()).toHaveLength(1);
    clock += 3_000_000; // 3000 s of 3600: still more than 60 s left
    await http.get('b');
    expect(tenant.tokenRequests()).toHaveLength(1);
    clock += 560_000; // 3560 s: within the 60 s margin
    await http.get('c');
    expect(tenant.tokenRequests()).toHaveLength(2);
    expect(tenant.apiRequests()).toHaveLength(3); // no request was rejected and retried
  });

  it('refreshes a stored token whose expiry is within refresh_before_expiry_seconds', async () => {
    const clock = Date.parse('2026-01-01T00:00:00Z');
    const { http, updates } = setup(
      { refresh_before_expiry_seconds: 120 },
      {
        now: () => clock,
        tokens: {
          access_token: randomSecret('old'),
          access_token_expires_at: '2026-01-01T00:01:30Z',
        },
      },
    );
    await http.get('a');
    expect(tenant.tokenRequests()).toHaveLength(1);
    expect(tenant.apiRequests()).toHaveLength(1);
    expect(updates[0]?.access_token_expires_at).toBe('2026-01-01T01:00:00.000Z');
  });
});

describe('createTokenManager() refresh tokens', () => {
  it('maps invalid_grant to reauthorization_required, without a loop, and fails fast afterwards', async () => {
    tenant.tokenReply = () => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid refresh token' },
    });
    const { http } = setup({}, { tokens: { access_token: randomSecret('stale') } });
    await expect(http.get('a')).rejects.toMatchObject({
      code: 'reauthorization_required',
      details: { oauthError: 'invalid_grant' },
    });
    expect(tenant.tokenRequests()).toHaveLength(1);
    expect(tenant.apiRequests()).toHaveLength(1);
    await expect(http.get('b')).rejects.toMatchObject({ code: 'reauthorization_required' });
    expect(tenant.tokenRequests()).toHaveLength(1);
  });

  it('keeps a rotated refresh token and keeps the old one when none is returned', async () => {
    const rotated = randomSecret('rotated');
    let calls = 0;
    tenant.tokenReply = () => {
      calls += 1;
      const token = randomSecret('at');
      tenant.valid.add(token);
      return {
        status: 200,
        body: {
          access_token: token,
          token_type: 'Bearer',
          ...(calls === 1 ? { refresh_token: rotated } : {}),
        },
      };
    };
    const { manager, updates } = setup();
    const original = conn.refreshToken;
    await manager.refresh();
    await manager.refresh();
    await manager.refresh();
    const sent = tenant
      .tokenRequests()
      .map((r) => new URLSearchParams(r.body).get('refresh_token'));
    expect(sent).toEqual([original, rotated, rotated]);
    expect(updates.map((u) => u.refresh_token)).toEqual([rotated, undefined, undefined]);
  });

  it('asks for authorization when there is no refresh token at all', async () => {
    const { http } = setup({ refresh_token: () => undefined });
    await expect(http.get('a')).rejects.toMatchObject({ code: 'reauthorization_required' });
    expect(tenant.server.requests).toHaveLength(0);
  });
});
