/**
 * Encrypted settings tamper detection, beyond the last-byte cases of
 * test/settings/encrypt-file.test.ts: a flipped bit at *any* position of the ciphertext, IV or
 * tag, a truncated or extended ciphertext, or a ciphertext spliced from another file is refused
 * as a whole (AES-256-GCM authenticates everything), and the CLI reports it as a settings error
 * (exit 2) without printing a value, the key or any partial plaintext.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { runCli } from '../../cli/run';
import { ConnectorError } from '../../sdk/errors';
import { encryptSettingsFile, generateMasterKey, loadSettings } from '../../sdk/settings';
import { createSecretScanner } from '../helpers/secret-scan';

let dir: string;
let file: string;
let key: string;
let envelope: Record<string, string>;
const secret = randomBytes(24).toString('base64url');
const refreshToken = randomBytes(32).toString('base64url');

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-tamper-'));
  file = path.join(dir, 'settings.json');
  key = generateMasterKey();
  await fs.writeFile(
    file,
    JSON.stringify({
      connections: {
        us: {
          auth_type: 'refresh_token',
          rest_api_endpoint: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme',
          token_endpoint: 'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token',
          client_id: 'client',
          client_secret: secret,
          refresh_token: refreshToken,
        },
      },
    }),
  );
  await encryptSettingsFile(file, key);
  envelope = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, string>;
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function loadTampered(changed: Record<string, string>): Promise<unknown> {
  const target = path.join(dir, `t-${randomBytes(4).toString('hex')}.json`);
  await fs.writeFile(target, JSON.stringify({ ...envelope, ...changed }));
  try {
    const store = await loadSettings(target, { env: { CONNECTOR_MASTER_KEY: key }, cwd: dir });
    return store.getConnection('us');
  } catch (error: unknown) {
    return error;
  } finally {
    await fs.rm(target, { force: true });
  }
}

function flip(base64: string, index: number, mask: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index % bytes.length] = (bytes[index % bytes.length] as number) ^ mask;
  return bytes.toString('base64');
}

it('the untouched file decrypts (the tampering below is what fails)', async () => {
  expect(await loadTampered({})).toMatchObject({ client_secret: secret });
});

it('refuses a flipped bit at any position of data, iv or tag', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('data', 'iv', 'tag'),
      fc.nat(),
      fc.integer({ min: 1, max: 255 }),
      async (field, index, mask) => {
        const outcome = await loadTampered({ [field]: flip(envelope[field]!, index, mask) });
        expect(outcome).toBeInstanceOf(ConnectorError);
        expect((outcome as ConnectorError).code).toBe('invalid_settings');
        expect((outcome as ConnectorError).message).toContain('could not be decrypted');
      },
    ),
    { numRuns: 60 },
  );
});

it.each([
  ['a truncated', (data: string) => Buffer.from(data, 'base64').subarray(0, -1).toString('base64')],
  [
    'extended',
    (data: string) =>
      Buffer.concat([Buffer.from(data, 'base64'), Buffer.from([0])]).toString('base64'),
  ],
  ['an emptied', () => ''],
])('refuses %s ciphertext', async (_name, change) => {
  const outcome = await loadTampered({ data: change(envelope.data!) });
  expect(outcome).toMatchObject({ code: 'invalid_settings' });
});

it('refuses a ciphertext spliced in from another file encrypted with the same key', async () => {
  const other = path.join(dir, 'other.json');
  await fs.writeFile(other, JSON.stringify({ client_secret: 'x'.repeat(40) }));
  await encryptSettingsFile(other, key);
  const foreign = JSON.parse(await fs.readFile(other, 'utf8')) as Record<string, string>;
  expect(await loadTampered({ data: foreign.data! })).toMatchObject({ code: 'invalid_settings' });
  expect(await loadTampered({ tag: foreign.tag! })).toMatchObject({ code: 'invalid_settings' });
});

it('the CLI refuses a tampered file with exit code 2 and prints no secret, key or plaintext', async () => {
  const tampered = path.join(dir, 'tampered.json');
  await fs.writeFile(
    tampered,
    JSON.stringify({ ...envelope, data: flip(envelope.data!, 7, 0x20) }),
  );
  let out = '';
  const code = await runCli(
    ['exec', 'test', '--settings', tampered, '--connection', 'us', '--verbose', '--json'],
    { stdout: (t) => void (out += t), stderr: (t) => void (out += t) },
    { cwd: dir, env: { CONNECTOR_MASTER_KEY: key } },
  );
  expect(code).toBe(2);
  expect(out).toContain('could not be decrypted: wrong key or the file was modified');
  const scanner = createSecretScanner();
  scanner.add('client_secret', secret);
  scanner.add('refresh_token', refreshToken);
  scanner.add('master key', key);
  scanner.scanText('cli output', out);
  expect(scanner.leaks).toEqual([]);
  expect(out).not.toContain('wd2-impl-services1');
});
