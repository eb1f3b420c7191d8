/**
 * Workiva from the one CLI (`--connector workiva`), in process: two exec runs share one token
 * through the settings file, and doctor shows a narrower granted scope.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { runCliCaptured } from '../../../../test/helpers/run-cli-captured';
import { settingsFile, useWorkivaSimulator } from '../support';

const sim = useWorkivaSimulator();

test('two exec runs, one token: the second run reuses the token the first saved', async () => {
  const settings = await settingsFile(sim());
  try {
    const input = path.join(path.dirname(settings.file), 'input.json');
    await writeFile(
      input,
      JSON.stringify({ spreadsheet_id: 'ss-budget-fy27', sheet_id: 'sh-summary', range: 'A1:B1' }),
    );
    const argv = [
      'exec',
      'actions.read_range',
      '--connector',
      'workiva',
      '--settings',
      settings.file,
      '--connection',
      'us',
      '--input',
      input,
    ];
    const first = await runCliCaptured(argv, {});
    const second = await runCliCaptured(argv, {});
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(JSON.parse(second.stdout)).toEqual({
      range: 'A1:B1',
      values: [['Cost center', 'FY26 FTE']],
    });
    expect(sim().us.state().tokenRequests).toBe(1);
    const saved = JSON.parse(readFileSync(settings.file, 'utf8')) as {
      connections: Record<string, Record<string, unknown>>;
    };
    expect(saved.connections.us?.granted_scope).toBe('file:read file:write');
    const secret = sim().settings.connections.us!.client_secret!;
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(secret);
  } finally {
    await settings.cleanup();
  }
});

test('doctor shows the narrower scope and exits non-zero', async () => {
  const settings = await settingsFile(sim());
  try {
    const run = await runCliCaptured(
      [
        'doctor',
        '--connector',
        'workiva',
        '--settings',
        settings.file,
        '--connection',
        'us_readonly',
      ],
      {},
    );
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/granted only "file:read"/);
  } finally {
    await settings.cleanup();
  }
});
