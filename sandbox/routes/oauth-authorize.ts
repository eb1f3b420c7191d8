/**
 * `GET/POST /{tenant}/authorize`: the login and consent page of the authorization code grant.
 * An unknown client or unregistered redirect URI gets an error page and no redirect (RFC 6749
 * §4.1.2.1); other problems and Deny redirect back with `error` and `state`.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { RoutePluginOptions, SandboxContext } from '../context';
import { AuthorizePageError } from '../errors';
import type { ApiClientFixture } from '../fixtures';
import { renderLoginPage } from '../oauth/login-page';
import { isRegisteredRedirectUri } from '../oauth/redirect-uri';
import { ROUTE_NAMES } from '../route-names';
import type { TenantData } from '../store';

/** The authorization request parameters the page carries between GET and POST. */
const CARRIED_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

type Params = Readonly<Record<string, string>>;

interface ValidRequest {
  tenant: TenantData;
  client: ApiClientFixture;
  redirectUri: string;
  params: Params;
}

function readParams(source: unknown): Params {
  const params: Record<string, string> = {};
  if (typeof source !== 'object' || source === null) return params;
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string') params[key] = value;
    else throw new AuthorizePageError(400, `Parameter '${key}' is given more than once.`);
  }
  return params;
}

/** Checks what must hold before anything may be redirected. */
function resolveRequest(context: SandboxContext, tenantName: string, all: Params): ValidRequest {
  const tenant = context.store.tenant(tenantName);
  if (tenant === undefined)
    throw new AuthorizePageError(404, `Tenant '${tenantName}' does not exist.`);
  const clientId = all.client_id;
  const client = clientId === undefined ? undefined : tenant.clients.get(clientId);
  if (client === undefined || !client.grant_types.includes('authorization_code')) {
    throw new AuthorizePageError(
      400,
      `Client '${clientId ?? ''}' is not an API client for user accounts at tenant '${tenantName}'.`,
    );
  }
  const redirectUri = all.redirect_uri;
  if (redirectUri === undefined || !isRegisteredRedirectUri(client.redirect_uris, redirectUri)) {
    throw new AuthorizePageError(
      400,
      `The redirect_uri is not registered for client '${client.client_id}'.`,
    );
  }
  const params: Record<string, string> = {};
  for (const name of CARRIED_PARAMS) {
    const value = all[name];
    if (value !== undefined) params[name] = value;
  }
  return { tenant, client, redirectUri, params };
}

function redirectWith(
  reply: FastifyReply,
  request: ValidRequest,
  query: Record<string, string>,
): FastifyReply {
  const url = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  if (request.params.state !== undefined) url.searchParams.set('state', request.params.state);
  return reply.redirect(url.toString(), 302);
}

/** A protocol error the client must hear about through its redirect URI, if any. */
function protocolError(params: Params): Record<string, string> | undefined {
  if (params.response_type !== 'code') {
    return { error: 'unsupported_response_type', error_description: 'response_type must be code.' };
  }
  const method = params.code_challenge_method;
  const challenge = params.code_challenge;
  if (
    (challenge !== undefined || method !== undefined) &&
    (method !== 'S256' || challenge === undefined || challenge === '')
  ) {
    return {
      error: 'invalid_request',
      error_description: 'PKCE requires code_challenge with code_challenge_method S256.',
    };
  }
  return undefined;
}

function sendPage(
  reply: FastifyReply,
  valid: ValidRequest,
  extra: { username?: string; error?: string } = {},
): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      renderLoginPage({
        tenant: valid.tenant.tenant,
        clientName: valid.client.client_name,
        functionalAreas: valid.client.functional_areas,
        params: valid.params,
        ...extra,
      }),
    );
}

const authorizeRoutes: FastifyPluginAsync<RoutePluginOptions> = async (app, { context }) => {
  app.get<{ Params: { tenant: string } }>(
    '/:tenant/authorize',
    { config: { sandbox: { routeName: ROUTE_NAMES.authorizePage, kind: 'html' } } },
    async (request, reply) => {
      const valid = resolveRequest(context, request.params.tenant, readParams(request.query));
      const error = protocolError(valid.params);
      if (error !== undefined) return redirectWith(reply, valid, error);
      return sendPage(reply, valid);
    },
  );

  app.post<{ Params: { tenant: string } }>(
    '/:tenant/authorize',
    { config: { sandbox: { routeName: ROUTE_NAMES.authorizeSubmit, kind: 'html' } } },
    async (request, reply) => {
      const form = readParams(request.body);
      const valid = resolveRequest(context, request.params.tenant, form);
      const error = protocolError(valid.params);
      if (error !== undefined) return redirectWith(reply, valid, error);
      if (form.decision === 'deny') {
        return redirectWith(reply, valid, {
          error: 'access_denied',
          error_description: 'The user denied access.',
        });
      }
      if (context.loginDelayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, context.loginDelayMs));
      }
      const username = form.username ?? '';
      const user = valid.tenant.users.get(username);
      if (user === undefined || user.password === null || user.password !== form.password) {
        return sendPage(reply, valid, { username, error: 'Invalid username or password.' });
      }
      const code = context.tokens.issueCode({
        tenant: valid.tenant.tenant,
        clientId: valid.client.client_id,
        redirectUri: valid.redirectUri,
        codeChallenge: valid.params.code_challenge,
        username: user.username,
        workerId: user.workerId,
        expiresMs: context.now() + context.authorizationCodeTtlSeconds * 1000,
      });
      return redirectWith(reply, valid, { code });
    },
  );
};

export default authorizeRoutes;
