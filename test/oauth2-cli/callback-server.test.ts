import * as os from 'node:os';
import { startCallbackServer } from '../../cli/oauth2/callback-server';
import type { CallbackServer } from '../../cli/oauth2/callback-server';
import { canConnect } from '../helpers/can-connect';

const STATE = 'expected-state-value';

let server: CallbackServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function callback(params: Record<string, string>): string {
  return `${server?.redirectUri}?${new URLSearchParams(params).toString()}`;
}

describe('startCallbackServer()', () => {
  it('listens on 127.0.0.1 only', async () => {
    server = await startCallbackServer(0);
    expect(server.host).toBe('127.0.0.1');
    expect(server.redirectUri).toBe(`http://127.0.0.1:${server.port}/oauth/callback`);
    expect(await canConnect('127.0.0.1', server.port)).toBe(true);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((info) => info !== undefined && info.family === 'IPv4' && !info.internal);
    if (external !== undefined) {
      expect(await canConnect(external.address, server.port)).toBe(false);
    }
  });

  it('exchanges the code once state matches, answers the connected page, then closes', async () => {
    server = await startCallbackServer(0);
    const codes: string[] = [];
    const outcome = server.awaitCallback({
      state: STATE,
      timeoutMs: 5000,
      onCode: async (code) => {
        codes.push(code);
      },
    });
    // A browser asks for a favicon first: that must not use up the one callback.
    expect((await fetch(`http://127.0.0.1:${server.port}/favicon.ico`)).status).toBe(404);
    const response = await fetch(callback({ code: 'the-code', state: STATE }));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('You can close this window');
    await expect(outcome).resolves.toBeUndefined();
    expect(codes).toEqual(['the-code']);
    expect(await canConnect('127.0.0.1', server.port)).toBe(false);
  });

  it.each([
    ['a wrong state', { code: 'c', state: 'forged' }, /wrong state/],
    ['no state', { code: 'c' }, /without state/],
  ])(
    'refuses %s with a 400 page and keeps waiting for the right callback',
    async (_what, params, note) => {
      server = await startCallbackServer(0);
      const onCode = jest.fn(async () => undefined);
      const refused: string[] = [];
      const outcome = server.awaitCallback({
        state: STATE,
        timeoutMs: 10_000,
        onCode,
        onRefused: (message) => refused.push(message),
      });
      outcome.catch(() => undefined);
      const response = await fetch(callback(params));
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('wrong or missing state');
      expect(refused).toEqual([expect.stringMatching(note)]);
      expect(onCode).not.toHaveBeenCalled();
      // The sign-in that is waiting still completes.
      const right = await fetch(callback({ code: 'good', state: STATE }));
      expect(right.status).toBe(200);
      await expect(outcome).resolves.toBeUndefined();
      expect(onCode).toHaveBeenCalledWith('good');
    },
  );

  it('names the command to rerun, with the settings the user passed, when it times out', async () => {
    server = await startCallbackServer(0);
    const outcome = server.awaitCallback({
      state: STATE,
      timeoutMs: 50,
      onCode: async () => undefined,
      rerun: 'bin/connector oauth2 --settings my-settings.json --connection us_user',
    });
    await expect(outcome).rejects.toMatchObject({
      code: 'transport',
      hint: expect.stringContaining(
        'Rerun `bin/connector oauth2 --settings my-settings.json --connection us_user`',
      ),
    });
  });

  it('reports a declined consent as access_denied', async () => {
    server = await startCallbackServer(0);
    const outcome = server.awaitCallback({
      state: STATE,
      timeoutMs: 5000,
      onCode: async () => undefined,
    });
    outcome.catch(() => undefined);
    const response = await fetch(callback({ error: 'access_denied', state: STATE }));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Access declined');
    await expect(outcome).rejects.toMatchObject({
      code: 'access_denied',
      message: 'The sign-in was declined on the authorization page (access_denied).',
    });
  });

  it('reports a failed exchange to the browser and the caller', async () => {
    server = await startCallbackServer(0);
    const outcome = server.awaitCallback({
      state: STATE,
      timeoutMs: 5000,
      onCode: async () => {
        throw new Error('exchange failed');
      },
    });
    outcome.catch(() => undefined);
    const response = await fetch(callback({ code: 'c', state: STATE }));
    expect(response.status).toBe(500);
    await expect(outcome).rejects.toMatchObject({ code: 'internal' });
  });

  it('answers later callbacks with 410 (one-shot)', async () => {
    server = await startCallbackServer(0);
    let release: () => void = () => undefined;
    const outcome = server.awaitCallback({
      state: STATE,
      timeoutMs: 5000,
      onCode: () => new Promise<void>((resolve) => (release = resolve)),
    });
    const first = fetch(callback({ code: 'c', state: STATE }));
    // Wait until the first callback is being handled, then try a second one.
    while ((await fetch(callback({ code: 'd', state: STATE })).then((r) => r.status)) !== 410) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    release();
    expect((await first).status).toBe(200);
    await outcome;
  });

  it('times out with a clear message', async () => {
    server = await startCallbackServer(0);
    const outcome = server.awaitCallback({
      state: STATE,
      timeoutMs: 50,
      onCode: async () => undefined,
    });
    await expect(outcome).rejects.toMatchObject({
      code: 'transport',
      message: `No sign-in callback arrived at ${server.redirectUri} within 0.1 s.`,
    });
    expect(await canConnect('127.0.0.1', server.port)).toBe(false);
  });

  it('refuses a port that is taken with a usage error', async () => {
    server = await startCallbackServer(0);
    await expect(startCallbackServer(server.port)).rejects.toMatchObject({
      code: 'invalid_input',
      message: `Port ${server.port} on 127.0.0.1 is already in use, so the sign-in callback cannot be received there.`,
    });
  });
});
