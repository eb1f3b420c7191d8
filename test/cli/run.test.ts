import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../cli/run';
import { ConnectorError } from '../../sdk/errors';
import { createRedactor } from '../../sdk/redact';
import { testConnector } from './support/test-connector';
import type { CliDependencies } from '../../cli/run';
import type { ErrorCode } from '../../sdk/errors';
import type { Redactor } from '../../sdk/redact';
import { runCliCaptured } from '../helpers/run-cli-captured';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-run-'));
  await fs.writeFile(
    path.join(dir, 'settings.json'),
    JSON.stringify({ base_url: 'http://127.0.0.1:9/', client_secret: 'unused-secret' }),
    { mode: 0o600 },
  );
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A session whose test() throws `error`: exercises the CLI's error path without HTTP. */
function failingWith(error: unknown): CliDependencies {
  return {
    loadConnector: () => testConnector,
    createSession: () => ({
      test: () => Promise.reject(error),
      runAction: () => Promise.reject(error),
      poll: () => Promise.reject(error),
      pickList: () => Promise.reject(error),
      close: () => undefined,
    }),
  };
}

async function cli(
  argv: string[],
  dependencies: CliDependencies = {},
  redactor?: Redactor,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCliCaptured(argv, {
    cwd: dir,
    env: {},
    dependencies,
    ...(redactor === undefined ? {} : { redactor }),
  });
}

describe('runCli() exit codes', () => {
  // The table is the contract scripts rely on (cli/exit-codes.ts), written out rather than derived.
  it.each<[ErrorCode, number]>([
    ['invalid_input', 2],
    ['invalid_settings', 2],
    // Found in the settings before any request: a settings error.
    ['tenant_mismatch', 2],
    ['invalid_client', 3],
    ['reauthorization_required', 3],
    ['unsupported_grant', 3],
    ['access_denied', 3],
    ['insufficient_scope', 3],
    ['unauthorized', 3],
    ['rate_limited', 4],
    ['remote_validation', 4],
    ['conflict', 4],
    ['not_found', 4],
    ['remote_error', 4],
    ['transport', 4],
    ['unexpected_response', 4],
    ['internal', 1],
  ])('%s exits with %i', async (code, exitCode) => {
    const result = await cli(
      ['exec', 'test'],
      failingWith(new ConnectorError(code, `Something about ${code}.`)),
    );
    expect(result.code).toBe(exitCode);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(`error [${code}]: Something about ${code}.`);
  });

  it('treats anything that is not a ConnectorError as a bug (exit 1)', async () => {
    const result = await cli(['exec', 'test'], failingWith(new TypeError('x is undefined')));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error [internal]: Unexpected failure: x is undefined\n' +
        'hint: This is a bug in the connector; please report it with the command you ran (rerun with --verbose for the stack).\n',
    );
  });

  it('prints the stack of a bug with --verbose', async () => {
    const result = await cli(
      ['exec', 'test', '--verbose'],
      failingWith(new TypeError('x is undefined')),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\nTypeError: x is undefined\n\s+at /);
  });

  it('exits 2 on a commander usage error, in the one error format', async () => {
    const result = await cli(['exec', 'test', '--nope']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error [invalid_input]: unknown option '--nope'\nhint: Run `bin/connector exec --help` for usage.\n",
    });
  });

  it('exits 0 and prints the version', async () => {
    const result = await cli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('runCli() error printing', () => {
  it('prints one error line and one hint line', async () => {
    const error = new ConnectorError('insufficient_scope', 'The token lacks "Staffing".', {
      hint: 'Add the functional area to the API client.\nThen re-authorize.',
    });
    const result = await cli(['exec', 'test'], failingWith(error));
    expect(result.stderr).toBe(
      'error [insufficient_scope]: The token lacks "Staffing".\n' +
        'hint: Add the functional area to the API client. Then re-authorize.\n',
    );
  });

  it('prints the whole toJSON() object with --json', async () => {
    const error = new ConnectorError('rate_limited', 'Too many requests.', {
      hint: 'Wait.',
      details: { status: 429, retryAfterSeconds: 30 },
    });
    const result = await cli(['exec', 'test', '--json'], failingWith(error));
    expect(result.code).toBe(4);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stderr)).toEqual({
      name: 'ConnectorError',
      code: 'rate_limited',
      message: 'Too many requests.',
      hint: 'Wait.',
      details: { status: 429, retryAfterSeconds: 30 },
    });
  });

  it('prints usage errors as JSON with --json too', async () => {
    const result = await cli(['exec', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toMatchObject({ code: 'invalid_input' });
  });

  it('never prints a registered secret, in lines or in --json', async () => {
    const secret = `tok-${randomBytes(12).toString('hex')}`;
    const redactor = createRedactor();
    redactor.add(secret);
    const error = new ConnectorError('invalid_client', `Client ${secret} was refused.`, {
      hint: `Check ${secret}.`,
      details: { oauthErrorDescription: `bad ${secret}` },
    });
    for (const argv of [
      ['exec', 'test'],
      ['exec', 'test', '--json'],
    ]) {
      const result = await cli(argv, failingWith(error), redactor);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('[REDACTED]');
      expect(result.stderr).not.toContain(secret);
    }
  });

  it('redacts secret settings values the command learned, even when the SDK did not', async () => {
    // The fake session does no redaction of its own: only the CLI's redactor stands in the way.
    const result = await cli(
      ['exec', 'test'],
      failingWith(new ConnectorError('invalid_client', 'Secret unused-secret was refused.')),
    );
    expect(result.stderr).toBe('error [invalid_client]: Secret [REDACTED] was refused.\n');
  });

  it('redacts CONNECTOR_MASTER_KEY wherever it would appear', async () => {
    const key = randomBytes(32).toString('hex');
    let stderr = '';
    await runCli(
      ['exec', 'test'],
      { stdout: () => undefined, stderr: (t) => (stderr += t) },
      {
        cwd: dir,
        env: { CONNECTOR_MASTER_KEY: key },
        dependencies: failingWith(new ConnectorError('internal', `key ${key}`)),
      },
    );
    expect(stderr).toContain('key [REDACTED]');
    expect(stderr).not.toContain(key);
  });
});
