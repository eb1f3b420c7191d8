import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { describeControlEndpoints } from '../sandbox/control-endpoints';
import { CLI_COMMAND } from './cli-name';
import { usageError } from './usage-error';
import { readPackageVersion } from './version';
import type { CommandResult } from './command';
import type { BuildOptions } from './commands/build';
import type { DemoOptions } from './commands/demo';
import type { DisconnectOptions } from './commands/disconnect';
import type { DoctorOptions } from './commands/doctor';
import type { ExecOptions } from './commands/exec';
import type { OAuth2Options } from './commands/oauth2';
import type { SandboxCommandOptions } from './commands/sandbox';
import type { SettingsFileOptions } from './commands/settings';

/** Options of `connector settings import-ionapi FILE`. */
export interface ImportIonApiCommandOptions {
  file: string;
  settings: string;
  connection?: string;
}

/** A command line turned into one command and its options; nothing has run yet. */
export type Invocation =
  | { command: 'exec'; options: ExecOptions }
  | { command: 'sandbox'; options: SandboxCommandOptions }
  | { command: 'doctor'; options: DoctorOptions }
  | { command: 'oauth2'; options: OAuth2Options }
  | { command: 'disconnect'; options: DisconnectOptions }
  | { command: 'settings encrypt'; options: SettingsFileOptions }
  | { command: 'settings decrypt'; options: SettingsFileOptions }
  | { command: 'settings import-ionapi'; options: ImportIonApiCommandOptions }
  | { command: 'demo'; options: DemoOptions }
  | { command: 'build'; options: BuildOptions };

/** What parsing gave: a command to run, or output commander produced itself (help, version). */
export type ParseOutcome =
  { kind: 'run'; invocation: Invocation } | { kind: 'output'; result: CommandResult };

const EXEC_HELP = `
Examples:
  $ ${CLI_COMMAND} exec test --settings settings.json --connection us
  $ ${CLI_COMMAND} exec actions.get_worker --settings settings.json --connection us --input in.json
  $ ${CLI_COMMAND} exec triggers.new_inbox_task --settings s.json --closure closure.json --verbose
  $ ${CLI_COMMAND} exec pick_lists.currencies --settings s.json --connection emea`;

/** Boolean flags as commander reports them: absent unless given. */
interface Flags {
  verbose?: boolean;
  json?: boolean;
}

/** The options without the flags every command accepts (cli/run.ts reads those from argv). */
function withoutFlags<T extends object>(opts: T & Flags): Omit<T, keyof Flags> {
  const { verbose: _verbose, json: _json, ...rest } = opts;
  return rest;
}

/**
 * Gives every command `--verbose` and `--json` unless it declares its own: the error hint says
 * "rerun with --verbose", and `--json` error output must work whatever the command.
 */
function addCommonFlags(parent: Command): void {
  for (const command of parent.commands) {
    if (command.commands.length > 0) {
      addCommonFlags(command);
      continue;
    }
    const has = (flag: string) => command.options.some((option) => option.long === flag);
    if (!has('--verbose')) command.option('--verbose', 'print the stack of an internal error');
    if (!has('--json')) command.option('--json', 'print errors as JSON');
  }
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError('Expected a port number from 0 to 65535.');
  }
  return Number(value);
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(seconds > 0)) {
    throw new InvalidArgumentError('Expected a positive number of seconds.');
  }
  return seconds;
}

const CONNECTOR_HELP =
  'the connector to use: workday (default) or another listed in connectors/README.md';

const DOCTOR_HELP = `
Examples:
  $ ${CLI_COMMAND} doctor --settings settings.json --all
  $ ${CLI_COMMAND} doctor --settings settings.json --connection us_limited --json`;

/**
 * Declares the `connector` program. Each action only records what was asked for, so parsing is
 * testable without running anything; `cli/run.ts` runs the recorded invocation.
 */
export function buildProgram(record: (invocation: Invocation) => void): Command {
  const program = new Command(CLI_COMMAND)
    .description('Run, test and diagnose the Workday REST connector locally.')
    .version(readPackageVersion(), '-V, --version', 'print the package version');

  program
    .command('exec')
    .description('Run the connection test, an action, a trigger poll or a pick list.')
    .argument('<path>', 'test | actions.NAME | triggers.NAME | pick_lists.NAME')
    .option('--connector <name>', CONNECTOR_HELP)
    .option('--settings <file>', 'settings file, plain or encrypted', 'settings.json')
    .option('--connection <name>', 'named connection in the settings file')
    .option('--input <file>', 'JSON input (pick lists: parameters); - reads standard input')
    .option('--closure <file>', 'JSON closure of the previous poll (triggers)')
    .option('--output <file>', 'write the result JSON to this file instead of stdout')
    .option('--verbose', 'print every HTTP exchange (redacted) to stderr')
    .option('--json', 'print errors as JSON')
    .addHelpText('after', EXEC_HELP)
    .action((path: string, opts: Omit<ExecOptions, 'path' | 'verbose' | 'json'> & Flags) => {
      const { verbose, json, ...rest } = opts;
      record({
        command: 'exec',
        options: { path, ...rest, verbose: verbose === true, json: json === true },
      });
    });

  program
    .command('sandbox')
    .description('Start the embedded Workday sandbox tenant on 127.0.0.1 until Ctrl-C.')
    .option('--connector <name>', CONNECTOR_HELP)
    .option('--port <n>', 'port to listen on (default: any free port)', parsePort)
    .option('--write-settings <file>', 'write the sandbox connections to this settings file')
    .option('--faults <spec>', 'fault injection: JSON or key=value,... shorthand')
    .addHelpText(
      'after',
      `\nControl endpoints (no auth, not counted), under the base URL it prints:\n${describeControlEndpoints()}`,
    )
    .action((opts: SandboxCommandOptions & Flags) => {
      record({ command: 'sandbox', options: withoutFlags(opts) });
    });

  program
    .command('doctor')
    .description(
      "Diagnose connections: settings, endpoints, token request, token facts, test, and each operation's permissions.",
    )
    .option('--connector <name>', CONNECTOR_HELP)
    .option('--settings <file>', 'settings file, plain or encrypted', 'settings.json')
    .option('--connection <name>', 'named connection in the settings file')
    .option('--all', 'check every named connection')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', DOCTOR_HELP)
    .action((opts: Omit<DoctorOptions, 'all' | 'json'> & { all?: boolean } & Flags) => {
      const { all, json, verbose: _verbose, ...rest } = opts;
      record({ command: 'doctor', options: { ...rest, all: all === true, json: json === true } });
    });

  program
    .command('oauth2')
    .description(
      'Sign a user-account connection in (authorization code + PKCE) and save its refresh token.',
    )
    .option('--connector <name>', CONNECTOR_HELP)
    .option('--settings <file>', 'settings file, plain or encrypted', 'settings.json')
    .option('--connection <name>', 'named connection in the settings file')
    .option(
      '--port <n>',
      'callback port on 127.0.0.1 (default: from redirect_uri, else 45555)',
      parsePort,
    )
    .option('--no-browser', 'print the sign-in URL without opening a browser')
    .option('--timeout <seconds>', 'seconds to wait for the sign-in (default 300)', parseSeconds)
    .option('--json', 'print errors as JSON')
    .action((opts: OAuth2Options & Flags) => {
      record({ command: 'oauth2', options: withoutFlags(opts) });
    });

  program
    .command('disconnect')
    .description(
      "Revoke the connection's tokens at the revocation endpoint and remove them from the settings file.",
    )
    .option('--connector <name>', CONNECTOR_HELP)
    .option('--settings <file>', 'settings file, plain or encrypted', 'settings.json')
    .option('--connection <name>', 'named connection in the settings file')
    .action((opts: DisconnectOptions & Flags) => {
      record({ command: 'disconnect', options: withoutFlags(opts) });
    });

  const settings = program
    .command('settings')
    .description(
      'Encrypt or decrypt a settings file (AES-256-GCM, key from CONNECTOR_MASTER_KEY or master.key).',
    );
  settings
    .command('encrypt')
    .description('Encrypt a settings file in place; creates master.key beside it if no key exists.')
    .option('--settings <file>', 'settings file', 'settings.json')
    .action((opts: SettingsFileOptions & Flags) => {
      record({ command: 'settings encrypt', options: withoutFlags(opts) });
    });
  settings
    .command('decrypt')
    .description('Decrypt a settings file in place.')
    .option('--settings <file>', 'settings file', 'settings.json')
    .action((opts: SettingsFileOptions & Flags) => {
      record({ command: 'settings decrypt', options: withoutFlags(opts) });
    });
  settings
    .command('import-ionapi')
    .description(
      'Write an Infor .ionapi credentials file into a settings file as one connection (--connector infor-ion).',
    )
    .argument('<file>', 'the .ionapi file downloaded from API Gateway > Authorized Apps')
    .option('--settings <file>', 'settings file (created when missing)', 'settings.json')
    .option('--connection <name>', 'connection name (default: the tenant in lower case)')
    .action((file: string, opts: Omit<ImportIonApiCommandOptions, 'file'> & Flags) => {
      record({ command: 'settings import-ionapi', options: { file, ...withoutFlags(opts) } });
    });

  program
    .command('demo')
    .description('Run the demo against the sandbox (npm start).')
    .option('--connector <name>', CONNECTOR_HELP)
    .option('--keep', 'leave the sandbox running afterwards and show how to call it')
    .action((opts: { keep?: boolean; connector?: string }) => {
      record({
        command: 'demo',
        options: {
          keep: opts.keep === true,
          ...(opts.connector === undefined ? {} : { connector: opts.connector }),
        },
      });
    });

  program
    .command('build')
    .description('Bundle connector.js and manifest.json for upload, then self-test them.')
    .option('--connector <name>', CONNECTOR_HELP)
    .option('--out <dir>', 'output directory', 'dist/upload')
    .option(
      '--entry <file>',
      "module whose default export is the connector (default: the connector's own, connector.ts for workday)",
    )
    .option('--settings <file>', 'self-test against this settings file instead of the sandbox')
    .option(
      '--connection <name>',
      "connection whose test lambda the self-test runs (default: the simulator's, us for workday)",
    )
    .option('--skip-connection-test', 'only load the bundle; do not run the test lambda')
    .option('--target <platform>', 'what to build: bundle (the default), zapier or n8n')
    .option(
      '--option <key...>',
      'zapier: the authorization option(s) to build an app for (default: every option)',
    )
    .action((opts: BuildOptions & Flags) => {
      record({ command: 'build', options: withoutFlags(opts) });
    });

  addCommonFlags(program);
  return program;
}

/**
 * Parses `argv` (without the node and script entries). Usage mistakes throw an `invalid_input`
 * ConnectorError; help and version come back as output to print.
 */
export function parseArgv(argv: readonly string[]): ParseOutcome {
  let invocation: Invocation | undefined;
  let out = '';
  let err = '';
  const program = buildProgram((recorded) => {
    invocation = recorded;
  });
  const quiet = (command: Command) => {
    command.exitOverride().configureOutput({
      writeOut: (text) => (out += text),
      writeErr: (text) => (err += text),
      // Errors are printed by cli/run.ts in the one error format.
      outputError: () => undefined,
    });
    command.commands.forEach(quiet);
  };
  quiet(program);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return { kind: 'output', result: { stdout: out, exitCode: 0 } };
    if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') {
      // `connector` or `connector settings` without a subcommand: show what exists.
      return { kind: 'output', result: { stderr: err, exitCode: 2 } };
    }
    throw usageError(
      error.message.replace(/^error:\s*/, ''),
      `Run \`${CLI_COMMAND} ${error.code === 'commander.unknownCommand' ? '' : commandNameIn(argv)}--help\` for usage.`,
    );
  }
  if (invocation === undefined) {
    return { kind: 'output', result: { stderr: program.helpInformation(), exitCode: 2 } };
  }
  return { kind: 'run', invocation };
}

function commandNameIn(argv: readonly string[]): string {
  const first = argv[0];
  return first !== undefined && !first.startsWith('-') ? `${first} ` : '';
}
