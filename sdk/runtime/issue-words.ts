/**
 * zod's default messages ("Too big: expected number to be <=1000", "Invalid option: expected
 * one of ...") are a validator's words, not a recipe builder's. Issues that still carry one are
 * reworded here from the issue's own data; messages a schema set itself are kept as written.
 */
import type { z } from 'zod';

// zod 4's default messages all start like this; a schema's own message does not.
const ZOD_DEFAULT =
  /^(Too big|Too small|Invalid (input|option|string|ISO|key|element|union|value|email|url|uuid|date|datetime|time|number|type))\b/;

type Issue = z.core.$ZodIssue;

function quoteAll(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function typeWord(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    date: 'a date',
  };
  return words[expected] ?? expected;
}

// zod names what it got at the end of its default invalid_type message ("..., received string").
const RECEIVED = /received (\w+)$/;

function receivedWord(message: string): string | undefined {
  const got = RECEIVED.exec(message)?.[1];
  if (got === undefined) return undefined;
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
  };
  return words[got] ?? got;
}

function bound(issue: Issue & { code: 'too_big' | 'too_small' }): string {
  const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  const most = issue.code === 'too_big' ? 'at most' : 'at least';
  const exclusive = issue.code === 'too_big' ? 'less than' : 'more than';
  const word = issue.inclusive === false ? exclusive : most;
  switch (issue.origin) {
    case 'string':
      return `must be ${word} ${String(limit)} characters long`;
    case 'array':
    case 'set':
      return `must have ${word} ${String(limit)} ${Number(limit) === 1 ? 'item' : 'items'}`;
    default:
      return `must be ${word} ${String(limit)}`;
  }
}

/** The issue's message in our words (zod defaults reworded; a schema's own message kept). */
export function wordIssue(issue: Issue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const got = receivedWord(issue.message);
      if (got === 'undefined') return 'is required';
      return `must be ${typeWord(issue.expected)}${got === undefined ? '' : `, not ${got}`}`;
    }
    case 'too_big':
    case 'too_small':
      return bound(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoteAll(issue.values)}`
        : `must be one of ${quoteAll(issue.values)}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? 'does not have the expected format'
        : `must be a valid ${issue.format === 'date' ? 'date (YYYY-MM-DD)' : issue.format}`;
    case 'invalid_union':
      return 'does not match any of the accepted forms';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has fields that do not exist here: ${quoteAll(issue.keys)}`;
    default:
      return 'is not valid here';
  }
}
