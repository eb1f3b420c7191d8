import { conciseDetails } from '../../../cli/doctor/render-table';
import type { ConnectionReport } from '../../../cli/doctor/report';

/**
 * The demo's lines for one doctor report (`  pass settings: ...`). As in the doctor's table, no
 * sentence is printed twice, and a skipped check does not say "skip ...: skipped: ...".
 */
export function doctorDemoLines(report: ConnectionReport): string[] {
  const details = conciseDetails(report.checks);
  return report.checks.map(
    (check, index) =>
      `  ${check.status.padEnd(4)} ${check.check}: ${(details[index] ?? '').replace(/^skipped: /, '')}`,
  );
}
