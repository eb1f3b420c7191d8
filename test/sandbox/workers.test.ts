import { accessTokenFor, connection, getJson, useTestSandbox } from './support';

describe('sandbox REST workers and currencies', () => {
  // Read-only tests: one token for the file, so no reset between tests.
  const sandbox = useTestSandbox({ resetBeforeEach: false });
  let usToken: string;
  let base: string;

  beforeAll(async () => {
    usToken = await accessTokenFor(sandbox, 'us');
    base = connection(sandbox, 'us').rest_api_endpoint;
  });

  it('pages workers with limit 20 by default and a constant total', async () => {
    const first = await getJson(`${base}/workers`, usToken);
    expect(first.status).toBe(200);
    const total = first.body.total as number;
    // acme_us has 46 workers besides its ISU (2 demo persons + 44 others in the fixture).
    expect(total).toBe(46);
    expect(first.body.data).toHaveLength(20);
    const seen = new Set<string>();
    for (let offset = 0; offset < total; offset += 20) {
      const page = await getJson(`${base}/workers?offset=${offset}`, usToken);
      expect(page.body.total).toBe(total);
      for (const worker of page.body.data as { id: string }[]) seen.add(worker.id);
    }
    expect(seen.size).toBe(total);
    const last = await getJson(`${base}/workers?offset=40&limit=20`, usToken);
    expect(last.body.data).toHaveLength(6);
  });

  it('answers 200 with empty data when offset is past the end', async () => {
    const page = await getJson(`${base}/workers?offset=46`, usToken);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({ total: 46, data: [] });
  });

  it('accepts limit 100 and refuses 101, 0 and non-numbers with Workday-shaped 400s', async () => {
    const max = await getJson(`${base}/workers?limit=100`, usToken);
    expect(max.body.data).toHaveLength(46);
    for (const bad of ['limit=101', 'limit=0', 'limit=ten', 'offset=-1']) {
      const response = await getJson(`${base}/workers?${bad}`, usToken);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: expect.stringMatching(/^invalid request: /),
        errors: [{ error: response.body.error }],
      });
    }
  });

  it('searches workers by name', async () => {
    const response = await getJson(`${base}/workers?search=mcneil`, usToken);
    expect(response.body.total).toBe(1);
    expect(response.body.data).toEqual([
      expect.objectContaining({
        descriptor: 'Logan McNeil',
        isManager: true,
        primaryWorkEmail: 'logan.mcneil@acme-us.example.com',
        primarySupervisoryOrganization: expect.objectContaining({
          descriptor: 'Finance - USA Group',
        }),
      }),
    ]);
  });

  it('returns one worker as a bare object, and me as the token user', async () => {
    const lmcneil = sandbox.users.lmcneil!;
    const worker = await getJson(`${base}/workers/${lmcneil.workerId}`, usToken);
    expect(worker.status).toBe(200);
    expect(worker.body).toMatchObject({
      id: lmcneil.workerId,
      descriptor: 'Logan McNeil',
      href: `${base}/workers/${lmcneil.workerId}`,
    });
    expect(worker.body.total).toBeUndefined();
    const me = await getJson(`${base}/workers/me`, usToken);
    expect(me.body.id).toBe(sandbox.users.ISU_Connector_US!.workerId);
  });

  it('serves the same resources under common/v1 and answers unknown ids with 404', async () => {
    const versioned = await getJson(
      `${sandbox.origin}/ccx/api/common/v1/acme_us/workers?limit=1`,
      usToken,
    );
    expect(versioned.body.total).toBe(46);
    const missing = await getJson(`${base}/workers/0123456789abcdef0123456789abcdef`, usToken);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: 'Resource not found.',
      errors: [{ error: "Worker '0123456789abcdef0123456789abcdef' does not exist." }],
    });
    const unknownPath = await getJson(`${base}/journals`, usToken);
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.body.error).toBe('Resource not found.');
  });

  it('answers 401 without a token, with a bad token, and at another tenant', async () => {
    const none = await fetch(`${base}/workers`);
    expect(none.status).toBe(401);
    expect((await getJson(`${base}/workers`, 'not-a-token')).status).toBe(401);
    const emea = await getJson(`${connection(sandbox, 'emea').rest_api_endpoint}/workers`, usToken);
    expect(emea.status).toBe(401);
    expect(emea.body.errors).toEqual([
      { error: "The access token was not issued by tenant 'acme_emea'." },
    ]);
  });

  it('lists currencies with their precision under coreAccounting v1', async () => {
    const response = await getJson(
      `${sandbox.origin}/ccx/api/coreAccounting/v1/acme_us/currencies`,
      usToken,
    );
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(4);
    const byCode = Object.fromEntries(
      (response.body.data as { descriptor: string; precision: number }[]).map((c) => [
        c.descriptor,
        c.precision,
      ]),
    );
    expect(byCode).toEqual({ USD: 2, EUR: 2, GBP: 2, JPY: 0 });
    // Hrefs point back at the coreAccounting service, not at the common v1 alias.
    for (const currency of response.body.data as { id: string; href: string }[]) {
      expect(currency.href).toBe(
        `${sandbox.origin}/ccx/api/coreAccounting/v1/acme_us/currencies/${currency.id}`,
      );
    }
  });

  it('answers 403 when the API client lacks Common Financial Management', async () => {
    const limited = await accessTokenFor(sandbox, 'us_limited');
    const response = await getJson(
      `${sandbox.origin}/ccx/api/coreAccounting/v1/acme_us/currencies`,
      limited,
    );
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      error: 'User has insufficient permissions.',
      errors: [{ error: 'The task submitted is not authorized.' }],
    });
    // Staffing is registered on the limited client.
    expect((await getJson(`${base}/workers/me`, limited)).status).toBe(200);
  });
});
