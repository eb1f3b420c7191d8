/**
 * Issue 15, class 4: every parser of local input (input, closure and settings files, the
 * sandbox's `--faults` shorthand) has depth and size bounds and refuses what exceeds them as a
 * usage error (exit 2), and none walks `__proto__`, `constructor` or `prototype`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FaultSpecError, parseFaultSpec } from '../../sandbox/fault-spec';
import { runCliCaptured } from '../helpers/run-cli-captured';

let dir: string;
const SETTINGS = {
  auth_type: 'refresh_token',
  rest_api_endpoint: 'http://127.0.0.1:9/ccx/api/v1/acme_us',
  token_endpoint: 'http://127.0.0.1:9/ccx/oauth2/acme_us/token',
  client_id: 'local-input-client',
  client_secret: 'local-input-secret-0123456789',
  refresh_token: 'local-input-refresh-0123456789',
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'local-input-'));
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(SETTINGS), { mode: 0o600 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text, { mode: 0o600 });
  return at;
}

function exec(...args: string[]) {
  return runCliCaptured(['exec', ...args, '--settings', path.join(dir, 'settings.json')], {
    cwd: dir,
    env: {},
  });
}

const DEEP = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
// Unbalanced as well: the syntax-error locator used to recurse into it and overflow the stack.
const DEEP_BROKEN = `{"a":${'['.repeat(100_000)}`;

describe('input and closure files', () => {
  it.each([
    ['nested 100 000 deep', DEEP, 'is nested deeper than 64 levels (at line 1, column 65)'],
    [
      'nested deep and unclosed',
      DEEP_BROKEN,
      'is nested deeper than 64 levels (at line 1, column 69)',
    ],
    [
      'with a __proto__ key',
      '{"journal_id":"JE-1","__proto__":{"polluted":true}}',
      'has the key "__proto__" at "__proto__", which is not allowed in any JSON this tool reads',
    ],
    [
      'with a nested constructor.prototype',
      '{"lines":[{"constructor":{"prototype":{"polluted":true}}}]}',
      'has the key "constructor" at "lines[0].constructor", which is not allowed in any JSON this tool reads',
    ],
  ])('refuses an input file %s with exit 2', async (_name, text, said) => {
    const input = file('input.json', text);
    const result = await exec('actions.get_journal_entry', '--input', input);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `error [invalid_input]: Input file '${input}' ${said}.`,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a closure file nested too deep with exit 2', async () => {
    const closure = file('closure.json', DEEP);
    const result = await exec('triggers.new_inbox_task', '--closure', closure);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Closure file '${closure}' is nested deeper than 64 levels`);
  });

  it('refuses an input file over 16 MiB before reading it', async () => {
    const input = file('input.json', `{"pad":"${' '.repeat(16 * 1024 * 1024)}"}`);
    const result = await exec('actions.get_journal_entry', '--input', input);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `Input file '${input}' is 16777226 bytes, more than the 16777216 allowed.`,
    );
  });
});

describe('settings files', () => {
  it.each([
    [
      'nested too deep',
      JSON.stringify({
        connections: { us: { extra: JSON.parse(`${'['.repeat(20)}1${']'.repeat(20)}`) } },
      }),
      'is nested deeper than 16 levels (at line 1, column 44)',
    ],
    [
      'nested deep and unclosed',
      DEEP_BROKEN,
      'is nested deeper than 16 levels (at line 1, column 21)',
    ],
    [
      'with a __proto__ key',
      `{"connections":{"us":${JSON.stringify(SETTINGS)},"__proto__":{"polluted":true}}}`,
      'has the key "__proto__" at "connections.__proto__", which is not allowed in any JSON this tool reads',
    ],
  ])('refuses a settings file %s with exit 2', async (_name, text, said) => {
    const settings = file('settings.json', text);
    const result = await exec('test');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `error [invalid_settings]: Settings file '${settings}' ${said}.`,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the sandbox --faults shorthand', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it.each([
    '__proto__.polluted=1',
    'constructor.prototype.polluted=1',
    'prototype.polluted=1',
    'rateLimit.__proto__=1',
  ])('refuses %s without touching Object.prototype', (spec) => {
    expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses keys nested deeper than any fault key and specs longer than 16 KiB', () => {
    expect(() => parseFaultSpec('rateLimit.every.deeper=1')).toThrow(
      "Fault spec key 'rateLimit.every.deeper' is nested deeper than 2 levels.",
    );
    expect(() => parseFaultSpec(`latencyMs=1,${'x'.repeat(20_000)}`)).toThrow(
      'Fault spec is 20012 characters, more than the 16384 allowed.',
    );
  });

  it('still reads a valid shorthand spec', () => {
    expect(parseFaultSpec('rateLimit.every=3,rateLimit.retryAfterSeconds=1,latencyMs=5')).toEqual({
      rateLimit: { every: 3, retryAfterSeconds: 1 },
      latencyMs: 5,
    });
  });

  it('refuses a poisoned spec through `connector sandbox` with exit 2', async () => {
    const result = await runCliCaptured(['sandbox', '--faults', '__proto__.polluted=1'], {
      cwd: dir,
      env: {},
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "The --faults spec is not valid: '__proto__.polluted' is not a fault key.",
    );
  });
});
