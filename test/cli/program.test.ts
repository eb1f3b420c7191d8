import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildProgram, parseArgv } from '../../cli/program';
import type { Command } from 'commander';
import type { Invocation } from '../../cli/program';

describe('parseArgv()', () => {
  it.each<[string, Invocation]>([
    [
      'exec test',
      {
        command: 'exec',
        options: { path: 'test', settings: 'settings.json', verbose: false, json: false },
      },
    ],
    [
      'exec actions.get_worker --settings s.json --connection us --input in.json --output out.json --verbose --json',
      {
        command: 'exec',
        options: {
          path: 'actions.get_worker',
          settings: 's.json',
          connection: 'us',
          input: 'in.json',
          output: 'out.json',
          verbose: true,
          json: true,
        },
      },
    ],
    [
      'exec triggers.new_inbox_task --closure c.json --settings=x.json',
      {
        command: 'exec',
        options: {
          path: 'triggers.new_inbox_task',
          closure: 'c.json',
          settings: 'x.json',
          verbose: false,
          json: false,
        },
      },
    ],
    ['sandbox', { command: 'sandbox', options: {} }],
    [
      'sandbox --port 8080 --write-settings s.json --faults rateLimit.every=3',
      {
        command: 'sandbox',
        options: { port: 8080, writeSettings: 's.json', faults: 'rateLimit.every=3' },
      },
    ],
    ['sandbox --port 0', { command: 'sandbox', options: { port: 0 } }],
    [
      'settings encrypt --settings s.json',
      { command: 'settings encrypt', options: { settings: 's.json' } },
    ],
    ['settings decrypt', { command: 'settings decrypt', options: { settings: 'settings.json' } }],
    ['demo', { command: 'demo', options: { keep: false } }],
    ['demo --keep', { command: 'demo', options: { keep: true } }],
  ])('%s', (line, expected) => {
    expect(parseArgv(line.split(' '))).toEqual({ kind: 'run', invocation: expected });
  });

  it.each([
    ['exec', "missing required argument 'path'"],
    ['exec test --bogus', "unknown option '--bogus'"],
    ['exec test extra', /too many arguments/],
    ['sandbox --port 70000', /Expected a port number from 0 to 65535/],
    ['sandbox --port abc', /Expected a port number/],
    ['exec test --settings', /argument missing/],
    ['frobnicate', "unknown command 'frobnicate'"],
  ])('refuses `%s` as a usage error', (line, message) => {
    let caught: unknown;
    try {
      parseArgv(line.split(' '));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'invalid_input' });
    expect((caught as Error).message).toEqual(
      typeof message === 'string' ? message : expect.stringMatching(message),
    );
    expect((caught as Error).message).not.toMatch(/^error:/);
  });

  it('prints the package version for --version', () => {
    const outcome = parseArgv(['--version']);
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    expect(outcome).toEqual({
      kind: 'output',
      result: { stdout: `${pkg.version}\n`, exitCode: 0 },
    });
  });

  it('prints help on stdout with exit 0 for --help', () => {
    const outcome = parseArgv(['exec', '--help']);
    expect(outcome.kind).toBe('output');
    if (outcome.kind !== 'output') return;
    expect(outcome.result.exitCode).toBe(0);
    expect(outcome.result.stdout).toContain('Usage: bin/connector exec [options] <path>');
  });

  it('shows the command list on stderr with exit 2 when no command is given', () => {
    const outcome = parseArgv([]);
    expect(outcome.kind).toBe('output');
    if (outcome.kind !== 'output') return;
    expect(outcome.result.exitCode).toBe(2);
    expect(outcome.result.stderr).toContain('Commands:');
    expect(outcome.result.stdout).toBeUndefined();
  });
});

describe('--verbose and --json', () => {
  // Every runnable command, found from the program itself so that a new one is covered too.
  function leafCommands(parent: Command, prefix: string[] = []): string[][] {
    return parent.commands.flatMap((command) =>
      command.commands.length > 0
        ? leafCommands(command, [...prefix, command.name()])
        : [[...prefix, command.name()]],
    );
  }
  const required: Record<string, string[]> = {
    exec: ['test'],
    'settings import-ionapi': ['ACME_PRD.ionapi'],
  };
  const commands = leafCommands(buildProgram(() => undefined));

  it('finds the commands', () => {
    expect(commands.map((c) => c.join(' '))).toEqual(
      expect.arrayContaining(['exec', 'sandbox', 'doctor', 'build', 'demo', 'settings encrypt']),
    );
  });

  // The internal-error hint says "rerun with --verbose", and --json must work for any command.
  it.each(commands.map((c) => [c.join(' '), c]))(
    '`%s` accepts both without changing what it runs (except exec and doctor)',
    (name, command) => {
      const argv = [...command, ...(required[name] ?? [])];
      const plain = parseArgv(argv);
      const flagged = parseArgv([...argv, '--verbose', '--json']);
      expect(flagged.kind).toBe('run');
      if (name === 'exec' || name === 'doctor') return;
      expect(flagged).toEqual(plain);
    },
  );
});
