import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** A value written to `bench/results.json`: `null` when the figure did not run or failed. */
export type ResultValue = number | string | boolean | null | number[];

/** The keys issues 7, 8 and 16 (B8) require in `bench/results.json`. */
export const REQUIRED_KEYS = [
  'b1_ratio',
  'b2_token_requests',
  'b2_p99_added_ms',
  'b3_time_ratio',
  'b3_heap_mb',
  'b3_closure_bytes',
  'b4_ms',
  'b4_ratio',
  'b5_version_ms',
  'b5_exec_ms',
  'sandbox_requests_per_s',
  'b6_search_ms',
  'b6_search_ratio_to_ideal',
  'b6_speedup_vs_sequential',
  'b6_approve_ratio_to_ideal',
  'b6_sockets',
  'b6_requests_under_429',
  'b8_build_ratio',
  'b8_heap_growth_mb',
  'b8_e2e_ratio',
  'cpu_model',
  'node_version',
  'date',
] as const;

/** One line of the printed table. */
export interface TableRow {
  /** Figure id and what it measures, e.g. `B1 approvals (2000, c=16)`. */
  figure: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  /** `true`/`false` when the figure has a target, `undefined` when it is only reported. */
  met: boolean | undefined;
}

/** What one figure hands back to the runner. */
export interface FigureResult {
  rows: TableRow[];
  values: Record<string, ResultValue>;
  /** Raw numbers and explanations printed under the table. */
  notes: string[];
}

/** Formats milliseconds for the table. */
export function ms(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 0)} ms` : 'n/a';
}

/** Formats a ratio for the table. */
export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';
}

/** Renders the table (figure, ours, baseline, ratio, target, met?) as aligned text. */
export function formatTable(rows: readonly TableRow[]): string {
  const header = ['figure', 'ours', 'baseline', 'ratio', 'target', 'met?'];
  const cells = rows.map((r) => [
    r.figure,
    r.ours,
    r.baseline,
    r.ratio,
    r.target,
    r.met === undefined ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => (c[i] as string).length)),
  );
  const line = (c: readonly string[]): string =>
    c
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Machine facts recorded with every run. */
export function machineFacts(): Record<
  'cpu_model' | 'node_version' | 'date' | 'cpu_count',
  ResultValue
> {
  const list = cpus();
  return {
    cpu_model: list[0]?.model.trim() ?? 'unknown',
    cpu_count: list.length,
    node_version: process.version,
    date: new Date().toISOString(),
  };
}

/**
 * Assembles `results.json`: every required key present (`null` for a figure that did not run),
 * then the extra raw numbers the figures reported.
 */
export function assembleResults(values: Record<string, ResultValue>): Record<string, ResultValue> {
  const out: Record<string, ResultValue> = {};
  for (const key of REQUIRED_KEYS) out[key] = values[key] ?? null;
  for (const [key, value] of Object.entries(values)) if (!(key in out)) out[key] = value;
  return out;
}

/**
 * Renders the results as JSON the way prettier would (two-space indent, short number lists on
 * one line, trailing newline), so the committed file passes `prettier --check`.
 */
export function renderResults(results: Record<string, ResultValue>): string {
  const text = JSON.stringify(results, null, 2).replace(
    /\[\s+((?:-?[\d.e+]+,\s+)*-?[\d.e+]+)\s+\]/g,
    (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`,
  );
  return `${text}\n`;
}

/**
 * Writes `results` into `results.json`, keeping the keys of the file that `results` does not
 * set: `npm run bench` and `npm run bench:n8n` each write their own figures into one file.
 */
export function writeResults(file: string, results: Record<string, ResultValue>): void {
  const existing = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ResultValue>)
    : {};
  writeFileSync(file, renderResults({ ...existing, ...results }));
}
