/**
 * The UKG Pro simulator over real HTTP on loopback: both auth models, per-web-service
 * permissions, paging and fault injection. Secrets come from the running simulator.
 */
import { startUkgSimulator } from '../../simulator';
import type { UkgSimulatorHandle } from '../../simulator';

let ukg: UkgSimulatorHandle;

beforeAll(async () => {
  ukg = await startUkgSimulator();
});
afterAll(async () => {
  await ukg.close();
});
beforeEach(() => ukg.reset());

function conn(name: string): Record<string, string> {
  const found = ukg.settings.connections[name];
  if (found === undefined) throw new Error(`no connection ${name}`);
  return found;
}

function basicHeaders(name: string): Record<string, string> {
  const c = conn(name);
  return {
    authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`,
    'us-customer-api-key': c.customer_api_key ?? '',
    accept: 'application/json',
  };
}

async function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return {
    status: res.status,
    body: text === '' ? undefined : JSON.parse(text),
    headers: res.headers,
  };
}

async function consoleToken(name: string, body: Record<string, unknown> = {}): Promise<Response> {
  const c = conn(name);
  return fetch(`${c.token_url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: c.client_id,
      client_secret: c.client_secret,
      audience: c.audience,
      ...(c.organization === undefined ? {} : { organization: c.organization }),
      ...body,
    }),
  });
}

describe('web service account (Basic + US-Customer-Api-Key)', () => {
  test('a healthy account reads person details as a JSON array', async () => {
    const res = await get(
      `${ukg.production.origin}/personnel/v1/person-details?per_Page=5`,
      basicHeaders('prod'),
    );
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body).toHaveLength(5);
    expect((res.body as Array<Record<string, unknown>>)[0]).toHaveProperty('employeeId');
  });

  test('employment details spell ID with a capital D', async () => {
    const res = await get(
      `${ukg.production.origin}/personnel/v1/companies/J9A6Y/employees/A0002/employment-details`,
      basicHeaders('prod'),
    );
    expect(res.status).toBe(200);
    const [item] = res.body as Array<Record<string, unknown>>;
    expect(item).toMatchObject({ employeeID: 'A0002', companyID: 'J9A6Y', companyCode: 'ACME' });
    expect(item).not.toHaveProperty('employeeId');
  });

  test('a missing customer API key is 401 and says so', async () => {
    const { 'us-customer-api-key': _key, ...headers } = basicHeaders('prod');
    const res = await get(`${ukg.production.origin}/configuration/v1/org-levels`, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(JSON.stringify(res.body)).toMatch(/US-Customer-Api-Key/);
  });

  test('a wrong customer API key is 401', async () => {
    const res = await get(
      `${ukg.production.origin}/configuration/v1/org-levels`,
      basicHeaders('prod_wrong_key'),
    );
    expect(res.status).toBe(401);
  });

  test('a wrong password is 401 with a different detail', async () => {
    const headers = basicHeaders('prod');
    headers.authorization = `Basic ${Buffer.from('acme_integration:nope').toString('base64')}`;
    const res = await get(`${ukg.production.origin}/configuration/v1/org-levels`, headers);
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).toMatch(/user name or password/);
  });

  test('test-environment credentials are refused by production, accepted by test', async () => {
    const headers = basicHeaders('prod_with_test_credentials');
    const onProd = await get(`${ukg.production.origin}/personnel/v1/person-details`, headers);
    const onTest = await get(`${ukg.test.origin}/personnel/v1/person-details`, headers);
    expect(onProd.status).toBe(401);
    expect(onTest.status).toBe(200);
  });

  test('an account without Company Configuration Integration gets 403 on org levels only', async () => {
    const headers = basicHeaders('prod_people_only');
    const people = await get(`${ukg.production.origin}/personnel/v1/person-details`, headers);
    const levels = await get(`${ukg.production.origin}/configuration/v1/org-levels`, headers);
    const positions = await get(`${ukg.production.origin}/configuration/v1/positions`, headers);
    expect(people.status).toBe(200);
    expect(levels.status).toBe(403);
    expect(positions.status).toBe(403);
  });

  test('X-Tenant-ID is ignored (it does not exist) but counted', async () => {
    const res = await get(`${ukg.production.origin}/configuration/v1/org-levels`, {
      ...basicHeaders('prod'),
      'x-tenant-id': 'acme',
    });
    expect(res.status).toBe(200);
    expect(ukg.production.state().ignored['x-tenant-id']).toBe(1);
  });
});

describe('paging and filters', () => {
  test('pages of per_Page until a short page', async () => {
    const seen: string[] = [];
    for (let page = 1; page < 10; page += 1) {
      const res = await get(
        `${ukg.production.origin}/personnel/v1/person-details?companyId=J9A6Y&per_Page=75&page=${page}`,
        basicHeaders('prod'),
      );
      const items = res.body as Array<{ employeeId: string }>;
      seen.push(...items.map((i) => i.employeeId));
      if (items.length < 75) break;
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
  });

  test('per_Page above 10,000 is refused with 400', async () => {
    const res = await get(
      `${ukg.production.origin}/configuration/v1/positions?per_Page=10001`,
      basicHeaders('prod'),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/per_Page/);
  });

  test('org levels filter by isActive', async () => {
    const res = await get(
      `${ukg.production.origin}/configuration/v1/org-levels?isActive=false`,
      basicHeaders('prod'),
    );
    expect((res.body as Array<{ code: string }>).map((o) => o.code)).toEqual(['NRTH']);
  });
});

describe('Developer Console (client credentials, Bearer + global-tenant-id)', () => {
  test('a token for the organization reads with global-tenant-id', async () => {
    const tokenRes = await consoleToken('prod_console');
    expect(tokenRes.status).toBe(200);
    const token = (await tokenRes.json()) as { access_token: string; token_type: string };
    expect(token.token_type).toBe('Bearer');
    const res = await get(`${ukg.production.origin}/configuration/v1/positions?per_Page=3`, {
      authorization: `Bearer ${token.access_token}`,
      'global-tenant-id': conn('prod_console').organization ?? '',
    });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3);
  });

  test('a form-encoded token request works too', async () => {
    const c = conn('prod_console');
    const res = await fetch(`${c.token_url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: c.client_id ?? '',
        client_secret: c.client_secret ?? '',
        audience: c.audience ?? '',
        organization: c.organization ?? '',
      }).toString(),
    });
    expect(res.status).toBe(200);
  });

  test('without global-tenant-id the token is refused with 401', async () => {
    const token = (await (await consoleToken('prod_console')).json()) as { access_token: string };
    const res = await get(`${ukg.production.origin}/configuration/v1/positions`, {
      authorization: `Bearer ${token.access_token}`,
    });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).toMatch(/global-tenant-id/);
  });

  test('a wrong client secret is access_denied, a wrong audience 403', async () => {
    const bad = await consoleToken('prod_console', { client_secret: 'nope' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: 'access_denied' });
    const aud = await consoleToken('prod_console', { audience: 'other.example' });
    expect(aud.status).toBe(403);
  });

  test('the staging client cannot ask for the production organization', async () => {
    const res = await consoleToken('prod_console_with_test_client', {
      organization: conn('prod_console').organization,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  test('a staging token is refused by the production API', async () => {
    const c = conn('prod_console_with_test_client');
    const token = (await (await consoleToken('prod_console_with_test_client')).json()) as {
      access_token: string;
    };
    const res = await get(`${c.base_url}/configuration/v1/positions`, {
      authorization: `Bearer ${token.access_token}`,
      'global-tenant-id': c.organization ?? '',
    });
    expect(res.status).toBe(401);
  });

  test('tenant_context is ignored and counted', async () => {
    const res = await consoleToken('prod_console', { tenant_context: 'acme' });
    expect(res.status).toBe(200);
    expect(ukg.production.state().ignored.tenant_context).toBe(1);
  });
});

describe('fault injection', () => {
  test('rate_limit answers 429 with Retry-After, then recovers', async () => {
    ukg.production.setFaults({ rules: [{ kind: 'rate_limit', times: 2, retryAfterSeconds: 3 }] });
    const url = `${ukg.production.origin}/configuration/v1/org-levels`;
    const first = await get(url, basicHeaders('prod'));
    const second = await get(url, basicHeaders('prod'));
    const third = await get(url, basicHeaders('prod'));
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(ukg.production.state().faultsFired).toBe(2);
  });

  test('a rule limited to a path leaves other paths alone', async () => {
    ukg.production.setFaults({
      rules: [{ kind: 'server_error', status: 503, path: '/configuration/', times: 5 }],
    });
    const people = await get(
      `${ukg.production.origin}/personnel/v1/person-details`,
      basicHeaders('prod'),
    );
    const levels = await get(
      `${ukg.production.origin}/configuration/v1/org-levels`,
      basicHeaders('prod'),
    );
    expect([people.status, levels.status]).toEqual([200, 503]);
  });

  test('a bad spec is refused naming the field', () => {
    expect(() => ukg.production.setFaults({ rules: [{ kind: 'teapot' }] } as never)).toThrow(
      /rules\.0\.kind/,
    );
  });
});

describe('generic 401 details', () => {
  test('every 401 says the same when authErrorDetail is generic', async () => {
    const generic = await startUkgSimulator({ authErrorDetail: 'generic' });
    try {
      const c = generic.settings.connections.prod_wrong_key!;
      const headers = {
        authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`,
        'us-customer-api-key': c.customer_api_key ?? '',
      };
      const res = await get(`${generic.production.origin}/configuration/v1/org-levels`, headers);
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toMatch(/Api-Key/i);
    } finally {
      await generic.close();
    }
  });
});
