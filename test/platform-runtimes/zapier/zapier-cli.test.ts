/**
 * Zapier's own CLI on the generated apps, offline: the schema validation Zapier runs before a
 * push, and the build that makes the zip Zapier's Lambda runs, whose handler then serves a step.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { useSandboxFixture } from '../../helpers/sandbox-session';
import { useSuiteResource } from '../../helpers/suite-resource';
import { buildAppsIntoTemp, installCore, zapier, ZAPIER_RUNTIME_DIR, ZapierCloud } from './zapier-harness';

const f = useSandboxFixture();
const apps = useSuiteResource({
  name: 'zapier apps',
  start: async () => {
    const built = await buildAppsIntoTemp();
    for (const option of ['refresh_token', 'authorization_code']) await installCore(path.join(built.dir, option));
    return built;
  },
  close: (a) => a.remove(),
});

describe('zapier-platform CLI 19.1.0 on the generated apps', () => {
  it.each(['refresh_token', 'authorization_code'])('validate --without-style finds the %s app structurally sound', async (option) => {
    const { stdout } = await zapier(path.join(apps.dir, option), ['validate', '--without-style']);
    expect(stdout).toContain('No structural errors found during validation routine.');
    expect(stdout).toContain('This project is structurally sound!');
  });

  it("build --skip-validation makes a zip whose Lambda handler runs a step against the sandbox", async () => {
    const appDir = path.join(apps.dir, 'refresh_token');
    const { stdout } = await zapier(appDir, ['build', '--skip-validation', '--skip-npm-install']);
    expect(stdout).toContain('Build complete!');
    const zip = path.join(appDir, 'build', 'build.zip');
    expect(existsSync(zip)).toBe(true);
    const unzipped = path.join(apps.dir, 'unzipped');
    // adm-zip comes with Zapier's CLI; no unzip binary needed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const AdmZip = require(path.join(ZAPIER_RUNTIME_DIR, 'node_modules', 'adm-zip')) as new (file: string) => {
      extractAllTo(dir: string): void;
    };
    new AdmZip(zip).extractAllTo(unzipped);
    expect(existsSync(path.join(unzipped, 'zapierwrapper.js'))).toBe(true);

    // The connection Zapier would hold, made with the same app.
    const { auth_type: _selector, ...fields } = f.settings('us');
    const cloud = new ZapierCloud(appDir, fields);
    await cloud.connect();
    const event = {
      command: 'execute',
      method: 'triggers.pick_list_currencies.operation.perform',
      bundle: { authData: cloud.authData, inputData: {} },
    };
    const script = path.join(apps.dir, 'invoke.js');
    await writeFile(
      script,
      [
        "const { handler } = require(require('path').join(process.argv[2], 'zapierwrapper.js'));",
        "const event = JSON.parse(require('fs').readFileSync(0, 'utf8'));",
        'handler(event, {}, (error, response) => {',
        '  if (error) { console.error(String(error)); process.exit(1); }',
        '  process.stdout.write(JSON.stringify(response.results));',
        '});',
      ].join('\n'),
    );
    // Node 20, the connector's runtime (Zapier's Lambda runs the zip on its own Node).
    const child = execFile(process.execPath, [script, unzipped], { timeout: 60000 });
    child.stdin?.end(JSON.stringify(event));
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const currencies = JSON.parse(out) as Array<{ id: string; label: string }>;
    expect(currencies.map((c) => c.id)).toContain('USD');
    expect(await f.count('rest.currencies.list')).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(path.join(unzipped, 'package.json'), 'utf8'))).toMatchObject({
      dependencies: { 'zapier-platform-core': '19.1.0' },
    });
  });
});
