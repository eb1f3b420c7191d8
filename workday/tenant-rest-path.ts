import { ConnectorError } from '../sdk/errors';
import { REST_SERVICE_PATTERN, REST_VERSION_PATTERN } from './constants';
import type { WorkdayEndpoints } from './endpoints';

// RFC 3986 pchar plus "/": anything else (space, backslash, "?", "#", control characters,
// non-ASCII) has no business in a Workday resource path and is refused rather than escaped.
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// Percent-escapes of characters that change how a path resolves: "/", "\", ".", "%", "?", "#",
// ":" and control characters. Encoded, they are a classic way around a prefix check.
const DANGEROUS_ESCAPE = /%(?:2f|5c|2e|25|3f|23|3a|[01][0-9a-f]|7f)/i;

function refuse(path: string, problem: string): ConnectorError {
  return new ConnectorError('invalid_input', `The path "${path}" ${problem}.`, {
    hint:
      'Give a path relative to the tenant\'s REST base, such as "common/v1/{tenant}/workers"; ' +
      'the access token is only ever sent to this tenant.',
    details: { issues: [{ path: 'path', message: problem }] },
  });
}

/**
 * Checks a caller-supplied REST path and returns it relative to the connection's `restBase`
 * (`https://{host}/ccx/api/`), so a custom request can never carry the bearer token to another
 * host, out of `/ccx/api/`, or to another tenant.
 *
 * Refused: absolute URLs (`https://…`, `javascript:`), protocol-relative `//host`, a leading `/`
 * outside `/ccx/api/`, `.`/`..` segments, empty segments, backslashes, `?`/`#` (use the query
 * field), percent-encoded `/ \ . % ? # :` and control characters, and a tenant segment that is
 * not the connection's tenant.
 * @param path e.g. `common/v1/{tenant}/workers` (`{tenant}` is replaced by the connection's tenant)
 * @throws ConnectorError `invalid_input` naming the path, or `tenant_mismatch` for another tenant.
 */
export function resolveTenantRestPath(path: string, endpoints: WorkdayEndpoints): string {
  const raw = path.trim();
  if (raw === '') throw refuse(path, 'is empty');
  if (SCHEME.test(raw))
    throw refuse(raw, 'is an absolute URL; only paths on the tenant are allowed');
  if (raw.startsWith('//') || raw.startsWith('\\'))
    throw refuse(raw, 'is protocol-relative (starts with "//"), which would leave the tenant host');
  let relative = raw.replaceAll('{tenant}', endpoints.tenant);
  if (!PATH_CHARS.test(relative))
    throw refuse(
      raw,
      'contains a character not allowed in a path (space, "\\", "?", "#", "{", "}" or non-ASCII)',
    );
  if (DANGEROUS_ESCAPE.test(relative))
    throw refuse(
      raw,
      'contains a percent-encoded "/", "\\", ".", "%", "?", "#", ":" or control character',
    );
  if (relative.startsWith('/')) {
    if (!relative.startsWith('/ccx/api/'))
      throw refuse(raw, 'starts with "/" but is not under "/ccx/api/"');
    relative = relative.slice('/ccx/api/'.length);
  }
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..'))
    throw refuse(raw, 'contains a "." or ".." segment');
  if (segments.some((segment, i) => segment === '' && i < segments.length - 1))
    throw refuse(raw, 'contains an empty segment ("//")');

  // "{service}/{version}/{tenant}/…" (e.g. common/v1/acme/workers) or the alias "v1/{tenant}/…".
  const [first = '', second = '', third = ''] = segments;
  const tenantSegment = REST_VERSION_PATTERN.test(first)
    ? second
    : REST_SERVICE_PATTERN.test(first) && REST_VERSION_PATTERN.test(second)
      ? third
      : undefined;
  if (tenantSegment === undefined || tenantSegment === '')
    throw refuse(raw, 'does not have the shape "{service}/{version}/{tenant}/…"');
  if (tenantSegment !== endpoints.tenant) {
    throw new ConnectorError(
      'tenant_mismatch',
      `The path "${raw}" names tenant "${tenantSegment}" but this connection is for tenant "${endpoints.tenant}".`,
      {
        hint: 'Use "{tenant}" in the path, or a connection for the other tenant.',
        details: { tenants: [tenantSegment, endpoints.tenant] },
      },
    );
  }

  // Belt and braces: resolve it the way the HTTP client will and check where it lands.
  const resolved = new URL(relative, endpoints.restBase);
  if (resolved.origin !== endpoints.origin || !resolved.pathname.startsWith('/ccx/api/'))
    throw refuse(raw, "resolves outside the tenant's REST API");
  return relative;
}
