/**
 * Bearer checks of the Platform API: a missing, unknown or expired token is 401
 * `401Unauthorized` "No valid API token provided"; a token without the scope the operation
 * needs is 403 `403Forbidden` (§3.2).
 */
import type { FastifyRequest } from 'fastify';
import type { IssuedToken, SimulatorContext } from './context';
import { PlatformError } from './errors';

/** The token a request carries, if it is one this region issued and it is still valid. */
export function tokenOf(
  context: SimulatorContext,
  request: FastifyRequest,
): IssuedToken | undefined {
  const header = request.headers.authorization;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (match === null) return undefined;
  const token = context.tokens.get(match[1]!);
  if (token === undefined || token.expiresAt <= context.now()) return undefined;
  return token;
}

export function requireScope(
  context: SimulatorContext,
  request: FastifyRequest,
  scope: string,
): IssuedToken {
  const token = tokenOf(context, request);
  if (token === undefined)
    throw new PlatformError(401, '401Unauthorized', 'No valid API token provided');
  if (!token.scopes.includes(scope)) {
    throw new PlatformError(
      403,
      '403Forbidden',
      'The API token does not have permissions to perform the request',
    );
  }
  return token;
}
