// The README is part of the product: its commands must run and its tables must list what the
// connector really has. These tests read the README itself, so an edit that drifts fails here.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import connector from '../../connector';
import { ERROR_CODES } from '../../sdk/errors';
import { ensureDist } from '../helpers/ensure-dist';

const ROOT = path.resolve(__dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The lines of the first ```sh block after `heading`. */
function shellBlockAfter(heading: string): string[] {
  const start = README.indexOf(heading);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const match = /```sh\n([\s\S]*?)```/.exec(README.slice(start));
  if (!match?.[1]) throw new Error(`README section "${heading}" has no sh block`);
  return match[1].split('\n').filter((line) => line.trim() !== '');
}

/** Drops a trailing `# comment` (the commands themselves contain no `#`). */
function stripComment(line: string): string {
  const hash = line.indexOf(' #');
  return (hash < 0 ? line : line.slice(0, hash)).trim();
}

function sectionOf(heading: string): string {
  const start = README.indexOf(heading);
  const next = README.indexOf('\n## ', start + heading.length);
  return README.slice(start, next < 0 ? undefined : next);
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('README', () => {
  it('starts with the two set-up commands', () => {
    const lines = shellBlockAfter('# workday-rest-connector').map(stripComment);
    expect(lines).toEqual(['npm ci && npm start', 'npm test']);
  });

  describe('quick start', () => {
    const settingsFile = path.join(ROOT, '.tmp', 'settings.json');
    let background: ChildProcess[] = [];

    beforeAll(() => {
      ensureDist();
      mkdirSync(path.dirname(settingsFile), { recursive: true });
      rmSync(settingsFile, { force: true });
    });

    afterAll(() => {
      // Each background command runs in its own process group; stop the group by its id.
      for (const child of background) {
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      }
      background = [];
      rmSync(settingsFile, { force: true });
    });

    it('runs every command of the block, the sandbox in the background', async () => {
      const commands = shellBlockAfter('## Quick start').map(stripComment);
      expect(commands.length).toBeGreaterThanOrEqual(3);
      for (const command of commands) {
        if (command.endsWith('&')) {
          const child = spawn('bash', ['-c', command.slice(0, -1)], {
            cwd: ROOT,
            detached: true,
            stdio: 'ignore',
          });
          background.push(child);
          // The sandbox command writes the settings file once it listens.
          await waitFor(() => existsSync(settingsFile), 20_000, `"${command}" to write settings`);
          continue;
        }
        const result = spawnSync('bash', ['-c', command], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
        });
        if (result.status !== 0) {
          throw new Error(`"${command}" exited ${result.status}:\n${result.stderr}`);
        }
        expect(result.stdout.length).toBeGreaterThan(0);
      }
    });

    it('is right that doctor --all exits 3 and names the misconfigured connections', () => {
      const result = spawnSync(
        'bash',
        ['-c', 'npx connector doctor --settings .tmp/settings.json --all'],
        { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
      );
      expect(README).toContain('npx connector doctor --settings .tmp/settings.json --all');
      expect(result.status).toBe(3);
      for (const name of ['us_limited', 'us_user', 'us_client_at_emea']) {
        expect(result.stdout).toContain(`Connection '${name}'`);
      }
    });
  });

  it('lists every action and trigger with its functional areas', () => {
    const table = sectionOf('## Actions and triggers');
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('| `') || line.startsWith('| trigger'));
    const operations = [
      ...Object.entries(connector.actions).map(([key, action]) => ({ key, scopes: action.scopes })),
      ...Object.entries(connector.triggers).map(([key, trigger]) => ({
        key: `trigger \`${key}\``,
        scopes: trigger.scopes,
      })),
    ];
    expect(rows).toHaveLength(operations.length);
    for (const { key, scopes } of operations) {
      const label = key.startsWith('trigger') ? key : `\`${key}\``;
      const row = rows.find((line) => line.startsWith(`| ${label} |`));
      if (row === undefined) throw new Error(`README's actions table has no row for ${label}`);
      const lastCell = row.split(' | ').at(-1) ?? '';
      for (const scope of scopes) {
        // custom_action reaches any resource; its row names the probe's area instead.
        expect(lastCell).toContain(scope);
      }
    }
  });

  it('names every error code in the errors table', () => {
    const table = sectionOf('## Errors');
    for (const code of ERROR_CODES) expect(table).toContain(`| \`${code}\` |`);
  });
});
