import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseMasterKey, resolveMasterKey } from '../../sdk/settings';

let dir: string;
let work: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'master-key-'));
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'master-key-cwd-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(work, { recursive: true, force: true });
});

describe('parseMasterKey()', () => {
  const bytes = randomBytes(32);

  it('accepts 64 hex characters, base64 of 32 bytes and 32 raw bytes as the same key', () => {
    expect(parseMasterKey(bytes.toString('hex'), 'x')).toEqual(bytes);
    expect(parseMasterKey(bytes.toString('hex').toUpperCase(), 'x')).toEqual(bytes);
    expect(parseMasterKey(`  ${bytes.toString('base64')}\n`, 'x')).toEqual(bytes);
    expect(parseMasterKey(bytes, 'x')).toEqual(bytes);
  });

  it.each([
    ['63 hex characters', bytes.toString('hex').slice(1)],
    ['base64 of 16 bytes', randomBytes(16).toString('base64')],
    ['base64 with junk', `${bytes.toString('base64')}!`],
    ['empty text', ''],
  ])('refuses %s, naming the source but not the value', (_label, text) => {
    expect(() => parseMasterKey(text, 'master.key')).toThrow(
      'Master key from master.key is not a 32-byte key.',
    );
  });

  it('refuses raw bytes of the wrong length', () => {
    expect(() => parseMasterKey(randomBytes(31), 'k')).toThrow(/not a 32-byte key/);
  });
});

describe('resolveMasterKey()', () => {
  const settings = () => path.join(dir, 'settings.json');
  const hex = () => randomBytes(32).toString('hex');

  it('prefers CONNECTOR_MASTER_KEY over key files', async () => {
    const fromEnv = hex();
    await fs.writeFile(path.join(dir, 'master.key'), hex());
    const found = await resolveMasterKey(settings(), {
      env: { CONNECTOR_MASTER_KEY: fromEnv },
      cwd: work,
    });
    expect(found).toEqual({ key: Buffer.from(fromEnv, 'hex'), source: 'CONNECTOR_MASTER_KEY' });
  });

  it('prefers master.key beside the settings file over the one in cwd', async () => {
    const beside = hex();
    await fs.writeFile(path.join(dir, 'master.key'), beside);
    await fs.writeFile(path.join(work, 'master.key'), hex());
    const found = await resolveMasterKey(settings(), { env: {}, cwd: work });
    expect(found?.key).toEqual(Buffer.from(beside, 'hex'));
    expect(found?.source).toBe(path.join(dir, 'master.key'));
  });

  it('ignores an empty CONNECTOR_MASTER_KEY and returns undefined when nothing is found', async () => {
    expect(
      await resolveMasterKey(settings(), { env: { CONNECTOR_MASTER_KEY: ' ' }, cwd: work }),
    ).toBeUndefined();
  });
});
