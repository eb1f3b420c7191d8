// The README is part of the product: its commands must run and its tables must list what the
// connector really has. These tests read the README itself, so an edit that drifts fails here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { Command } from 'commander';

import { buildProgram } from '../../cli/program';
import connector from '../../connector';
import { ERROR_CODES } from '../../sdk/errors';
import { startBackground, waitWhileRunning } from '../helpers/background-command';
import type { BackgroundCommand } from '../helpers/background-command';
import { ROOT } from '../helpers/build-dist';
import { ensureDist } from '../helpers/ensure-dist';
import { README, shellBlockAfter, stripComment } from '../helpers/readme';

function sectionOf(heading: string): string {
  const start = README.indexOf(heading);
  const next = README.indexOf('\n## ', start + heading.length);
  return README.slice(start, next < 0 ? undefined : next);
}

/** The body rows of the first markdown table in `section` whose header row starts `header`. */
function tableRows(section: string, header: string): string[][] {
  const start = section.indexOf(header);
  if (start < 0) throw new Error(`README has no table headed "${header}"`);
  const lines = section.slice(start).split('\n');
  const end = lines.findIndex((line) => !line.startsWith('|'));
  return lines.slice(2, end < 0 ? undefined : end).map((line) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  );
}

/** The `code` spans of a markdown cell. */
function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
}

describe('README', () => {
  it('starts with the two set-up commands', () => {
    const lines = shellBlockAfter('# workday-rest-connector').map(stripComment);
    expect(lines).toEqual(['npm ci && npm start', 'npm run test:all']);
  });

  it('documents as its test command what CI runs: npm test, the platform runtimes, real n8n', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['test:all']).toBe('npm test && npm run test:platforms && npm run test:n8n');
    const ci = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')
      .split('\n')
      .filter((line) => /^\s*npm (run|test)/.test(line));
    expect(ci).toEqual(['npm run test:all']);
  });

  describe('quick start', () => {
    const settingsFile = path.join(ROOT, '.tmp', 'settings.json');
    let background: BackgroundCommand[] = [];

    beforeAll(() => {
      ensureDist();
      mkdirSync(path.dirname(settingsFile), { recursive: true });
      rmSync(settingsFile, { force: true });
    });

    afterAll(() => {
      // Each background command runs in its own process group; stop the group by its id.
      for (const command of background) command.stop();
      background = [];
      rmSync(settingsFile, { force: true });
    });

    it('runs every command of the block, the sandbox in the background', async () => {
      const commands = shellBlockAfter('## Quick start').map(stripComment);
      expect(commands.length).toBeGreaterThanOrEqual(3);
      for (const command of commands) {
        if (command.endsWith('&')) {
          const started = startBackground(command.slice(0, -1).trim(), ROOT);
          background.push(started);
          // The sandbox command writes the settings file once it listens; if it exits first,
          // this fails at once with its stderr instead of waiting for the deadline.
          await waitWhileRunning(started, 'it wrote the settings file', () =>
            existsSync(settingsFile),
          );
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
        ['-c', 'bin/connector doctor --settings .tmp/settings.json --all'],
        { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
      );
      expect(README).toContain('bin/connector doctor --settings .tmp/settings.json --all');
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

  it('says which functional area each action and trigger needs, as the operations declare', () => {
    const rows = tableRows(sectionOf('## Setting up Workday'), '| Functional area | Needed by |');
    const operations = [
      ...Object.entries(connector.actions).map(([key, action]) => ({ key, scopes: action.scopes })),
      ...Object.entries(connector.triggers).map(([key, trigger]) => ({
        key,
        scopes: trigger.scopes,
      })),
    ];
    const pickLists = Object.keys(connector.pick_lists ?? {});
    const named = new Set([...operations.map(({ key }) => key), ...pickLists, 'workers/me']);
    for (const [, neededBy = ''] of rows) {
      for (const name of codeSpans(neededBy)) expect(named).toContain(name);
    }
    // custom_action reaches whatever resource it is given, so no one area is "needed" by it.
    for (const { key, scopes } of operations.filter(({ key }) => key !== 'custom_action')) {
      const areas = rows
        .filter(([, neededBy = '']) => codeSpans(neededBy).includes(key))
        .map(([area]) => area);
      expect({ key, areas }).toEqual({ key, areas: [...scopes] });
    }
  });

  it('names exactly the pick lists the connector has', () => {
    const sentence = /Pick lists: ([^\n]*(?:\n[^\n]+)*)/.exec(sectionOf('## Actions and triggers'));
    if (!sentence?.[1]) throw new Error('README has no "Pick lists:" paragraph');
    const named = codeSpans(sentence[1]).filter((span) => /^[a-z_]+$/.test(span));
    expect(named.sort()).toEqual(Object.keys(connector.pick_lists ?? {}).sort());
  });

  it("lists every CLI command with exactly the command's own options and their defaults", () => {
    const rows = tableRows(sectionOf('## CLI'), '| Command | What it does |');
    // Every command also takes --json and --verbose (said once above the table).
    const common = new Set(['--json', '--verbose']);
    const commands = buildProgram(() => undefined).commands.flatMap(
      (command): { sub: Command; parent: Command | undefined }[] =>
        command.commands.length > 0
          ? command.commands.map((sub) => ({ sub, parent: command }))
          : [{ sub: command, parent: undefined }],
    );
    const usages = rows.map(([usage = '']) => codeSpans(usage)[0] ?? '');
    for (const { sub, parent } of commands) {
      const name = parent === undefined ? sub.name() : `${parent.name()} ${sub.name()}`;
      // `settings encrypt|decrypt` shares one row.
      const usage = usages.find(
        (text) => text.split(' ')[1] === (parent ?? sub).name() && text.includes(sub.name()),
      );
      if (usage === undefined) throw new Error(`README's CLI table has no row for ${name}`);
      const documented = new Set(usage.match(/--[a-z-]+/g) ?? []);
      const declared = new Set(
        sub.options.map((option) => option.long ?? '').filter((long) => !common.has(long)),
      );
      for (const long of common) documented.delete(long);
      expect({ name, options: [...documented].sort() }).toEqual({
        name,
        options: [...declared].sort(),
      });
    }
    const commandNames = new Set(commands.map(({ sub, parent }) => parent?.name() ?? sub.name()));
    for (const usage of usages) expect(commandNames).toContain(usage.split(' ')[1]);

    // The build flags table's defaults are the ones commander applies.
    const build = commands.find(({ sub }) => sub.name() === 'build')?.sub;
    for (const [flag = '', fallback = ''] of tableRows(
      sectionOf('## Build and upload'),
      '| Flag |',
    )) {
      const long = codeSpans(flag)[0]?.split(' ')[0];
      const option = build?.options.find((candidate) => candidate.long === long);
      if (option === undefined) throw new Error(`connector build has no ${long ?? flag}`);
      const defaultValue: unknown = option.defaultValue;
      if (typeof defaultValue === 'string') expect(codeSpans(fallback)).toEqual([defaultValue]);
      else expect(codeSpans(fallback)).toEqual([]);
    }
  });

  it('names every error code in the errors table', () => {
    const table = sectionOf('## Errors');
    for (const code of ERROR_CODES) expect(table).toContain(`| \`${code}\` |`);
  });
});
