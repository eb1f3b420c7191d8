import path from 'node:path';
import type { BuildReport } from './build-artifact';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The short summary `connector build` prints: files and sizes, what the manifest holds, the
 * sample-output check, each self-test line, then `build ok` or `build FAILED` with every problem
 * named by operation and field.
 *
 * @param cwd Paths are shown relative to it.
 */
export function formatBuildSummary(report: BuildReport, cwd: string): string {
  const lines: string[] = [];
  const manifest = report.manifest;
  const width = Math.max(0, ...report.files.map((f) => path.relative(cwd, f.file).length));
  for (const { file, bytes } of report.files)
    lines.push(
      `  wrote  ${path.relative(cwd, file).padEnd(width)}  ${formatBytes(bytes).padStart(9)}`,
    );
  if (manifest !== undefined) {
    const samples = manifest.actions.length + manifest.triggers.length;
    lines.push(
      `  ${manifest.title} ${manifest.version}: ${plural(manifest.actions.length, 'action')}, ${plural(manifest.triggers.length, 'trigger')}, ${plural(manifest.pick_lists.length, 'pick list')}, ${plural(manifest.connection.fields.length, 'connection field')} (${plural(report.modules, 'module')} bundled)`,
    );
    if (report.problems.length === 0)
      lines.push(`  ✓ sample outputs  ${samples} checked against zod and the emitted JSON Schema`);
  }
  for (const problem of report.problems) {
    const at =
      problem.field === undefined || problem.field === '' ? '' : ` field '${problem.field}'`;
    lines.push(`  ✗ ${problem.where}${at}: ${problem.message}`);
  }
  for (const check of report.selfTest)
    lines.push(`  ${check.ok ? '✓' : '✗'} self-test ${check.name.padEnd(7)} ${check.detail}`);
  lines.push(
    report.ok
      ? `build ok: ${path.relative(cwd, report.outDir) || '.'}`
      : 'build FAILED: nothing was written to upload; fix the problems above',
  );
  return `${lines.join('\n')}\n`;
}
