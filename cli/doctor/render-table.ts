import type { CheckStatus, ConnectionReport, DoctorReport } from './report';

/** Options of {@link renderDoctorReport}. */
export interface RenderOptions {
  /**
   * Total line width the detail column is wrapped to.
   * @default 110
   */
  width?: number;
}

const MARKS: { readonly [S in CheckStatus]: string } = { pass: '✓', fail: '✗', skip: '–' };
const HEADERS = ['check', 'result', 'detail'] as const;
const GAP = '  ';
// Below this the detail column would be unreadable; long lines are better than 10-char columns.
const MIN_DETAIL_WIDTH = 40;

/** Splits `text` into lines of at most `width` characters at spaces; longer words stay whole. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The detail to print for each check. One missing functional area fails every action that needs
 * it, and one failed step skips every later check, with the same words each time: a detail an
 * earlier check already printed becomes `same as CHECK`, so no sentence is printed twice. A
 */
export function conciseDetails(checks: ReadonlyArray<{ check: string; detail: string }>): string[] {
  const firstWith = new Map<string, string>();
  return checks.map(({ check, detail }) => {
    const earlier = firstWith.get(detail);
    if (earlier !== undefined) return `same as ${earlier}.`;
    firstWith.set(detail, check);
    return detail;
  });
}

function renderConnection(report: ConnectionReport, width: number): string {
  const checkWidth = Math.max(HEADERS[0].length, ...report.checks.map((c) => c.check.length));
  const resultWidth = HEADERS[1].length;
  const indent = checkWidth + GAP.length + resultWidth + GAP.length;
  const detailWidth = Math.max(MIN_DETAIL_WIDTH, width - indent);
  const row = (check: string, result: string, detail: string) =>
    `${check.padEnd(checkWidth)}${GAP}${result.padEnd(resultWidth)}${GAP}${detail}`.trimEnd();

  const tenant = report.tenant === undefined ? '' : ` (tenant ${report.tenant})`;
  const verdict = report.ok ? 'healthy' : 'problems found';
  const lines = [`Connection '${report.connection}'${tenant}: ${verdict}`];
  lines.push(row(HEADERS[0], HEADERS[1], HEADERS[2]));
  lines.push(row('-'.repeat(checkWidth), '-'.repeat(resultWidth), '-'.repeat(HEADERS[2].length)));
  const details = conciseDetails(report.checks);
  for (const [index, check] of report.checks.entries()) {
    const [first = '', ...rest] = wrapText(details[index] ?? '', detailWidth);
    lines.push(row(check.check, MARKS[check.status], first));
    for (const more of rest) lines.push(`${' '.repeat(indent)}${more}`);
  }
  return lines.join('\n');
}

/**
 * Renders the doctor's findings as one aligned table per connection: check, result
 * (✓ passed, ✗ failed, – skipped) and the detail with the fix, wrapped under its column.
 */
export function renderDoctorReport(report: DoctorReport, options: RenderOptions = {}): string {
  const width = options.width ?? 110;
  const tables = report.connections.map((c) => renderConnection(c, width)).join('\n\n');
  return report.connections.length > 1 ? `${tables}\n\n${summaryLine(report)}\n` : `${tables}\n`;
}

/**
 * One line after several tables (`--all`), so the outcome need not be pieced together by
 * scrolling: `Summary: 5 connections checked; 2 healthy (us, emea); 3 with problems (...)`.
 */
export function summaryLine(report: DoctorReport): string {
  const healthy = report.connections.filter((c) => c.ok).map((c) => c.connection);
  const failing = report.connections
    .filter((c) => !c.ok)
    .map((c) => {
      const failed = c.checks.filter((check) => check.status === 'fail').length;
      return `${c.connection}: ${failed} failed ${failed === 1 ? 'check' : 'checks'}`;
    });
  const parts = [`Summary: ${report.connections.length} connections checked`];
  parts.push(`${healthy.length} healthy${healthy.length > 0 ? ` (${healthy.join(', ')})` : ''}`);
  parts.push(
    `${failing.length} with problems${failing.length > 0 ? ` (${failing.join('; ')})` : ''}`,
  );
  return `${parts.join('; ')}.`;
}
