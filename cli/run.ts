import { MASTER_KEY_ENV } from '../sdk/settings';
import { createRedactor } from '../sdk/redact';
import { defaultCreateSession } from './defaults';
import { CLI_COMMAND } from './cli-name';
import { resolveConnector } from './connectors';
import { settingsWarnings } from './open-settings';
import { exitCodeFor } from './exit-codes';
import { formatError } from './output';
import { parseArgv } from './program';
import { usageError } from './usage-error';
import type { Redactor } from '../sdk/redact';
import type * as Runtime from '../sdk/runtime';
import type * as BuildCommand from './commands/build';
import type * as DemoCommand from './commands/demo';
import type * as DisconnectCommand from './commands/disconnect';
import type * as DoctorCommand from './commands/doctor';
import type * as ExecCommand from './commands/exec';
import type * as OAuth2Command from './commands/oauth2';
import type * as SandboxCommand from './commands/sandbox';
import type * as SettingsCommand from './commands/settings';
import type * as ImportIonApi from '../connectors/infor-ion/import-ionapi';
import type { CommandContext, CommandResult } from './command';
import type { DiagnoseOptions } from './doctor/diagnose-connection';
import type * as GenericDoctor from './doctor/diagnose-generic';
import type { SandboxRunner } from './commands/sandbox';
import type { LoadedConnector } from './load-connector';
import type { Invocation } from './program';
import type { SessionFactory } from './session';

/** Where the CLI writes; `main.ts` passes the process streams, tests collect strings. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress is then drawn as a bar). @default false */
  stderrIsTTY?: boolean;
}

/** The collaborators commands need; each has a production default. */
export interface CliDependencies {
  /** @default the package's connector.ts */
  loadConnector?: () => LoadedConnector;
  /** @default the SDK's createSession */
  createSession?: SessionFactory;
  /** @default the connector's `runSimulator` (Workday: runSandboxCommand from sandbox/cli.ts) */
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
  /** Reads all of standard input, for `--input -`. @default reads process.stdin */
  readStdin?: () => Promise<string>;
}

/** All of the process's standard input as text. */
async function readProcessStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
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
    readStdin: options.readStdin ?? readProcessStdin,
    progress: { tty: io.stderrIsTTY === true, write: (text) => io.stderr(redactor.redact(text)) },
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
    if (result.error === undefined) return result.exitCode;
    return report(result.error);
  } catch (error) {
    return report(error);
  }

  function report(error: unknown): number {
    io.stderr(formatError(error, redactor, { json, stack: verbose }));
    return exitCodeFor(error);
  }
}

// Commands load on first use: `connector --version` or `connector sandbox` should not pay for
// zod, axios and the connector definition (about 120 ms of the cold start).
/* eslint-disable @typescript-eslint/no-require-imports */
const commands = {
  build: () => require('./commands/build') as typeof BuildCommand,
  demo: () => require('./commands/demo') as typeof DemoCommand,
  disconnect: () => require('./commands/disconnect') as typeof DisconnectCommand,
  doctor: () => require('./commands/doctor') as typeof DoctorCommand,
  exec: () => require('./commands/exec') as typeof ExecCommand,
  runtime: () => require('../sdk/runtime') as typeof Runtime,
  genericDoctor: () => require('./doctor/diagnose-generic') as typeof GenericDoctor,
  oauth2: () => require('./commands/oauth2') as typeof OAuth2Command,
  sandbox: () => require('./commands/sandbox') as typeof SandboxCommand,
  settings: () => require('./commands/settings') as typeof SettingsCommand,
  importIonApi: () => require('../connectors/infor-ion/import-ionapi') as typeof ImportIonApi,
};
/* eslint-enable @typescript-eslint/no-require-imports */

function dispatch(
  invocation: Invocation,
  context: CommandContext,
  dependencies: CliDependencies,
  io: CliIo,
): Promise<CommandResult> {
  // The connector named by --connector (Workday by default) provides the definition, the
  // simulator and the diagnosis; injected dependencies (tests) win.
  const connectorOf = (name: string | undefined) => resolveConnector(name);
  const loadFor = (name: string | undefined) =>
    dependencies.loadConnector ?? connectorOf(name).load;
  switch (invocation.command) {
    case 'exec':
      return commands.exec().exec(invocation.options, context, {
        loadConnector: loadFor(invocation.options.connector),
        createSession: dependencies.createSession ?? defaultCreateSession(),
      });
    case 'sandbox': {
      const name = invocation.options.connector;
      const runner = dependencies.runSandbox ?? connectorOf(name).runSimulator;
      return commands.sandbox().sandbox(invocation.options, context, runner);
    }
    case 'doctor': {
      const entry = connectorOf(invocation.options.connector);
      const diagnose =
        entry.diagnose?.bind(entry) ??
        ((o: DiagnoseOptions) => commands.genericDoctor().diagnoseGeneric(o));
      return commands.doctor().doctor(invocation.options, context, {
        loadConnector: loadFor(invocation.options.connector),
        // Tests inject a connector and a session factory for the Workday diagnosis.
        ...(dependencies.loadConnector === undefined ? { diagnose } : {}),
      });
    }
    case 'oauth2':
      return commands.oauth2().oauth2(invocation.options, context, {
        loadConnector: loadFor(invocation.options.connector),
      });
    case 'disconnect':
      return commands.disconnect().disconnect(invocation.options, context, {
        loadConnector: loadFor(invocation.options.connector),
        createSession: (definition, options) =>
          commands.runtime().createSession(definition, options),
      });
    case 'settings encrypt':
      return commands.settings().settingsEncrypt(invocation.options, context);
    case 'settings decrypt':
      return commands.settings().settingsDecrypt(invocation.options, context);
    case 'settings import-ionapi':
      return commands
        .importIonApi()
        .importIonApi({
          ...invocation.options,
          cwd: context.cwd,
          env: context.env,
          redactor: context.redactor,
          onWarning: settingsWarnings(context),
        })
        .then((line) => ({ stdout: line, exitCode: 0 }));
    case 'demo': {
      const name = invocation.options.connector;
      if (name !== undefined && name !== 'workday') {
        const entry = connectorOf(name);
        if (entry.demo === undefined)
          throw usageError(
            `The connector '${name}' has no demo.`,
            `Run \`${CLI_COMMAND} demo\` for the Workday demo.`,
          );
        return entry
          .demo((text) => io.stdout(context.redactor.redact(text)))
          .then((exitCode) => ({ exitCode }));
      }
      // The demo's transcript streams as it happens (and `--keep` waits), so it writes directly.
      return commands
        .demo()
        .demo(invocation.options, context, { write: (text) => io.stdout(text) });
    }
    case 'build':
      return commands.build().build(invocation.options, context);
  }
}

/** True when `flag` appears before any `--` (arguments after it are not options). */
function hasFlag(argv: readonly string[], flag: string): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes(flag);
}
