/**
 * The SDK's OAuth 2.0 client against an independent, certified authorization server
 * (`oidc-provider` v9) on loopback, so the client is not only proven against our own sandbox.
 */
import { randomBytes } from 'node:crypto';
import { ConnectorError } from '../../sdk/errors';
import {
  buildAuthorizationUrl,
  clientCredentialsGrant,
  exchangeAuthorizationCode,
  processTokenResponse,
  refreshTokenGrant,
  tokenEndpointRequest,
} from '../../sdk/oauth2';
import type { ClientAuthentication } from '../../sdk/define';
import { followAuthorization, startOidcProvider } from '../helpers/oidc-provider';
import type { OidcClient, OidcProvider } from '../helpers/oidc-provider';

// Never contacted: the authorization server only redirects the (simulated) browser there.
const REDIRECT_URI = 'http://127.0.0.1:45556/oauth/callback';
const ACCOUNT = 'user-4711';

const secret = (): string => randomBytes(24).toString('base64url');

const basicClient: OidcClient = {
  client_id: 'connector-basic',
  client_secret: secret(),
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
  redirect_uris: [REDIRECT_URI],
  response_types: ['code'],
};
const postClient: OidcClient = {
  ...basicClient,
  client_id: 'connector-post',
  client_secret: secret(),
  token_endpoint_auth_method: 'client_secret_post',
};
// A client not allowed client_credentials, for unauthorized_client.
const codeOnlyClient: OidcClient = {
  ...basicClient,
  client_id: 'connector-code-only',
  client_secret: secret(),
  grant_types: ['authorization_code', 'refresh_token'],
};

const CASES: Array<[ClientAuthentication, OidcClient]> = [
  ['basic', basicClient],
  ['body', postClient],
];

let provider: OidcProvider;

beforeAll(async () => {
  provider = await startOidcProvider({
    clients: [basicClient, postClient, codeOnlyClient],
    accountId: ACCOUNT,
    cookieKey: secret(),
  });
});

afterAll(async () => {
  await provider?.close();
});

function endpoint(client: OidcClient, clientAuthentication: ClientAuthentication) {
  return {
    tokenEndpoint: provider.tokenEndpoint,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    clientAuthentication,
    timeoutMs: 5_000,
  };
}

/** Runs the authorization request through the provider and returns the code and state it sent back. */
async function authorize(client: OidcClient, deny = false) {
  const request = buildAuthorizationUrl({
    authorizationEndpoint: provider.authorizationEndpoint,
    clientId: client.client_id,
    redirectUri: REDIRECT_URI,
    // oidc-provider is an OpenID Provider: it wants the openid scope; Workday would get none.
    extraParams: { scope: 'openid' },
  });
  const { location } = await followAuthorization(request.url, REDIRECT_URI, { deny });
  return { request, params: location.searchParams };
}

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe.each(CASES)('client authentication %s', (clientAuthentication, client) => {
  it('completes the authorization code grant with PKCE and gets a refresh token', async () => {
    const { request, params } = await authorize(client);
    expect(params.get('state')).toBe(request.state);
    const code = params.get('code');
    expect(code).toEqual(expect.any(String));

    const tokens = await exchangeAuthorizationCode({
      ...endpoint(client, clientAuthentication),
      code: code!,
      redirectUri: REDIRECT_URI,
      codeVerifier: request.codeVerifier!,
    });
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.access_token.length).toBeGreaterThan(10);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.expires_in).toBe(600);
  });

  it('refreshes, keeping the rotated refresh token usable', async () => {
    const { request, params } = await authorize(client);
    const first = await exchangeAuthorizationCode({
      ...endpoint(client, clientAuthentication),
      code: params.get('code')!,
      redirectUri: REDIRECT_URI,
      codeVerifier: request.codeVerifier!,
    });
    const second = await refreshTokenGrant({
      ...endpoint(client, clientAuthentication),
      refreshToken: first.refresh_token!,
    });
    expect(second.access_token).not.toBe(first.access_token);
    // oidc-provider may rotate the refresh token; whichever the SDK hands back must work.
    const current = second.refresh_token ?? first.refresh_token!;
    const third = await refreshTokenGrant({
      ...endpoint(client, clientAuthentication),
      refreshToken: current,
    });
    expect(third.access_token).not.toBe(second.access_token);
  });

  it('obtains a token with the client credentials grant', async () => {
    const tokens = await clientCredentialsGrant(endpoint(client, clientAuthentication));
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.access_token.length).toBeGreaterThan(10);
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('maps a wrong client secret to invalid_client', async () => {
    const error = await rejection(
      clientCredentialsGrant({ ...endpoint(client, clientAuthentication), clientSecret: secret() }),
    );
    expect(error.code).toBe('invalid_client');
    expect(error.details.oauthError).toBe('invalid_client');
    expect(error.details.status).toBe(401);
  });
});

describe('errors from an independent server', () => {
  it('maps a replayed authorization code to reauthorization_required (invalid_grant)', async () => {
    const { request, params } = await authorize(basicClient);
    const redeem = () =>
      exchangeAuthorizationCode({
        ...endpoint(basicClient, 'basic'),
        code: params.get('code')!,
        redirectUri: REDIRECT_URI,
        codeVerifier: request.codeVerifier!,
      });
    await redeem();
    const error = await rejection(redeem());
    expect(error.code).toBe('reauthorization_required');
    expect(error.details.oauthError).toBe('invalid_grant');
  });

  it('refuses a code redeemed with the wrong PKCE verifier (invalid_grant)', async () => {
    const { params } = await authorize(basicClient);
    const other = buildAuthorizationUrl({
      authorizationEndpoint: provider.authorizationEndpoint,
      clientId: basicClient.client_id,
      redirectUri: REDIRECT_URI,
    });
    const error = await rejection(
      exchangeAuthorizationCode({
        ...endpoint(basicClient, 'basic'),
        code: params.get('code')!,
        redirectUri: REDIRECT_URI,
        codeVerifier: other.codeVerifier!,
      }),
    );
    expect(error.code).toBe('reauthorization_required');
    expect(error.details.oauthError).toBe('invalid_grant');
  });

  it('maps an unknown refresh token to reauthorization_required (invalid_grant)', async () => {
    const error = await rejection(
      refreshTokenGrant({ ...endpoint(basicClient, 'basic'), refreshToken: secret() }),
    );
    expect(error.code).toBe('reauthorization_required');
    expect(error.details.oauthError).toBe('invalid_grant');
    expect(error.details.status).toBe(400);
  });

  it('maps an unknown client id to invalid_client', async () => {
    const error = await rejection(
      clientCredentialsGrant({ ...endpoint(basicClient, 'basic'), clientId: 'nobody' }),
    );
    expect(error.code).toBe('invalid_client');
  });

  it("keeps the server's own error when a client asks for a grant it is not registered for", async () => {
    // RFC 6749 §5.2 says unauthorized_client; oidc-provider answers invalid_request, which the
    // SDK maps to remote_validation with the server's description kept.
    const error = await rejection(clientCredentialsGrant(endpoint(codeOnlyClient, 'basic')));
    expect(error.code).toBe('remote_validation');
    expect(error.details.oauthError).toBe('invalid_request');
    expect(error.message).toContain('requested grant type is not allowed for this client');
  });

  it('maps a grant type the server does not know to unsupported_grant', async () => {
    const response = await tokenEndpointRequest(endpoint(basicClient, 'basic'), {
      grant_type: 'urn:example:params:oauth:grant-type:unknown',
    });
    let error: unknown;
    try {
      processTokenResponse(response);
    } catch (e: unknown) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('unsupported_grant');
    expect((error as ConnectorError).details.oauthError).toBe('unsupported_grant_type');
  });

  it('returns access_denied with the state when consent is declined', async () => {
    const { request, params } = await authorize(basicClient, true);
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe(request.state);
    expect(params.get('code')).toBeNull();
  });

  it('never lets the client secret into an error', async () => {
    const wrong = secret();
    const error = await rejection(
      clientCredentialsGrant({ ...endpoint(basicClient, 'body'), clientSecret: wrong }),
    );
    expect(JSON.stringify({ ...error.toJSON(), stack: error.stack })).not.toContain(wrong);
  });
});
