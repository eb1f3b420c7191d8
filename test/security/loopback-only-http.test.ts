/**
 * Plain-http endpoints are refused outside loopback, before any request: a bearer token or a
 * client secret must never cross a network in clear text. Look-alike hosts that merely start
 * with "127." or "localhost" are not loopback. (The endpoint parser's own table of cases is in
 * test/workday/endpoints.test.ts; this checks what a session and the doctor do with them.)
 */
import { randomUUID } from 'node:crypto';
import connector from '../../connector';
import { createSession } from '../../sdk/index';
import { caught } from '../helpers/caught';
import { send, startRecordingServer, workdayConnectionAt } from '../helpers/recording-server';
import type { RecordingServer } from '../helpers/recording-server';

const NOT_LOOPBACK = [
  'workday.example.com',
  'wd2-impl-services1.workday.com',
  '10.0.0.5',
  '192.168.1.10',
  '0.0.0.0',
  '127.0.0.1.nip.io',
  'localhost.example.com',
  '[::ffff:10.0.0.5]',
  '[fe80::1]',
];

let loopback: RecordingServer;

beforeAll(async () => {
  loopback = await startRecordingServer((request, response) => {
    if (request.url.startsWith('/ccx/oauth2/'))
      send(response, 200, JSON.stringify({ access_token: randomUUID(), token_type: 'Bearer' }));
    else send(response, 200, JSON.stringify({ id: 'w1', descriptor: 'ISU' }));
  }, '127.0.0.2');
});

afterAll(async () => {
  await loopback?.close();
});

function secrets() {
  return { clientSecret: randomUUID(), refreshToken: randomUUID() };
}

it.each(NOT_LOOPBACK)('refuses http://%s before any request', async (host) => {
  const error = await caught(
    (async () => {
      const session = createSession(connector, {
        connection: workdayConnectionAt(`http://${host}`, secrets()),
        // Were anything sent, it would fail fast rather than hang on a real network.
        http: { timeoutMs: 500 },
      });
      try {
        return await session.test();
      } finally {
        session.close();
      }
    })(),
  );
  expect(error.code).toBe('invalid_settings');
  expect(error.message).toMatch(/https|http/);
});

it('refuses a mix: https REST with an http token endpoint elsewhere', async () => {
  const connection = {
    ...workdayConnectionAt('https://wd2-impl-services1.workday.com', secrets()),
    token_endpoint: 'http://wd2-impl-services1.workday.com/ccx/oauth2/acme_us/token',
  };
  const error = await caught((async () => createSession(connector, { connection }).test())());
  expect(error.code).toBe('invalid_settings');
  expect(error.message).toContain('token_endpoint');
});

it('allows plain http on another loopback address (127.0.0.2), as for the sandbox', async () => {
  const session = createSession(connector, {
    connection: workdayConnectionAt(loopback.origin, secrets()),
  });
  try {
    await expect(session.test()).resolves.toMatchObject({ tenant: 'acme_us' });
  } finally {
    session.close();
  }
  expect(loopback.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
});
