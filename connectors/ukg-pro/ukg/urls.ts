/**
 * Reads the URLs of a UKG Pro connection before any call: each is https (plain http only on
 * loopback, i.e. the simulator), carries no credentials, query or fragment. The web-services
 * base is the *domain* of the Web Services page URL (§2.2), so a pasted
 * `https://servicet.ultipro.com/services/` is reduced to its origin.
 */
import { ConnectorError } from '../../../sdk/errors';

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * Parses one URL setting into its origin.
 * @throws ConnectorError `invalid_settings` naming the field
 */
export function parseOrigin(value: string, field: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConnectorError(
      'invalid_settings',
      `"${field}" is not a URL: expected e.g. ${example}.`,
      {
        details: { issues: [{ path: field, message: 'not a URL' }] },
      },
    );
  }
  const problem =
    url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))
      ? 'must be https (plain http only for loopback, i.e. the simulator)'
      : url.username !== '' || url.password !== ''
        ? 'must not contain a user name or password'
        : url.search !== '' || url.hash !== ''
          ? 'must not have a query or fragment'
          : undefined;
  if (problem !== undefined) {
    throw new ConnectorError(
      'invalid_settings',
      `"${field}" ${problem}: expected e.g. ${example}.`,
      {
        details: { issues: [{ path: field, message: problem }] },
      },
    );
  }
  return new URL(url.origin);
}

export const BASE_URL_EXAMPLE = 'https://service5.ultipro.com';
export const TOKEN_URL_EXAMPLE = 'https://welcome-us.ukg.net';

/** The web-services origin of `base_url`. */
export function webServicesOrigin(baseUrl: string): string {
  return parseOrigin(baseUrl, 'base_url', BASE_URL_EXAMPLE).origin;
}

/**
 * The Developer Console token endpoint: `{Generate Token URL}/oauth/token` (the path a public
 * client uses, §2.1 b, grade C). A pasted URL that already ends in `/oauth/token` is kept.
 */
export function consoleTokenEndpoint(tokenUrl: string): string {
  const trimmed = tokenUrl.trim().replace(/\/+$/, '');
  const withoutPath = trimmed.endsWith('/oauth/token')
    ? trimmed.slice(0, -'/oauth/token'.length)
    : trimmed;
  return `${parseOrigin(withoutPath, 'token_url', TOKEN_URL_EXAMPLE).origin}/oauth/token`;
}
