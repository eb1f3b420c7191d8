import { ConnectorError } from '../errors';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves a request path against the base URI with Workato's `base_uri` rule: `/x` replaces
 * the base path, `x` is appended to it (one slash between), and an absolute URL is accepted
 * only on the base URI's own origin so the access token never leaves the tenant's host.
 *
 * @throws ConnectorError `invalid_input` for another origin or an unparsable URL.
 */
export function resolveUrl(baseUri: string, path: string): URL {
  let base: URL;
  try {
    base = new URL(baseUri);
  } catch {
    throw new ConnectorError('invalid_settings', `The base URI "${baseUri}" is not a URL.`);
  }
  let resolved: URL;
  try {
    if (ABSOLUTE.test(path) || path.startsWith('//')) resolved = new URL(path, base);
    else if (path.startsWith('/')) resolved = new URL(`${base.origin}${path}`);
    else {
      const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
      resolved = new URL(`${base.origin}${basePath}${path}`);
    }
  } catch {
    throw new ConnectorError('invalid_input', `The request URL "${path}" is not a valid URL.`);
  }
  if (resolved.origin !== base.origin)
    throw new ConnectorError(
      'invalid_input',
      `The request URL "${resolved.origin}${resolved.pathname}" is outside the connection's host "${base.origin}".`,
      {
        hint: 'Use a path relative to the API base; the access token is only sent to its own host.',
      },
    );
  return resolved;
}
