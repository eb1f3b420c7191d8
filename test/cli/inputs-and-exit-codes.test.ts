// The CLI's own input handling: --input - reads standard input; settings problems found before
// any request exit 2; an unusable --out is a usage error at once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runCliCaptured } from '../helpers/run-cli-captured';
import { useSandboxFixture } from '../helpers/sandbox-session';

const f = useSandboxFixture();
let dir: string;
let settingsFile: string;

function writeSettings(overrides: Record<string, unknown> = {}): void {
  writeFileSync(
    settingsFile,
    JSON.stringify({ connections: { us: { ...f.settings('us'), ...overrides } } }),
    { mode: 0o600 },
  );
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cli-inputs-'));
  settingsFile = path.join(dir, 'settings.json');
  writeSettings();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('connector exec --input -', () => {
  it('reads the input from standard input', async () => {
    const result = await runCliCaptured(
      ['exec', 'actions.get_worker', '--settings', settingsFile, '--input', '-'],
      { cwd: dir, readStdin: async () => '{"worker_id": "me"}' },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: expect.any(String) });
  });

  it('names standard input when what it got is not JSON', async () => {
    const result = await runCliCaptured(
      ['exec', 'actions.get_worker', '--settings', settingsFile, '--input', '-'],
      { cwd: dir, readStdin: async () => '{"worker_id": ' },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \[invalid_input\]: Standard input '-' is not valid JSON/);
    expect((await f.state()).requests.total).toBe(0);
  });
});

describe('exit codes of settings problems found before any request', () => {
  it('exits 2 on a tenant mismatch, sending nothing', async () => {
    const us = f.settings('us');
    writeSettings({
      token_endpoint: String(us.token_endpoint).replace('acme_us', 'acme_emea'),
    });
    const result = await runCliCaptured(['exec', 'test', '--settings', settingsFile], {
      cwd: dir,
    });
    expect(result.stderr).toMatch(/^error \[tenant_mismatch\]/);
    expect(result.code).toBe(2);
    expect((await f.state()).requests.total).toBe(0);
  });

  it('doctor exits 2 on an unsupported auth type', async () => {
    writeSettings({ auth_type: 'client_credentials' });
    const result = await runCliCaptured(['doctor', '--settings', settingsFile], { cwd: dir });
    expect(result.code).toBe(2);
    expect((await f.state()).tokenRequests.total).toBe(0);
  });
});

describe('connector build --out', () => {
  it('refuses a directory that cannot be made as a usage error at once', async () => {
    const result = await runCliCaptured(
      ['build', '--out', '/proc/nope/x', '--skip-connection-test'],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Output directory '");
    expect(result.stderr).toContain('cannot be made');
  });
});
