/**
 * The `connector oauth2` callback server, attacked while it waits: it listens on 127.0.0.1 only
 * (not another loopback address, not IPv6, not an external interface), refuses callbacks whose
 * `state` is missing, forged or from an earlier sign-in without redeeming their code, and its
 * `state` is unguessable. (The happy path, Deny and the basic wrong-state case are in
 * test/oauth2-cli/oauth2.test.ts; the browser path in test/e2e/.)
 */
import * as os from 'node:os';
import { oauth2 } from '../../cli/commands/oauth2';
import { useCliFixture } from '../helpers/cli-fixture';
import type { AuthorizeUrlInfo, OAuth2Options } from '../../cli/commands/oauth2';
import { submitLogin } from '../oauth2-cli/sign-in';
import { canConnect } from '../helpers/can-connect';

const fixture = useCliFixture();

const OPTIONS: OAuth2Options = {
  settings: 'settings.json',
  connection: 'us_user',
  port: 0,
  browser: false,
  // A refused callback no longer ends the wait: each attack below ends with this timeout.
  timeout: 1,
};

/** Runs `connector oauth2` in process; `attack` gets the waiting server's details. */
async function signIn(attack: (info: AuthorizeUrlInfo) => Promise<void>): Promise<unknown> {
  const { context } = fixture.context();
  return oauth2(OPTIONS, context, { onAuthorizeUrl: attack }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

it('listens on 127.0.0.1 only while it waits for the browser', async () => {
  const reachable: Record<string, boolean> = {};
  const outcome = await signIn(async (info) => {
    expect(info.host).toBe('127.0.0.1');
    expect(info.redirectUri).toBe(`http://127.0.0.1:${info.port}/oauth/callback`);
    reachable['127.0.0.1'] = await canConnect('127.0.0.1', info.port);
    // Another loopback address is another host as far as binding goes.
    reachable['127.0.0.2'] = await canConnect('127.0.0.2', info.port);
    reachable['::1'] = await canConnect('::1', info.port);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
    if (external !== undefined) reachable.external = await canConnect(external.address, info.port);
    // A callback without state is refused; the wait then ends with the timeout.
    await fetch(`${info.redirectUri}?code=x`);
  });
  expect(outcome).toMatchObject({ code: expect.any(String) });
  expect(reachable['127.0.0.1']).toBe(true);
  expect(reachable['127.0.0.2']).toBe(false);
  expect(reachable['::1']).toBe(false);
  if ('external' in reachable) expect(reachable.external).toBe(false);
});

it('sends an unguessable state: at least 128 random bits, different every time', async () => {
  const states: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    await signIn(async (info) => {
      states.push(new URL(info.url).searchParams.get('state') ?? '');
      await fetch(`${info.redirectUri}?code=x`);
    });
  }
  for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  expect(states[0]).not.toBe(states[1]);
});

it('refuses a real code carried back with the state of an earlier sign-in, without redeeming it', async () => {
  let earlierState = '';
  await signIn(async (info) => {
    earlierState = new URL(info.url).searchParams.get('state') ?? '';
    await fetch(`${info.redirectUri}?code=x`);
  });
  let status = 0;
  const outcome = await signIn(async (info) => {
    const callback = new URL(
      await submitLogin(info.url, { ...fixture.user('lmcneil'), decision: 'allow' }),
    );
    callback.searchParams.set('state', earlierState);
    status = (await fetch(callback)).status;
  });
  expect(status).toBe(400);
  // Refused, and the forged callback did not end the sign-in: only the timeout did.
  expect(outcome).toMatchObject({
    code: 'transport',
    message: expect.stringContaining('No sign-in callback arrived'),
  });
  expect((await fixture.sandbox.state()).tokenRequests.authorization_code).toBe(0);
  expect((await fixture.readConnection('us_user')).refresh_token).toBeUndefined();
});

it.each([
  ['no state at all', (state: string) => `code=c&x=${state.length}`],
  ['an empty state', () => 'code=c&state='],
  [
    'the state with one character changed',
    (s: string) => `code=c&state=${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`,
  ],
  ['the state twice (first forged)', (s: string) => `code=c&state=forged&state=${s}`],
  ['a prefix of the state', (s: string) => `code=c&state=${s.slice(0, 8)}`],
])('refuses a callback with %s', async (_name, query) => {
  let status = 0;
  const outcome = await signIn(async (info) => {
    const state = new URL(info.url).searchParams.get('state') ?? '';
    status = (await fetch(`${info.redirectUri}?${query(state)}`)).status;
  });
  expect(status).toBe(400);
  expect(outcome).toMatchObject({
    code: 'transport',
    message: expect.stringContaining('No sign-in callback arrived'),
  });
  expect((await fixture.sandbox.state()).tokenRequests.total).toBe(0);
});
