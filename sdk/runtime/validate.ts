import type { z } from 'zod';
import { ConnectorError } from '../errors';
import type { ErrorCode, InputIssue } from '../errors';
import { findUnknownKeys } from '../schema/unknown-keys';
import type { UnknownKey } from '../schema/unknown-keys';
import { wordIssue } from './issue-words';

// Messages name at most this many fields; `details.issues` holds them all.
const ISSUES_IN_MESSAGE = 3;

// Known fields listed in an unknown-key message when none is close to the typo.
const KNOWN_IN_MESSAGE = 12;

/** Each zod issue as a dotted field path (`lines.2.debit`) and what was expected, in our words. */
export function issuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join('.'),
    message: wordIssue(issue),
  }));
}

/** An unknown key as an input issue: `"sumbit" is not a field here; did you mean "submit"?` */
function unknownKeyIssue(unknown: UnknownKey): InputIssue {
  const listed = unknown.known.slice(0, KNOWN_IN_MESSAGE).map((key) => `"${key}"`);
  const more = unknown.known.length > KNOWN_IN_MESSAGE ? ', ...' : '';
  const message =
    unknown.suggestion !== undefined
      ? `is not a field here; did you mean "${unknown.suggestion}"?`
      : unknown.known.length === 0
        ? 'is not a field here; nothing may be given here'
        : `is not a field here; the fields are ${listed.join(', ')}${more}`;
  return { path: unknown.path.map(String).join('.'), message };
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
  /**
   * Refuse keys the schema does not declare (naming the closest declared key) instead of
   * dropping them, as zod's `z.object` does: a typo must not silently fall back to a default.
   * @default false
   */
  refuseUnknownKeys?: boolean;
}

/**
 * Parses `value` with `schema`, or throws a ConnectorError with `target.code` whose message
 * names the failing fields (and, with `refuseUnknownKeys`, the undeclared ones) and whose
 * `details.issues` lists every one of them.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  target: ValidationTarget,
): z.output<S> {
  const unknown = target.refuseUnknownKeys === true ? findUnknownKeys(schema, value) : [];
  const result = schema.safeParse(value);
  if (result.success && unknown.length === 0) return result.data;
  const issues = [
    ...unknown.map(unknownKeyIssue),
    ...(result.success ? [] : issuesOf(result.error)),
  ];
  const summary = summarize(issues);
  // A summary ending in a question ("did you mean "submit"?") needs no full stop after it.
  const end = /[.?!]$/.test(summary) ? '' : '.';
  throw new ConnectorError(target.code, `${target.what} failed validation: ${summary}${end}`, {
    ...(target.hint === undefined ? {} : { hint: target.hint }),
    details: { issues },
  });
}
