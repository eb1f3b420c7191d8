import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCreateSession } from '../../cli/defaults';
import { generateMasterKey, encryptSettingsFile } from '../../sdk/settings';
import { startApiServer } from './support/api-server';
import { testConnector } from './support/test-connector';
import type { ApiServer } from './support/api-server';
import type { CliSession, SessionFactory } from '../../cli/session';
import { runCliCaptured } from '../helpers/run-cli-captured';

let server: ApiServer;
let dir: string;
let settingsFile: string;

beforeAll(async () => {
  server = await startApiServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-exec-'));
  settingsFile = path.join(dir, 'settings.json');
  await writeSettings();
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function connection(): Record<string, string> {
  return {
    base_url: `${server.origin}/api/`,
    token_url: `${server.origin}/token`,
    client_id: server.clientId,
    client_secret: server.clientSecret,
    refresh_token: server.refreshToken,
  };
}

async function writeSettings(): Promise<void> {
  // Private, as a settings file should be: a readable one gets a warning on stderr.
  await fs.writeFile(
    settingsFile,
    JSON.stringify({ connections: { us: connection(), other: connection() } }),
    { mode: 0o600 },
  );
}

async function readConnection(name = 'us'): Promise<Record<string, unknown>> {
  const doc = JSON.parse(await fs.readFile(settingsFile, 'utf8')) as {
    connections: Record<string, Record<string, unknown>>;
  };
  return doc.connections[name] ?? {};
}

async function cli(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string; all: string }> {
  const { code, stdout, stderr } = await runCliCaptured(argv, {
    cwd: dir,
    env: {},
    dependencies: { loadConnector: () => testConnector },
  });
  return { code, stdout, stderr, all: stdout + stderr };
}

function expectNoSecrets(text: string, ...extra: string[]): void {
  for (const secret of [server.clientSecret, server.refreshToken, ...extra]) {
    expect(text).not.toContain(secret);
  }
}

describe('connector exec', () => {
  it('runs the connection test, prints its JSON and writes the rotated tokens back', async () => {
    const oldRefresh = server.refreshToken;
    const before = server.tokenRequests;
    const result = await cli('exec', 'test', '--settings', 'settings.json', '--connection', 'us');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ id: 'me', name: 'Logan McNeil' });
    expect(server.tokenRequests - before).toBe(1);

    const saved = await readConnection('us');
    expect(server.refreshToken).not.toBe(oldRefresh);
    expect(saved.refresh_token).toBe(server.refreshToken);
    expect(saved.access_token).toMatch(/^access-/);
    expect(Date.parse(String(saved.access_token_expires_at))).toBeGreaterThan(Date.now());
    // The other connection is untouched.
    expect((await readConnection('other')).refresh_token).toBe(oldRefresh);
    expectNoSecrets(result.all, String(saved.access_token));
  });

  it('reuses the saved access token on the next run without a token request', async () => {
    await cli('exec', 'test', '--settings', 'settings.json', '--connection', 'us');
    const before = server.tokenRequests;
    const second = await cli('exec', 'test', '--connection', 'us');
    expect(second.code).toBe(0);
    expect(server.tokenRequests).toBe(before);
  });

  it('runs an action with --input and writes --output instead of stdout', async () => {
    await fs.writeFile(path.join(dir, 'in.json'), JSON.stringify({ message: 'hello' }));
    const result = await cli(
      'exec',
      'actions.echo',
      '--connection',
      'us',
      '--input',
      'in.json',
      '--output',
      'out.json',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Wrote the result to ${path.join(dir, 'out.json')}.\n`);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'out.json'), 'utf8'))).toEqual({
      echoed: 'hello',
    });
  });

  it('polls a trigger from a --closure file, deduplicating events', async () => {
    await fs.writeFile(path.join(dir, 'closure.json'), JSON.stringify({ since: 1 }));
    const result = await cli(
      'exec',
      'triggers.new_item',
      '--connection',
      'us',
      '--closure',
      'closure.json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      events: [{ id: 2 }, { id: 3 }],
      next_poll: { since: 3 },
      can_poll_more: false,
    });
  });

  it('runs a pick list with --input as its parameters', async () => {
    await fs.writeFile(path.join(dir, 'params.json'), JSON.stringify({ warm: 'yes' }));
    const all = await cli('exec', 'pick_lists.colours', '--connection', 'us');
    expect(JSON.parse(all.stdout)).toEqual([
      ['RED', 'red'],
      ['BLUE', 'blue'],
    ]);
    const warm = await cli(
      'exec',
      'pick_lists.colours',
      '--connection',
      'us',
      '--input',
      'params.json',
    );
    expect(JSON.parse(warm.stdout)).toEqual([['RED', 'red']]);
  });

  it('prints each HTTP exchange with --verbose, without secrets', async () => {
    await fs.writeFile(path.join(dir, 'in.json'), JSON.stringify({ message: 'hello' }));
    const result = await cli(
      'exec',
      'actions.echo',
      '--connection',
      'us',
      '--input',
      'in.json',
      '--verbose',
    );
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n');
    expect(lines).toContain(`→ POST ${server.origin}/token`);
    expect(lines).toContain(`→ POST ${server.origin}/api/echo`);
    expect(lines).toContain('  {"message":"hello"}');
    expect(lines.filter((l) => /^← 200 \(\d+ ms\)$/.test(l))).toHaveLength(2);
    const saved = await readConnection('us');
    expectNoSecrets(result.all, String(saved.access_token), String(saved.refresh_token));
  });

  it('works with an encrypted settings file and keeps it encrypted', async () => {
    const key = generateMasterKey();
    await encryptSettingsFile(settingsFile, key);
    const { code, stdout } = await runCliCaptured(['exec', 'test', '--connection', 'us'], {
      cwd: dir,
      env: { CONNECTOR_MASTER_KEY: key },
      dependencies: { loadConnector: () => testConnector },
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ id: 'me', name: 'Logan McNeil' });
    const raw = await fs.readFile(settingsFile, 'utf8');
    expect(JSON.parse(raw)).toMatchObject({ format: 'connector-settings-encrypted' });
    expect(raw).not.toContain(server.refreshToken);
  });

  describe('failures', () => {
    it('refuses an unknown PATH, listing what exists (exit 2)', async () => {
      const result = await cli('exec', 'actions.nope', '--connection', 'us');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        "error [invalid_input]: Unknown path 'actions.nope'; this connector has: test, actions.echo, actions.call, actions.leak, triggers.new_item, pick_lists.colours.\n" +
          'hint: PATH is test, actions.NAME, triggers.NAME or pick_lists.NAME.\n',
      );
    });

    it('names a malformed input file (exit 2) without calling the server', async () => {
      await fs.writeFile(path.join(dir, 'in.json'), '{"message": hello}');
      const before = server.apiRequests.length;
      const result = await cli('exec', 'actions.echo', '--connection', 'us', '--input', 'in.json');
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `error [invalid_input]: Input file '${path.join(dir, 'in.json')}' is not valid JSON at line 1, column 13.\n` +
          'hint: Fix the JSON syntax at that position (strings in double quotes, no trailing commas).\n',
      );
      expect(server.apiRequests.length).toBe(before);
    });

    it('requires --connection when the settings file names several (exit 2)', async () => {
      const result = await cli('exec', 'test');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error \[invalid_settings\]: .*choose one of: us, other\.\n/);
    });

    it('reports input validation by the connector (exit 2)', async () => {
      await fs.writeFile(path.join(dir, 'in.json'), JSON.stringify({ message: 42 }));
      const result = await cli('exec', 'actions.echo', '--connection', 'us', '--input', 'in.json');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error \[invalid_input\]: /);
    });

    it.each([
      ['forbidden', 3, 'insufficient_scope'],
      ['broken', 4, 'remote_error'],
      ['invalid', 4, 'remote_validation'],
    ])('maps a remote /%s answer to exit %i (%s)', async (endpoint, exitCode, code) => {
      await fs.writeFile(path.join(dir, 'in.json'), JSON.stringify({ path: endpoint }));
      const result = await cli(
        'exec',
        'actions.call',
        '--connection',
        'us',
        '--input',
        'in.json',
        '--json',
      );
      expect(result.code).toBe(exitCode);
      expect(result.stdout).toBe('');
      const printed = JSON.parse(result.stderr) as { code: string; details: { status: number } };
      expect(printed.code).toBe(code);
      expect(printed.details.status).toBeGreaterThanOrEqual(400);
    });

    it('maps a revoked refresh token to reauthorization_required (exit 3)', async () => {
      server.setRevoked(true);
      const result = await cli('exec', 'test', '--connection', 'us').finally(() =>
        server.setRevoked(false),
      );
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/^error \[reauthorization_required\]: /);
      expectNoSecrets(result.all);
    });

    it('hints at the working directory when an input file does not exist (exit 2)', async () => {
      const result = await cli('exec', 'actions.echo', '--connection', 'us', '--input', 'no.json');
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `error [invalid_input]: Input file '${path.join(dir, 'no.json')}' does not exist.\n` +
          'hint: Check the path; relative paths are resolved against the working directory.\n',
      );
    });

    it('says a missing input field "is required", not zod\'s "received undefined"', async () => {
      await fs.writeFile(path.join(dir, 'in.json'), '{}');
      const result = await cli('exec', 'actions.echo', '--connection', 'us', '--input', 'in.json');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('"message" is required');
      expect(result.stderr).not.toContain('received undefined');
      const json = await cli(
        'exec',
        'actions.echo',
        '--connection',
        'us',
        '--input',
        'in.json',
        '--json',
      );
      const printed = JSON.parse(json.stderr) as { details: { issues: unknown[] } };
      expect(printed.details.issues).toEqual([{ path: 'message', message: 'is required' }]);
    });

    it('says when the --settings file looks like an action input (exit 2)', async () => {
      await fs.writeFile(path.join(dir, 'in.json'), JSON.stringify({ message: 'hello' }));
      const before = server.tokenRequests;
      const result = await cli('exec', 'actions.echo', '--settings', 'in.json');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^error \[invalid_settings\]: Settings file '.*in\.json' does not look like a settings file: /,
      );
      expect(result.stderr).toMatch(/\nhint: .*--input/);
      expect(server.tokenRequests).toBe(before);
    });

    it('never prints a secret a connector put in an error', async () => {
      const result = await cli('exec', 'actions.leak', '--connection', 'us');
      expect(result.code).toBe(4);
      expect(result.stderr).toBe('error [remote_validation]: Rejected [REDACTED].\n');
      expectNoSecrets(result.all);
      expect(result.all).not.toContain(server.clientSecret);
    });
  });
});

describe('connector exec --output', () => {
  it('refuses an output path in a missing directory before anything runs (exit 2)', async () => {
    await fs.writeFile(path.join(dir, 'in.json'), JSON.stringify({ message: 'hello' }));
    const tokensBefore = server.tokenRequests;
    const apiBefore = server.apiRequests.length;
    const result = await cli(
      'exec',
      'actions.echo',
      '--connection',
      'us',
      '--input',
      'in.json',
      '--output',
      'missing/out.json',
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error \[invalid_input\]: Output directory '.*missing' does not exist\.\nhint: .*nothing was run\.\n$/,
    );
    expect(server.tokenRequests).toBe(tokensBefore);
    expect(server.apiRequests.length).toBe(apiBefore);
  });

  it('refuses an output path that is a directory before anything runs (exit 2)', async () => {
    await fs.mkdir(path.join(dir, 'out'));
    const apiBefore = server.apiRequests.length;
    const result = await cli('exec', 'test', '--connection', 'us', '--output', 'out');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \[invalid_input\]: Output file '.*out' is a directory\./);
    expect(server.apiRequests.length).toBe(apiBefore);
  });

  it('prints the result to stdout and fails clearly when the write fails after the run', async () => {
    await fs.writeFile(path.join(dir, 'in.json'), JSON.stringify({ message: 'hello' }));
    const outDir = path.join(dir, 'vanishing');
    await fs.mkdir(outDir);
    // The directory exists when checked but is gone when the result is written.
    const real = defaultCreateSession();
    const createSession: SessionFactory = async (definition, options) => {
      const session = await real(definition, options);
      const wrapped: CliSession = {
        test: () => session.test(),
        runAction: async (name, input) => {
          const result = await session.runAction(name, input);
          await fs.rm(outDir, { recursive: true, force: true });
          return result;
        },
        poll: (name, input, closure) => session.poll(name, input, closure),
        pickList: (name, params) => session.pickList(name, params),
        close: () => session.close(),
      };
      return wrapped;
    };
    const { code, stdout, stderr } = await runCliCaptured(
      ['exec', 'actions.echo', '--connection', 'us', '--input', 'in.json'].concat([
        '--output',
        'vanishing/out.json',
      ]),
      { cwd: dir, env: {}, dependencies: { loadConnector: () => testConnector, createSession } },
    );
    expect(JSON.parse(stdout)).toEqual({ echoed: 'hello' });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^error \[invalid_input\]: The result could not be written to '.*out\.json' \(ENOENT\), so it was printed to stdout instead\.\nhint: 'actions\.echo' did run/,
    );
  });
});

describe('connector exec triggers.NAME --closure', () => {
  it("accepts a previous poll's whole output and polls on from its next_poll", async () => {
    // Saved with `exec triggers.new_item > poll.json`: the closure is its next_poll, "since 2".
    await fs.writeFile(
      path.join(dir, 'poll.json'),
      JSON.stringify({
        events: [{ id: 1 }, { id: 2 }],
        next_poll: { since: 2 },
        can_poll_more: false,
      }),
    );
    const next = await cli(
      'exec',
      'triggers.new_item',
      '--connection',
      'us',
      '--closure',
      'poll.json',
    );
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout)).toEqual({
      events: [{ id: 3 }],
      next_poll: { since: 3 },
      can_poll_more: false,
    });
  });
});
