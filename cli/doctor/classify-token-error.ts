import { toConnectorError } from '../../sdk/errors';
import { parseWorkdayEndpoints } from '../../workday/endpoints';
import { GRANT_EXPLANATION } from './check-settings';
import { CLI_COMMAND } from '../cli-name';
import type { ConnectorError } from '../../sdk/errors';
import type { ConnectionValues } from '../../sdk/settings';
import type { EndpointSettings } from '../../workday/endpoints';

/** What the classifier knows about the failed token request. */
export interface TokenFailureContext {
  /** The connection's name in the settings file. */
  connection: string;
  /** The tenant the connection's endpoints name. */
  tenant: string;
  /** The grant the connection uses: user accounts re-authorize with `connector oauth2`. */
  grant: 'authorization_code' | 'refresh_token';
  clientId: string;
  /** The token endpoint's host, for network and TLS failures. */
  tokenHost: string;
  /** Every other connection in the settings file, to spot a client registered in another tenant. */
  others: ReadonlyArray<{ name: string; values: ConnectionValues }>;
  /** Status and content type of the token endpoint's answer, when one arrived. */
  response?: { status: number; contentType: string };
}

/** The tenant a raw connection's endpoints name, or undefined when they do not parse. */
export function tenantOfValues(values: ConnectionValues): string | undefined {
  try {
    return parseWorkdayEndpoints(values as unknown as EndpointSettings).tenant;
  } catch {
    return undefined;
  }
}

function oauthSaid(error: ConnectorError): string {
  const code = error.details.oauthError;
  if (typeof code !== 'string') return '';
  const description = error.details.oauthErrorDescription;
  return typeof description === 'string' && description !== ''
    ? ` (${code}: ${description.replace(/\.$/, '')})`
    : ` (${code})`;
}

function invalidClient(error: ConnectorError, context: TokenFailureContext): string {
  const elsewhere = context.others
    .filter((other) => other.values.client_id === context.clientId)
    .map((other) => ({ name: other.name, tenant: tenantOfValues(other.values) }))
    .find((other) => other.tenant !== undefined && other.tenant !== context.tenant);
  if (elsewhere !== undefined) {
    const own = context.others.find(
      (other) =>
        other.values.client_id !== context.clientId &&
        tenantOfValues(other.values) === context.tenant,
    );
    const ownNote =
      own === undefined
        ? `register an API client in ${context.tenant} and use its client id, secret and refresh token`
        : `use the client id, secret and refresh token of ${context.tenant}'s own API client (connection '${own.name}' has one)`;
    return (
      `client id of connection '${elsewhere.name}' (tenant ${elsewhere.tenant}) used at tenant ${context.tenant}: ` +
      `API clients are registered per tenant, so ${context.tenant}'s token endpoint does not know this client${oauthSaid(error)}. ` +
      `Fix connection '${context.connection}': ${ownNote}.`
    );
  }
  return (
    `the token endpoint rejected the client id or secret${oauthSaid(error)}: the client id is wrong, the secret is wrong, ` +
    `or the client is registered in another tenant than ${context.tenant}. Copy Client ID from View API Clients in ` +
    `${context.tenant} and the secret shown when the client was registered (or Generate New API Client Secret); ` +
    'if both are right, try client_authentication "body".'
  );
}

function reauthorize(error: ConnectorError, context: TokenFailureContext): string {
  if (context.grant === 'authorization_code') {
    return (
      `the refresh token was revoked or has expired${oauthSaid(error)}: ` +
      `rerun \`${CLI_COMMAND} oauth2 --connection ${context.connection}\` to sign in again and save a new one.`
    );
  }
  return (
    `the refresh token was revoked or regenerated${oauthSaid(error)}: generate a new refresh token in ` +
    'Manage Refresh Tokens for Integrations (View API Clients → API Clients for Integrations → the client → ' +
    'Manage Refresh Tokens for Integrations → Generate New Refresh Token) and put it in "refresh_token".'
  );
}

/**
 * Turns a failed token request into the doctor's diagnosis, one or two sentences ending in the fix:
 * wrong client or a client of another tenant (named by connection), revoked refresh token,
 * unsupported grant, network/TLS to the host, or an answer that is not OAuth 2.0 JSON.
 */
export function classifyTokenError(thrown: unknown, context: TokenFailureContext): string {
  const error = toConnectorError(thrown);
  switch (error.code) {
    case 'invalid_client':
      return invalidClient(error, context);
    case 'reauthorization_required':
      return reauthorize(error, context);
    case 'unsupported_grant':
      return (
        `the token endpoint does not offer the ${context.grant} grant to this client${oauthSaid(error)}. ` +
        GRANT_EXPLANATION
      );
    case 'transport': {
      const transportCode = error.details.transportCode;
      const why = typeof transportCode === 'string' ? ` (${transportCode})` : '';
      return (
        `no answer from the token endpoint at ${context.tokenHost}${why}: ${error.message} ` +
        `Check the network path, proxy, DNS and TLS certificate of ${context.tokenHost}.`
      );
    }
    case 'unexpected_response': {
      const response = context.response;
      const what =
        response === undefined
          ? 'an answer that is not an OAuth 2.0 token response'
          : `status ${response.status} with content type "${response.contentType || 'none'}", not an OAuth 2.0 JSON token response`;
      return (
        `the token endpoint sent ${what}: ${error.message} ` +
        'Check that "token_endpoint" is the Token Endpoint from View API Clients.'
      );
    }
    case 'remote_error':
      return `${error.message}. The authorization server failed; run doctor again later.`;
    default: {
      const hint = error.hint === undefined ? '' : ` ${error.hint}`;
      return `${error.message}${hint}`;
    }
  }
}
