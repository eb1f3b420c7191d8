import { classifyTokenError } from '../../cli/doctor/classify-token-error';
import { ConnectorError } from '../../sdk/errors';
import type { TokenFailureContext } from '../../cli/doctor/classify-token-error';

const host = 'wd2-impl-services1.workday.com';
const endpoints = (tenant: string) => ({
  rest_api_endpoint: `https://${host}/ccx/api/v1/${tenant}`,
  token_endpoint: `https://${host}/ccx/oauth2/${tenant}/token`,
});

function context(overrides: Partial<TokenFailureContext> = {}): TokenFailureContext {
  return {
    connection: 'us_client_at_emea',
    tenant: 'acme_emea',
    grant: 'refresh_token',
    clientId: 'US-CLIENT',
    tokenHost: host,
    others: [],
    ...overrides,
  };
}

function oauthError(code: ConnectorError['code'], oauth: string): ConnectorError {
  return new ConnectorError(code, `The token endpoint refused the request (${oauth}).`, {
    details: { status: 400, oauthError: oauth },
  });
}

describe('classifyTokenError()', () => {
  it('names the connection whose client is used at another tenant', () => {
    const detail = classifyTokenError(
      oauthError('invalid_client', 'invalid_client'),
      context({
        others: [
          { name: 'us', values: { ...endpoints('acme_us'), client_id: 'US-CLIENT' } },
          { name: 'emea', values: { ...endpoints('acme_emea'), client_id: 'EMEA-CLIENT' } },
        ],
      }),
    );
    expect(detail).toBe(
      "client id of connection 'us' (tenant acme_us) used at tenant acme_emea: API clients are " +
        "registered per tenant, so acme_emea's token endpoint does not know this client (invalid_client). " +
        "Fix connection 'us_client_at_emea': use the client id, secret and refresh token of acme_emea's " +
        "own API client (connection 'emea' has one).",
    );
  });

  it('says to register a client when no connection has one at the tenant', () => {
    const detail = classifyTokenError(
      oauthError('invalid_client', 'invalid_client'),
      context({
        others: [{ name: 'us', values: { ...endpoints('acme_us'), client_id: 'US-CLIENT' } }],
      }),
    );
    expect(detail).toMatch(
      /register an API client in acme_emea and use its client id, secret and refresh token\.$/,
    );
  });

  it('explains a wrong client id or secret when no other tenant shares the client id', () => {
    const detail = classifyTokenError(
      oauthError('invalid_client', 'invalid_client'),
      context({
        others: [{ name: 'us', values: { ...endpoints('acme_us'), client_id: 'OTHER' } }],
      }),
    );
    expect(detail).toBe(
      'the token endpoint rejected the client id or secret (invalid_client): the client id is wrong, ' +
        'the secret is wrong, or the client is registered in another tenant than acme_emea. Copy Client ID ' +
        'from View API Clients in acme_emea and the secret shown when the client was registered (or ' +
        'Generate New API Client Secret); if both are right, try client_authentication "body".',
    );
  });

  it('sends ISU connections to Manage Refresh Tokens for Integrations on invalid_grant', () => {
    const detail = classifyTokenError(
      oauthError('reauthorization_required', 'invalid_grant'),
      context(),
    );
    expect(detail).toMatch(
      /^the refresh token was revoked or regenerated \(invalid_grant\): generate a new refresh token in Manage Refresh Tokens for Integrations /,
    );
  });

  it('sends user-account connections to connector oauth2 on invalid_grant', () => {
    const detail = classifyTokenError(
      oauthError('reauthorization_required', 'invalid_grant'),
      context({ grant: 'authorization_code', connection: 'us_user' }),
    );
    expect(detail).toBe(
      'the refresh token was revoked or has expired (invalid_grant): rerun `bin/connector oauth2 --connection us_user` to sign in again and save a new one.',
    );
  });

  it('explains an unsupported grant with how Workday clients issue tokens', () => {
    const detail = classifyTokenError(
      oauthError('unsupported_grant', 'unsupported_grant_type'),
      context(),
    );
    expect(detail).toMatch(
      /^the token endpoint does not offer the refresh_token grant to this client \(unsupported_grant_type\)\. Workday API clients issue tokens through an authorization code/,
    );
  });

  it('names the host on a transport failure', () => {
    const error = new ConnectorError(
      'transport',
      'The token request failed before a response arrived (ECONNREFUSED): POST https://x/token',
      { details: { transportCode: 'ECONNREFUSED' } },
    );
    expect(classifyTokenError(error, context())).toBe(
      `no answer from the token endpoint at ${host} (ECONNREFUSED): The token request failed before a ` +
        `response arrived (ECONNREFUSED): POST https://x/token Check the network path, proxy, DNS and TLS certificate of ${host}.`,
    );
  });

  it('says what came back when the answer is not OAuth JSON', () => {
    const error = new ConnectorError(
      'unexpected_response',
      "The token endpoint's response is not a JSON object.",
    );
    const detail = classifyTokenError(
      error,
      context({ response: { status: 200, contentType: 'text/html; charset=utf-8' } }),
    );
    expect(detail).toContain(
      'the token endpoint sent status 200 with content type "text/html; charset=utf-8", not an OAuth 2.0 JSON token response',
    );
    expect(detail).toMatch(
      /Check that "token_endpoint" is the Token Endpoint from View API Clients\.$/,
    );
  });
});
