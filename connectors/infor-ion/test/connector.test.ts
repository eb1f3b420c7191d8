/**
 * The Infor ION connector against its simulator over HTTP on loopback: connection test, GL
 * batches exactly once under lost answers, M3 refusals by layer, custom_action, token caching.
 */
import { createSession } from '../../../sdk/runtime';
import type { Session } from '../../../sdk/runtime';
import connector from '../connector';
import { startIonSimulator } from '../simulator/index';
import type { IonSimulatorHandle } from '../simulator/index';

let sim: IonSimulatorHandle;
const sessions: Array<Session<unknown>> = [];

beforeAll(async () => {
  sim = await startIonSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

function open(name = 'prd'): Session<unknown> {
  const session = createSession(connector, {
    connection: sim.settings.connections[name],
    http: { retry: { baseDelayMs: 1 } },
  }) as Session<unknown>;
  sessions.push(session);
  return session;
}

const batch = (key: string, lines = ['I1;100;4000;1250.00', 'I1;100;1930;-1250.00']) => ({
  company: '100',
  division: 'AAA',
  batch_key: key,
  interface_template: 'PAYROLL',
  description: 'Payroll May',
  lines: lines.map((parm) => ({ parm })),
});

describe('connection test', () => {
  it.each(['prd', 'tst', 'prd_m2m'])('%s acts as its M3 user in its tenant', async (name) => {
    const who = await open(name).test();
    expect(who).toMatchObject({ company: '100', tenant: name === 'tst' ? 'ACME_TST' : 'ACME_PRD' });
    expect((who as { username: string }).username).toBe(name === 'prd_m2m' ? 'M2M_GL' : 'SVC_GL');
  });

  it('caches the token: ten calls, one token request', async () => {
    const session = open();
    for (let i = 0; i < 10; i++) await session.test();
    expect(sim.tokenRequests()).toBe(1);
  });
});

describe('post_gl_batch', () => {
  it('adds the head and lines, validates and updates the GL once', async () => {
    const out = await open().runAction('post_gl_batch', batch('PAY001'));
    expect(out).toMatchObject({ stage: 'updated', line_count: 2, duplicate: false });
    expect((out as { steps: string[] }).steps).toEqual([
      'AddBatchHead',
      'AddBatchLine 1-2',
      'CtrlBatch',
      'UpdBatch',
    ]);
    const stored = sim.batch('ACME_PRD', '100', 'PAY001');
    expect(stored?.updates).toBe(1);
    expect([...(stored?.lines.values() ?? [])]).toEqual([
      'I1;100;4000;1250.00',
      'I1;100;1930;-1250.00',
    ]);
  });

  it('a rerun with the same batch key sends nothing and says duplicate', async () => {
    const session = open();
    await session.runAction('post_gl_batch', batch('PAY002'));
    const again = await session.runAction('post_gl_batch', batch('PAY002'));
    expect(again).toMatchObject({ duplicate: true, stage: 'updated', steps: [] });
    expect(sim.batch('ACME_PRD', '100', 'PAY002')?.updates).toBe(1);
  });

  it.each(['reset', '504'] as const)(
    'UpdBatch answer lost (%s): read back, updated exactly once',
    async (how) => {
      sim.setFaults({ loseAnswer: { transaction: 'UpdBatch', times: 1, how } });
      const out = await open().runAction('post_gl_batch', batch('PAY003'));
      expect(out).toMatchObject({ stage: 'updated', duplicate: false });
      expect(sim.batch('ACME_PRD', '100', 'PAY003')?.updates).toBe(1);
      expect((out as { steps: string[] }).steps).not.toContain(
        'UpdBatch (again, after a lost answer)',
      );
    },
  );

  it('AddBatchHead and AddBatchLine answers lost: the batch is complete, lines not doubled', async () => {
    sim.setFaults({ loseAnswer: { transaction: 'AddBatchHead', times: 1, how: 'reset' } });
    const session = open();
    await expect(session.runAction('post_gl_batch', batch('PAY004'))).resolves.toMatchObject({
      stage: 'updated',
    });
    sim.setFaults({ loseAnswer: { transaction: 'AddBatchLine', times: 1, how: '504' } });
    const out = await session.runAction('post_gl_batch', batch('PAY005'));
    expect((out as { steps: string[] }).steps).toContain(
      'AddBatchLine 1-2 (again, after a lost answer)',
    );
    expect(sim.batch('ACME_PRD', '100', 'PAY005')?.lines.size).toBe(2);
    expect(sim.batch('ACME_PRD', '100', 'PAY005')?.updates).toBe(1);
  });

  it('60 lines go in three messages of at most 25', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `I1;100;4000;${i}.00`);
    const out = await open().runAction('post_gl_batch', batch('PAY006', lines));
    expect((out as { steps: string[] }).steps).toEqual([
      'AddBatchHead',
      'AddBatchLine 1-25',
      'AddBatchLine 26-50',
      'AddBatchLine 51-60',
      'CtrlBatch',
      'UpdBatch',
    ]);
    expect(sim.batch('ACME_PRD', '100', 'PAY006')?.lines.size).toBe(60);
  });

  it('a line M3 rejects in CtrlBatch is remote_validation naming M3 field, and nothing is updated', async () => {
    const error = await open()
      .runAction('post_gl_batch', batch('PAY007', ['I1;ok', 'X9;bad']))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'remote_validation',
      details: { m3: { transaction: 'CtrlBatch', field: 'PARM' } },
    });
    expect(sim.batch('ACME_PRD', '100', 'PAY007')?.updates).toBe(0);
  });

  it('an ERP authority refusal inside a 200 is insufficient_scope of layer erp, not a gateway error', async () => {
    sim.revokeM3Authority('ACME_PRD', 'GLS840MI');
    const error = await open()
      .runAction('post_gl_batch', batch('PAY008'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'insufficient_scope',
      details: { status: 200, layer: 'erp', m3: { code: 'XAU0001' } },
    });
  });

  it('bad input is refused before any call, each field named', async () => {
    const before = sim.gatewayRequests();
    const error = await open()
      .runAction('post_gl_batch', {
        ...batch('THIS-KEY-IS-MUCH-TOO-LONG'),
        company: 'ACME',
        lines: [],
      })
      .catch((e: unknown) => e);
    const paths = (error as { details: { issues: Array<{ path: string }> } }).details.issues
      .map((i) => i.path)
      .sort();
    expect(paths).toEqual(['batch_key', 'company', 'lines']);
    expect(sim.gatewayRequests()).toBe(before);
  });
});

describe('get_gl_batch_status', () => {
  it('reads stage and line count, and says when a batch does not exist', async () => {
    const session = open();
    await session.runAction('post_gl_batch', { ...batch('PAY010'), update: false });
    await expect(
      session.runAction('get_gl_batch_status', { company: '100', batch_key: 'PAY010' }),
    ).resolves.toEqual({
      batch_key: 'PAY010',
      company: '100',
      exists: true,
      status: '20',
      stage: 'validated',
      line_count: 2,
    });
    await expect(
      session.runAction('get_gl_batch_status', { company: '100', batch_key: "O'NEVER" }),
    ).resolves.toMatchObject({ exists: false, line_count: 0 });
  });
});

describe('custom_action', () => {
  it('calls an API suite path under the tenant', async () => {
    const out = await open().runAction('custom_action', {
      path: 'M3/m3api-rest/v2/execute/MNS150MI/GetUserData',
    });
    expect(out).toMatchObject({
      status: 200,
      data: { results: [{ records: [{ USID: 'SVC_GL' }] }] },
    });
  });

  it.each([
    '/ACME_TST/M3/m3api-rest/v2/execute/MNS150MI/GetUserData',
    'M3/../../ACME_TST/M3',
    'http://evil.example/x',
    'M3/%2e%2e/x',
  ])('refuses %s before any call', async (path) => {
    const before = sim.gatewayRequests();
    await expect(open().runAction('custom_action', { path })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(sim.gatewayRequests()).toBe(before);
  });

  it('an unknown API suite is not_found (404)', async () => {
    await expect(open().runAction('custom_action', { path: 'NOPE/x' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('gateway layers', () => {
  it('scopes enforced without Infor-M3: 403 insufficient_scope; with the scope requested: works', async () => {
    sim.setProfile('ACME_PRD', { enforceScopes: true, grantedScopes: ['Infor-IDM'] });
    await expect(open().test()).rejects.toMatchObject({
      code: 'insufficient_scope',
      details: { status: 403 },
    });
    sim.setProfile('ACME_PRD', { grantedScopes: ['Infor-M3'] });
    const session = createSession(connector, {
      connection: { ...sim.settings.connections.prd, scope: 'Infor-M3' },
    });
    sessions.push(session as Session<unknown>);
    await expect(session.test()).resolves.toMatchObject({ tenant: 'ACME_PRD' });
  });

  it('the gateway refusing every token: unauthorized after exactly one new token', async () => {
    const session = open();
    await session.test();
    sim.setProfile('ACME_PRD', { rejectTokens: true });
    await expect(session.test()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(sim.tokenRequests()).toBe(2);
  });

  it('disconnect revokes the refresh token; the next call needs a new token', async () => {
    const session = open();
    await session.test();
    await expect(session.disconnect()).resolves.toBe('refresh_token');
    await session.test();
    expect(sim.tokenRequests()).toBe(2);
  });
});
