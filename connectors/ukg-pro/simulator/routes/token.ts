/**
 * The Developer Console token endpoint, `POST {Generate Token URL}/oauth/token`. UKG's page
 * shows the fields to copy (organization, audience, client id and secret; grant type "always
 * client_credentials") but not the request; a public client posts them as JSON, Auth0-style
 * (§2.1 b, grade C). The simulator takes JSON or form bodies and answers Auth0-style errors.
 */
import type { FastifyPluginAsync } from 'fastify';
import { bump } from '../context';
import type { EnvironmentContext } from '../context';
import { TokenError } from '../errors';
import { sameSecret } from '../secrets';
import { signToken } from '../tokens';

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const tokenRoutes: FastifyPluginAsync<{ context: EnvironmentContext }> = async (
  app,
  { context },
) => {
  app.post('/oauth/token', { config: { simulatorRoute: 'token' } }, async (request, reply) => {
    const body =
      typeof request.body === 'object' && request.body !== null
        ? (request.body as Record<string, unknown>)
        : {};
    if (body.tenant_context !== undefined) bump(context.counters.ignored, 'tenant_context');
    if (field(body, 'grant_type') !== 'client_credentials') {
      throw new TokenError(400, 'unsupported_grant_type', 'grant_type must be client_credentials.');
    }
    const clientId = field(body, 'client_id');
    const secret = field(body, 'client_secret') ?? '';
    const client = context.env.consoleClients.find((c) => c.clientId === clientId);
    const expected =
      client === undefined ? undefined : context.secrets.clientSecrets[client.clientId];
    if (client === undefined || expected === undefined || !sameSecret(secret, expected)) {
      throw new TokenError(401, 'access_denied', 'Unauthorized');
    }
    const audience = field(body, 'audience');
    if (audience === undefined || !client.audiences.includes(audience)) {
      throw new TokenError(
        403,
        'access_denied',
        `Client is not authorized to access "${audience ?? ''}".`,
      );
    }
    const organization = field(body, 'organization');
    if (organization !== undefined && organization !== context.env.organization) {
      throw new TokenError(400, 'invalid_request', 'parameter organization is invalid');
    }
    const iat = Math.floor(context.now() / 1000);
    const token = signToken(
      {
        iss: `ukg-simulator/${context.env.name}`,
        sub: `${client.clientId}@clients`,
        aud: audience,
        ...(organization === undefined ? {} : { org_id: organization }),
        iat,
        exp: iat + context.tokenTtlSeconds,
        gty: 'client-credentials',
      },
      context.secrets.signingKey,
    );
    reply.header('cache-control', 'no-store');
    return { access_token: token, token_type: 'Bearer', expires_in: context.tokenTtlSeconds };
  });
};

export default tokenRoutes;
