import { MASTER_KEY_ENV } from '../sdk/settings';
import { createRedactor } from '../sdk/redact';
import { build } from './commands/build';
import { demo } from './commands/demo';
import { doctor } from './commands/doctor';
import { exec } from './commands/exec';
import { oauth2 } from './commands/oauth2';
import { sandbox } from './commands/sandbox';
import { settingsDecrypt, settingsEncrypt } from './commands/settings';
import { defaultCreateSession, defaultRunSandbox } from './defaults';
import { exitCodeFor } from './exit-codes';
import { formatError } from './output';
import { parseArgv } from './program';
import type { Redactor } from '../sdk/redact';
import type { CommandContext, CommandResult } from './command';
import type { SandboxRunner } from './commands/sandbox';
import type { LoadedConnector } from './load-connector';
import type { Invocation } from './program';
import type { SessionFactory } from './session';

/** Where the CLI writes; `main.ts` passes the process streams, tests collect strings. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The collaborators commands need; each has a production default. */
export interface CliDependencies {
  /** @default the package's connector.ts */
  loadConnector?: () => LoadedConnector;
  /** @default the SDK's createSession */
  createSession?: SessionFactory;
  /** @default runSandboxCommand from sandbox/cli.ts */
  runSandbox?: SandboxRunner;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** @default process.cwd() */
  cwd?: string;
  /** @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Pre-loaded with secrets by tests; a fresh one by default. */
  redactor?: Redactor;
  dependencies?: CliDependencies;
}

/**
 * Runs one `connector` command line and returns the exit code. The single place that turns
 * errors into exit codes (see `cli/exit-codes.ts`) and into the one printed error format; every
 * line written goes through the redactor first. It never exits the process: `main.ts` does.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  options: RunCliOptions = {},
): Promise<number> {
  const redactor = options.redactor ?? createRedactor();
  const env = options.env ?? process.env;
  const masterKey = env[MASTER_KEY_ENV];
  if (masterKey !== undefined) redactor.add(masterKey.trim());
  const context: CommandContext = {
    cwd: options.cwd ?? process.cwd(),
    env,
    redactor,
    log: (line) => io.stderr(`${redactor.redact(line)}\n`),
  };
  // Read from argv, not the parsed options, so that usage errors honour them too.
  const json = hasFlag(argv, '--json');
  const verbose = hasFlag(argv, '--verbose');
  try {
    const outcome = parseArgv(argv);
    const result =
      outcome.kind === 'output'
        ? outcome.result
        : await dispatch(outcome.invocation, context, options.dependencies ?? {}, io);
    if (result.stdout) io.stdout(redactor.redact(result.stdout));
    if (result.stderr) io.stderr(redactor.redact(result.stderr));
    return result.exitCode;
  } catch (error) {
    io.stderr(formatError(error, redactor, { json, stack: verbose }));
    return exitCodeFor(error);
  }
}

function dispatch(
  invocation: Invocation,
  context: CommandContext,
  dependencies: CliDependencies,
  io: CliIo,
): Promise<CommandResult> {
  switch (invocation.command) {
    case 'exec':
      return exec(invocation.options, context, {
        ...(dependencies.loadConnector === undefined
          ? {}
          : { loadConnector: dependencies.loadConnector }),
        createSession: dependencies.createSession ?? defaultCreateSession(),
      });
    case 'sandbox':
      return sandbox(invocation.options, context, dependencies.runSandbox ?? defaultRunSandbox());
    case 'doctor':
      return doctor(invocation.options, context, {
        ...(dependencies.loadConnector === undefined
          ? {}
          : { loadConnector: dependencies.loadConnector }),
      });
    case 'oauth2':
      return oauth2(invocation.options, context, {
        ...(dependencies.loadConnector === undefined
          ? {}
          : { loadConnector: dependencies.loadConnector }),
      });
    case 'settings encrypt':
      return settingsEncrypt(invocation.options, context);
    case 'settings decrypt':
      return settingsDecrypt(invocation.options, context);
    case 'demo':
      // The demo's transcript streams as it happens (and `--keep` waits), so it writes directly.
      return demo(invocation.options, context, { write: (text) => io.stdout(text) });
    case 'build':
      return build(invocation.options, context);
  }
}

/** True when `flag` appears before any `--` (arguments after it are not options). */
function hasFlag(argv: readonly string[], flag: string): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes(flag);
}
