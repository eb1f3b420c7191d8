import type { ResponseMatcher } from '../define';

/** What a matcher looks at. */
export interface MatchSubject {
  status: number;
  statusText: string;
  body: string;
}

/**
 * Workato matcher semantics: a number matches the status, a string must equal the whole body
 * or the status text, a pattern is tested against the body.
 */
export function matchesResponse(
  matchers: readonly ResponseMatcher[],
  subject: MatchSubject,
): boolean {
  return matchers.some((matcher) => {
    if (typeof matcher === 'number') return matcher === subject.status;
    if (typeof matcher === 'string')
      return matcher === subject.body || matcher === subject.statusText;
    matcher.lastIndex = 0;
    return matcher.test(subject.body);
  });
}
