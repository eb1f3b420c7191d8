/**
 * `POST /ccx/oauth2/{tenant}/token`: form-encoded only; grants `authorization_code` (one-time,
 * PKCE S256) and `refresh_token`; `client_credentials` is refused because no sandbox client is
 * set up for it. Errors follow RFC 6749 §5.2 (guess: Workday's exact texts are not public).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePluginOptions, SandboxContext } from '../context';
import { OAuthError } from '../errors';
import type { ApiClientFixture } from '../fixtures';
import { authenticateClient } from '../oauth/client-auth';
import { verifyS256 } from '../oauth/pkce';
import { ROUTE_NAMES } from '../route-names';
import type { TenantData } from '../store';

type Form = Readonly<Record<string, string>>;

interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
}

function readForm(request: FastifyRequest): Form {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    throw new OAuthError(
      400,
      'invalid_request',
      'The token request must be application/x-www-form-urlencoded.',
    );
  }
  const body: unknown = request.body;
  const form: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return form;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string') {
      throw new OAuthError(400, 'invalid_request', `Parameter '${key}' is given more than once.`);
    }
    form[key] = value;
  }
  return form;
}

function requireParam(form: Form, name: string): string {
  const value = form[name];
  if (value === undefined || value === '') {
    throw new OAuthError(400, 'invalid_request', `Parameter '${name}' is missing.`);
  }
  return value;
}

/** True when a code or refresh token record exists and was issued to `client` of `tenant`. */
function isIssuedTo<R extends { tenant: string; clientId: string }>(
  record: R | undefined,
  tenant: TenantData,
  client: ApiClientFixture,
): record is R {
  return (
    record !== undefined && record.tenant === tenant.tenant && record.clientId === client.client_id
  );
}

/** Who a token speaks for: the user signed in, or the client's ISU; `code` links it to its code. */
interface TokenSubject {
  username: string;
  workerId: string;
  code: string | undefined;
}

/** An access token for `client` acting as `subject`, scoped to the client's functional areas. */
function issueAccessTokenResponse(
  context: SandboxContext,
  tenant: TenantData,
  client: ApiClientFixture,
  subject: TokenSubject,
): TokenResponse {
  const ttl = context.faults.accessTokenTtlSeconds ?? context.accessTokenTtlSeconds;
  return {
    access_token: context.tokens.issueAccessToken(
      {
        tenant: tenant.tenant,
        clientId: client.client_id,
        ...subject,
        functionalAreas: new Set(client.functional_areas),
      },
      ttl,
    ),
    token_type: 'Bearer',
    expires_in: ttl,
  };
}

function exchangeCode(
  context: SandboxContext,
  tenant: TenantData,
  client: ApiClientFixture,
  form: Form,
): TokenResponse {
  if (!client.grant_types.includes('authorization_code')) {
    throw new OAuthError(
      400,
      'unauthorized_client',
      `Client '${client.client_id}' may not use the authorization code grant.`,
    );
  }
  const code = requireParam(form, 'code');
  const record = context.tokens.lookupCode(code);
  if (!isIssuedTo(record, tenant, client)) {
    throw new OAuthError(400, 'invalid_grant', 'The authorization code is invalid.');
  }
  if (record.used) {
    context.tokens.revokeTokensFromCode(code);
    throw new OAuthError(400, 'invalid_grant', 'The authorization code has already been used.');
  }
  record.used = true;
  if (record.expiresMs <= context.now()) {
    throw new OAuthError(400, 'invalid_grant', 'The authorization code has expired.');
  }
  if (form.redirect_uri !== record.redirectUri) {
    throw new OAuthError(
      400,
      'invalid_grant',
      'The redirect_uri does not match the one of the authorization request.',
    );
  }
  if (record.codeChallenge !== undefined) {
    const verifier = form.code_verifier;
    if (verifier === undefined || !verifyS256(verifier, record.codeChallenge)) {
      throw new OAuthError(
        400,
        'invalid_grant',
        'The PKCE code_verifier does not match the code_challenge.',
      );
    }
  }
  const subject = { username: record.username, workerId: record.workerId, code };
  return {
    ...issueAccessTokenResponse(context, tenant, client, subject),
    refresh_token: context.tokens.issueRefreshToken({
      tenant: tenant.tenant,
      clientId: client.client_id,
      ...subject,
    }),
  };
}

function refresh(
  context: SandboxContext,
  tenant: TenantData,
  client: ApiClientFixture,
  form: Form,
): TokenResponse {
  const token = requireParam(form, 'refresh_token');
  const record = context.tokens.lookupRefreshToken(token);
  if (!isIssuedTo(record, tenant, client)) {
    throw new OAuthError(
      400,
      'invalid_grant',
      'The refresh token is invalid, revoked or issued to another client.',
    );
  }
  // Guess: Workday's refresh grant does not rotate the refresh token (workday-api.md §1.5).
  return issueAccessTokenResponse(context, tenant, client, {
    username: record.username,
    workerId: record.workerId,
    code: record.code,
  });
}

function clientCredentials(
  context: SandboxContext,
  tenant: TenantData,
  client: ApiClientFixture,
): TokenResponse {
  const isu = client.isu === undefined ? undefined : tenant.users.get(client.isu);
  if (!client.allow_client_credentials || isu === undefined) {
    throw new OAuthError(
      400,
      'unsupported_grant_type',
      `Client '${client.client_id}' is not set up for the client_credentials grant.`,
    );
  }
  return issueAccessTokenResponse(context, tenant, client, {
    username: isu.username,
    workerId: isu.workerId,
    code: undefined,
  });
}

async function handleToken(
  context: SandboxContext,
  request: FastifyRequest<{ Params: { tenant: string } }>,
  reply: FastifyReply,
): Promise<TokenResponse> {
  const form = readForm(request);
  const tenant = context.store.tenant(request.params.tenant);
  if (tenant === undefined) {
    throw new OAuthError(
      404,
      'invalid_request',
      `Tenant '${request.params.tenant}' does not exist.`,
    );
  }
  const client = authenticateClient(context, tenant, request, form);
  // Guess: Workday ignores a `scope` parameter; scopes are the client's functional areas.
  const grantType = requireParam(form, 'grant_type');
  reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  switch (grantType) {
    case 'authorization_code':
      return exchangeCode(context, tenant, client, form);
    case 'refresh_token':
      return refresh(context, tenant, client, form);
    case 'client_credentials':
      return clientCredentials(context, tenant, client);
    default:
      throw new OAuthError(
        400,
        'unsupported_grant_type',
        `Grant type '${grantType}' is not supported.`,
      );
  }
}

const tokenRoutes: FastifyPluginAsync<RoutePluginOptions> = async (app, { context }) => {
  app.post<{ Params: { tenant: string } }>(
    '/ccx/oauth2/:tenant/token',
    { config: { sandbox: { routeName: ROUTE_NAMES.token, kind: 'oauth' } } },
    (request, reply) => handleToken(context, request, reply),
  );
};

export default tokenRoutes;
