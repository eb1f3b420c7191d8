import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { oauth2 } from '../../cli/commands/oauth2';
import { useCliFixture } from '../helpers/cli-fixture';
import { submitLogin } from './sign-in';
import type { AuthorizeUrlInfo, OAuth2Options } from '../../cli/commands/oauth2';

const fixture = useCliFixture();

function options(overrides: Partial<OAuth2Options> = {}): OAuth2Options {
  return {
    settings: 'settings.json',
    connection: 'us_user',
    port: 0,
    browser: false,
    timeout: 10,
    ...overrides,
  };
}

async function lmcneilTaskIds(): Promise<string[]> {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'sandbox', 'acme-us.json');
  const tenant = JSON.parse(await fs.readFile(file, 'utf8')) as {
    inboxTasks: Array<{ id: string; assignee: string }>;
  };
  return tenant.inboxTasks
    .filter((t) => t.assignee === 'lmcneil')
    .map((t) => t.id)
    .sort();
}

describe('connector oauth2', () => {
  it('signs in end to end, saves the refresh token and acts as that user', async () => {
    const { context, lines } = fixture.context();
    let seen: AuthorizeUrlInfo | undefined;
    const result = await oauth2(options(), context, {
      onAuthorizeUrl: async (info) => {
        seen = info;
        const callback = await submitLogin(info.url, {
          ...fixture.user('lmcneil'),
          decision: 'allow',
        });
        expect(callback.startsWith(`${info.redirectUri}?`)).toBe(true);
        const page = await fetch(callback);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('You can close this window');
      },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      `Connected 'us_user': saved its refresh token and access token to ${fixture.settingsFile}.\n`,
    );

    // The authorize URL: state, PKCE S256, no scope, the loopback redirect URI; printed for the user.
    const info = seen as AuthorizeUrlInfo;
    expect(info.host).toBe('127.0.0.1');
    expect(info.redirectUri).toBe(`http://127.0.0.1:${info.port}/oauth/callback`);
    const url = new URL(info.url);
    expect(url.origin + url.pathname).toBe(`${fixture.sandbox.origin}/acme_us/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(url.searchParams.has('scope')).toBe(false);
    expect(url.searchParams.get('redirect_uri')).toBe(info.redirectUri);
    expect(lines).toContain(`  ${info.url}`);

    const saved = await fixture.readConnection('us_user');
    expect(typeof saved.refresh_token).toBe('string');
    expect(typeof saved.access_token).toBe('string');
    expect(Date.parse(String(saved.access_token_expires_at))).toBeGreaterThan(Date.now());
    expect((await fixture.sandbox.state()).tokenRequests.authorization_code).toBe(1);

    const who = await fixture.exec('test', 'us_user');
    expect(who.code).toBe(0);
    expect(JSON.parse(who.stdout)).toMatchObject({ descriptor: 'Logan McNeil', tenant: 'acme_us' });

    const search = await fixture.exec('actions.search_inbox_tasks', 'us_user');
    expect(search.stderr).toBe('');
    expect(search.code).toBe(0);
    const tasks = (JSON.parse(search.stdout) as { tasks: Array<{ id: string }> }).tasks;
    expect(tasks.map((t) => t.id).sort()).toEqual(await lmcneilTaskIds());
  });

  it('reports Deny as a declined sign-in and saves nothing', async () => {
    const { context } = fixture.context();
    const before = await fs.readFile(fixture.settingsFile, 'utf8');
    const run = oauth2(options(), context, {
      onAuthorizeUrl: async (info) => {
        const callback = await submitLogin(info.url, {
          ...fixture.user('lmcneil'),
          decision: 'deny',
        });
        expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
        expect((await fetch(callback)).status).toBe(200);
      },
    });
    await expect(run).rejects.toMatchObject({
      code: 'access_denied',
      // The hint reruns the command with the settings file and connection the user passed.
      hint: 'Rerun `bin/connector oauth2 --settings settings.json --connection us_user` and choose Allow to connect.',
    });
    await expect(run).rejects.toThrow(
      'The sign-in was declined on the authorization page (access_denied: The user denied access).',
    );
    expect(await fs.readFile(fixture.settingsFile, 'utf8')).toBe(before);
    expect((await fixture.sandbox.state()).tokenRequests.total).toBe(0);
  });

  it('refuses a callback with a wrong state and keeps waiting for the right one', async () => {
    const { context, lines } = fixture.context();
    const result = await oauth2(options(), context, {
      onAuthorizeUrl: async (info) => {
        const right = await submitLogin(info.url, {
          ...fixture.user('lmcneil'),
          decision: 'allow',
        });
        const forged = new URL(right);
        forged.searchParams.set('state', 'not-the-state-we-sent');
        expect((await fetch(forged)).status).toBe(400);
        expect((await fixture.sandbox.state()).tokenRequests.total).toBe(0);
        expect((await fetch(right)).status).toBe(200);
      },
    });
    expect(result.exitCode).toBe(0);
    expect(lines.join('\n')).toContain(
      'a wrong state (an old tab or a forged request) was refused',
    );
    expect((await fixture.sandbox.state()).tokenRequests.authorization_code).toBe(1);
    expect((await fixture.readConnection('us_user')).refresh_token).toEqual(expect.any(String));
  });

  it('times out with a clear message when nobody signs in', async () => {
    const { context } = fixture.context();
    let redirectUri = '';
    const run = oauth2(options({ timeout: 0.2 }), context, {
      onAuthorizeUrl: (info) => {
        redirectUri = info.redirectUri;
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'transport' });
    await expect(run).rejects.toThrow(
      `No sign-in callback arrived at ${redirectUri} within 0.2 s.`,
    );
  });

  it.each([
    [
      'an ISU connection',
      'us',
      /^Connection 'us' has "refresh_token"; `bin\/connector oauth2` signs in only authorization_code connections/,
      /^An API client for integrations has no sign-in/,
    ],
    [
      'client_credentials',
      'cc',
      /^Connection 'cc' has "client_credentials"/,
      /^Workday API clients issue tokens through an authorization code/,
    ],
  ])('refuses %s with a usage error that explains', async (_what, name, message, hint) => {
    await fixture.writeSettings({
      ...fixture.connections(),
      cc: { ...fixture.connections().us, auth_type: 'client_credentials' },
    });
    const { context } = fixture.context();
    const onAuthorizeUrl = jest.fn();
    const run = oauth2(options({ connection: name }), context, { onAuthorizeUrl });
    await expect(run).rejects.toMatchObject({
      code: 'invalid_input',
      hint: expect.stringMatching(hint),
    });
    await expect(run).rejects.toThrow(message);
    expect(onAuthorizeUrl).not.toHaveBeenCalled();
  });

  it('exits 2 through the CLI for a connection that cannot sign in', async () => {
    const result = await fixture.cli(
      'oauth2',
      '--settings',
      'settings.json',
      '--connection',
      'us',
      '--no-browser',
      '--port',
      '0',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \[invalid_input\]: Connection 'us' has "refresh_token"/);
  });
});
