/**
 * Redirects never carry credentials to another host. A stand-in Workday on 127.0.0.1 answers API,
 * SOAP and token requests with redirects to a second server on 127.0.0.2 (127.0.0.0/8 is all
 * loopback, so it is "another host" without leaving the machine), which records what reaches it.
 */
import { randomUUID } from 'node:crypto';
import connector from '../../connector';
import { createSession } from '../../sdk/index';
import { caught } from '../helpers/caught';
import { send, startRecordingServer, workdayConnectionAt } from '../helpers/recording-server';
import type { RecordingServer } from '../helpers/recording-server';

let workday: RecordingServer;
let elsewhere: RecordingServer;
let redirectStatus = 302;
let redirectToken = false;
const secrets = { clientSecret: randomUUID(), refreshToken: randomUUID() };

beforeAll(async () => {
  elsewhere = await startRecordingServer(
    (_request, response) => send(response, 200, JSON.stringify({ stolen: true })),
    '127.0.0.2',
  );
  workday = await startRecordingServer((request, response) => {
    const isToken = request.url.startsWith('/ccx/oauth2/');
    if (isToken && !redirectToken) {
      send(response, 200, JSON.stringify({ access_token: randomUUID(), token_type: 'Bearer' }));
      return;
    }
    response.writeHead(redirectStatus, { location: `${elsewhere.origin}/collect${request.url}` });
    response.end();
  });
});

beforeEach(() => {
  workday.requests.length = 0;
  elsewhere.requests.length = 0;
  redirectStatus = 302;
  redirectToken = false;
});

afterAll(async () => {
  await workday?.close();
  await elsewhere?.close();
});

function session() {
  return createSession(connector, { connection: workdayConnectionAt(workday.origin, secrets) });
}

async function expectNothingElsewhere(run: (s: ReturnType<typeof session>) => Promise<unknown>) {
  const s = session();
  try {
    const error = await caught(run(s));
    expect(error.code).toBe('unexpected_response');
  } finally {
    s.close();
  }
  // The redirect was answered by our host and seen by the client...
  expect(workday.requests.length).toBeGreaterThan(0);
  // ...and nothing, with or without credentials, went to the other host.
  expect(elsewhere.requests).toEqual([]);
}

it.each([301, 302, 303, 307, 308])(
  'a REST read answered with %i is not followed',
  async (status) => {
    redirectStatus = status;
    await expectNothingElsewhere((s) =>
      s.runAction('get_worker', { worker_id: '1098bc33a7485eb30301db1e72cf738b' }),
    );
    const read = workday.requests.find((r) => r.url.includes('/workers/'));
    expect(read?.headers.authorization).toMatch(/^Bearer /);
  },
);

it('the approval PUT answered with 307 is not followed', async () => {
  redirectStatus = 307;
  await expectNothingElsewhere((s) =>
    s.runAction('approve_reject_inbox_task', {
      inbox_task_id: 'ec0a0ea65ea5662b223b6b2ccca45660',
      decision: 'approve',
      step_type: 'Approval',
    }),
  );
});

it('a SOAP request answered with 308 is not followed', async () => {
  redirectStatus = 308;
  const s = session();
  try {
    const error = await caught(s.runAction('get_journal_entry', { journal_id: 'JE-1' }));
    expect(error.code).not.toBe('internal');
  } finally {
    s.close();
  }
  expect(elsewhere.requests).toEqual([]);
});

it('a custom action answered with 302 is not followed', async () => {
  await expectNothingElsewhere((s) =>
    s.runAction('custom_action', { method: 'GET', path: 'common/v1/{tenant}/workers' }),
  );
});

it.each([302, 307])(
  'a token request answered with %i is not followed: no client secret, no refresh token elsewhere',
  async (status) => {
    redirectStatus = status;
    redirectToken = true;
    await expectNothingElsewhere((s) => s.test());
    const token = workday.requests.find((r) => r.url.startsWith('/ccx/oauth2/'));
    // The credentials did go to the token endpoint itself, and only there.
    expect(token?.headers.authorization).toMatch(/^Basic /);
    expect(token?.body).toContain('grant_type=refresh_token');
  },
);
