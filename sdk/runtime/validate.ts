import type { z } from 'zod';
import { ConnectorError } from '../errors';
import type { ErrorCode, InputIssue } from '../errors';

// Messages name at most this many fields; `details.issues` holds them all.
const ISSUES_IN_MESSAGE = 3;

// zod 4 words an absent field "Invalid input: expected string, received undefined".
const ABSENT = /^Invalid input: expected .*, received undefined$/;

/** Each zod issue as a dotted field path (`lines.2.debit`) and what was expected. */
export function issuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join('.'),
    message:
      issue.code === 'invalid_type' && ABSENT.test(issue.message) ? 'is required' : issue.message,
  }));
}

function summarize(issues: readonly InputIssue[]): string {
  const shown = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path === '' ? '(root)' : `"${issue.path}"`} ${issue.message}`);
  const more = issues.length - ISSUES_IN_MESSAGE;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

/** What is being validated, for messages: e.g. `the input of actions.get_worker`. */
export interface ValidationTarget {
  what: string;
  code: ErrorCode;
  hint?: string;
}

/**
 * Parses `value` with `schema`, or throws a ConnectorError with `target.code` whose message
 * names the failing fields and whose `details.issues` lists every one of them.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  target: ValidationTarget,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ConnectorError(target.code, `${target.what} failed validation: ${summarize(issues)}.`, {
    ...(target.hint === undefined ? {} : { hint: target.hint }),
    details: { issues },
  });
}
