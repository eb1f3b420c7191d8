import { copyFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  zapierAppPlan,
  zapierBundleEntry,
  zapierOptionKeys,
  renderZapierApp,
  ZAPIER_BUNDLE_FILE,
} from '../../platforms/zapier';
import type { ZapierAppPlan } from '../../platforms/zapier';
import { ConnectorError } from '../../sdk/errors';
import { assertConnectorShape } from '../load-connector';
import type { LoadedConnector } from '../load-connector';
import { usageError } from '../usage-error';
import { bundleConnector } from './bundle';
import { findPackageRoot } from './package-root';

/** What `connector build --target zapier` builds. */
export interface ZapierBuildOptions {
  cwd: string;
  /**
   * Parent directory of the apps: one folder per authorization option.
   * @default 'dist/zapier'
   */
  out?: string;
  /** @default 'connector.ts' */
  entry?: string;
  /** Authorization options to build an app for; all of them when absent. */
  options?: readonly string[];
}

/** One generated app. */
export interface ZapierAppReport {
  option: string;
  dir: string;
  authType: ZapierAppPlan['authentication']['type'];
  files: Array<{ file: string; bytes: number }>;
  counts: { triggers: number; searches: number; creates: number; hidden: number };
}

/** Everything the Zapier build wrote. */
export interface ZapierBuildReport {
  outDir: string;
  apps: ZapierAppReport[];
  modules: number;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function freshRequire(file: string): Record<string, unknown> {
  const nodeRequire = createRequire(__filename);
  const resolved = nodeRequire.resolve(file);
  delete nodeRequire.cache[resolved];
  return nodeRequire(resolved) as Record<string, unknown>;
}

function sameKeys(actual: unknown, expected: Record<string, unknown>): boolean {
  if (typeof actual !== 'object' || actual === null) return false;
  return Object.keys(actual).join(',') === Object.keys(expected).join(',');
}

/**
 * Writes one Zapier CLI app per authorization option (Zapier allows one authentication per
 * integration): `index.js`, `package.json` and `connector.js`, the connector bundled with its SDK
 * and the Zapier runtime by esbuild. Each app is then loaded in this process to check that it
 * exports what was planned.
 *
 * @throws ConnectorError `invalid_input` for an unknown option; `internal` when an app fails to load.
 */
export async function buildZapierApps(options: ZapierBuildOptions): Promise<ZapierBuildReport> {
  const outDir = path.resolve(options.cwd, options.out ?? path.join('dist', 'zapier'));
  const root = findPackageRoot();
  await mkdir(outDir, { recursive: true });
  const bundleFile = path.join(outDir, ZAPIER_BUNDLE_FILE);
  const entry = path.resolve(options.cwd, options.entry ?? 'connector.ts');
  const bundled = await bundleConnector({
    entry: options.entry ?? 'connector.ts',
    sdkDir: path.join(root, 'sdk'),
    outFile: bundleFile,
    cwd: options.cwd,
    contents: zapierBundleEntry(entry, path.join(root, 'platforms', 'zapier', 'runtime', 'index')),
  });
  try {
    const loaded = freshRequire(bundleFile);
    const connector = loaded['connector'];
    assertConnectorShape(connector, bundleFile);
    const definition: LoadedConnector = connector;
    const known = zapierOptionKeys(definition);
    const wanted =
      options.options === undefined || options.options.length === 0
        ? known
        : [...new Set(options.options)];
    const unknown = wanted.filter((key) => !known.includes(key));
    if (unknown.length > 0)
      throw usageError(
        `The connector has no authorization option "${unknown[0]}".`,
        `Use --option with one of: ${known.join(', ')} (or leave it out to build all of them).`,
      );
    const apps: ZapierAppReport[] = [];
    for (const option of wanted) {
      const plan = zapierAppPlan(definition, option);
      const dir = path.join(outDir, option);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      const files = renderZapierApp(plan, option, {
        name: `${slug(definition.title)}-zapier-${slug(option)}`,
        description: `${definition.title} for Zapier (${option} authorization), generated from the connector definition.`,
      });
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
      await copyFile(bundleFile, path.join(dir, ZAPIER_BUNDLE_FILE));
      const app = freshRequire(path.join(dir, 'index.js'));
      const hidden = Object.values(plan.triggers).filter((t) => t.display.hidden === true).length;
      if (
        !sameKeys(app['triggers'], plan.triggers) ||
        !sameKeys(app['creates'], plan.creates) ||
        !sameKeys(app['searches'], plan.searches)
      )
        throw new ConnectorError(
          'internal',
          `The generated app in "${dir}" does not export what was planned.`,
        );
      const written = [];
      for (const name of [...Object.keys(files), ZAPIER_BUNDLE_FILE]) {
        const file = path.join(dir, name);
        written.push({ file, bytes: (await stat(file)).size });
      }
      apps.push({
        option,
        dir,
        authType: plan.authentication.type,
        files: written,
        counts: {
          triggers: Object.keys(plan.triggers).length - hidden,
          searches: Object.keys(plan.searches).length,
          creates: Object.keys(plan.creates).length,
          hidden,
        },
      });
    }
    return { outDir, apps, modules: bundled.inputCount };
  } finally {
    await rm(bundleFile, { force: true });
    await rm(bundled.mapFile, { force: true });
  }
}

/** The summary `connector build --target zapier` prints. */
export function formatZapierSummary(report: ZapierBuildReport, cwd: string): string {
  const lines: string[] = [];
  for (const app of report.apps) {
    const { triggers, searches, creates, hidden } = app.counts;
    lines.push(
      `  ${path.relative(cwd, app.dir)}: ${app.authType} auth (option ${app.option}), ${triggers} trigger(s), ${searches} search(es), ${creates} create(s), ${hidden} pick list trigger(s)`,
    );
    for (const { file, bytes } of app.files)
      lines.push(`    wrote ${path.relative(cwd, file)}  ${bytes} B`);
  }
  lines.push(
    `build ok: ${report.apps.length} Zapier app(s) in ${path.relative(cwd, report.outDir) || '.'} (${report.modules} modules bundled)`,
  );
  lines.push(
    '  next: cd into an app, npm install, then zapier-platform validate / push (README, "Zapier")',
  );
  return `${lines.join('\n')}\n`;
}
