import path from 'node:path';
import { ConnectorError } from '../../sdk/errors';
import { buildN8nPackage } from '../../platforms/n8n';
import type { CommandContext, CommandResult } from '../command';
import type { BuildOptions } from '../commands/build';
import { findPackageRoot } from './package-root';

/**
 * `connector build --target n8n`: the community node package folder and its `npm pack`
 * tarball. The connection-test flags belong to the bundle target; given here they are refused
 * rather than ignored.
 */
export async function buildForN8n(
  options: BuildOptions,
  context: CommandContext,
): Promise<CommandResult> {
  if (options.settings !== undefined || options.skipConnectionTest === true)
    throw new ConnectorError(
      'invalid_input',
      '--settings and --skip-connection-test apply to --target bundle only.',
      {
        hint: 'The n8n package is self-tested by loading every generated file as n8n does; run its workflows in n8n to test a connection.',
      },
    );
  const result = await buildN8nPackage({
    entry: options.entry ?? 'connector.ts',
    outDir: options.out ?? path.join('dist', 'n8n'),
    cwd: context.cwd,
    sourceRoot: findPackageRoot(),
  });
  const rel = (file: string) => path.relative(context.cwd, file) || '.';
  const lines = [
    `  wrote  ${rel(result.packageDir)}/  (runtime ${(result.runtimeBytes / 1024).toFixed(1)} kB)`,
    `  wrote  ${rel(result.tarball)}`,
    `  ${result.packageName} ${result.version}: nodes ${result.nodeTypes.join(', ')}; credentials ${result.credentialTypes.join(', ')}`,
    '  ✓ self-test load   every node and credential file loads as n8n loads it',
    `build ok: install with \`npm install ${rel(result.tarball)}\` in ~/.n8n/nodes, then restart n8n`,
  ];
  return { stdout: `${lines.join('\n')}\n`, exitCode: 0 };
}
