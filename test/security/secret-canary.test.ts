/**
 * The secret canary: with the sandbox's client secrets, ISU refresh tokens and every access token
 * it issues as canaries, run every action, trigger, pick list and the test lambda (`exec
 * --verbose`, in process and through one spawned compiled CLI), `doctor`, and failing runs of
 * each kind. No canary — nor a URL/JSON/Basic encoding or a 16-character slice of one — may
 * appear in any stdout, stderr, log line, exchange record, error (message, hint, details, JSON,
 * stack, cause chain) or written file other than the settings file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { inspect } from 'node:util';
import connector from '../../connector';
import { startSandbox } from '../../sandbox/index';
import { writeSettingsFile } from '../../sdk/settings';
import type { SandboxHandle } from '../../sandbox/index';
import { createSession } from '../../sdk/index';
import type { Exchange } from '../../sdk/http/types';
import { ROOT } from '../helpers/build-dist';
import { CLI_MAIN, ensureDist } from '../helpers/ensure-dist';
import { startHostileServer } from '../helpers/hostile-server';
import { createSecretScanner, encodedForms } from '../helpers/secret-scan';
import { runCliCaptured } from '../helpers/run-cli-captured';

const INPUTS = path.join(ROOT, 'fixtures', 'inputs');

/** Everything that left a command or a session, kept to be scanned once all tokens are known. */
interface Output {
  where: string;
  text?: string;
  error?: unknown;
}

let sandbox: SandboxHandle;
let dir: string;
let settingsPath: string;
// A second settings file with deliberately misplaced secrets; it holds secrets by design.
let misplacedPath: string;
const outputs: Output[] = [];
const issuedTokens: string[] = [];

function env(): Record<string, string | undefined> {
  const copy: Record<string, string | undefined> = { ...process.env };
  delete copy.CONNECTOR_MASTER_KEY;
  return copy;
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runCliCaptured(argv, { cwd: dir, env: env() });
  outputs.push({ where: `${argv.slice(0, 2).join(' ')} stdout`, text: stdout });
  outputs.push({ where: `${argv.slice(0, 2).join(' ')} stderr`, text: stderr });
  return { code, stdout, stderr };
}

function exec(target: string, connection: string, ...extra: string[]) {
  return cli(['exec', target, '--settings', settingsPath, '--connection', connection, ...extra]);
}

function inputOf(name: string): string[] {
  const file = path.join(INPUTS, `${name}.json`);
  return readdirSync(INPUTS).includes(`${name}.json`) ? ['--input', file] : [];
}

/** Builds a scanner from every secret known now (settings files, tokens seen) and scans all output. */
function leaks() {
  const scanner = createSecretScanner();
  for (const file of [settingsPath, misplacedPath]) {
    const settings = JSON.parse(readFileSync(file, 'utf8')) as {
      connections: Record<string, Record<string, unknown>>;
    };
    for (const [name, c] of Object.entries(settings.connections)) {
      for (const key of ['client_secret', 'refresh_token', 'access_token'])
        if (typeof c[key] === 'string') scanner.add(`${name}.${key}`, c[key]);
      if (typeof c.client_id === 'string' && typeof c.client_secret === 'string')
        scanner.addBasic(`${name} Basic`, c.client_id, c.client_secret);
    }
  }
  for (const user of Object.values(sandbox.users))
    if (user.username.startsWith('ISU_')) scanner.add(`${user.username} password`, user.password);
  issuedTokens.forEach((token, i) => scanner.add(`issued token ${i}`, token));
  for (const output of outputs) {
    if (output.text !== undefined) scanner.scanText(output.where, output.text);
    if (output.error !== undefined) scanner.scanError(output.where, output.error);
  }
  const files = scanner.scanDirectory(dir, [settingsPath, misplacedPath]);
  return { leaks: scanner.leaks, secrets: scanner.size, files };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(path.join(tmpdir(), 'secret-canary-'));
  settingsPath = path.join(dir, 'settings.json');
  misplacedPath = path.join(dir, 'misplaced.json');
  await writeSettingsFile(settingsPath, sandbox.settings);
  const us = sandbox.settings.connections.us!;
  // Secrets pasted into the wrong fields: messages about them must not echo the values.
  await writeSettingsFile(misplacedPath, {
    connections: {
      secret_as_endpoint: { ...us, rest_api_endpoint: us.client_secret },
      token_as_client_id: { ...us, client_id: us.refresh_token! },
    },
  });
});

afterAll(async () => {
  await sandbox?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

it('runs every action, the trigger, every pick list and the test with exec --verbose without a leak', async () => {
  const runs: Array<[string, string[]]> = [
    ['test', []],
    // post_journal_entry first: get_journal_entry reads the journal it books.
    ...['post_journal_entry', ...Object.keys(connector.actions)].map((name): [string, string[]] => [
      `actions.${name}`,
      inputOf(name),
    ]),
    ...Object.keys(connector.triggers).map((name): [string, string[]] => [
      `triggers.${name}`,
      inputOf(name),
    ]),
    ...Object.keys(connector.pick_lists).map((name): [string, string[]] => [
      `pick_lists.${name}`,
      [],
    ]),
  ];
  const first = await exec('test', 'us', '--verbose');
  // The token request body is printed with its refresh token scrubbed: the canary was in play.
  expect(first.stderr).toContain('refresh_token=[REDACTED]');
  const failed: string[] = [];
  for (const [target, input] of runs) {
    // The sample approval can run once per sandbox start; a rerun is a conflict (exit 4).
    const result = await exec(target, 'us', ...input, '--verbose');
    if (result.code !== 0 && !(target.includes('approve') && result.code === 4))
      failed.push(`${target}: ${result.stderr.split('\n').slice(-3).join(' ')}`);
    expect(result.stderr).toContain('→ ');
  }
  expect(failed).toEqual([]);
  await exec('actions.search_workers', 'us', ...inputOf('search_workers'), '--output', 'out.json');

  const found = leaks();
  expect(found.secrets).toBeGreaterThanOrEqual(10);
  expect(found.files.map((f) => path.basename(f))).toContain('out.json');
  expect(found.leaks).toEqual([]);
});

it('keeps secrets out of failing runs: scope, wrong tenant, no refresh token, bad settings, revoked, garbled', async () => {
  const expectations: Array<[string[], number]> = [
    [
      [
        'exec',
        'actions.post_journal_entry',
        '--connection',
        'us_limited',
        ...inputOf('post_journal_entry'),
      ],
      3,
    ],
    [['exec', 'test', '--connection', 'us_client_at_emea'], 3],
    [['exec', 'test', '--connection', 'us_user'], 3],
  ];
  for (const [argv, code] of expectations) {
    for (const mode of [['--verbose'], ['--verbose', '--json']]) {
      const result = await cli([...argv, '--settings', settingsPath, ...mode]);
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(/error|"code"/);
    }
  }
  for (const name of ['secret_as_endpoint', 'token_as_client_id']) {
    for (const mode of [[], ['--json']]) {
      const result = await cli([
        'exec',
        'test',
        '--settings',
        misplacedPath,
        '--connection',
        name,
        '--verbose',
        ...mode,
      ]);
      expect(result.code).not.toBe(0);
    }
  }
  sandbox.setFaults({ malformed: { kind: 'html', match: 'workers', count: 2 } });
  expect(
    (await exec('actions.search_workers', 'us', ...inputOf('search_workers'), '--verbose')).code,
  ).toBe(4);
  sandbox.setFaults({ revokeRefreshTokens: true, expireAccessTokens: true });
  for (const mode of [['--verbose'], ['--verbose', '--json']])
    expect((await exec('test', 'emea', ...mode)).code).toBe(3);
  sandbox.reset();

  expect(leaks().leaks).toEqual([]);
});

it('runs doctor over every connection (table and JSON) without a leak', async () => {
  // A fresh settings file: the revoked tokens above stay revoked until the sandbox restarts.
  writeFileSync(settingsPath, `${JSON.stringify(sandbox.settings, null, 2)}\n`, { mode: 0o600 });
  const table = await cli(['doctor', '--settings', settingsPath, '--all']);
  const json = await cli(['doctor', '--settings', settingsPath, '--all', '--json']);
  expect(table.stdout).toContain('us_limited');
  expect(JSON.parse(json.stdout)).toBeDefined();
  await cli(['doctor', '--settings', misplacedPath, '--all']);

  expect(leaks().leaks).toEqual([]);
});

it('keeps secrets out of session errors, exchange records and log lines', async () => {
  const exchanges: Exchange[] = [];
  const logLines: string[] = [];
  const log = {
    debug: (m: string, d?: Record<string, unknown>) => void logLines.push(`${m} ${inspect(d)}`),
    info: (m: string, d?: Record<string, unknown>) => void logLines.push(`${m} ${inspect(d)}`),
    warn: (m: string, d?: Record<string, unknown>) => void logLines.push(`${m} ${inspect(d)}`),
  };
  const options = {
    onExchange: (e: Exchange) => void exchanges.push(e),
    onTokens: (u: { access_token: string }) => void issuedTokens.push(u.access_token),
    log,
  };
  const failures: Array<
    [string, Record<string, unknown>, (s: ReturnType<typeof createSession>) => Promise<unknown>]
  > = [
    ['us_client_at_emea', {}, (s) => s.test()],
    [
      'us_limited',
      {},
      (s) =>
        s.runAction('approve_reject_inbox_task', {
          inbox_task_id: 'x',
          decision: 'approve',
          step_type: 'Approval',
        }),
    ],
    ['us', { client_secret: 'wrong-secret-canary-value-0123456789' }, (s) => s.test()],
    ['us', { refresh_token: 'unknown-refresh-token-canary-0123456789' }, (s) => s.test()],
    ['us', {}, (s) => s.runAction('custom_action', { path: 'https://127.0.0.2/steal' })],
    ['us', {}, (s) => s.runAction('post_journal_entry', { lines: [] })],
  ];
  for (const [name, overrides, run] of failures) {
    const session = createSession(connector, {
      ...options,
      connection: { ...sandbox.settings.connections[name], ...overrides },
    });
    try {
      const error = await run(session).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      outputs.push({ where: `session ${name} error`, error });
    } finally {
      session.close();
    }
    // Values the test itself made up are canaries too.
    for (const value of Object.values(overrides)) issuedTokens.push(String(value));
  }
  const session = createSession(connector, {
    ...options,
    connection: sandbox.settings.connections.us,
  });
  try {
    await session.runAction('search_inbox_tasks', { limit: 5 });
    await session.pickList('currencies');
  } finally {
    session.close();
  }
  outputs.push({ where: 'exchange records', text: JSON.stringify(exchanges) });
  outputs.push({ where: 'log lines', text: logLines.join('\n') });

  expect(exchanges.length).toBeGreaterThan(5);
  expect(issuedTokens.length).toBeGreaterThanOrEqual(4);
  expect(leaks().leaks).toEqual([]);
});

it('the scan itself finds a planted canary in every form it checks', () => {
  const secret = sandbox.settings.connections.us!.client_secret;
  const scanner = createSecretScanner();
  scanner.add('planted', secret);
  scanner.addBasic('planted Basic', 'client', secret);
  scanner.scanText('exact', `x${secret}y`);
  scanner.scanText('slice', secret.slice(20, 40));
  scanner.scanText('basic', `Basic ${Buffer.from(`client:${secret}`).toString('base64')}`);
  scanner.scanError(
    'cause',
    new Error('outer', { cause: new Error(`inner ${secret.slice(3, 30)}`) }),
  );
  expect(new Set(scanner.leaks.map((l) => l.where.split(' ')[0]))).toEqual(
    new Set(['exact', 'slice', 'basic', 'cause']),
  );
  // Every encoding, on a secret that has characters each encoding changes.
  const odd = `${secret}/+ é`;
  const oddScanner = createSecretScanner();
  oddScanner.add('planted odd', odd);
  const forms = encodedForms(odd);
  for (const [form, text] of forms) oddScanner.scanText(`encoded:${form}`, `x${text}y`);
  expect(new Set(oddScanner.leaks.map((l) => l.where))).toEqual(
    new Set(forms.map(([form]) => `encoded:${form}`)),
  );
});

it('keeps every encoding of every secret out of what a hostile server makes exec --verbose print', async () => {
  const server = await startHostileServer();
  try {
    const { access_token: _cached, ...connection } = server.settings;
    const secrets = [server.accessToken, connection.client_secret!, connection.refresh_token!];
    // The API echoes each secret in every encoding, inside a JSON body and in the error text.
    const echoes = secrets.flatMap((secret) => encodedForms(secret).map(([, text]) => text));
    const hostileFile = path.join(dir, 'hostile-settings.json');
    writeFileSync(hostileFile, JSON.stringify(connection), { mode: 0o600 });
    for (const [status, body] of [
      [200, JSON.stringify({ echoes })],
      [400, JSON.stringify({ error: echoes.join(' '), errors: echoes.map((e) => ({ error: e })) })],
    ] as const) {
      server.api({ kind: 'answer', status, body });
      for (const mode of [['--verbose'], ['--verbose', '--json']])
        await cli(['exec', 'test', '--settings', hostileFile, ...mode]);
    }
    const scanner = createSecretScanner();
    secrets.forEach((secret, i) => scanner.add(`hostile secret ${i}`, secret));
    for (const output of outputs.slice(-8)) scanner.scanText(output.where, output.text ?? '');
    expect(outputs.slice(-8).some((o) => o.text?.includes('→ GET'))).toBe(true);
    expect(scanner.leaks).toEqual([]);
  } finally {
    await server.close();
  }
});

describe('the compiled CLI as a separate process', () => {
  beforeAll(() => ensureDist(), 180_000);

  it('prints no secret with exec --verbose, on success and on failure', async () => {
    const runs = [
      [
        'exec',
        'actions.search_inbox_tasks',
        '--connection',
        'us',
        ...inputOf('search_inbox_tasks'),
        '--verbose',
      ],
      [
        'exec',
        'actions.post_journal_entry',
        '--connection',
        'us_limited',
        ...inputOf('post_journal_entry'),
        '--verbose',
        '--json',
      ],
    ];
    const codes: Array<number | null> = [];
    for (const argv of runs) {
      // Asynchronous: the sandbox answering the child runs in this process's event loop.
      const child = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
        (resolve) => {
          execFile(
            process.execPath,
            [CLI_MAIN, ...argv, '--settings', settingsPath],
            { cwd: dir, env: env() as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 30_000 },
            (error, stdout, stderr) =>
              resolve({ code: error === null ? 0 : (error.code as number | null), stdout, stderr }),
          );
        },
      );
      codes.push(child.code);
      outputs.push({ where: `spawned ${argv[1]} stdout`, text: child.stdout });
      outputs.push({ where: `spawned ${argv[1]} stderr`, text: child.stderr });
      expect(child.stderr).toContain('→ ');
    }
    expect(codes).toEqual([0, 3]);
    expect(leaks().leaks).toEqual([]);
  });
});
