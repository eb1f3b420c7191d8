import path from 'node:path';
import { ConnectorError, ERROR_CATEGORY, isErrorCode } from '../../sdk/errors';
import { buildArtifact } from '../build/build-artifact';
import { registerConnectionSecrets } from '../connection-secrets';
import { defaultStartSandbox } from '../defaults';
import { formatBuildSummary } from '../build/summary';
import { buildZapierApps, formatZapierSummary } from '../build/zapier-app';
import { buildForN8n } from '../build/n8n-target';
import { usageError } from '../usage-error';
import { EXIT_CODES, exitCodeForCategory } from '../exit-codes';
import { findPackageRoot } from '../build/package-root';
import { resolveConnector } from '../connectors';
import { openSettings } from '../open-settings';
import type { BuildReport } from '../build/build-artifact';
import type { CommandContext, CommandResult } from '../command';

/** Options of `connector build`. */
export interface BuildOptions {
  /**
   * The connector (`--connector NAME`).
   * @default 'workday'
   */
  connector?: string;
  /**
   * Output directory of `connector.js`, its source map and `manifest.json`.
   * @default 'dist/upload'
   */
  out?: string;
  /**
   * The module whose default export is the connector definition.
   * @default 'connector.ts'
   */
  entry?: string;
  /**
   * Settings file holding the connection the self-test runs the `test` lambda for; without it
   * the build starts the embedded sandbox and uses its connection.
   */
  settings?: string;
  /**
   * The named connection for the self-test's `test` lambda.
   * @default 'us'
   */
  connection?: string;
  /** Skip running the `test` lambda (the bundle is still loaded in a fresh process). */
  skipConnectionTest?: boolean;
  /**
   * The platform to build for: `bundle` (connector.js and manifest.json for a connector SDK
   * upload), `zapier` (one Zapier CLI app per authorization option, in `--out`, default
   * `dist/zapier`) or `n8n` (a community node package, in `--out`, default `dist/n8n`).
   * @default 'bundle'
   */
  target?: string;
  /** `zapier`: the authorization options to build apps for; every option when absent. */
  option?: string[];
}

/** The platforms `connector build --target` knows. */
export const BUILD_TARGETS = ['bundle', 'zapier', 'n8n'] as const;

/** The part of a running sandbox the build uses. */
export interface BuildSandbox {
  settings: { connections: Record<string, unknown> };
  close(): Promise<void>;
}

/** What `build` needs besides options; tests may inject the sandbox starter. */
export interface BuildDependencies {
  /**
   * Starts a sandbox for the self-test.
   * @default `startSandbox` from `sandbox/index.ts`
   */
  startSandbox?: () => Promise<BuildSandbox>;
}

const DEFAULT_BUNDLE_OUT = 'dist/upload';

/**
 * `connector build [--out DIR]`: bundles the connector into one self-contained `connector.js`,
 * writes `manifest.json`, validates every sample output against its schemas and self-tests the
 * bundle in a fresh `node` process (keys match the manifest, the `test` lambda passes against the
 * sandbox or the given settings). A failed check names the operation and field; the exit code is
 * that of the `test` lambda's error when it alone failed (e.g. 3 for `reauthorization_required`),
 * else 1 (the bundle or its manifest is broken).
 */
export async function build(
  options: BuildOptions,
  context: CommandContext,
  dependencies: BuildDependencies = {},
): Promise<CommandResult> {
  const connector = resolveConnector(options.connector);
  // Workday's entry stays relative to the working directory, as before; another connector's
  // source is found in the package, wherever the command runs.
  const entry =
    options.entry ??
    (options.connector === undefined
      ? undefined
      : path.join(findPackageRoot(), connector.sourceFile));
  const target = options.target ?? 'bundle';
  if (!(BUILD_TARGETS as readonly string[]).includes(target))
    throw usageError(
      `Unknown build target "${target}".`,
      `Use --target with one of: ${BUILD_TARGETS.join(', ')}.`,
    );
  if (options.option !== undefined && target !== 'zapier')
    throw usageError('--option only applies to --target zapier.', 'Leave --option out.');
  if (target === 'n8n')
    return buildForN8n(
      {
        ...options,
        ...(entry === undefined ? {} : { entry }),
        // The bundle's default out folder is not the package's; another connector's package
        // goes beside Workday's, in a folder of its own.
        ...(options.out !== undefined && options.out !== DEFAULT_BUNDLE_OUT
          ? { out: options.out }
          : {
              out:
                options.connector === undefined
                  ? path.join('dist', 'n8n')
                  : path.join('dist', 'n8n', connector.name),
            }),
      },
      context,
    );
  if (target === 'zapier') {
    const report = await buildZapierApps({
      cwd: context.cwd,
      // The bundle target's default out folder is not where apps go; another connector's apps
      // go beside Workday's, in a folder of their own.
      ...(options.out !== undefined && options.out !== DEFAULT_BUNDLE_OUT
        ? { out: options.out }
        : options.connector === undefined
          ? {}
          : { out: path.join('dist', 'zapier', connector.name) }),
      ...(entry === undefined ? {} : { entry }),
      ...(options.option === undefined ? {} : { options: options.option }),
    });
    return { stdout: formatZapierSummary(report, context.cwd), exitCode: 0 };
  }
  const connectionName = options.connection ?? connector.defaultConnection;
  let sandbox: BuildSandbox | undefined;
  let connection: unknown;
  if (options.skipConnectionTest !== true) {
    if (options.settings !== undefined) {
      const store = await openSettings(options.settings, context);
      connection = store.getConnection(connectionName);
    } else {
      sandbox = await (
        dependencies.startSandbox ??
        (options.connector === undefined ? defaultStartSandbox : connector.startSimulator)
      )();
      connection = sandbox.settings.connections[connectionName];
      if (connection === undefined) {
        await sandbox.close();
        throw new ConnectorError(
          'invalid_input',
          `The sandbox has no connection '${connectionName}'; it has: ${Object.keys(sandbox.settings.connections).join(', ')}.`,
          {
            hint: 'Pass --connection with one of the listed names, --settings FILE to self-test your own connection, or --skip-connection-test.',
          },
        );
      }
    }
  }
  // The self-test's connection holds a client secret and a refresh token: keep them out of output.
  registerConnectionSecrets(context.redactor, connection);
  try {
    const report = await buildArtifact({
      cwd: context.cwd,
      ...(options.out === undefined ? {} : { out: options.out }),
      ...(entry === undefined ? {} : { entry }),
      ...(connection === undefined
        ? {}
        : { selfTestConnection: { name: connectionName, connection } }),
    });
    const summary = context.redactor.redact(formatBuildSummary(report, context.cwd));
    return report.ok
      ? { stdout: summary, exitCode: 0 }
      : { stderr: summary, exitCode: buildExitCode(report) };
  } finally {
    await sandbox?.close();
  }
}

/**
 * The exit code of a failed build: when the only failure is the `test` lambda, its error's
 * category decides (a revoked token is the connection's problem, not a bug); otherwise 1.
 */
export function buildExitCode(report: BuildReport): number {
  const failed = report.selfTest.filter((check) => !check.ok);
  const only = failed[0];
  if (report.problems.length > 0 || failed.length !== 1 || only?.name !== 'test') {
    return EXIT_CODES.internal;
  }
  const code = only.code;
  return exitCodeForCategory(
    code !== undefined && isErrorCode(code) ? ERROR_CATEGORY[code] : undefined,
  );
}
