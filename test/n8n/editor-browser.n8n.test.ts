/**
 * The n8n editor in a real browser: Debian's Chromium (playwright-core, headless, fresh profile)
 * signs in to a real `n8n start` on 127.0.0.1, finds the Workday node in the node panel by its
 * display name, adds one of its actions and opens a new credential from the node. The form must
 * show the ISU refresh-token credential's fields with the secrets as password inputs. A
 * screenshot of the form is kept in test-output/n8n-editor/ (CI's artifact folder, git-ignored).
 * Chromium or n8n missing is a failure, not a skip.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { setUpOwner, startN8nServer } from '../../tools/n8n/n8n-process';
import type { N8nOwner, N8nProcess } from '../../tools/n8n/n8n-process';
import { launchChromium } from '../helpers/chromium';
import type { Browser } from '../helpers/chromium';
import { ROOT } from '../helpers/build-dist';
import { waitFor } from '../helpers/wait-for';
import { setUpN8nSuite } from './n8n-suite';
import type { N8nSuite } from './n8n-suite';

/** Where CI picks up the screenshot (README, "Tests and benchmarks"). */
const OUTPUT = path.join(ROOT, 'test-output', 'n8n-editor');
/** The editor renders slowly on a loaded two-core machine: wait by polling, up to this long. */
const UI_TIMEOUT = 60_000;

// What the README's credential table promises for the ISU option, and which of them are secrets.
const ISU_OPTION = 'API client for integrations (ISU refresh token)';
const ISU_FIELDS = [
  'Workday REST API endpoint',
  'Token endpoint',
  'Client ID',
  'Client secret',
  'Refresh token',
];
const SECRET_FIELDS = new Set(['Client secret', 'Refresh token']);

let suite: N8nSuite;
let server: N8nProcess;
let owner: N8nOwner;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  suite = await setUpN8nSuite();
  server = await startN8nServer(suite.home);
  owner = await setUpOwner(suite.home);
  browser = await launchChromium();
  page = await browser.context.newPage();
  // Tall enough for the whole credential form in one screenshot.
  await page.setViewportSize({ width: 1280, height: 1400 });
  page.setDefaultTimeout(UI_TIMEOUT);
  await mkdir(OUTPUT, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await suite?.close();
});

const base = () => `http://127.0.0.1:${suite.home.port}`;

/** Each field of the open credential form: its label and the types of its inputs. */
async function credentialFields(modal: Locator): Promise<Map<string, string[]>> {
  const fields = new Map<string, string[]>();
  for (const row of await modal.locator('[data-test-id="credential-connection-parameter"]').all()) {
    // The label's title; a trailing "*" marks a required field. allInnerTexts does not wait.
    const [title = ''] = await row.locator('label span.n8n-text').allInnerTexts();
    const types = await row
      .locator('input')
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { type: string }).type));
    fields.set(title.replace(/\s*\*\s*$/, '').trim(), types);
  }
  return fields;
}

it('signs in as the owner', async () => {
  await page.goto(`${base()}/signin`);
  await page.fill('input[name="emailOrLdapLoginId"]', owner.email);
  await page.fill('input[name="password"]', owner.password);
  await page.click('[data-test-id="form-submit-button"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: UI_TIMEOUT });
  expect(new URL(page.url()).pathname).toMatch(/^\/home\//);
});

it('lists the Workday node in the node panel when searched by its display name', async () => {
  await page.goto(`${base()}/workflow/new`);
  await page.click('[data-test-id="node-creator-plus-button"]');
  const panel = page.locator('[data-test-id="node-creator"]');
  await panel.waitFor();
  await page.locator('input[data-test-id="node-creator-search-bar"]').fill('Workday');
  const names = panel.locator('[data-test-id="node-creator-item-name"]');
  await names.filter({ hasText: /^Workday$/ }).waitFor();
  expect(await names.allInnerTexts()).toContain('Workday');
  await page.screenshot({ path: path.join(OUTPUT, 'node-panel.png') });

  // The node's page in the panel lists its actions (from connector.ts) and the trigger.
  await names.filter({ hasText: /^Workday$/ }).click();
  await panel
    .locator('[data-test-id="node-creator-category-item"]', { hasText: 'Actions' })
    .click();
  await panel.getByText('Search inbox tasks', { exact: true }).waitFor();
  expect(await panel.getByText('New inbox task', { exact: true }).count()).toBe(1);
});

it("opens the node's credential form: the ISU fields, secrets as password inputs", async () => {
  const panel = page.locator('[data-test-id="node-creator"]');
  await panel.getByText('Search inbox tasks', { exact: true }).click();
  const ndv = page.locator('[data-test-id="ndv"]');
  await ndv.waitFor();
  // The imported "Workday (ISU)" credential is offered; "Create new credential" opens the form.
  await ndv.locator('[data-test-id="node-credentials-select"]').click();
  await expect(
    page.locator('[data-test-id="node-credentials-select-item-workdayIsuDemo01"]').innerText(),
  ).resolves.toContain('Workday (ISU)');
  await page.click('[data-test-id="node-credentials-select-item-new"]');
  const modal = page.locator('[data-test-id="editCredential-modal"]');
  await modal.waitFor();
  await modal.getByText(ISU_OPTION, { exact: true }).click();
  let fields = new Map<string, string[]>();
  await waitFor(
    'the ISU credential fields',
    async () => (fields = await credentialFields(modal)).has(ISU_FIELDS[0] ?? ''),
    { timeoutMs: UI_TIMEOUT, intervalMs: 250 },
  );

  for (const label of ISU_FIELDS) {
    const type = SECRET_FIELDS.has(label) ? 'password' : 'text';
    expect({ label, types: fields.get(label) }).toEqual({ label, types: [type] });
  }
  await expect(modal.innerText()).resolves.toContain(`Workday: ${ISU_OPTION}`);
  await page.screenshot({ path: path.join(OUTPUT, 'isu-credential-form.png') });
});
