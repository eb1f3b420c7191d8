/**
 * A real browser end to end: headless Chromium (Debian's, driven by playwright-core) signs in on
 * the sandbox's login and consent page while `connector oauth2 --no-browser` runs in process and
 * waits for the callback. Then the refresh token is in the settings file and an action runs as
 * the user who signed in. Also the Deny path. Chromium missing is a failure, not a skip.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { oauth2 } from '../../cli/commands/oauth2';
import { useCliFixture } from '../helpers/cli-fixture';
import type { AuthorizeUrlInfo, OAuth2Options } from '../../cli/commands/oauth2';
import { launchChromium } from '../helpers/chromium';
import type { Browser } from '../helpers/chromium';

jest.setTimeout(60_000);

const LOGAN_WORKER_ID = '1098bc33a7485eb30301db1e72cf738b';

const fixture = useCliFixture();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const OPTIONS: OAuth2Options = {
  settings: 'settings.json',
  connection: 'us_user',
  port: 0,
  browser: false,
  timeout: 30,
};

/** Runs `connector oauth2` in process; `browse` drives the browser once the URL is known. */
async function signIn(browse: (info: AuthorizeUrlInfo) => Promise<void>) {
  const { context, lines } = fixture.context();
  const outcome = await oauth2(OPTIONS, context, { onAuthorizeUrl: browse }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  return { ...outcome, lines };
}

it('signs in through the consent page, saves the refresh token, and acts as that user', async () => {
  const page = await browser.context.newPage();
  let finalText = '';
  let pageTitle = '';
  const { result, error, lines } = await signIn(async (info) => {
    await page.goto(info.url);
    pageTitle = await page.title();
    // A wrong password first: the page comes back with an error, still on the sandbox.
    await page.fill('#username', fixture.user('lmcneil').username);
    await page.fill('#password', 'not-the-password');
    await page.click('button[value="allow"]');
    await page.waitForSelector('.error');
    // Then the real one; Allow redirects the browser to the connector's callback server.
    await page.fill('#username', fixture.user('lmcneil').username);
    await page.fill('#password', fixture.user('lmcneil').password);
    await Promise.all([
      page.waitForURL((url) => url.toString().startsWith(info.redirectUri)),
      page.click('button[value="allow"]'),
    ]);
    finalText = (await page.textContent('body')) ?? '';
  });
  await page.close();

  expect(error).toBeUndefined();
  expect(pageTitle).toContain('acme_us');
  expect(finalText).toContain('connected to Workday');
  expect(result?.stdout).toContain("Connected 'us_user'");
  expect(lines.join('\n')).toContain('/acme_us/authorize?');

  const saved = await fixture.readConnection('us_user');
  expect(saved.refresh_token).toEqual(expect.any(String));
  expect(saved.access_token).toEqual(expect.any(String));
  const state = await fixture.sandbox.state();
  expect(state.tokenRequests.authorization_code).toBe(1);

  // An action with the saved tokens runs as Logan McNeil, the user who signed in.
  const me = await fixture.exec('test', 'us_user');
  expect(me.code).toBe(0);
  expect(JSON.parse(me.stdout)).toMatchObject({ id: LOGAN_WORKER_ID, descriptor: 'Logan McNeil' });
  const search = await fixture.exec('actions.search_inbox_tasks', 'us_user');
  expect(search.code).toBe(0);
  const tasks = (JSON.parse(search.stdout) as { tasks: Array<{ id: string }> }).tasks;
  expect(tasks.length).toBeGreaterThan(0);
  // Logan's inbox (fixtures/sandbox/acme-us.json), not the integration user's.
  expect(tasks.map((t) => t.id)).toContain('094df472424a9b84ef3b2c963cb321c6');
  expect(tasks.map((t) => t.id)).not.toContain('43229f94b95d6f17b238a0139a02dc9d');
});

it('Deny: the browser lands on the callback, the command reports the refusal, nothing is saved', async () => {
  const page = await browser.context.newPage();
  let finalText = '';
  const { error } = await signIn(async (info) => {
    await page.goto(info.url);
    await page.fill('#username', fixture.user('lmcneil').username);
    await page.fill('#password', fixture.user('lmcneil').password);
    await Promise.all([
      page.waitForURL((url) => url.toString().startsWith(info.redirectUri)),
      page.click('button[value="deny"]'),
    ]);
    finalText = (await page.textContent('body')) ?? '';
  });
  await page.close();

  expect(error).toMatchObject({ code: 'access_denied' });
  expect(finalText.toLowerCase()).toMatch(/declined|denied/);
  const saved = await fixture.readConnection('us_user');
  expect(saved.refresh_token).toBeUndefined();
  expect((await fixture.sandbox.state()).tokenRequests.total).toBe(0);
});

it('the sign-in keeps the mode of the settings file it rewrites, and warns when others can read it', async () => {
  // Issue 11: write-back keeps the owner's mode (0640 shared with a group stays so) and says
  // that the file is readable, instead of silently changing it.
  const settingsFile = path.join(fixture.dir, 'settings.json');
  await fs.chmod(settingsFile, 0o640);

  const page = await browser.context.newPage();
  const { result, error, lines } = await signIn(async (info) => {
    await page.goto(info.url);
    await page.fill('#username', fixture.user('lmcneil').username);
    await page.fill('#password', fixture.user('lmcneil').password);
    await Promise.all([
      page.waitForURL((url) => url.toString().startsWith(info.redirectUri)),
      page.click('button[value="allow"]'),
    ]);
  });
  await page.close();

  expect(error).toBeUndefined();
  expect(result?.stdout).toContain("Connected 'us_user'");
  const saved = await fixture.readConnection('us_user');
  expect(saved.refresh_token).toEqual(expect.any(String));
  expect(saved.refresh_token).not.toBe('');
  expect((await fs.stat(settingsFile)).mode & 0o777).toBe(0o640);
  expect(lines.join('\n')).toContain(
    `warn: Settings file '${settingsFile}' is readable by group or others (mode 0640)`,
  );
});
