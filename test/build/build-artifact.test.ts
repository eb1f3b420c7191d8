import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildArtifact } from '../../cli/build/build-artifact';
import { checkJsonSchema } from '../../cli/build/json-schema-check';
import { formatBuildSummary } from '../../cli/build/summary';
import { build } from '../../cli/commands/build';
import { createRedactor } from '../../sdk/redact';
import tiny from './fixtures/tiny-connector';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { BuildReport } from '../../cli/build/build-artifact';
import type { Manifest } from '../../cli/build/manifest-types';

const ROOT = path.resolve(__dirname, '..', '..');
const TINY = path.relative(ROOT, path.join(__dirname, 'fixtures', 'tiny-connector.ts'));
const BROKEN = path.relative(ROOT, path.join(__dirname, 'fixtures', 'broken-sample-connector.ts'));

// A token endpoint and a `whoami` resource for the tiny connector's `test` lambda.
function startTinyApi(secret: string, refreshToken: string): Promise<Server> {
  const accessToken = randomBytes(16).toString('hex');
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/token') {
        const basic = Buffer.from(`tiny-client:${secret}`).toString('base64');
        const form = new URLSearchParams(body);
        if (req.headers.authorization !== `Basic ${basic}`)
          return send(401, { error: 'invalid_client' });
        if (form.get('refresh_token') !== refreshToken)
          return send(400, { error: 'invalid_grant' });
        return send(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
      }
      if (req.url === '/api/whoami' && req.headers.authorization === `Bearer ${accessToken}`)
        return send(200, { id: 'u-1', descriptor: 'Tiny User' });
      return send(401, { error: 'no' });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('buildArtifact()', () => {
  const secret = randomBytes(12).toString('hex');
  const refreshToken = randomBytes(12).toString('hex');
  let server: Server;
  let outRoot: string;
  let report: BuildReport;
  let connection: Record<string, string>;

  beforeAll(async () => {
    server = await startTinyApi(secret, refreshToken);
    const { port } = server.address() as AddressInfo;
    connection = {
      base_url: `http://127.0.0.1:${port}/api/`,
      token_url: `http://127.0.0.1:${port}/token`,
      client_id: 'tiny-client',
      client_secret: secret,
      refresh_token: refreshToken,
    };
    outRoot = await mkdtemp(path.join(os.tmpdir(), 'build-artifact-test-'));
    report = await buildArtifact({
      cwd: ROOT,
      out: path.join(outRoot, 'good'),
      entry: TINY,
      selfTestConnection: { name: 'tiny', connection },
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(outRoot, { recursive: true, force: true });
  });

  async function readManifest(): Promise<Manifest> {
    return JSON.parse(
      await readFile(path.join(outRoot, 'good', 'manifest.json'), 'utf8'),
    ) as Manifest;
  }

  it('succeeds and writes the bundle, its map and the manifest', () => {
    expect(report.problems).toEqual([]);
    expect(report.selfTest.map((check) => [check.name, check.ok])).toEqual([
      ['load', true],
      ['keys', true],
      ['test', true],
    ]);
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => path.basename(f.file))).toEqual([
      'connector.js',
      'connector.js.map',
      'manifest.json',
    ]);
  });

  it('ran the test lambda in the child against the server', () => {
    expect(report.selfTest[2]?.detail).toBe(
      "test lambda for 'tiny' passed: id=u-1 descriptor=Tiny User",
    );
  });

  it('lists the same operations, pick lists and metadata as the definition', async () => {
    const manifest = await readManifest();
    expect(manifest.title).toBe(tiny.title);
    expect(manifest.version).toBe('9.8.7');
    expect(manifest.actions.map((a) => a.key)).toEqual(Object.keys(tiny.actions));
    expect(manifest.triggers.map((t) => t.key)).toEqual(Object.keys(tiny.triggers));
    expect(manifest.pick_lists).toEqual(['languages']);
    const action = manifest.actions[0];
    expect(action).toMatchObject({
      title: 'Get greeting',
      subtitle: 'Greet someone by name',
      description: 'Gets a greeting for a name.',
      scopes: ['Greetings'],
      probes: ['GET whoami'],
    });
    expect(action?.input_fields[0]).toMatchObject({
      name: 'name',
      label: 'Name',
      hint: 'Who to greet.',
      sticky: true,
    });
    expect(manifest.connection.authorization).toEqual({
      type: 'oauth2',
      options: [{ key: 'default', type: 'oauth2', grant: 'refresh_token', pkce: true }],
    });
  });

  it('marks secret connection fields as passwords', async () => {
    const manifest = await readManifest();
    const controls = Object.fromEntries(
      manifest.connection.fields.map((f) => [f.name, f.control_type]),
    );
    expect(controls.client_secret).toBe('password');
    expect(controls.refresh_token).toBe('password');
    expect(controls.client_id).toBeUndefined();
  });

  it('ships output schemas that accept the sample outputs, and refuse a broken one', async () => {
    const manifest = await readManifest();
    for (const op of [...manifest.actions, ...manifest.triggers]) {
      expect(checkJsonSchema(op.output_schema, op.sample_output)).toEqual([]);
    }
    const action = manifest.actions[0] as Manifest['actions'][number];
    expect(
      checkJsonSchema(action.output_schema, { ...(action.sample_output as object), tags: 'x' }),
    ).toEqual([{ path: 'tags', message: 'expected array, got string' }]);
  });

  it('writes a bundle that loads with no node_modules reachable', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-alone-'));
    try {
      await copyFile(path.join(outRoot, 'good', 'connector.js'), path.join(dir, 'connector.js'));
      const script = [
        "const c = require('./connector.js');",
        "let zod = 'unreachable'; try { require.resolve('zod'); zod = 'reachable'; } catch {}",
        'console.log(JSON.stringify({ actions: Object.keys(c.default.actions), zod,',
        "  session: typeof c.createSession, outside: Object.keys(require.cache).filter((f) => require('node:path').dirname(f) !== require('node:fs').realpathSync(process.cwd())) }));",
      ].join('\n');
      const child = spawnSync(process.execPath, ['-e', script], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '' },
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      expect(JSON.parse(child.stdout)).toEqual({
        actions: ['get_greeting'],
        zod: 'unreachable',
        session: 'function',
        outside: [],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails when a sample output does not match its schema, naming action and field', async () => {
    const out = path.join(outRoot, 'broken');
    const broken = await buildArtifact({ cwd: ROOT, out, entry: BROKEN });
    expect(broken.ok).toBe(false);
    expect(broken.problems).toEqual([
      expect.objectContaining({ where: 'actions.get_greeting', field: 'greeting' }),
    ]);
    expect(broken.selfTest).toEqual([]);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
    expect(existsSync(path.join(out, 'connector.js'))).toBe(false);
    const summary = formatBuildSummary(broken, ROOT);
    expect(summary).toContain(
      "✗ actions.get_greeting field 'greeting': sample_output does not match",
    );
    expect(summary).toContain('build FAILED');
  });

  it('fails the self-test when the test lambda fails, without printing the secret', async () => {
    const out = path.join(outRoot, 'bad-secret');
    const wrong = randomBytes(12).toString('hex');
    const failed = await buildArtifact({
      cwd: ROOT,
      out,
      entry: TINY,
      selfTestConnection: { name: 'tiny', connection: { ...connection, client_secret: wrong } },
    });
    expect(failed.ok).toBe(false);
    const test = failed.selfTest.find((check) => check.name === 'test');
    expect(test).toMatchObject({ ok: false });
    expect(test?.detail).toMatch(/^test lambda for 'tiny' failed: \[invalid_client\]/);
    expect(formatBuildSummary(failed, ROOT)).not.toContain(wrong);
    expect(existsSync(path.join(out, 'connector.js'))).toBe(false);
  });

  it('refuses a source that does not compile, naming the file', async () => {
    await expect(
      buildArtifact({
        cwd: ROOT,
        out: path.join(outRoot, 'missing'),
        entry: 'test/build/fixtures/nope.ts',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('nope.ts') });
  });

  it('self-tests against a connection from --settings through the build command', async () => {
    const settings = path.join(outRoot, 'settings.json');
    await writeFile(settings, JSON.stringify({ connections: { tiny: connection } }), {
      mode: 0o600,
    });
    const result = await build(
      { out: path.join(outRoot, 'via-command'), entry: TINY, settings, connection: 'tiny' },
      { cwd: ROOT, env: {}, redactor: createRedactor(), log: () => undefined },
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("✓ self-test test    test lambda for 'tiny' passed: id=u-1");
    expect(result.stdout).not.toContain(secret);
  });

  it("exits with the test lambda error's code when only the connection test fails", async () => {
    const settings = path.join(outRoot, 'revoked.json');
    const revoked = randomBytes(12).toString('hex');
    await writeFile(
      settings,
      JSON.stringify({ connections: { tiny: { ...connection, refresh_token: revoked } } }),
      { mode: 0o600 },
    );
    const result = await build(
      { out: path.join(outRoot, 'revoked'), entry: TINY, settings, connection: 'tiny' },
      { cwd: ROOT, env: {}, redactor: createRedactor(), log: () => undefined },
    );
    expect(result.stderr).toMatch(/test lambda for 'tiny' failed: \[reauthorization_required\]/);
    // reauthorization_required is an authorization failure (3), not a bug in the build (1).
    expect(result.exitCode).toBe(3);
    expect(result.stderr).not.toContain(revoked);
  });
});
