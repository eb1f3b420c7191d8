import { createHttpClient } from '../../../sdk/http';
import type { ConnectorHttpClient, Exchange, HttpClientOptions } from '../../../sdk/http';
import { createRedactor, REDACTED } from '../../../sdk/redact';
import { randomSecret, sendJson, startServer } from '../support/http-server';
import type { TestServer } from '../support/http-server';

let server: TestServer;
const clients: ConnectorHttpClient[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => server.close());

function client(options: Partial<HttpClientOptions> = {}): ConnectorHttpClient {
  const made = createHttpClient({
    baseUri: `${server.url}/api/v1/acme`,
    redactor: createRedactor(),
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  clients.push(made);
  return made;
}

describe('createHttpClient() base_uri rule', () => {
  beforeEach(() => server.handle((req, res) => sendJson(res, 200, { path: req.url })));

  it('appends a relative path and replaces the path for a leading slash', async () => {
    expect(await client().get('workers/me')).toEqual({ path: '/api/v1/acme/workers/me' });
    expect(await client({ baseUri: `${server.url}/api/v1/acme/` }).get('workers')).toEqual({
      path: '/api/v1/acme/workers',
    });
    expect(await client().get('/other/thing')).toEqual({ path: '/other/thing' });
  });

  it('sends query parameters, repeating array values and dropping undefined', async () => {
    await client().get('workers', { limit: 100, step: ['a', 'b'], skip: undefined, on: true });
    expect(server.requests[0]?.url).toBe('/api/v1/acme/workers?limit=100&step=a&step=b&on=true');
  });

  it('allows an absolute URL on the same origin and refuses another origin without sending', async () => {
    expect(await client().get(`${server.url}/abs`)).toEqual({ path: '/abs' });
    await expect(client().get('http://localhost:1/steal')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('createHttpClient() error classification', () => {
  it.each([
    [400, 'remote_validation'],
    [403, 'insufficient_scope'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'remote_validation'],
  ] as const)('maps %d to %s', async (status, code) => {
    server.handle((_req, res) => sendJson(res, status, { error: 'nope' }));
    await expect(client().get('x')).rejects.toMatchObject({ code, details: { status } });
  });

  it('names status, method and URL, and adds what errorBody read', async () => {
    server.handle((_req, res) =>
      sendJson(res, 400, { error: 'Invalid ID', errors: [{ error: 'id is unknown' }] }),
    );
    const errorBody = (body: unknown) => {
      const record = body as { error: string; errors: Array<{ error: string }> };
      return {
        message: record.error,
        messages: record.errors.map((entry) => ({ message: entry.error })),
      };
    };
    const error = await client({ errorBody })
      .get('tasks/1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'remote_validation',
      message: `Request failed with status 400 Bad Request: GET ${server.url}/api/v1/acme/tasks/1: Invalid ID`,
      details: {
        status: 400,
        method: 'GET',
        url: `${server.url}/api/v1/acme/tasks/1`,
        remoteMessages: [{ message: 'id is unknown' }],
      },
    });
  });

  it('reads the 404 status text from the response', async () => {
    server.handle((_req, res) => sendJson(res, 404, {}));
    await expect(client().get('/x')).rejects.toThrow(
      `Request failed with status 404 Not Found: GET ${server.url}/x`,
    );
  });

  it('returns statuses listed in acceptStatus instead of throwing', async () => {
    server.handle((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/xml' });
      res.end('<fault/>');
    });
    const response = await client().request({
      method: 'POST',
      url: 'soap',
      body: '<x/>',
      responseType: 'text',
      acceptStatus: [500],
    });
    expect(response).toMatchObject({ status: 500, data: '<fault/>' });
  });

  it('rejects an HTML page where JSON was expected as unexpected_response', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Maintenance</body></html>');
    });
    await expect(client().get('x')).rejects.toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining('"text/html"'),
    });
  });

  it('rejects truncated JSON as unexpected_response', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data": [1, 2');
    });
    await expect(client().get('x')).rejects.toMatchObject({ code: 'unexpected_response' });
  });

  it('does not follow a redirect', async () => {
    server.handle((_req, res) => {
      res.writeHead(302, { location: 'http://localhost:9/elsewhere' });
      res.end();
    });
    await expect(client().get('x')).rejects.toMatchObject({
      code: 'unexpected_response',
      details: { status: 302 },
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('createHttpClient() retries', () => {
  it('retries GET on 503 up to maxRetries, then throws remote_error', async () => {
    server.handle((_req, res) => sendJson(res, 503, {}));
    await expect(
      client({ retry: { maxRetries: 2, baseDelayMs: 1 } }).get('x'),
    ).rejects.toMatchObject({ code: 'remote_error', details: { status: 503 } });
    expect(server.requests).toHaveLength(3);
  });

  it('succeeds when a retry succeeds', async () => {
    let calls = 0;
    server.handle((_req, res) => {
      calls += 1;
      if (calls < 3) sendJson(res, 502, {});
      else sendJson(res, 200, { ok: true });
    });
    expect(await client().get('x')).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry POST by default, but does with retry: true', async () => {
    server.handle((_req, res) => sendJson(res, 503, {}));
    await expect(client().post('x', { a: 1 })).rejects.toMatchObject({ code: 'remote_error' });
    expect(server.requests).toHaveLength(1);
    server.handle((_req, res) => sendJson(res, 503, {}));
    await expect(
      client({ retry: { maxRetries: 2, baseDelayMs: 1 } }).request({
        method: 'POST',
        url: 'x',
        json: { a: 1 },
        retry: true,
      }),
    ).rejects.toMatchObject({ code: 'remote_error' });
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.body === '{"a":1}')).toBe(true);
  });

  it('stops retrying when the total time budget would be exceeded', async () => {
    server.handle((_req, res) => sendJson(res, 503, {}, { 'retry-after': '1' }));
    await expect(client({ retry: { maxRetryTimeMs: 300 } }).get('x')).rejects.toMatchObject({
      code: 'remote_error',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('honours Retry-After in seconds, measured between attempts on the server', async () => {
    let calls = 0;
    server.handle((_req, res) => {
      calls += 1;
      if (calls === 1) sendJson(res, 429, {}, { 'retry-after': '1' });
      else sendJson(res, 200, { ok: true });
    });
    expect(await client().get('x')).toEqual({ ok: true });
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
    // Loose upper bound (a loaded CI machine stalls): only catches a much longer wait, e.g. the
    // header read as minutes or a backoff applied on top of it.
    expect(second!.at - first!.at).toBeLessThan(10_000);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    let calls = 0;
    let until = 0;
    server.handle((_req, res) => {
      calls += 1;
      if (calls === 1) {
        const date = new Date(Date.now() + 1500).toUTCString();
        until = Date.parse(date); // whole seconds: 0.5–1.5 s from now
        sendJson(res, 503, {}, { 'retry-after': date });
      } else sendJson(res, 200, { ok: true });
    });
    expect(await client().get('x')).toEqual({ ok: true });
    expect(server.requests[1]!.at).toBeGreaterThanOrEqual(until - 5);
  });

  it('gives up at once with rate_limited when Retry-After exceeds the cap', async () => {
    server.handle((_req, res) => sendJson(res, 429, {}, { 'retry-after': '120' }));
    await expect(client().get('x')).rejects.toMatchObject({
      code: 'rate_limited',
      details: { status: 429, retryAfterSeconds: 120 },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('throws rate_limited with retryAfterSeconds when 429 retries run out', async () => {
    server.handle((_req, res) => sendJson(res, 429, {}, { 'retry-after': '0' }));
    await expect(client({ retry: { maxRetries: 1 } }).get('x')).rejects.toMatchObject({
      code: 'rate_limited',
      details: { retryAfterSeconds: 0 },
    });
    expect(server.requests).toHaveLength(2);
  });

  it('pauses the whole client after a 429, not just the throttled request', async () => {
    let throttled = false;
    server.handle((req, res) => {
      if (req.url.endsWith('/a') && !throttled) {
        throttled = true;
        sendJson(res, 429, {}, { 'retry-after': '1' });
      } else sendJson(res, 200, { path: req.url });
    });
    let other: Promise<unknown> | undefined;
    const http = client({
      onExchange(exchange: Exchange) {
        // Start a second, unrelated request the moment the 429 has been seen.
        if (exchange.status === 429) other = http.get('b');
      },
    });
    await http.get('a');
    await other;
    const first429 = server.requests.find((r) => r.url.endsWith('/a'))!;
    const b = server.requests.find((r) => r.url.endsWith('/b'))!;
    expect(b.at - first429.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a GET after the connection is reset before a response', async () => {
    let calls = 0;
    server.handle((_req, res, raw) => {
      calls += 1;
      if (calls === 1) raw.socket.destroy();
      else sendJson(res, 200, { ok: true });
    });
    expect(await client().get('x')).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a POST after a reset and reports transport', async () => {
    server.handle((_req, _res, raw) => {
      raw.socket.destroy();
    });
    await expect(client().post('x', {})).rejects.toMatchObject({
      code: 'transport',
      message: expect.stringContaining(`POST ${server.url}/api/v1/acme/x`),
      // A write without an answer may have been applied: never advise a blind retry.
      hint: expect.stringContaining('check its effect before sending it again'),
    });
    expect(server.requests).toHaveLength(1);
  });

  it('advises a plain retry only for a read', async () => {
    server.handle((_req, _res, raw) => {
      raw.socket.destroy();
    });
    await expect(client({ retry: { maxRetries: 0 } }).get('x')).rejects.toMatchObject({
      code: 'transport',
      hint: 'Check the network path to the API host, then retry.',
    });
  });
});

describe('createHttpClient() timeouts', () => {
  it('turns a timeout into a transport error naming the limit', async () => {
    server.handle((_req, res) => {
      setTimeout(() => sendJson(res, 200, {}), 400);
    });
    await expect(
      client().request({ method: 'POST', url: 'slow', json: {}, timeoutMs: 100 }),
    ).rejects.toMatchObject({
      code: 'transport',
      message: `Request timed out after 100 ms: POST ${server.url}/api/v1/acme/slow (no complete response within the per-attempt deadline "timeoutMs")`,
    });
  });

  it('retries a timed-out GET within the retry bounds', async () => {
    server.handle((_req, res) => {
      setTimeout(() => sendJson(res, 200, {}), 300);
    });
    await expect(
      client({ timeoutMs: 50, retry: { maxRetries: 1, baseDelayMs: 1 } }).get('slow'),
    ).rejects.toMatchObject({ code: 'transport' });
    expect(server.requests).toHaveLength(2);
  });
  it('stops at once when the caller aborts, without retrying', async () => {
    server.handle((_req, res) => {
      setTimeout(() => sendJson(res, 200, {}), 300);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      client().request({ method: 'GET', url: 'slow', signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'transport', message: expect.stringContaining('cancelled') });
    expect(server.requests).toHaveLength(1);
  });
});

describe('createHttpClient() redaction', () => {
  it('redacts applied credentials and secrets in onExchange records', async () => {
    const token = randomSecret('access');
    const secret = randomSecret('secret');
    const redactor = createRedactor();
    redactor.add(secret);
    server.handle((req, res) => sendJson(res, 200, { echoed: req.headers.authorization, secret }));
    const exchanges: Exchange[] = [];
    const http = client({
      redactor,
      onExchange: (e) => exchanges.push(e),
      auth: {
        authenticate: async () => ({
          headers: { authorization: `Bearer ${token}` },
          credential: token,
        }),
        renew: async () => {},
      },
    });
    await http.post('x', { note: secret });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(exchanges).toHaveLength(1);
    const text = JSON.stringify(exchanges);
    expect(text).not.toContain(token);
    expect(text).not.toContain(secret);
    expect(exchanges[0]).toMatchObject({
      attempt: 1,
      method: 'POST',
      status: 200,
      requestHeaders: { authorization: REDACTED },
      requestBody: `{"note":"${REDACTED}"}`,
    });
  });

  it('redacts secrets that the server echoes into an error', async () => {
    const secret = randomSecret('secret');
    const redactor = createRedactor();
    redactor.add(secret);
    server.handle((_req, res) => sendJson(res, 400, { error: `bad value ${secret}` }));
    const error = await client({
      redactor,
      errorBody: (body) => ({
        message: (body as { error: string }).error,
        messages: [{ message: (body as { error: string }).error }],
      }),
    })
      .get(`x?key=${secret}`)
      .catch((e: unknown) => e);
    expect(JSON.stringify((error as { toJSON(): unknown }).toJSON())).not.toContain(secret);
    expect((error as Error).message).toContain(REDACTED);
  });
});

describe('createHttpClient() concurrency', () => {
  it('keeps at most maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    server.handle((_req, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        sendJson(res, 200, {});
      }, 20);
    });
    const http = client({ maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, () => http.get('x')));
    expect(peak).toBe(3);
    expect(server.requests).toHaveLength(12);
  });
});
