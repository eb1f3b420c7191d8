import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_DIRS = ['actions', 'triggers', 'workday', 'sdk', 'cli', 'sandbox', 'fixtures'];

/** The compiled CLI entry point `npm start` runs. */
export const CLI_MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return /\.(ts|json)$/.test(entry) ? stats.mtimeMs : 0;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/**
 * Compiles `dist/` (`npm run build`'s command) when it is missing or older than any source, so
 * tests that spawn the compiled CLI run today's code.
 */
export function ensureDist(): void {
  const built = existsSync(CLI_MAIN) ? statSync(CLI_MAIN).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'connector.ts')),
    ...SOURCE_DIRS.map((dir) => newestMtime(path.join(ROOT, dir))),
  );
  if (built >= sources) return;
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`npm run build failed:\n${(result.stdout + result.stderr).slice(0, 2000)}`);
}
