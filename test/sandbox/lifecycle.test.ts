import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { request as httpRequest, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSandbox, startSandbox } from '../../sandbox';
import { writeSettingsFile } from '../../sdk/settings';
import type { SandboxHandle } from '../../sandbox';
import { accessTokenFor, connection, getJson } from './support';

/** One request on its own TCP connection (no keep-alive), so socket counts are exact. */
function rawGet(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${origin}${path}`,
      { agent: false, headers: { connection: 'close', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function countResources(name: string): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === name).length;
}

describe('startSandbox()', () => {
  let sandbox: SandboxHandle;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('describes every named connection with endpoints on its port', () => {
    const { connections } = sandbox.settings;
    expect(Object.keys(connections).sort()).toEqual([
      'emea',
      'us',
      'us_client_at_emea',
      'us_limited',
      'us_user',
    ]);
    const us = connections.us!;
    expect(us).toEqual({
      auth_type: 'refresh_token',
      rest_api_endpoint: `${sandbox.origin}/ccx/api/v1/acme_us`,
      authorization_endpoint: `${sandbox.origin}/acme_us/authorize`,
      token_endpoint: `${sandbox.origin}/ccx/oauth2/acme_us/token`,
      client_id: expect.any(String),
      client_secret: expect.any(String),
      refresh_token: expect.any(String),
      soap_version: 'v45.0',
    });
    expect(sandbox.origin).toBe(`http://127.0.0.1:${sandbox.port}`);
    const user = connections.us_user!;
    expect(user.auth_type).toBe('authorization_code');
    expect(user.refresh_token).toBeUndefined();
    expect(user.redirect_uri).toBe('http://127.0.0.1:45555/oauth/callback');
    const mistake = connections.us_client_at_emea!;
    expect([mistake.client_id, mistake.client_secret, mistake.refresh_token]).toEqual([
      us.client_id,
      us.client_secret,
      us.refresh_token,
    ]);
    expect(mistake.token_endpoint).toBe(`${sandbox.origin}/ccx/oauth2/acme_emea/token`);
    expect(connections.emea!.client_id).not.toBe(us.client_id);
    expect(connections.us_limited!.refresh_token).not.toBe(us.refresh_token);
  });

  it('generates secrets per run and never reads them from the fixtures', async () => {
    const other = await startSandbox();
    try {
      expect(other.settings.connections.us!.client_secret).not.toBe(
        sandbox.settings.connections.us!.client_secret,
      );
      expect(other.settings.connections.us!.refresh_token).not.toBe(
        sandbox.settings.connections.us!.refresh_token,
      );
      expect(other.users.ISU_Connector_US!.password).not.toBe(
        sandbox.users.ISU_Connector_US!.password,
      );
    } finally {
      await other.close();
    }
    const fixtureDir = join(__dirname, '../../fixtures/sandbox');
    const fixtures = await Promise.all(
      (await readdir(fixtureDir)).map((file) => readFile(join(fixtureDir, file), 'utf8')),
    );
    const us = sandbox.settings.connections.us!;
    for (const secret of [
      us.client_secret,
      us.refresh_token ?? '',
      sandbox.users.ISU_Connector_US!.password,
    ]) {
      expect(secret.length).toBeGreaterThanOrEqual(32);
      for (const text of fixtures) expect(text).not.toContain(secret);
    }
  });

  it('lists demo persons with their passwords and ISUs with generated SOAP passwords', () => {
    expect(sandbox.users.lmcneil).toEqual({
      username: 'lmcneil',
      password: 'Sandbox-Demo-1',
      tenant: 'acme_us',
      workerId: expect.stringMatching(/^[0-9a-f]{32}$/),
      kind: 'person',
    });
    expect(sandbox.users.ISU_Connector_EMEA).toMatchObject({ tenant: 'acme_emea', kind: 'isu' });
  });

  it('writes the settings file with mode 0600', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-settings-'));
    try {
      const path = join(dir, 'nested', 'settings.json');
      await writeSettingsFile(path, sandbox.settings);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(sandbox.settings);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('counts requests, routes and sockets exactly, leaving /_sandbox out', async () => {
    sandbox.reset();
    const token = await accessTokenFor(sandbox, 'us');
    // The token request above used fetch's keep-alive pool: count from here on with raw sockets.
    const before = await sandbox.state();
    const auth = { authorization: `Bearer ${token}` };
    expect(await rawGet(sandbox.origin, '/ccx/api/v1/acme_us/workers', auth)).toBe(200);
    expect(await rawGet(sandbox.origin, '/ccx/api/common/v1/acme_us/workers/me', auth)).toBe(200);
    expect(await rawGet(sandbox.origin, '/ccx/api/v1/acme_us/workers/me/inboxTasks', auth)).toBe(
      200,
    );
    expect(await rawGet(sandbox.origin, '/nowhere')).toBe(404);
    expect(await rawGet(sandbox.origin, '/_sandbox/state')).toBe(200);
    const state = await sandbox.state();
    expect(state.requests).toEqual({
      total: 5,
      byRoute: {
        'oauth.token': 1,
        'rest.workers.list': 1,
        'rest.workers.get': 1,
        'rest.workers.inboxTasks.list': 1,
        unmatched: 1,
      },
    });
    expect(state.sockets.opened - before.sockets.opened).toBe(5);
    expect(state.tokenRequests.total).toBe(1);
  });

  it('reset restores fixtures and clears journals, counters, faults and issued tokens', async () => {
    const token = await accessTokenFor(sandbox, 'us');
    const base = connection(sandbox, 'us').rest_api_endpoint;
    const tasks = await getJson(`${base}/workers/me/inboxTasks?limit=100`, token);
    const approvable = (
      tasks.body.data as {
        id: string;
        stepType: { descriptor: string };
        status: { descriptor: string };
      }[]
    ).find(
      (task) =>
        task.stepType.descriptor === 'Approval' && task.status.descriptor === 'Awaiting Action',
    )!;
    await fetch(`${base}/inboxTasks/${approvable.id}?type=approval`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}` },
    });
    sandbox.setFaults({ latencyMs: 1 });
    sandbox.addInboxTasks({ tenant: 'acme_us', assignee: 'lmcneil', count: 10 });

    sandbox.reset();
    const state = await sandbox.state();
    expect(state.requests.total).toBe(0);
    expect(state.faults.fired).toEqual({});
    expect(state.journals).toEqual({ acme_us: 0, acme_emea: 0 });
    expect((await getJson(`${base}/workers/me`, token)).status).toBe(401);
    const fresh = await accessTokenFor(sandbox, 'us');
    const task = await getJson(`${base}/inboxTasks/${approvable.id}`, fresh);
    expect((task.body.status as { descriptor: string }).descriptor).toBe('Awaiting Action');
    expect(await (await fetch(`${sandbox.origin}/_sandbox/faults`)).json()).toEqual({});
  });

  it('adds 100,000 inbox tasks in one call and serves the newest first', async () => {
    sandbox.reset();
    const added = sandbox.addInboxTasks({
      tenant: 'acme_us',
      assignee: 'lmcneil',
      count: 100_000,
      assignedStart: '2031-01-01T00:00:00.000Z',
      assignedStepMs: 1,
    });
    expect(added).toHaveLength(100_000);
    const state = await sandbox.state();
    expect(state.inboxTasks.acme_us!['Awaiting Action']).toBeGreaterThanOrEqual(100_000);
    expect(() =>
      sandbox.addInboxTasks({ tenant: 'acme_xx', assignee: 'lmcneil', count: 1 }),
    ).toThrow("Tenant 'acme_xx' does not exist.");
    sandbox.reset();
  });
});

describe('sandbox lifecycle', () => {
  it('closes the listener and open keep-alive connections', async () => {
    const serversBefore = countResources('TCPServerWrap');
    const sandbox = await startSandbox();
    expect(countResources('TCPServerWrap')).toBe(serversBefore + 1);
    const agent = new Agent({ keepAlive: true });
    let responded!: () => void;
    const responseEnded = new Promise<void>((resolve) => (responded = resolve));
    const socketClosed = new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${sandbox.origin}/_sandbox/state`, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          // The keep-alive socket stays open in the agent until the server closes it.
          req.socket?.once('close', () => resolve());
          responded();
        });
      });
      req.on('error', reject);
      req.end();
    });
    // Close only once the response is complete and its socket idle in the pool: closing earlier
    // resets the request in flight (ECONNRESET), which a fixed sleep did on a loaded machine.
    await responseEnded;
    await sandbox.close();
    await socketClosed;
    agent.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(countResources('TCPServerWrap')).toBeLessThanOrEqual(serversBefore);
    await expect(fetch(`${sandbox.origin}/_sandbox/state`)).rejects.toThrow();
  });

  it('checks a fault spec given at start like one set later, and applies a valid one', async () => {
    const serversBefore = countResources('TCPServerWrap');
    await expect(
      startSandbox({ faults: { rateLimit: { every: 0, retryAfterSeconds: 1 } } }),
    ).rejects.toThrow(/^Fault spec 'rateLimit.every' is invalid/);
    expect(countResources('TCPServerWrap')).toBe(serversBefore);

    const sandbox = await startSandbox({ faults: { serverError: { every: 1, status: 503 } } });
    try {
      expect((await fetch(`${sandbox.origin}/ccx/api/v1/acme_us/workers`)).status).toBe(503);
      expect((await sandbox.state()).faults.fired).toEqual({ serverError: 1 });
    } finally {
      await sandbox.close();
    }
  });

  it('builds an app apart from the listener', async () => {
    // app.inject() cannot run under jest on Node 20 here (light-my-request loads the ESM-only
    // `cookie`), so the built app is listened on explicitly.
    const app = buildSandbox();
    try {
      expect(app.server.listening).toBe(false);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      expect((await fetch(`${origin}/ccx/api/v1/acme_us/workers`)).status).toBe(401);
      const state = (await (await fetch(`${origin}/_sandbox/state`)).json()) as Record<
        string,
        unknown
      >;
      expect(state).toMatchObject({ requests: { total: 1, byRoute: { 'rest.workers.list': 1 } } });
    } finally {
      await app.close();
    }
  });
});
