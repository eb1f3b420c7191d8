/**
 * Real n8n, headless, with the other connectors' generated packages (Infor ION, UKG Pro,
 * Workiva) installed side by side: `n8n execute` runs the example workflows of `fixtures/n8n/`
 * against each connector's simulator on loopback, and the simulators' own counters and request
 * logs show what reached "the system". Workiva's run goes through a 429 storm under a tight rate
 * limit that counts token requests.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import inforConnector from '../../connectors/infor-ion/connector';
import { startIonSimulator } from '../../connectors/infor-ion/simulator';
import type { IonSimulatorHandle } from '../../connectors/infor-ion/simulator';
import ukgConnector from '../../connectors/ukg-pro/connector';
import { startUkgSimulator } from '../../connectors/ukg-pro/simulator';
import type { UkgSimulatorHandle } from '../../connectors/ukg-pro/simulator';
import { startWorkivaSimulator } from '../../connectors/workiva/simulator';
import type { RequestRecord, WorkivaSimulatorHandle } from '../../connectors/workiva/simulator';
import { buildN8nPackage, n8nNames } from '../../platforms/n8n';
import { describeConnector } from '../../platforms/shared';
import type { AnyConnector } from '../../platforms/shared';
import { createSession } from '../../sdk/runtime';
import {
  createN8nHome,
  exportCredential,
  importJson,
  n8nCli,
  nodeItems,
  parseRawOutput,
} from '../../tools/n8n/n8n-process';
import type { N8nHome } from '../../tools/n8n/n8n-process';
import { ROOT } from '../helpers/build-dist';
import { expectRunOk } from './n8n-suite';

/** Workiva's rate limit in this suite: tight, so twelve reads and a token span several windows. */
const LIMIT = 5;
const WINDOW_MS = 1000;
/** The storm: the first reads answered 429 with this Retry-After. */
const STORM = { times: 3, retryAfterSeconds: 2 };

const CREDENTIALS = {
  infor: { id: 'inforIonDemo0001', name: 'Infor ION (service account)' },
  ukg: { id: 'ukgProDemo000001', name: 'UKG Pro (web service account)' },
  workiva: { id: 'workivaDemo00001', name: 'Workiva' },
};

let dir: string;
let home: N8nHome;
let ion: IonSimulatorHandle;
let ukg: UkgSimulatorHandle;
let workiva: WorkivaSimulatorHandle;
const secrets: string[] = [];

/** The credential type n8n knows an option of a connector by. */
function credentialType(connector: unknown, option: string): string {
  const names = n8nNames(describeConnector(connector as AnyConnector));
  const type = names.credentials[option]?.name;
  if (type === undefined) throw new Error(`no credential for option ${option}`);
  return type;
}

function withoutKey(connection: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(connection).filter(([name]) => name !== key));
}

async function fixtureWorkflow(stem: string): Promise<Record<string, unknown>> {
  const text = await readFile(path.join(ROOT, 'fixtures', 'n8n', `${stem}.json`), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'n8n-connectors-'));
  const packages = [];
  for (const name of ['infor-ion', 'ukg-pro', 'workiva'])
    packages.push(
      await buildN8nPackage({
        entry: `connectors/${name}/connector.ts`,
        outDir: path.join(dir, 'pkg', name),
        cwd: ROOT,
        sourceRoot: ROOT,
      }),
    );
  ion = await startIonSimulator();
  ukg = await startUkgSimulator();
  workiva = await startWorkivaSimulator({ rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } });
  home = await createN8nHome(path.join(dir, 'home'), {
    tarball: packages.map((pkg) => pkg.tarball),
  });
  const infor = ion.settings.connections.tst as Record<string, string>;
  const ukgProd = ukg.settings.connections.prod as unknown as Record<string, unknown>;
  const workivaUs = workiva.settings.connections.us as Record<string, string>;
  for (const value of [
    infor.cs,
    infor.sask,
    ukgProd.password,
    ukgProd.customer_api_key,
    workivaUs.client_secret,
  ])
    if (typeof value === 'string' && value.length >= 8) secrets.push(value);
  await importJson(home, 'credentials', [
    {
      ...CREDENTIALS.infor,
      type: credentialType(inforConnector, 'service_account'),
      data: infor,
    },
    {
      ...CREDENTIALS.ukg,
      type: credentialType(ukgConnector, 'web_service_account'),
      data: withoutKey(ukgProd, 'auth_type'),
    },
    { ...CREDENTIALS.workiva, type: 'workivaOauth2Api', data: workivaUs },
  ]);
  await importJson(home, 'workflow', [
    await fixtureWorkflow('infor-ion-batch-status'),
    await fixtureWorkflow('ukg-pro-search-employees'),
    await fixtureWorkflow('workiva-read-ranges'),
  ]);
}, 600_000);

afterAll(async () => {
  await Promise.all([ion?.close(), ukg?.close(), workiva?.close()]);
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

async function execute(id: string) {
  const outcome = await n8nCli(home, ['execute', `--id=${id}`, '--rawOutput']);
  for (const secret of secrets) {
    expect(outcome.stdout).not.toContain(secret);
    expect(outcome.stderr).not.toContain(secret);
  }
  return outcome;
}

describe('Infor ION in n8n (service account, password grant)', () => {
  it("reads a GL batch's status through the gateway, with one token n8n keeps", async () => {
    const direct = createSession(inforConnector, { connection: ion.settings.connections.tst });
    try {
      await direct.runAction('post_gl_batch', {
        company: '100',
        division: 'AAA',
        batch_key: 'N8N0001',
        interface_template: 'PAYROLL',
        description: 'Posted before the n8n run',
        lines: [{ parm: 'I1;100;4000;75.00' }, { parm: 'I1;100;1930;-75.00' }],
      });
    } finally {
      direct.close();
    }
    const tokensBefore = ion.tokenRequests();
    const gatewayBefore = ion.gatewayRequests();

    const outcome = await execute('wfInforBatchStat');
    expectRunOk(outcome);
    const items = nodeItems(parseRawOutput(outcome.stdout), 'Batch status');
    expect(items).toEqual([
      expect.objectContaining({
        batch_key: 'N8N0001',
        company: '100',
        exists: true,
        line_count: 2,
      }),
    ]);
    expect(ion.batch('ACME_TST', '100', 'N8N0001')?.lines.size).toBe(2);
    // One token request by the credential's pre-authentication; the read went through the gateway.
    expect(ion.tokenRequests() - tokensBefore).toBe(1);
    expect(ion.gatewayRequests() - gatewayBefore).toBeGreaterThanOrEqual(1);
    const stored = await exportCredential(home, CREDENTIALS.infor.id);
    expect(String(stored.accessToken ?? '').length).toBeGreaterThan(10);
  }, 240_000);
});

describe('UKG Pro in n8n (web service account: Basic + customer API key)', () => {
  it('searches employees with per_page honoured, no token requested or stored', async () => {
    ukg.reset();
    const outcome = await execute('wfUkgSearchEmpls');
    expectRunOk(outcome);
    const items = nodeItems(parseRawOutput(outcome.stdout), 'Search employees');
    expect(items).toHaveLength(1);
    const found = items[0] as { employees: Array<{ employeeId: string }>; per_page: number };
    expect(found.per_page).toBe(2);
    expect(found.employees).toHaveLength(2);

    const direct = createSession(ukgConnector, { connection: ukg.settings.connections.prod });
    try {
      const own = (await direct.runAction('search_employees', { per_page: 2 })) as {
        employees: Array<{ employeeId: string }>;
      };
      expect(found.employees.map((e) => e.employeeId)).toEqual(
        own.employees.map((e) => e.employeeId),
      );
    } finally {
      direct.close();
    }
    const state = ukg.production.state();
    // n8n's request and the direct one: both person-details, both answered 200, no token.
    expect(state.requests['person-details']).toBe(2);
    expect(state.requests.token ?? 0).toBe(0);
    expect(state.statuses['200']).toBe(2);
    expect(Object.keys(state.statuses)).toEqual(['200']);
    const stored = await exportCredential(home, CREDENTIALS.ukg.id);
    expect(stored.accessToken).toBeUndefined();
  }, 240_000);
});

/** Accepted requests per fixed window, windows opened as the simulator's limiter opens them. */
function acceptedPerWindow(log: RequestRecord[]): number[] {
  const counts: number[] = [];
  let start = -Infinity;
  for (const record of log) {
    if (record.at - start >= WINDOW_MS) {
      start = record.at;
      counts.push(0);
    }
    if (record.retryAfter === undefined) counts.push((counts.pop() ?? 0) + 1);
  }
  return counts;
}

describe('Workiva in n8n (client credentials) through a 429 storm', () => {
  it('reads twelve ranges inside the rate limit, waiting out every Retry-After', async () => {
    workiva.reset();
    workiva.us.setFaults({
      rules: [{ kind: 'storm', path: '/spreadsheets/', ...STORM }],
    });
    const outcome = await execute('wfWorkivaReadRng');
    expectRunOk(outcome);
    const items = nodeItems(parseRawOutput(outcome.stdout), 'Read range');
    expect(items.map((item) => item.range)).toEqual(
      Array.from({ length: 12 }, (_, i) => expect.stringContaining(`A${(i % 5) + 1}`)),
    );
    for (const item of items)
      expect(item.values).toEqual(
        workiva.us.cells('ss-budget-fy27', 'sh-summary', String(item.range).split('!').pop() ?? ''),
      );

    const log = workiva.us.requests();
    const state = workiva.us.state();
    const limited = log.filter((record) => record.retryAfter !== undefined);
    const waits = limited.map((record) => {
      const next = log.find((later) => later.at > record.at && later.client === record.client);
      return { asked: (record.retryAfter ?? 0) * 1000, waited: (next?.at ?? 0) - record.at };
    });
    const windows = acceptedPerWindow(log);
    console.log(
      `Workiva 429 storm in n8n: ${log.length} requests (${state.tokenRequests} token), ` +
        `${limited.length} answered 429 (${STORM.times} by the storm), accepted per window ` +
        `[${windows.join(', ')}] vs limit ${LIMIT}/${WINDOW_MS} ms, waits after 429 (asked/waited ms): ` +
        waits.map((w) => `${w.asked}/${w.waited}`).join(', '),
    );

    // One token for the whole run (it counts against the limit).
    expect(state.tokenRequests).toBe(1);
    expect(log.filter((record) => record.route === 'token')).toHaveLength(1);
    // Every read admitted once; the storm fired in full and the limiter refused some more.
    expect(log.filter((r) => r.route === 'values.get' && r.retryAfter === undefined)).toHaveLength(
      12,
    );
    expect(state.faultsFired).toBe(STORM.times);
    expect(limited.length).toBeGreaterThan(STORM.times);
    // Inside the limit in every window, and nothing sent while told to wait.
    expect(Math.max(...windows)).toBeLessThanOrEqual(LIMIT);
    expect(state.rateLimit.maxAcceptedInWindow).toBeLessThanOrEqual(LIMIT);
    expect(state.rateLimit.violations).toBe(0);
    for (const wait of waits) expect(wait.waited).toBeGreaterThanOrEqual(wait.asked);
  }, 240_000);
});
