import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ConnectorError, isConnectorError } from '../../sdk/errors';
import { registerConnectionSecrets } from '../connection-secrets';
import { loadConnector } from '../load-connector';
import { formatExchange } from '../output';
import { createProgressRenderer } from '../progress';
import { assertWritableOutput } from '../output-file';
import { readJsonFile } from '../read-json-file';
import { settingsSessionOptions } from '../settings-tokens';
import { usageError } from '../usage-error';
import { CLI_COMMAND } from '../cli-name';
import { openSettings } from '../open-settings';
import type { Logger } from '../../sdk/define';
import type { ConnectionValues } from '../../sdk/settings';
import type { CommandContext, CommandResult } from '../command';
import type { LoadedConnector } from '../load-connector';
import type { CliSession, SessionFactory } from '../session';

/** The `--input` value that means standard input. */
const STDIN = '-';

function readStdinOf(context: CommandContext): () => Promise<string> {
  const read = context.readStdin;
  if (read === undefined) {
    return () =>
      Promise.reject(Object.assign(new Error('no standard input'), { code: 'ENOSTDIN' }));
  }
  return read;
}

/** Options of `connector exec PATH`. */
export interface ExecOptions {
  /**
   * The connector (`--connector NAME`).
   * @default 'workday'
   */
  connector?: string;
  /** What to run: `test`, `actions.NAME`, `triggers.NAME` or `pick_lists.NAME`. */
  path: string;
  /**
   * The settings file (plain or encrypted), relative to the working directory.
   * @default 'settings.json'
   */
  settings: string;
  /** The named connection to use; required when the settings file names several. */
  connection?: string;
  /** JSON file with the action or trigger input, or the pick list's parameters. */
  input?: string;
  /**
   * JSON file with a trigger's closure: the previous poll's `next_poll`, or that poll's whole
   * output (`{events, next_poll, can_poll_more}`), whose `next_poll` is used.
   */
  closure?: string;
  /** Write the result JSON to this file instead of stdout. */
  output?: string;
  /** Print every HTTP exchange to stderr. */
  verbose: boolean;
  /** Print errors as JSON objects. */
  json: boolean;
}

/** What `exec` needs besides options; tests inject a small connector and session factory. */
export interface ExecDependencies {
  /**
   * The connector definition.
   * @default the package's connector.ts
   */
  loadConnector?: () => LoadedConnector;
  /** Builds the SDK session. */
  createSession: SessionFactory;
}

type Target = { kind: 'test' } | { kind: 'actions' | 'triggers' | 'pick_lists'; name: string };

/**
 * Runs one lambda of the connector (`test`, an action, a trigger poll or a pick list) against the
 * connection from the settings file, prints its result as JSON and writes refreshed tokens back.
 */
export async function exec(
  options: ExecOptions,
  context: CommandContext,
  dependencies: ExecDependencies,
): Promise<CommandResult> {
  const definition = (dependencies.loadConnector ?? loadConnector)();
  const target = resolveTarget(options.path, definition);

  const settingsPath = path.resolve(context.cwd, options.settings);
  const store = await openSettings(settingsPath, context, definition.connection.fields);
  const connectionName = store.resolveConnectionName(options.connection);
  const values = store.getConnection(connectionName);
  registerConnectionSecrets(context.redactor, values, definition.connection.fields);

  if (options.closure !== undefined && target.kind !== 'triggers') {
    throw usageError('--closure applies to triggers only.', `'${options.path}' is not a trigger.`);
  }

  const input =
    options.input === undefined
      ? {}
      : options.input === STDIN
        ? await readJsonFile('-', 'Standard input', readStdinOf(context))
        : await readJsonFile(path.resolve(context.cwd, options.input), 'Input file');
  const closure =
    options.closure === undefined
      ? undefined
      : closureOf(await readJsonFile(path.resolve(context.cwd, options.closure), 'Closure file'));

  // Checked before the session exists: once an action has run, its result must not be lost.
  const outputPath =
    options.output === undefined ? undefined : path.resolve(context.cwd, options.output);
  if (outputPath !== undefined) await assertWritableOutput(outputPath);

  let result: unknown;
  // Progress goes to stderr only: stdout carries nothing but the result.
  const progress = createProgressRenderer(
    context.progress ?? { tty: false, write: (text) => context.log(text.replace(/\n$/, '')) },
  );
  try {
    const session = await dependencies.createSession(definition, {
      ...settingsSessionOptions(store, connectionName, context.redactor),
      log: createLog(context, options.verbose),
      onProgress: (event) => progress.update(event),
      ...(options.verbose
        ? { onExchange: (exchange) => formatExchange(exchange).forEach((l) => context.log(l)) }
        : {}),
    });
    try {
      result = await run(session, target, input, closure, options.path);
    } finally {
      progress.end();
      session.close();
    }
  } catch (error) {
    throw explainNotSettings(error, settingsPath, store.connectionNames().length > 0, values);
  }

  const json = `${JSON.stringify(result ?? null, null, 2)}\n`;
  if (outputPath === undefined) return { stdout: json, exitCode: 0 };
  try {
    await writeFile(outputPath, context.redactor.redact(json), { mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return {
      stdout: json,
      exitCode: 2,
      error: usageError(
        `The result could not be written to '${outputPath}' (${code}), so it was printed to stdout instead.`,
        `'${options.path}' did run: keep the JSON printed above rather than running it again.`,
      ),
    };
  }
  return { stderr: `Wrote the result to ${outputPath}.\n`, exitCode: 0 };
}

/**
 * A closure file may hold a previous poll's whole output (`{events, next_poll, can_poll_more}`,
 * as `exec triggers.NAME > poll.json` writes it): its `next_poll` is the closure.
 */
export function closureOf(value: unknown): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray((value as { events?: unknown }).events) &&
    Object.hasOwn(value, 'next_poll')
  ) {
    return (value as { next_poll?: unknown }).next_poll;
  }
  return value;
}

// Keys every Workday settings file has (one of them at least); an action input has none.
const SETTINGS_KEYS = ['auth_type', 'token_endpoint'];

/**
 * When the connection failed validation and the file has neither named connections nor any
 * settings key, it is most likely an input file passed to --settings: say so.
 */
function explainNotSettings(
  error: unknown,
  file: string,
  named: boolean,
  values: ConnectionValues,
): unknown {
  if (
    !isConnectorError(error) ||
    error.code !== 'invalid_settings' ||
    error.details.issues === undefined ||
    named ||
    SETTINGS_KEYS.some((key) => Object.hasOwn(values, key))
  ) {
    return error;
  }
  return new ConnectorError(
    'invalid_settings',
    `Settings file '${file}' does not look like a settings file: it has no "connections", "auth_type" or "token_endpoint".`,
    {
      hint: `Pass the settings file to --settings (\`${CLI_COMMAND} sandbox --write-settings FILE\` writes one) and an action input to --input.`,
      details: error.details,
      cause: error,
    },
  );
}

async function run(
  session: CliSession,
  target: Target,
  input: unknown,
  closure: unknown,
  pathText: string,
): Promise<unknown> {
  switch (target.kind) {
    case 'test':
      return session.test();
    case 'actions':
      return session.runAction(target.name, input);
    case 'triggers':
      return session.poll(target.name, input, closure);
    case 'pick_lists':
      return session.pickList(target.name, pickListParams(input, pathText));
  }
}

/** Parses PATH against what the definition has; anything else is a usage error listing it all. */
export function resolveTarget(pathText: string, definition: LoadedConnector): Target {
  if (pathText === 'test') return { kind: 'test' };
  const dot = pathText.indexOf('.');
  const kind = pathText.slice(0, dot);
  const name = pathText.slice(dot + 1);
  if (
    dot > 0 &&
    (kind === 'actions' || kind === 'triggers' || kind === 'pick_lists') &&
    Object.hasOwn(definition[kind], name)
  ) {
    return { kind, name };
  }
  throw usageError(
    `Unknown path '${pathText}'; this connector has: ${availablePaths(definition).join(', ')}.`,
    'PATH is test, actions.NAME, triggers.NAME or pick_lists.NAME.',
  );
}

/** Every PATH `exec` accepts for `definition`, in a stable order. */
export function availablePaths(definition: LoadedConnector): string[] {
  return [
    'test',
    ...Object.keys(definition.actions).map((n) => `actions.${n}`),
    ...Object.keys(definition.triggers).map((n) => `triggers.${n}`),
    ...Object.keys(definition.pick_lists).map((n) => `pick_lists.${n}`),
  ];
}

function pickListParams(input: unknown, pathText: string): Record<string, string> {
  const ok =
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    Object.values(input).every((v) => typeof v === 'string');
  if (!ok) {
    throw usageError(
      `The input of '${pathText}' must be a JSON object of string parameters.`,
      'Pick list parameters are passed as {"name": "value"}.',
    );
  }
  return input as Record<string, string>;
}

/** Warnings always reach stderr (a failed token write-back matters); the rest only with --verbose. */
function createLog(context: CommandContext, verbose: boolean): Logger {
  const line = (level: string) => (message: string, data?: Record<string, unknown>) =>
    context.log(`${level}: ${message}${data === undefined ? '' : ` ${JSON.stringify(data)}`}`);
  const quiet = () => undefined;
  return {
    debug: verbose ? line('debug') : quiet,
    info: verbose ? line('info') : quiet,
    warn: line('warn'),
  };
}
