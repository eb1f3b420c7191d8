/**
 * Issue 15, class 2: every request has an overall deadline, per attempt and for the request with
 * its retries, on REST, SOAP and the token endpoint. A server that trickles one byte at a time
 * used to hold a request forever (the old timeout was a socket idle timeout).
 */
import connector from '../../connector';
import { createHttpClient } from '../../sdk/http';
import type { ConnectorHttpClient, HttpClientOptions } from '../../sdk/http';
import { createRedactor } from '../../sdk/redact';
import { createSession } from '../../sdk/runtime';
import { caught } from '../helpers/caught';
import { startHostileServer } from '../helpers/hostile-server';
import type { HostileServer } from '../helpers/hostile-server';

let server: HostileServer;
const closers: Array<{ close(): void }> = [];

beforeEach(async () => {
  server = await startHostileServer();
});
afterEach(async () => {
  for (const c of closers.splice(0)) c.close();
  await server.close();
});

function client(options: Partial<HttpClientOptions> = {}): ConnectorHttpClient {
  const made = createHttpClient({
    baseUri: `${server.origin}/api`,
    redactor: createRedactor(),
    ...options,
    // A test's retry options add to the short backoff instead of replacing it: with the default
    // (full jitter up to 300 ms) a second attempt sometimes started past a test's deadline.
    retry: { baseDelayMs: 5, maxDelayMs: 10, ...options.retry },
  });
  closers.push(made);
  return made;
}

function session(http: Partial<HttpClientOptions>) {
  const made = createSession(connector, { connection: server.settings, http });
  closers.push(made);
  return made;
}

// One byte every 20 ms: the socket is never idle for long, so an idle timeout never fires.
const TRICKLE = { kind: 'trickle', chunk: ' ', intervalMs: 20 } as const;

describe('per-attempt deadline', () => {
  it('ends a REST GET that trickles forever with a transport timeout naming timeoutMs', async () => {
    server.api(TRICKLE);
    const error = await caught(client({ timeoutMs: 300, retry: { maxRetries: 0 } }).get('workers'));
    expect(error).toMatchObject({
      code: 'transport',
      message: `Request timed out after 300 ms: GET ${server.origin}/api/workers (no complete response within the per-attempt deadline "timeoutMs")`,
      details: { transportCode: 'ETIMEDOUT' },
    });
  });

  it('reads a trickled answer that ends within the deadline', async () => {
    server.api({ kind: 'trickle', chunk: ' ', intervalMs: 10, count: 10, end: '{"ok":true}' });
    expect(await client({ timeoutMs: 5_000 }).get('workers')).toEqual({ ok: true });
  });

  it('ends a SOAP call (get_journal_entry) that trickles its envelope', async () => {
    server.api({ ...TRICKLE, contentType: 'text/xml' });
    const error = await caught(
      session({ timeoutMs: 300, retry: { maxRetries: 0 } }).runAction('get_journal_entry', {
        journal_id: 'JE-1',
      }),
    );
    expect(error).toMatchObject({ code: 'transport' });
    expect((error as Error).message).toMatch(
      /^Request timed out after 300 ms: POST http:\/\/127\.0\.0\.1:\d+\/ccx\/service\/acme_us\/Financial_Management\/v[\d.]+ \(no complete response within the per-attempt deadline "timeoutMs"\)$/,
    );
  });

  it('ends a token request that trickles, naming the token request deadline', async () => {
    server.token(TRICKLE);
    const error = await caught(session({ timeoutMs: 300 }).test());
    expect(error).toMatchObject({
      code: 'transport',
      message: `The token request timed out after 300 ms: POST ${server.origin}/ccx/oauth2/acme_us/token (no complete response within the token request's deadline "timeoutMs")`,
    });
    expect(server.seen).toEqual(['POST /ccx/oauth2/acme_us/token']);
  });

  it('ends a request whose server accepts the connection and never answers', async () => {
    server.api({ kind: 'stall' });
    await expect(
      client({ timeoutMs: 200, retry: { maxRetries: 0 } }).get('workers'),
    ).rejects.toMatchObject({ code: 'transport', details: { transportCode: 'ETIMEDOUT' } });
  });
});

describe('deadline of the request with its retries', () => {
  it('stops retrying a trickling GET at deadlineMs and names that deadline', async () => {
    server.api(TRICKLE);
    const error = await caught(
      client({ timeoutMs: 200, deadlineMs: 500, retry: { maxRetries: 10 } }).get('workers'),
    );
    expect(error).toMatchObject({
      code: 'transport',
      message: `Request timed out after 500 ms: GET ${server.origin}/api/workers (the deadline "deadlineMs" for the request and its retries passed)`,
    });
    // Two full attempts fit in 500 ms, and a third cut short to what is left at most: far from
    // the eleven that maxRetries alone would allow.
    expect(server.seen.length).toBeGreaterThanOrEqual(2);
    expect(server.seen.length).toBeLessThanOrEqual(3);
  });

  it('gives up rather than wait for a Retry-After that ends past the deadline', async () => {
    server.api({ kind: 'answer', status: 503, body: '{}', headers: { 'retry-after': '5' } });
    await expect(
      client({ deadlineMs: 1_000, retry: { maxRetryAfterMs: 60_000 } }).get('workers'),
    ).rejects.toMatchObject({ code: 'remote_error' });
    expect(server.seen).toHaveLength(1);
  });

  it('bounds a session call over REST the same way', async () => {
    server.api(TRICKLE);
    const error = await caught(
      session({
        timeoutMs: 150,
        deadlineMs: 400,
        retry: { maxRetries: 10, baseDelayMs: 1 },
      }).test(),
    );
    expect(error).toMatchObject({ code: 'transport' });
    expect((error as Error).message).toContain(
      '(the deadline "deadlineMs" for the request and its retries passed)',
    );
  });
});
