import { z } from 'zod';
import { defineConnector, forConnection } from '../../../sdk/define';
import { ConnectorError } from '../../../sdk/errors';
import type { Exchange } from '../../../sdk/http';
import { createSession } from '../../../sdk/runtime';
import type { Session, SessionOptions } from '../../../sdk/runtime';
import { randomSecret, sendJson, startServer } from '../support/http-server';
import type { TestServer } from '../support/http-server';

const fields = z.object({
  base: z.url(),
  auth_type: z.enum(['integration', 'user']),
  client_id: z.string().min(1),
  client_secret: z.string().min(1).meta({ secret: true }),
  refresh_token: z.string().meta({ secret: true }).optional(),
});
type Conn = z.output<typeof fields>;
const { defineAction, defineTrigger } = forConnection<Conn>();

const lineSchema = z.object({ account: z.string(), debit: z.number().optional() });

const connector = defineConnector({
  title: 'Test',
  description: 'A connector for the session tests.',
  version: '0.0.0',
  connection: {
    fields,
    authorization: {
      type: 'multi',
      selected: (c: Conn) => c.auth_type,
      options: {
        integration: {
          type: 'oauth2',
          grant: 'refresh_token',
          token_url: (c: Conn) => `${c.base}/token`,
          client_id: (c: Conn) => c.client_id,
          client_secret: (c: Conn) => c.client_secret,
          refresh_token: (c: Conn) => c.refresh_token,
          apply: (_c: Conn, token: string) => ({ headers: { Authorization: `Bearer ${token}` } }),
        },
        user: {
          type: 'oauth2',
          grant: 'authorization_code',
          authorization_url: (c: Conn) => `${c.base}/authorize`,
          token_url: (c: Conn) => `${c.base}/token`,
          client_id: (c: Conn) => c.client_id,
          client_secret: (c: Conn) => c.client_secret,
          apply: (_c: Conn, token: string) => ({ headers: { Authorization: `Bearer ${token}` } }),
        },
      },
    },
    base_uri: (c: Conn) => `${c.base}/api/`,
  },
  test: async ({ http }) => http.get('me'),
  actions: {
    post_lines: defineAction({
      title: 'Post lines',
      description: 'Posts lines.',
      scopes: [],
      probes: [],
      input_fields: z.object({ memo: z.string(), lines: z.array(lineSchema).min(1) }),
      output_fields: z.object({ id: z.string() }),
      sample_output: { id: 'J1' },
      async execute({ input, http }) {
        return http.post<{ id: string }>('journals', input);
      },
    }),
    broken_output: defineAction({
      title: 'Broken output',
      description: 'Returns the wrong shape.',
      scopes: [],
      probes: [],
      input_fields: z.object({}),
      output_fields: z.object({ id: z.string() }),
      sample_output: { id: 'x' },
      async execute() {
        return { id: 42 } as unknown as { id: string };
      },
    }),
    throws_deep: defineAction({
      title: 'Throws deep',
      description: 'Fails with a secret in its cause chain.',
      scopes: [],
      probes: [],
      input_fields: z.object({}),
      output_fields: z.object({}),
      sample_output: {},
      async execute({ connection }) {
        const root = new Error(`low level: ${connection.client_secret}`);
        throw new Error('wrapper', { cause: root });
      },
    }),
    retrying_post: defineAction({
      title: 'Retrying post',
      description: 'Posts with retries allowed.',
      scopes: [],
      probes: [],
      input_fields: z.object({}),
      output_fields: z.object({ ok: z.boolean() }),
      sample_output: { ok: true },
      retry_on_request: ['POST'],
      retry_on_response: [503],
      max_retries: 2,
      async execute({ http }) {
        return http.post<{ ok: boolean }>('flaky', {});
      },
    }),
  },
  triggers: {
    new_items: defineTrigger({
      title: 'New items',
      description: 'Triggers when an item appears.',
      scopes: [],
      probes: [],
      input_fields: z.object({ since: z.iso.date().optional() }),
      output_fields: z.object({ id: z.string(), n: z.number() }),
      closure_schema: z.object({ cursor: z.number() }),
      sample_output: { id: 'a', n: 1 },
      dedup: (event) => event.id,
      async poll({ http, closure }) {
        const page = await http.get<{ items: Array<{ id: string; n: number }> }>('items', {
          cursor: closure?.cursor ?? 0,
        });
        return {
          events: page.items,
          next_poll: { cursor: (closure?.cursor ?? 0) + 1 },
          can_poll_more: false,
        };
      },
    }),
  },
  pick_lists: {
    currencies: async ({ http }) => {
      const list = await http.get<Array<{ code: string }>>('currencies');
      return list.map((c): [string, string] => [c.code, c.code]);
    },
  },
});

let server: TestServer;
let clientSecret: string;
let refreshToken: string;
let accessToken: string;
const sessions: Array<Session<Conn>> = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

beforeEach(() => {
  clientSecret = randomSecret('cs');
  refreshToken = randomSecret('rt');
  accessToken = randomSecret('at');
  let flaky = 0;
  server.handle((req, res) => {
    if (req.url === '/token') {
      sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
      return;
    }
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      sendJson(res, 401, {});
      return;
    }
    const path = req.url.replace(/\?.*$/, '');
    if (path === '/api/me') sendJson(res, 200, { user: 'isu' });
    else if (path === '/api/journals') sendJson(res, 200, { id: 'J-1', extra: 'dropped' });
    else if (path === '/api/currencies') sendJson(res, 200, [{ code: 'USD' }, { code: 'EUR' }]);
    else if (path === '/api/items')
      sendJson(res, 200, {
        items: [
          { id: 'a', n: 1 },
          { id: 'b', n: 2 },
          { id: 'a', n: 3 },
        ],
      });
    else if (path === '/api/flaky') {
      flaky += 1;
      if (flaky < 3) sendJson(res, 503, {});
      else sendJson(res, 200, { ok: true });
    } else sendJson(res, 404, {});
  });
});

function settings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    base: server.url,
    auth_type: 'integration',
    client_id: 'client-1',
    client_secret: clientSecret,
    refresh_token: refreshToken,
    ...overrides,
  };
}

function open(overrides: Record<string, unknown> = {}, extra: Partial<SessionOptions> = {}) {
  const session = createSession(connector, {
    connection: settings(overrides),
    http: { retry: { baseDelayMs: 1 } },
    ...extra,
  });
  sessions.push(session);
  return session;
}

describe('createSession() settings', () => {
  it('names each invalid settings field', () => {
    let caught: unknown;
    try {
      createSession(connector, {
        connection: { base: 'not a url', auth_type: 'user', client_secret: '' },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConnectorError);
    const error = caught as ConnectorError;
    expect(error.code).toBe('invalid_settings');
    expect(error.details.issues?.map((i) => i.path)).toEqual([
      'base',
      'client_id',
      'client_secret',
    ]);
    expect(error.message).toMatch(
      /^The connection settings failed validation: "base" .*; "client_id" .*; "client_secret" .*\.$/,
    );
  });

  it('refuses an authorization option the connector does not offer', () => {
    const mistaken = {
      ...connector,
      connection: {
        ...connector.connection,
        authorization: { ...connector.connection.authorization, selected: () => 'jwt' },
      },
    };
    expect(() => createSession(mistaken, { connection: settings() })).toThrow(
      expect.objectContaining({
        code: 'invalid_settings',
        message: expect.stringContaining('"jwt"'),
      }),
    );
  });
});

describe('createSession() operations', () => {
  it('runs test() with a token obtained from the refresh token and reports it via onTokens', async () => {
    const updates: unknown[] = [];
    const session = open({}, { onTokens: (u) => void updates.push(u) });
    expect(await session.test()).toEqual({ user: 'isu' });
    expect(updates).toEqual([
      { access_token: accessToken, access_token_expires_at: expect.any(String) },
    ]);
  });

  it('validates action input and names each failing path', async () => {
    const session = open();
    const error = await session
      .runAction('post_lines', {
        memo: 5,
        lines: [{ account: 'A' }, { account: 'B' }, { account: 'C', debit: 'ten' }],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'invalid_input',
      details: {
        issues: [
          { path: 'memo', message: 'must be text, not a number' },
          { path: 'lines.2.debit', message: 'must be a number, not text' },
        ],
      },
    });
    expect(server.requests).toHaveLength(0);
  });

  it('runs an action and returns its validated output', async () => {
    const session = open();
    const output = await session.runAction('post_lines', {
      memo: 'm',
      lines: [{ account: 'A', debit: 1 }],
    });
    expect(output).toEqual({ id: 'J-1' });
    const posted = server.requests.find((r) => r.url === '/api/journals');
    expect(JSON.parse(posted!.body)).toEqual({ memo: 'm', lines: [{ account: 'A', debit: 1 }] });
  });

  it('reports output that does not match output_fields as internal', async () => {
    await expect(open().runAction('broken_output', {})).rejects.toMatchObject({
      code: 'internal',
      details: { issues: [{ path: 'id' }] },
    });
  });

  it('uses the action retry policy (POST retried when retry_on_request says so)', async () => {
    expect(await open().runAction('retrying_post', {})).toEqual({ ok: true });
    expect(server.requests.filter((r) => r.url === '/api/flaky')).toHaveLength(3);
  });

  it('names an unknown action', async () => {
    await expect(open().runAction('nope', {})).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'The connector has no action "nope".',
    });
  });

  it('wraps a thrown non-ConnectorError as internal and redacts its cause chain', async () => {
    const error = await open()
      .runAction('throws_deep', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'internal' });
    const root = ((error as Error).cause as Error).cause as Error;
    expect(root.message).toBe('low level: [REDACTED]');
    expect(root.stack).not.toContain(clientSecret);
  });

  it('polls, dedups within the page keeping order, and validates the closure', async () => {
    const session = open();
    const page = await session.poll('new_items', {}, { cursor: 4 });
    expect(page).toEqual({
      events: [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ],
      next_poll: { cursor: 5 },
      can_poll_more: false,
    });
    expect(server.requests.at(-1)?.url).toBe('/api/items?cursor=4');
    await expect(session.poll('new_items', {}, { cursor: 'x' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'cursor' }] },
    });
    await expect(session.poll('new_items', { since: '2026-13-01' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'since' }] },
    });
  });

  it('runs a pick list', async () => {
    expect(await open().pickList('currencies')).toEqual([
      ['USD', 'USD'],
      ['EUR', 'EUR'],
    ]);
  });

  it('keeps every secret out of exchanges and errors', async () => {
    const exchanges: Exchange[] = [];
    const session = open({}, { onExchange: (e) => exchanges.push(e) });
    await session.test();
    await session.runAction('post_lines', { memo: clientSecret, lines: [{ account: 'A' }] });
    const text = JSON.stringify(exchanges);
    expect(exchanges.length).toBeGreaterThanOrEqual(3);
    for (const secret of [clientSecret, refreshToken, accessToken])
      expect(text).not.toContain(secret);
  });
});

describe('createSession() authorization code', () => {
  it('builds the authorization URL with PKCE and redeems a code', async () => {
    const session = open({ auth_type: 'user', refresh_token: undefined });
    const request = session.authorizationUrl('http://127.0.0.1:45555/callback');
    const url = new URL(request.url);
    expect(url.pathname).toBe('/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const tokens = await session.exchangeCode({
      code: 'c0de',
      redirectUri: 'http://127.0.0.1:45555/callback',
      ...(request.codeVerifier === undefined ? {} : { codeVerifier: request.codeVerifier }),
    });
    expect(tokens.access_token).toBe(accessToken);
    const sent = new URLSearchParams(server.requests[0]!.body);
    expect(sent.get('code_verifier')).toBe(request.codeVerifier);
    expect(await session.test()).toEqual({ user: 'isu' });
    expect(server.requests.filter((r) => r.url === '/token')).toHaveLength(1);
  });

  it('refuses an authorization URL for the refresh-token option', () => {
    expect(() => open().authorizationUrl('http://127.0.0.1/cb')).toThrow(
      expect.objectContaining({ code: 'invalid_settings' }),
    );
  });
});

describe('createSession with a platform token source', () => {
  function source(current?: { access_token: string; expires_at?: string }) {
    const calls: Array<string | undefined> = [];
    return {
      calls,
      tokenSource: {
        ...(current === undefined ? {} : { current }),
        async obtain(rejected?: string) {
          calls.push(rejected);
          return { access_token: accessToken };
        },
      },
    };
  }

  it('asks the platform once for any number of requests that a stale token failed', async () => {
    const stale = randomSecret('stale');
    const platform = source({ access_token: stale });
    const session = open({}, { tokenSource: platform.tokenSource });
    const lists = await Promise.all([1, 2, 3].map(() => session.pickList('currencies')));
    expect(lists[2]).toEqual([
      ['USD', 'USD'],
      ['EUR', 'EUR'],
    ]);
    expect(platform.calls).toEqual([stale]);
    expect(server.requests.filter((r) => r.url === '/token')).toHaveLength(0);
  });

  it('asks the platform before the first request when it stores no token or a spent one', async () => {
    const none = source();
    await open({}, { tokenSource: none.tokenSource }).pickList('currencies');
    expect(none.calls).toEqual([undefined]);
    const spent = source({
      access_token: randomSecret('old'),
      expires_at: new Date(Date.now() - 1000).toISOString(),
    });
    await open({}, { tokenSource: spent.tokenSource }).pickList('currencies');
    expect(spent.calls).toEqual([undefined]);
    expect(server.requests.filter((r) => r.url === '/api/currencies')).toHaveLength(2);
  });
});
