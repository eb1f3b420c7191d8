/**
 * The Workiva simulator over real HTTP on loopback: the token endpoint (client auth, scope
 * narrowing, rate limit counted with API calls), X-Version routing, files paging, sheets,
 * ranges and long-running updates polled through Location.
 */
import { startWorkivaSimulator } from '../../simulator';
import type { WorkivaSimulatorHandle } from '../../simulator';

const V2026 = { 'x-version': '2026-01-01' };
let sim: WorkivaSimulatorHandle;

beforeAll(async () => {
  sim = await startWorkivaSimulator({
    rateLimit: { limit: 8, windowMs: 1000 },
    operationRetryAfterSeconds: 0,
    operationPollIntervalMs: 0,
  });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

function conn(name: string): Record<string, string> {
  const c = sim.settings.connections[name];
  if (c === undefined) throw new Error(`no connection ${name}`);
  return c;
}

async function token(
  name: string,
  how: 'basic' | 'form' | 'json' = 'basic',
  scope?: string,
  path = '/oauth2/token',
): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> {
  const c = conn(name);
  const fields: Record<string, string> = { grant_type: 'client_credentials' };
  if (scope !== undefined) fields.scope = scope;
  const headers: Record<string, string> = {};
  let body: string;
  if (how === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${c.client_id}:${c.client_secret}`).toString('base64')}`;
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(fields).toString();
  } else if (how === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams({
      ...fields,
      client_id: c.client_id!,
      client_secret: c.client_secret!,
    }).toString();
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ ...fields, client_id: c.client_id, client_secret: c.client_secret });
  }
  const res = await fetch(`${c.base_url}${path}`, { method: 'POST', headers, body });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    retryAfter: res.headers.get('retry-after'),
  };
}

async function api(
  url: string,
  accessToken: string,
  init: { method?: string; headers?: Record<string, string>; json?: unknown } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${accessToken}`,
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.headers ?? V2026),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    headers: res.headers,
  };
}

describe('token endpoint', () => {
  test.each(['basic', 'form', 'json'] as const)('client authentication by %s', async (how) => {
    const res = await token('us', how);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 599,
      scope: 'file:read file:write',
    });
    expect(sim.us.state().clientAuth[how]).toBe(1);
  });

  test('the 2022 path /iam/v1/oauth2/token works too', async () => {
    expect((await token('us', 'basic', undefined, '/iam/v1/oauth2/token')).status).toBe(200);
  });

  test('asking for more than the grant allows returns a narrower scope', async () => {
    const res = await token('us_readonly', 'basic', 'file:read file:write');
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('file:read');
  });

  test('asking only for scopes the grant lacks is invalid_scope', async () => {
    const res = await token('us_readonly', 'basic', 'file:write');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_scope' });
  });

  test('a wrong secret is 401 and Basic plus body is refused', async () => {
    const c = conn('us');
    const wrong = await fetch(`${c.base_url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${c.client_id}&client_secret=nope`,
    });
    expect(wrong.status).toBe(401);
    const both = await fetch(`${c.base_url}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${c.client_id}:${c.client_secret}`).toString('base64')}`,
      },
      body: `grant_type=client_credentials&client_id=${c.client_id}`,
    });
    expect(both.status).toBe(400);
  });

  test('a US client is unknown on the EU host', async () => {
    expect((await token('us_client_on_eu')).status).toBe(401);
  });

  test('token requests count against the rate limit with API calls', async () => {
    const t = String((await token('us')).body.access_token);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await api(`${sim.us.origin}/files`, t)).status);
    const again = await token('us');
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(again.status).toBe(429);
    expect(Number(again.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(again.body).toMatchObject({ error: 'temporarily_unavailable' });
  });
});

describe('Platform API', () => {
  let accessToken: string;
  beforeEach(async () => {
    accessToken = String((await token('us')).body.access_token);
  });

  test('X-Version routes: 2026 unprefixed, no header means 2022 /platform/v1', async () => {
    const v2026 = await api(`${sim.us.origin}/files?$maxpagesize=1`, accessToken);
    const v2022 = await api(`${sim.us.origin}/platform/v1/files?$maxpagesize=1`, accessToken, {
      headers: {},
    });
    const mixed = await api(`${sim.us.origin}/files`, accessToken, { headers: {} });
    expect([v2026.status, v2022.status, mixed.status]).toEqual([200, 200, 404]);
    expect(mixed.body).toMatchObject({ code: '404NotFound', version: '2022-01-01' });
  });

  test('files page through @nextLink followed verbatim', async () => {
    const ids: string[] = [];
    let url: string | undefined =
      `${sim.us.origin}/files?$filter=kind eq 'Spreadsheet'&$maxpagesize=10`;
    let pages = 0;
    while (url !== undefined) {
      const res = await api(url, accessToken);
      expect(res.status).toBe(200);
      const body = res.body as { data: Array<{ id: string; kind: string }>; '@nextLink'?: string };
      expect(body.data.every((f) => f.kind === 'Spreadsheet')).toBe(true);
      ids.push(...body.data.map((f) => f.id));
      url = body['@nextLink'];
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
  });

  test('$maxpagesize out of 1–1000 is 400 naming the parameter', async () => {
    const res = await api(`${sim.us.origin}/files?$maxpagesize=1001`, accessToken);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/\$maxpagesize/);
  });

  test('no token is 401 401Unauthorized', async () => {
    const res = await fetch(`${sim.us.origin}/files`, { headers: V2026 });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: '401Unauthorized' });
  });

  test('sheets and a range read', async () => {
    const sheets = await api(`${sim.us.origin}/spreadsheets/ss-budget-fy27/sheets`, accessToken);
    expect((sheets.body as { data: Array<{ id: string }> }).data.map((s) => s.id)).toEqual([
      'sh-summary',
      'sh-detail',
    ]);
    const range = await api(
      `${sim.us.origin}/spreadsheets/ss-budget-fy27/sheets/sh-summary/values/A1:C2`,
      accessToken,
    );
    expect(range.body).toEqual({
      data: [
        {
          range: 'A1:C2',
          values: [
            ['Cost center', 'FY26 FTE', 'FY27 FTE'],
            ['EAST', 40, 42.5],
          ],
        },
      ],
    });
  });

  test('an update is 202 + Location + Retry-After, and applies when the operation completes', async () => {
    const put = await api(
      `${sim.us.origin}/spreadsheets/ss-budget-fy27/sheets/sh-summary/values/C2:C3`,
      accessToken,
      {
        method: 'PUT',
        json: { values: [[44], [null]] },
      },
    );
    expect(put.status).toBe(202);
    const location = put.headers.get('location') ?? '';
    expect(location).toMatch(/\/operations\/[0-9a-f-]+$/);
    expect(put.headers.get('retry-after')).toBe('0');
    const seen: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const poll = await api(location, accessToken);
      const status = (poll.body as { status: string }).status;
      seen.push(status);
      if (status === 'completed') {
        expect(poll.body).toHaveProperty('resourceUrl');
        break;
      }
      expect(sim.us.cells('ss-budget-fy27', 'sh-summary', 'C2:C3')).toEqual([[42.5], [37]]);
    }
    expect(seen).toEqual(['queued', 'started', 'completed']);
    expect(sim.us.cells('ss-budget-fy27', 'sh-summary', 'C2:C3')).toEqual([[44], [37]]);
  });

  test('ragged rows are 400 before any operation exists', async () => {
    const put = await api(
      `${sim.us.origin}/spreadsheets/ss-budget-fy27/sheets/sh-summary/values/A1:B2`,
      accessToken,
      {
        method: 'PUT',
        json: { values: [[1, 2], [3]] },
      },
    );
    expect(put.status).toBe(400);
    expect(sim.us.state().operations).toBe(0);
  });

  test('a file the integration user may only read is 403 on update', async () => {
    const put = await api(
      `${sim.us.origin}/spreadsheets/ss-board-pack/sheets/sh-kpis/values/B2`,
      accessToken,
      {
        method: 'PUT',
        json: { values: [[190]] },
      },
    );
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject({ code: '403Forbidden' });
  });

  test('a token without file:write is 403 on update', async () => {
    const ro = String((await token('us_readonly', 'basic', 'file:read')).body.access_token);
    const put = await api(
      `${sim.us.origin}/spreadsheets/ss-budget-fy27/sheets/sh-summary/values/B2`,
      ro,
      {
        method: 'PUT',
        json: { values: [[1]] },
      },
    );
    expect(put.status).toBe(403);
  });

  test('fail_operation makes the next update end failed with details, cells unchanged', async () => {
    sim.us.setFaults({ rules: [{ kind: 'fail_operation' }] });
    const put = await api(
      `${sim.us.origin}/spreadsheets/ss-budget-fy27/sheets/sh-summary/values/B2`,
      accessToken,
      {
        method: 'PUT',
        json: { values: [[99]] },
      },
    );
    let last: { status: string; details: unknown[] } = { status: '', details: [] };
    for (let i = 0; i < 5 && !['failed', 'completed'].includes(last.status); i += 1) {
      last = (await api(put.headers.get('location') ?? '', accessToken)).body as typeof last;
    }
    expect(last.status).toBe('failed');
    expect(last.details).toHaveLength(1);
    expect(sim.us.cells('ss-budget-fy27', 'sh-summary', 'B2')).toEqual([[40]]);
  });

  test('a storm answers 429 with Retry-After; a client that ignores it is counted', async () => {
    sim.us.setFaults({ rules: [{ kind: 'storm', times: 3, retryAfterSeconds: 2 }] });
    const first = await api(`${sim.us.origin}/files`, accessToken);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    await new Promise((r) => setTimeout(r, 200));
    await api(`${sim.us.origin}/files`, accessToken); // too soon: a violation
    expect(sim.us.state().rateLimit).toMatchObject({ limited: 2, violations: 1 });
  });

  test('the request log keeps each counted request in order, with the Retry-After of a 429', async () => {
    sim.us.setFaults({ rules: [{ kind: 'storm', times: 1, retryAfterSeconds: 2 }] });
    await api(`${sim.us.origin}/files`, accessToken);
    sim.us.setFaults({ rules: [] });
    await api(`${sim.us.origin}/files`, accessToken);
    const log = sim.us.requests();
    // The token this block's set-up requested comes first: it counts like any call.
    expect(log.map(({ route, client, retryAfter }) => [route, client, retryAfter])).toEqual([
      ['token', 'acme-reporting', undefined],
      ['files', 'acme-reporting', 2],
      ['files', 'acme-reporting', undefined],
    ]);
    expect(log[2]!.at).toBeGreaterThanOrEqual(log[1]!.at);
    sim.reset();
    expect(sim.us.requests()).toEqual([]);
  });
});

describe('operation polling limit', () => {
  test('polling one operation faster than the interval is 429', async () => {
    const strict = await startWorkivaSimulator({
      operationRetryAfterSeconds: 1,
      operationPollIntervalMs: 1000,
    });
    try {
      const c = strict.settings.connections.us!;
      const res = await fetch(`${c.base_url}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: c.client_id!,
          client_secret: c.client_secret!,
        }).toString(),
      });
      const t = ((await res.json()) as { access_token: string }).access_token;
      const put = await api(
        `${strict.us.origin}/spreadsheets/ss-budget-fy27/sheets/sh-summary/values/B2`,
        t,
        {
          method: 'PUT',
          json: { values: [[1]] },
        },
      );
      const location = put.headers.get('location') ?? '';
      expect((await api(location, t)).status).toBe(200);
      const tooSoon = await api(location, t);
      expect(tooSoon.status).toBe(429);
      expect(tooSoon.headers.get('retry-after')).toBe('1');
    } finally {
      await strict.close();
    }
  });
});
