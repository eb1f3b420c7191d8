import {
  accessTokenFor,
  connection,
  journalRequest,
  postSoap,
  soapEnvelope,
  useTestSandbox,
} from './support';

describe('sandbox fault injection', () => {
  const sandbox = useTestSandbox();
  let token: string;
  let base: string;

  beforeAll(() => {
    base = connection(sandbox, 'us').rest_api_endpoint;
  });
  beforeEach(async () => {
    token = await accessTokenFor(sandbox, 'us');
  });

  const balanced = [
    ['6000', 'debit', '10.00'],
    ['2000', 'credit', '10.00'],
  ] as const;

  function get(path: string): Promise<Response> {
    return fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  }

  it('answers every Nth matching request with 429 and Retry-After', async () => {
    sandbox.setFaults({ rateLimit: { every: 3, retryAfterSeconds: 7, match: '/workers' } });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6; i += 1) {
      const response = await get('/workers?limit=1');
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    expect(limited?.headers.get('retry-after')).toBe('7');
    expect(await limited?.json()).toEqual({
      error: 'Too many requests: the rate limit was exceeded.',
    });
    // Requests that do not match are not counted towards `every`.
    expect((await accessTokenFor(sandbox, 'us')).length).toBeGreaterThan(0);
    expect((await sandbox.state()).faults.fired).toEqual({ rateLimit: 2 });
  });

  it('answers server errors every Nth request up to count, with the given status', async () => {
    sandbox.setFaults({ serverError: { every: 2, status: 503, count: 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get('/workers/me')).status);
    expect(statuses).toEqual([200, 503, 200, 200]);
  });

  it('draws probabilistic server errors from a seeded RNG', async () => {
    async function run(): Promise<number[]> {
      sandbox.setFaults({ serverError: { probability: 0.5 }, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await get('/workers/me')).status);
      return statuses;
    }
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  it('answers injected SOAP errors with a SOAP fault', async () => {
    sandbox.setFaults({ rateLimit: { every: 1, retryAfterSeconds: 1, match: 'Get_Journals' } });
    const response = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope('<bsvc:Get_Journals_Request/>'),
      token,
    );
    expect(response.status).toBe(429);
    expect(response.text).toContain('<faultcode>SOAP-ENV:Client</faultcode>');
    const other = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope('<bsvc:Get_Journal_Sources_Request/>'),
      token,
    );
    expect(other.status).toBe(200);
  });

  it('adds latency only to matching requests', async () => {
    sandbox.setFaults({ latencyMs: 150, latencyMatch: 'currencies' });
    const started = Date.now();
    const slow = await fetch(`${sandbox.origin}/ccx/api/coreAccounting/v1/acme_us/currencies`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await sandbox.state()).faults.fired).toEqual({ latencyMs: 1 });
    await get('/workers/me');
    expect((await sandbox.state()).faults.fired).toEqual({ latencyMs: 1 });
  });

  it('delays only the first latencyCount matching requests', async () => {
    sandbox.setFaults({ latencyMs: 150, latencyMatch: 'currencies', latencyCount: 1 });
    const url = `${sandbox.origin}/ccx/api/coreAccounting/v1/acme_us/currencies`;
    const headers = { authorization: `Bearer ${token}` };
    expect((await fetch(url, { headers })).status).toBe(200);
    expect((await fetch(url, { headers })).status).toBe(200);
    expect((await sandbox.state()).faults.fired).toEqual({ latencyMs: 1 });
  });

  it('resets the connection before handling: nothing is stored', async () => {
    sandbox.setFaults({ resetBeforeResponse: { match: 'Submit_Accounting_Journal', count: 1 } });
    const envelope = soapEnvelope(journalRequest({ id: 'RESET-1', lines: balanced }));
    await expect(postSoap(sandbox, 'acme_us', envelope, token)).rejects.toThrow();
    expect((await sandbox.state()).journals.acme_us).toBe(0);
    expect((await postSoap(sandbox, 'acme_us', envelope, token)).status).toBe(200);
    expect((await sandbox.state()).journals.acme_us).toBe(1);
  });

  it('loses the response after commit: the journal is stored exactly once, a retry is a duplicate', async () => {
    sandbox.setFaults({
      loseResponseAfterCommit: { match: 'Submit_Accounting_Journal', count: 1 },
    });
    const envelope = soapEnvelope(journalRequest({ id: 'LOST-1', lines: balanced }));
    await expect(postSoap(sandbox, 'acme_us', envelope, token)).rejects.toThrow();
    let state = await sandbox.state();
    expect(state.journals.acme_us).toBe(1);
    expect(state.faults.fired).toEqual({ loseResponseAfterCommit: 1 });
    const retry = await postSoap(sandbox, 'acme_us', envelope, token);
    expect(retry.status).toBe(500);
    expect(retry.text).toContain(
      'The Web Service is set to Add Only; documents cannot be resubmitted.',
    );
    state = await sandbox.state();
    expect(state.journals.acme_us).toBe(1);
  });

  it('mangles responses after handling: HTML, truncated JSON, unexpected SOAP', async () => {
    sandbox.setFaults({ malformed: { kind: 'html', match: '/workers/me', count: 1 } });
    const html = await get('/workers/me');
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
    expect((await get('/workers/me')).headers.get('content-type')).toMatch(/^application\/json/);

    sandbox.setFaults({ malformed: { kind: 'truncated_json' } });
    const truncated = await (await get('/workers?limit=5')).text();
    expect(() => JSON.parse(truncated)).toThrow();
    expect(truncated.startsWith('{"total":46')).toBe(true);

    sandbox.setFaults({ malformed: { kind: 'soap_unexpected', match: 'Get_Journal_Sources' } });
    const soap = await postSoap(
      sandbox,
      'acme_us',
      soapEnvelope('<bsvc:Get_Journal_Sources_Request/>'),
      token,
    );
    expect(soap.status).toBe(200);
    expect(soap.text).toContain('<wd:Unexpected_Response');
  });

  it('never applies faults to /_sandbox and manages the spec over HTTP', async () => {
    const post = (body: unknown): Promise<Response> =>
      fetch(`${sandbox.origin}/_sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const set = await post({ serverError: { every: 1 }, expireAccessTokens: true });
    expect(set.status).toBe(200);
    // One-shot faults act once and are not kept in the spec.
    expect(await set.json()).toEqual({ serverError: { every: 1 } });
    const state = await fetch(`${sandbox.origin}/_sandbox/state`);
    expect(state.status).toBe(200);
    expect((await get('/workers/me')).status).toBe(500);

    const invalid = await post({ rateLimit: { every: 0, retryAfterSeconds: 1 } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string }).error).toMatch(
      /^Fault spec 'rateLimit.every' is invalid/,
    );

    const cleared = await fetch(`${sandbox.origin}/_sandbox/faults`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({});
    expect(await (await fetch(`${sandbox.origin}/_sandbox/faults`)).json()).toEqual({});
  });
});
