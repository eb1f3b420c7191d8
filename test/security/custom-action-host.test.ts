/**
 * `custom_action` cannot reach another host (nor leave the tenant's REST API): every escape is
 * refused before any request, so the bearer token only ever goes to the tenant. The "other host"
 * is a recording server on 127.0.0.2 that must see nothing.
 */
import { useSandboxFixture } from '../helpers/sandbox-session';
import { caught } from '../helpers/caught';
import { send, startRecordingServer } from '../helpers/recording-server';
import type { RecordingServer } from '../helpers/recording-server';

const fixture = useSandboxFixture();
let elsewhere: RecordingServer;

beforeAll(async () => {
  elsewhere = await startRecordingServer((_q, r) => send(r, 200, '{}'), '127.0.0.2');
});

beforeEach(() => {
  elsewhere.requests.length = 0;
});

afterAll(async () => {
  await elsewhere?.close();
});

function escapes(): string[] {
  const other = elsewhere.origin; // http://127.0.0.2:PORT
  const host = other.slice('http://'.length);
  const sandboxHost = fixture.sandbox.origin.slice('http://'.length);
  return [
    `${other}/ccx/api/common/v1/acme_us/workers`,
    `//${host}/ccx/api/common/v1/acme_us/workers`,
    `\\\\${host}/ccx/api/common/v1/acme_us/workers`,
    `/\\${host}/x`,
    `http:${host}/x`,
    `HTTP://${host}/x`,
    ` ${other}/x`,
    `${other.replace('http', 'https')}/x`,
    `http://user@${host}/x`,
    `${fixture.sandbox.origin}@${host}/x`,
    `http://${sandboxHost}.${host}/x`,
    'common/v1/{tenant}/../../../../x',
    'common/v1/{tenant}/%2e%2e/%2e%2e/%2e%2e/x',
    'common/v1/{tenant}/%2E%2E%2F%2E%2E%2Fx',
    'common/v1/{tenant}/..%2f..%2f..%2fccx/oauth2/acme_us/token',
    'common/v1/{tenant}/%252e%252e/x',
    'common/v1/{tenant}/.%2e/x',
    '/ccx/oauth2/acme_us/token',
    '/ccx/service/acme_us/Financial_Management/v45.0',
    '/_sandbox/state',
    `common/v1/{tenant}/workers?next=${other}`,
    'common/v1/{tenant}/workers#frag',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'common/v1/{tenant}/workers\u0000',
    'common/v1/acme_emea/workers',
  ];
}

it('refuses every host and path escape before any request', async () => {
  const session = fixture.session('us');
  const refusals: string[] = [];
  for (const path of escapes()) {
    const error = await caught(session.runAction('custom_action', { method: 'GET', path }));
    refusals.push(error.code);
    expect(['invalid_input', 'tenant_mismatch']).toContain(error.code);
  }
  expect(refusals).toHaveLength(escapes().length);
  expect(elsewhere.requests).toEqual([]);
  // Not even a token was fetched: the path is checked first.
  const state = await fixture.state();
  expect(state.requests.total).toBe(0);
});

it('refuses escapes for writes too', async () => {
  const session = fixture.session('us');
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    const error = await caught(
      session.runAction('custom_action', {
        method,
        path: `${elsewhere.origin}/collect`,
        body: { a: 1 },
      }),
    );
    expect(error.code).toBe('invalid_input');
  }
  expect(elsewhere.requests).toEqual([]);
});

it('still reaches the tenant with a legitimate path (the refusals are not blanket)', async () => {
  const result = await fixture.session('us').runAction('custom_action', {
    method: 'GET',
    path: 'common/v1/{tenant}/workers',
    query: { limit: 2 },
  });
  expect(result).toMatchObject({ status: 200, data: { data: expect.any(Array) } });
  expect(elsewhere.requests).toEqual([]);
});

it('the HTTP client itself refuses an absolute URL on another origin', async () => {
  const session = fixture.session('us');
  const error = await caught(session.http.get(`${elsewhere.origin}/collect`));
  expect(error.code).toBe('invalid_input');
  expect(elsewhere.requests).toEqual([]);
});
