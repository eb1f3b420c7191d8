/**
 * The IAM token endpoint at `/oauth2/token` (2026-01-01) and `/iam/v1/oauth2/token` (2022):
 * `grant_type=client_credentials`, client authenticated by HTTP Basic (preferred) or by
 * `client_id`/`client_secret` in a form or JSON body (§3.1). The granted scope is the
 * intersection of what the grant allows and what was asked; without `scope`, all it allows.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { SimulatorContext } from '../context';
import { TokenError } from '../errors';
import { opaqueToken, sameSecret } from '../secrets';

function readBasic(request: FastifyRequest): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.authorization ?? '');
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new TokenError(401, 'invalid_client', 'Client authentication failed.');
  const decode = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

function str(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}

/** Who the request claims to be, for the rate limiter, before its secret is checked. */
export function claimedClient(request: FastifyRequest): string {
  try {
    const basic = readBasic(request);
    if (basic !== undefined) return basic.id;
  } catch {
    // fall through to the body
  }
  const body = request.body;
  const id =
    typeof body === 'object' && body !== null
      ? str(body as Record<string, unknown>, 'client_id')
      : undefined;
  return id ?? 'anonymous';
}

const tokenRoutes: FastifyPluginAsync<{ context: SimulatorContext }> = async (app, { context }) => {
  const handler = async (request: FastifyRequest) => {
    const body =
      typeof request.body === 'object' && request.body !== null
        ? (request.body as Record<string, unknown>)
        : {};
    const json = /application\/json/i.test(request.headers['content-type'] ?? '');
    const basic = readBasic(request);
    const bodyId = str(body, 'client_id');
    if (basic !== undefined && bodyId !== undefined) {
      throw new TokenError(
        400,
        'invalid_request',
        'Use one client authentication method, not both.',
      );
    }
    if (basic !== undefined) context.counters.clientAuth.basic += 1;
    else if (json) context.counters.clientAuth.json += 1;
    else context.counters.clientAuth.form += 1;

    if (str(body, 'grant_type') !== 'client_credentials') {
      throw new TokenError(400, 'invalid_request', 'grant_type must be client_credentials.');
    }
    const id = basic?.id ?? bodyId;
    const secret = basic?.secret ?? str(body, 'client_secret') ?? '';
    const client = context.clients.find((c) => c.clientId === id && c.region === context.region);
    const expected = client === undefined ? undefined : context.clientSecrets[client.clientId];
    if (client === undefined || expected === undefined || !sameSecret(secret, expected)) {
      throw new TokenError(401, 'invalid_client', 'Client authentication failed.');
    }
    const asked = str(body, 'scope');
    const askedList = asked === undefined ? undefined : asked.split(/\s+/).filter((s) => s !== '');
    const granted =
      askedList === undefined || askedList.length === 0
        ? [...client.allowedScopes]
        : client.allowedScopes.filter((s) => askedList.includes(s));
    if (granted.length === 0) {
      throw new TokenError(400, 'invalid_scope', 'None of the requested scopes can be granted.');
    }
    const token = opaqueToken();
    context.tokens.set(token, {
      clientId: client.clientId,
      scopes: granted,
      expiresAt: context.now() + context.tokenTtlSeconds * 1000,
    });
    return {
      access_token: token,
      expires_in: context.tokenTtlSeconds,
      scope: granted.join(' '),
      token_type: 'Bearer',
    };
  };
  for (const url of ['/oauth2/token', '/iam/v1/oauth2/token']) {
    app.post(url, { config: { simulatorRoute: 'token' } }, handler);
  }
};

export default tokenRoutes;
