/**
 * Token endpoints that count against a rate limit (Workiva): a 429 or 503 with Retry-After is
 * waited out a bounded number of times; extra grant parameters (audience, organization) go in
 * the form without replacing the grant's own.
 */
import { clientCredentialsGrant } from '../../../sdk/oauth2';
import { isConnectorError } from '../../../sdk/errors';
import { randomSecret, sendJson, startServer } from '../support/http-server';
import type { TestServer } from '../support/http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const endpoint = () => ({
  tokenEndpoint: `${server.url}/oauth2/token`,
  clientId: 'c',
  clientSecret: randomSecret('cs'),
});
const ok = { access_token: 'at-1', token_type: 'Bearer', expires_in: 599, scope: 'file:read' };

test('a 429 with Retry-After is waited out and the request sent again', async () => {
  let calls = 0;
  server.handle((_req, res) => {
    calls += 1;
    if (calls === 1) {
      res.setHeader('retry-after', '1');
      sendJson(res, 429, {
        error: 'temporarily_unavailable',
        error_description: 'Too many requests.',
      });
    } else sendJson(res, 200, ok);
  });
  const tokens = await clientCredentialsGrant(endpoint());
  expect(tokens.scope).toBe('file:read');
  expect(server.requests).toHaveLength(2);
  const gap = server.requests[1]!.at - server.requests[0]!.at;
  expect(gap).toBeGreaterThanOrEqual(950);
});

test('retries are bounded; the last 429 is a rate_limited error', async () => {
  server.handle((_req, res) => {
    res.setHeader('retry-after', '0');
    sendJson(res, 429, { error: 'temporarily_unavailable' });
  });
  try {
    await clientCredentialsGrant({ ...endpoint(), rateLimitRetries: 2 });
    throw new Error('expected a failure');
  } catch (error) {
    expect(isConnectorError(error) && error.code).toBe('rate_limited');
  }
  expect(server.requests).toHaveLength(3);
});

test('a Retry-After beyond 60 s is not waited for', async () => {
  server.handle((_req, res) => {
    res.setHeader('retry-after', '3600');
    sendJson(res, 429, { error: 'temporarily_unavailable' });
  });
  await expect(clientCredentialsGrant(endpoint())).rejects.toMatchObject({ code: 'rate_limited' });
  expect(server.requests).toHaveLength(1);
});

test('extra parameters are sent, and cannot replace grant_type', async () => {
  server.handle((_req, res) => sendJson(res, 200, ok));
  await clientCredentialsGrant({
    ...endpoint(),
    extraParams: { audience: 'api.ukg.net', organization: 'org_x', grant_type: 'password' },
  });
  const form = Object.fromEntries(new URLSearchParams(server.requests[0]!.body));
  expect(form).toMatchObject({
    grant_type: 'client_credentials',
    audience: 'api.ukg.net',
    organization: 'org_x',
  });
});
