/**
 * `connector sandbox --connector NAME` for every simulator other than Workday's: one foreground
 * runner, so each must refuse a bad `--faults` before anything listens, write its settings file
 * private even over a file that was readable by others, and never print a secret.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectorNames, resolveConnector } from '../../cli/connectors';
import { runCliCaptured } from '../helpers/run-cli-captured';

const others = connectorNames().filter((name) => name !== 'workday');

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sim-fg-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

/** The settings keys that hold a secret, across the three connectors' connection shapes. */
const SECRET_KEYS = new Set([
  'cs',
  'sask',
  'saak',
  'password',
  'customer_api_key',
  'client_secret',
]);

it('serves the three other connectors', () => {
  expect(others.sort()).toEqual(['infor-ion', 'ukg-pro', 'workiva']);
});

describe.each(others)('sandbox --connector %s', (name) => {
  it('writes its settings 0600 over a world-readable file, prints no secret, stops when told', async () => {
    const written = path.join(dir, 'sim.json');
    await fs.writeFile(written, '{}', { mode: 0o644 });
    await fs.chmod(written, 0o644);
    let banner = '';
    const stop = new AbortController();
    const running = resolveConnector(name).runSimulator({
      port: 0,
      writeSettings: written,
      stdout: { write: (text: string) => (banner += text) },
      signal: stop.signal,
    });
    try {
      while (!banner.includes('Ctrl+C')) await new Promise((r) => setTimeout(r, 20));
      expect((await fs.stat(written)).mode & 0o777).toBe(0o600);
      const file = JSON.parse(await fs.readFile(written, 'utf8')) as {
        connections: Record<string, Record<string, unknown>>;
      };
      const names = Object.keys(file.connections);
      expect(names.length).toBeGreaterThan(0);
      for (const connection of names) expect(banner).toContain(connection);
      const secrets = Object.values(file.connections).flatMap((c) =>
        Object.entries(c)
          .filter(([key, value]) => SECRET_KEYS.has(key) && typeof value === 'string')
          .map(([, value]) => value as string),
      );
      expect(secrets.length).toBeGreaterThanOrEqual(names.length);
      for (const secret of secrets) expect(banner).not.toContain(secret);
      const run = await runCliCaptured(
        [
          'exec',
          'test',
          '--connector',
          name,
          '--settings',
          written,
          '--connection',
          String(names[0]),
        ],
        { cwd: dir },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    } finally {
      stop.abort();
      await running;
    }
  });

  it.each([
    ['not a spec', '{"bogus":1}', /bogus|invalid/],
    ['prototype key', '{"__proto__":{"x":1}}', /__proto__/],
    ['too deep', `${'['.repeat(40)}${']'.repeat(40)}`, /deep|depth|nest/i],
    ['not JSON', '{', /JSON/],
  ])('refuses a --faults that is %s as a usage error', async (_label, faults, message) => {
    const run = await runCliCaptured(['sandbox', '--connector', name, '--faults', faults], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    // Workday's fault keys are no hint for another simulator.
    expect(run.stderr).not.toContain('key=value pairs');
    expect(run.stdout).toBe('');
  });
});
