import { EXIT_CODES, exitCodeForCategory } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import type { DoctorReport } from './report';

/**
 * The doctor's exit code: 0 when every check passed; the auth code when any failure is about
 * authorization (wrong client, revoked token, missing functional area); else
 * the code of the first failure's category.
 */
export function doctorExitCode(report: DoctorReport): ExitCode {
  const failures = report.connections.flatMap((c) => c.checks).filter((c) => c.status === 'fail');
  if (failures.length === 0) return EXIT_CODES.ok;
  if (failures.some((f) => f.category === 'auth')) return EXIT_CODES.auth;
  return exitCodeForCategory(failures[0]?.category);
}
