/**
 * The closed sets of inbox task values the connector filters on: Workday's `stepType` and
 * `status` descriptors. Workday's inbox has no server-side filter for them (the connector filters
 * the tasks it read), so a value outside these sets would match nothing and silently return no
 * tasks; inputs are therefore enums, and a near miss in case ("approval") names the right value.
 *
 * Sources: reference/workday-payloads.md "Other status and stepType strings" (Approval; Awaiting
 * Action, Awaiting Assignment, Saved for Later) and the step types and end states the sandbox
 * models after Workday's task kinds (To Do, Review; Successfully Completed, Denied).
 */
import { z } from 'zod';

/** Step type descriptors of inbox tasks. */
export const INBOX_STEP_TYPES = ['Approval', 'To Do', 'Review'] as const;

/** Status descriptors of inbox tasks. */
export const INBOX_STATUSES = [
  'Awaiting Action',
  'Awaiting Assignment',
  'Saved for Later',
  'Successfully Completed',
  'Denied',
] as const;

function listOf(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

/**
 * An enum of `values` whose refusal lists them, and names the value that differs only in case or
 * spacing ("approval" → "Approval").
 */
export function closedSet<const V extends readonly [string, ...string[]]>(values: V) {
  return z.enum(values, {
    error: (issue) => {
      const given = typeof issue.input === 'string' ? issue.input : undefined;
      const squash = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');
      const near =
        given === undefined ? undefined : values.find((value) => squash(value) === squash(given));
      return near === undefined
        ? `must be one of ${listOf(values)}`
        : `must be one of ${listOf(values)} (did you mean "${near}"?)`;
    },
  });
}
