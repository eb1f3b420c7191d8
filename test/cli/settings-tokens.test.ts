import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { settingsSessionOptions, splitTokens, writeBackTokens } from '../../cli/settings-tokens';
import { createRedactor } from '../../sdk/redact';
import { loadSettings } from '../../sdk/settings';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-settings-tokens-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function namedStore(connections: Record<string, Record<string, unknown>>) {
  const file = path.join(dir, 'settings.json');
  await fs.writeFile(file, JSON.stringify({ connections }));
  return { file, store: await loadSettings(file) };
}

describe('splitTokens()', () => {
  it('takes the cached access token out of the connection values', () => {
    const token = randomBytes(8).toString('hex');
    expect(
      splitTokens({
        client_id: 'c',
        access_token: token,
        access_token_expires_at: '2030-01-01T00:00:00.000Z',
      }),
    ).toEqual({
      connection: { client_id: 'c' },
      tokens: { access_token: token, access_token_expires_at: '2030-01-01T00:00:00.000Z' },
    });
  });

  it('drops empty or non-string token values from both sides', () => {
    expect(splitTokens({ client_id: 'c', access_token: '', access_token_expires_at: 5 })).toEqual({
      connection: { client_id: 'c' },
      tokens: {},
    });
  });

  it('leaves the values it was given unchanged', () => {
    const values = { client_id: 'c', access_token: 'x' };
    splitTokens(values);
    expect(values).toEqual({ client_id: 'c', access_token: 'x' });
  });
});

describe('writeBackTokens()', () => {
  it('registers new tokens as secrets and writes them to the named connection', async () => {
    const { file, store } = await namedStore({ us: { client_id: 'u' }, emea: { client_id: 'e' } });
    const redactor = createRedactor();
    const access = randomBytes(12).toString('hex');
    const refresh = randomBytes(12).toString('hex');
    await writeBackTokens(store, 'us', redactor)({ access_token: access, refresh_token: refresh });
    expect(redactor.redact(`${access} ${refresh}`)).toBe('[REDACTED] [REDACTED]');
    const written = JSON.parse(await fs.readFile(file, 'utf8')) as {
      connections: Record<string, Record<string, unknown>>;
    };
    expect(written.connections['us']).toEqual({
      client_id: 'u',
      access_token: access,
      refresh_token: refresh,
    });
    expect(written.connections['emea']).toEqual({ client_id: 'e' });
  });
});

describe('settingsSessionOptions()', () => {
  it('opens the named connection with its cached token and writes updates back to it', async () => {
    const cached = randomBytes(8).toString('hex');
    const { store } = await namedStore({
      us: { client_id: 'u', access_token: cached },
      emea: { client_id: 'e' },
    });
    const redactor = createRedactor();
    const options = settingsSessionOptions(store, 'us', redactor);
    expect(options.connection).toEqual({ client_id: 'u' });
    expect(options.tokens).toEqual({ access_token: cached });
    const fresh = randomBytes(8).toString('hex');
    await options.onTokens({ access_token: fresh });
    expect(store.getConnection('us')['access_token']).toBe(fresh);
    expect(redactor.redact(fresh)).toBe('[REDACTED]');
  });
});
