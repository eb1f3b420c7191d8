/**
 * UKG Pro from the one CLI (`--connector ukg-pro`), in process: exec an action, doctor a
 * healthy and a misconfigured connection, and the exit codes they give.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { runCliCaptured } from '../../../../test/helpers/run-cli-captured';
import { settingsFile, useUkgSimulator } from '../support';

const ukg = useUkgSimulator();
let settings: { file: string; cleanup: () => Promise<unknown> };
let inputDir: string;

beforeAll(async () => {
  settings = await settingsFile(ukg());
  inputDir = path.dirname(settings.file);
});
afterAll(async () => {
  await settings.cleanup();
});

test('exec actions.list_org_levels prints the org levels as JSON', async () => {
  const input = path.join(inputDir, 'input.json');
  await writeFile(input, JSON.stringify({ is_active: false }));
  const run = await runCliCaptured(
    [
      'exec',
      'actions.list_org_levels',
      '--connector',
      'ukg-pro',
      '--settings',
      settings.file,
      '--connection',
      'prod',
      '--input',
      input,
    ],
    {},
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ org_levels: [{ code: 'NRTH', isActive: false }] });
});

test('doctor passes the healthy connection and names the missing web service on another', async () => {
  const healthy = await runCliCaptured(
    [
      'doctor',
      '--connector',
      'ukg-pro',
      '--settings',
      settings.file,
      '--connection',
      'prod',
      '--json',
    ],
    {},
  );
  expect(healthy.code).toBe(0);
  const limited = await runCliCaptured(
    [
      'doctor',
      '--connector',
      'ukg-pro',
      '--settings',
      settings.file,
      '--connection',
      'prod_people_only',
      '--json',
    ],
    {},
  );
  expect(limited.code).not.toBe(0);
  expect(limited.stdout).toMatch(/Company Configuration Integration \(View\)/);
  const c = ukg().settings.connections.prod_people_only!;
  expect(limited.stdout + limited.stderr).not.toContain(c.password);
  expect(limited.stdout + limited.stderr).not.toContain(c.customer_api_key);
});
