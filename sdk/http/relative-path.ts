/**
 * A guard for caller-supplied request paths (a connector's `custom_action`): the path must stay
 * on the connection's own host, so credentials never travel elsewhere.
 */
import { ConnectorError } from '../errors';

// RFC 3986 pchar plus "/": anything else (space, backslash, "?", "#", control characters,
// non-ASCII) has no business in a resource path and is refused rather than escaped.
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// Percent-escapes of characters that change how a path resolves: "/", "\", ".", "%", "?", "#",
// ":" and control characters. Encoded, they are a classic way around a prefix check.
const DANGEROUS_ESCAPE = /%(?:2f|5c|2e|25|3f|23|3a|[01][0-9a-f]|7f)/i;

/**
 * Checks `path` and returns it with one leading `/`, to be resolved against the connection's
 * origin. Refused with `invalid_input` naming the input field: absolute URLs, `//host`, `.`/`..`
 * and empty segments, backslashes, `?`/`#` (use the query input), percent-encoded `/ \ . % ? # :`
 * and control characters.
 * @param field the input field that held the path, for the error
 * @param example a path to suggest in the hint
 */
export function checkRelativePath(path: string, field: string, example: string): string {
  const refuse = (problem: string) =>
    new ConnectorError('invalid_input', `The ${field} "${path}" ${problem}.`, {
      hint: `Give a path on the connection's host, such as "${example}"; credentials are only sent there.`,
      details: { issues: [{ path: field, message: problem }] },
    });
  const raw = path.trim();
  if (raw === '') throw refuse('is empty');
  if (SCHEME.test(raw)) throw refuse('is an absolute URL; only paths on this host are allowed');
  if (raw.startsWith('//') || raw.startsWith('\\')) {
    throw refuse('is protocol-relative (starts with "//"), which would leave this host');
  }
  if (!PATH_CHARS.test(raw)) {
    throw refuse('contains a character not allowed in a path (space, "\\", "?", "#" or non-ASCII)');
  }
  if (DANGEROUS_ESCAPE.test(raw)) {
    throw refuse(
      'contains a percent-encoded "/", "\\", ".", "%", "?", "#", ":" or control character',
    );
  }
  const segments = raw.replace(/^\//, '').split('/');
  if (segments.some((s) => s === '.' || s === '..')) throw refuse('contains a "." or ".." segment');
  if (segments.some((s, i) => s === '' && i < segments.length - 1)) {
    throw refuse('contains an empty segment ("//")');
  }
  return `/${segments.join('/')}`;
}
