import { ERROR_CATEGORY } from '../../sdk/errors';
import type { ErrorCategory, ErrorCode } from '../../sdk/errors';

/** The outcome of one check: passed, failed, or not run because an earlier check failed. */
export type CheckStatus = 'pass' | 'fail' | 'skip';

/** One row of the doctor's table. */
export interface CheckResult {
  /** What was checked, e.g. `settings`, `token request`, `actions.post_journal_entry`. */
  check: string;
  status: CheckStatus;
  /** What was found and, for a failure, the fix in one or two sentences. */
  detail: string;
  /** The error code behind a failure, when there is one. */
  code?: ErrorCode;
  /** Who has to act on a failure; `auth` failures give the auth exit code. */
  category?: ErrorCategory;
  /** Structured facts for `--json` (token lifetime, claims, functional areas); never secrets. */
  facts?: Record<string, unknown>;
}

/** Every check run for one connection. */
export interface ConnectionReport {
  /** The connection's name in the settings file; `default` for a file with one unnamed connection. */
  connection: string;
  /** The tenant from the endpoints, once they parsed. */
  tenant?: string;
  /** True when no check failed. */
  ok: boolean;
  checks: CheckResult[];
}

/** What `connector doctor` found, for all connections it checked. */
export interface DoctorReport {
  ok: boolean;
  connections: ConnectionReport[];
}

/** Builds a passed check. */
export function passed(
  check: string,
  detail: string,
  facts?: Record<string, unknown>,
): CheckResult {
  return { check, status: 'pass', detail, ...(facts === undefined ? {} : { facts }) };
}

/** Builds a skipped check, saying which earlier failure stopped it. */
export function skipped(check: string, reason: string): CheckResult {
  return { check, status: 'skip', detail: reason };
}

/** Builds a failed check; its category (and so the exit code) follows from `code`. */
export function failed(
  check: string,
  detail: string,
  code: ErrorCode,
  facts?: Record<string, unknown>,
): CheckResult {
  return {
    check,
    status: 'fail',
    detail,
    code,
    category: ERROR_CATEGORY[code],
    ...(facts === undefined ? {} : { facts }),
  };
}
