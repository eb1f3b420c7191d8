/**
 * The one CLI with `--connector infor-ion`: .ionapi import, exec, disconnect, and the doctor
 * naming each failure by its layer (token server, gateway 401/403, M3 inside a 200).
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { repeatedSentences } from '../../../test/helpers/repeated-sentences';
import { runCliCaptured } from '../../../test/helpers/run-cli-captured';
import { entry as inforIonEntry } from '../cli';
import { startIonSimulator } from '../simulator/index';
import type { IonSimulatorHandle } from '../simulator/index';

let sim: IonSimulatorHandle;
let dir: string;
let settings: string;

beforeAll(async () => {
  sim = await startIonSimulator();
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.reset();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ion-cli-'));
  settings = path.join(dir, 'settings.json');
  await fs.writeFile(settings, JSON.stringify(sim.settings));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCaptured(argv, { cwd: dir });

/** Every secret of the simulator's connections, for "never in output" checks. */
function secrets(): string[] {
  return Object.values(sim.settings.connections).flatMap((c) =>
    [c.cs, c.sask, c.saak].filter((v): v is string => v !== undefined),
  );
}

interface Row {
  check: string;
  status: string;
  detail: string;
  code?: string;
}
async function doctor(connection: string): Promise<{ code: number; rows: Row[]; text: string }> {
  const run = await cli(
    'doctor',
    '--connector',
    'infor-ion',
    '--settings',
    settings,
    '--connection',
    connection,
    '--json',
  );
  const report = JSON.parse(run.stdout) as { connections: Array<{ checks: Row[] }> };
  return {
    code: run.code,
    rows: report.connections[0]?.checks ?? [],
    text: run.stdout + run.stderr,
  };
}
const row = (rows: Row[], check: string) => rows.find((r) => r.check === check) as Row;

describe('settings import-ionapi', () => {
  it('writes the file as one connection named after the tenant, without printing a secret', async () => {
    const file = path.join(dir, 'ACME_PRD.ionapi');
    await fs.writeFile(file, JSON.stringify(sim.ionapiFile('ACME_PRD', 'service_account')));
    const target = path.join(dir, 'imported.json');
    const run = await cli('settings', 'import-ionapi', file, '--settings', target);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("into connection 'acme_prd'");
    expect(run.stdout).toContain('keys not used: dt');
    for (const secret of secrets()) expect(run.stdout + run.stderr).not.toContain(secret);
    const written = JSON.parse(await fs.readFile(target, 'utf8')) as {
      connections: Record<string, Record<string, string>>;
    };
    expect(written.connections.acme_prd).toMatchObject({
      ti: 'ACME_PRD',
      app_type: 'service_account',
    });
    expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
    const test = await cli(
      'exec',
      'test',
      '--connector',
      'infor-ion',
      '--settings',
      target,
      '--connection',
      'acme_prd',
    );
    expect(test.code).toBe(0);
    expect(JSON.parse(test.stdout)).toMatchObject({ username: 'SVC_GL', tenant: 'ACME_PRD' });
  });

  it('a client-credentials file replaces the service-account keys of the same connection', async () => {
    const file = path.join(dir, 'm2m.ionapi');
    await fs.writeFile(file, JSON.stringify(sim.ionapiFile('ACME_PRD', 'client_credentials')));
    const run = await cli(
      'settings',
      'import-ionapi',
      file,
      '--settings',
      settings,
      '--connection',
      'prd',
    );
    expect(run.code).toBe(0);
    const written = JSON.parse(await fs.readFile(settings, 'utf8')) as {
      connections: Record<string, Record<string, string>>;
    };
    expect(written.connections.prd?.saak).toBeUndefined();
    expect(written.connections.prd?.app_type).toBe('client_credentials');
  });

  it('refuses a file without required keys, naming them, and writes nothing', async () => {
    const file = path.join(dir, 'bad.ionapi');
    const { pu: _pu, sask: _sask, ...rest } = sim.ionapiFile('ACME_PRD', 'service_account');
    await fs.writeFile(file, JSON.stringify(rest));
    const target = path.join(dir, 'never.json');
    const run = await cli('settings', 'import-ionapi', file, '--settings', target);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"pu" is missing');
    expect(run.stderr).toContain('"sask" is missing');
    await expect(fs.stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('exec and disconnect', () => {
  it('posts a GL batch from the CLI and a second run is a duplicate', async () => {
    const input = path.join(dir, 'batch.json');
    await fs.writeFile(
      input,
      JSON.stringify({
        company: '100',
        batch_key: 'CLI001',
        interface_template: 'PAYROLL',
        description: 'x',
        lines: [{ parm: 'I1;a' }],
      }),
    );
    const args = [
      'exec',
      'actions.post_gl_batch',
      '--connector',
      'infor-ion',
      '--settings',
      settings,
      '--connection',
      'prd',
      '--input',
      input,
    ];
    const first = await cli(...args);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ stage: 'updated', duplicate: false });
    const second = await cli(...args);
    expect(JSON.parse(second.stdout)).toMatchObject({ duplicate: true });
    expect(sim.batch('ACME_PRD', '100', 'CLI001')?.updates).toBe(1);
  });

  it('disconnect revokes the saved refresh token and removes it from the settings file', async () => {
    await cli(
      'exec',
      'test',
      '--connector',
      'infor-ion',
      '--settings',
      settings,
      '--connection',
      'prd',
    );
    const saved = JSON.parse(await fs.readFile(settings, 'utf8')) as {
      connections: Record<string, Record<string, string>>;
    };
    expect(saved.connections.prd?.refresh_token).toBeDefined();
    const run = await cli(
      'disconnect',
      '--connector',
      'infor-ion',
      '--settings',
      settings,
      '--connection',
      'prd',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Revoked the refresh token of connection 'prd'");
    const after = JSON.parse(await fs.readFile(settings, 'utf8')) as {
      connections: Record<string, Record<string, string>>;
    };
    expect(after.connections.prd?.refresh_token).toBeUndefined();
    expect(after.connections.prd?.access_token).toBeUndefined();
    expect(after.connections.prd?.sask).toBe(saved.connections.prd?.sask);
  });
});

describe('doctor --connector infor-ion', () => {
  it('passes every check of a healthy connection', async () => {
    const { code, rows } = await doctor('prd');
    expect(code).toBe(0);
    expect(rows.map((r) => [r.check, r.status])).toEqual([
      ['settings', 'pass'],
      ['endpoints', 'pass'],
      ['token request', 'pass'],
      ['connection test', 'pass'],
      ['actions.post_gl_batch', 'pass'],
      ['actions.get_gl_batch_status', 'pass'],
      ['actions.custom_action', 'pass'],
    ]);
  });

  it('production keys mixed with test service-account keys: refused before any request', async () => {
    const { code, rows } = await doctor('prd_with_tst_keys');
    // A settings problem found before any request exits 2, as for Workday (issue 11).
    expect(code).toBe(2);
    expect(row(rows, 'endpoints')).toMatchObject({ status: 'fail', code: 'tenant_mismatch' });
    expect(row(rows, 'endpoints').detail).toContain(
      'The service account keys (saak) belong to tenant ACME_TST',
    );
    expect(sim.tokenRequests()).toBe(0);
  });

  it("another tenant's keys without a tenant prefix: the token server refuses them, and the doctor says so", async () => {
    const { rows } = await doctor('prd_with_tst_bare_keys');
    const token = row(rows, 'token request');
    expect(token).toMatchObject({ status: 'fail', code: 'reauthorization_required' });
    expect(token.detail).toContain("belong to another tenant's app");
    expect(token.detail).toContain('not a permission');
  });

  it('a deleted service account (keys of this tenant): deleted, regenerated or expired', async () => {
    sim.revokeServiceAccount('ACME_PRD');
    const { rows } = await doctor('prd');
    const token = row(rows, 'token request');
    expect(token.detail).toContain(
      "are tenant ACME_PRD's, so the service account was deleted, its keys regenerated, or it expired",
    );
  });

  it('client credentials on an app that does not allow them', async () => {
    const { rows } = await doctor('prd_client_credentials_not_allowed');
    const token = row(rows, 'token request');
    expect(token).toMatchObject({ status: 'fail', code: 'unsupported_grant' });
    expect(token.detail).toContain('does not allow the client-credentials grant');
  });

  it('a token the gateway refuses (401): said to be the token, never a permission', async () => {
    sim.setProfile('ACME_PRD', { rejectTokens: true });
    const { rows } = await doctor('prd');
    expect(row(rows, 'token request').status).toBe('pass');
    const test = row(rows, 'connection test');
    expect(test).toMatchObject({ status: 'fail', code: 'unauthorized' });
    expect(test.detail).toContain('refused the token');
    expect(test.detail).toContain('A 401 is never a missing permission');
  });

  it('scopes enforced and missing (403): names the scope and where to add it', async () => {
    sim.setProfile('ACME_PRD', { enforceScopes: true, grantedScopes: [] });
    const { rows } = await doctor('prd');
    const test = row(rows, 'connection test');
    expect(test).toMatchObject({ status: 'fail', code: 'insufficient_scope' });
    expect(test.detail).toContain('(403)');
    expect(test.detail).toContain('Infor-M3');
  });

  it('an M3 authority error inside a 200: the ERP user, not the app or the gateway', async () => {
    sim.revokeM3Authority('ACME_PRD', 'GLS840MI');
    const { code, rows } = await doctor('prd');
    expect(code).toBe(3);
    expect(row(rows, 'connection test').status).toBe('pass');
    const post = row(rows, 'actions.post_gl_batch');
    expect(post).toMatchObject({ status: 'fail', code: 'insufficient_scope' });
    expect(post.detail).toContain('inside an HTTP 200');
    expect(post.detail).toContain('lacks M3 authority');
    expect(row(rows, 'actions.custom_action').status).toBe('pass');
  });

  it('never prints a secret, whatever fails', async () => {
    for (const name of Object.keys(sim.settings.connections)) {
      const { text } = await doctor(name);
      for (const secret of secrets()) expect(text).not.toContain(secret);
    }
  });
});

describe('build --connector infor-ion', () => {
  it('bundles the Infor connector and self-tests it against its simulator', async () => {
    const out = path.join(dir, 'upload');
    const run = await cli('build', '--connector', 'infor-ion', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as {
      title: string;
      actions: Array<{ key: string }>;
      connection: { authorization: { options: Array<{ key: string; grant: string }> } };
    };
    expect(manifest.title).toBe('Infor CloudSuite (ION API Gateway)');
    expect(manifest.actions.map((a) => a.key)).toEqual([
      'post_gl_batch',
      'get_gl_batch_status',
      'custom_action',
    ]);
    expect(manifest.connection.authorization.options.map((o) => [o.key, o.grant])).toEqual([
      ['service_account', 'password'],
      ['client_credentials', 'client_credentials'],
    ]);
  }, 120_000);
});

describe('sandbox --connector infor-ion', () => {
  it('runs in the foreground, writes its settings, prints no secret, stops when told', async () => {
    const written = path.join(dir, 'sim.json');
    let banner = '';
    const stop = new AbortController();
    const running = inforIonEntry.runSimulator({
      port: 0,
      writeSettings: written,
      stdout: { write: (text: string) => (banner += text) },
      signal: stop.signal,
    });
    while (!banner.includes('Ctrl+C')) await new Promise((r) => setTimeout(r, 20));
    const run = await cli(
      'exec',
      'test',
      '--connector',
      'infor-ion',
      '--settings',
      written,
      '--connection',
      'tst',
    );
    expect(run.code).toBe(0);
    const file = JSON.parse(await fs.readFile(written, 'utf8')) as {
      connections: Record<string, Record<string, string>>;
    };
    for (const c of Object.values(file.connections))
      for (const v of [c.cs, c.sask]) if (v !== undefined) expect(banner).not.toContain(v);
    expect(banner).toContain('prd_with_tst_keys');
    stop.abort();
    await running;
  });

  it('a malformed --faults is a usage error', async () => {
    const run = await cli('sandbox', '--connector', 'infor-ion', '--faults', '{"bogus":1}');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown keys bogus');
  });
});

describe('demo --connector infor-ion', () => {
  it('runs the Infor demo, every step checked, no secret printed', async () => {
    const run = await cli('demo', '--connector', 'infor-ion');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Infor demo: every step did what it shows.');
    expect(run.stdout).toContain('doctor prd_with_tst_keys:');
    expect(run.stdout).toMatch(
      /fail endpoints: The service account keys \(saak\) belong to tenant ACME_TST/,
    );
    // Issue 11: no sentence printed twice, and no "skip token request: skipped: ...".
    expect(repeatedSentences(run.stdout)).toEqual([]);
    expect(run.stdout).not.toMatch(/^\s*skip [^:]+: skipped/m);
  });
});
