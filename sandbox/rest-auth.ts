/**
 * Bearer-token checks of the REST API, in Workday's order: a live token (401), issued by the
 * tenant in the path (401), whose API client has the resource's functional area (403).
 */
import type { FastifyRequest } from 'fastify';
import type { SandboxContext } from './context';
import { RestError } from './errors';
import type { AccessTokenRecord } from './oauth/tokens';
import type { TenantData } from './store';

/** The bearer token of a request, or undefined. */
export function readBearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** An authenticated REST call: the token's grant and the tenant it may act on. */
export interface RestCaller {
  token: AccessTokenRecord;
  tenant: TenantData;
}

/**
 * Authenticates a REST request for `tenantName` and checks one functional area.
 * Guess: the 401/403 texts (Workday's are not public); the 403 does not name the area, as
 * Workday does not either.
 */
export function authenticateRest(
  context: SandboxContext,
  request: FastifyRequest,
  tenantName: string,
  functionalArea: string,
): RestCaller {
  const bearer = readBearerToken(request);
  if (bearer === undefined) {
    throw new RestError(401, 'Invalid resource or operation.', [
      'The request has no bearer access token.',
    ]);
  }
  const token = context.tokens.lookupAccessToken(bearer);
  if (token === undefined) {
    throw new RestError(401, 'Invalid access token.', [
      'The access token is invalid or has expired.',
    ]);
  }
  const tenant = context.store.tenant(tenantName);
  if (token.tenant !== tenantName || tenant === undefined) {
    throw new RestError(401, 'Invalid resource or operation.', [
      `The access token was not issued by tenant '${tenantName}'.`,
    ]);
  }
  if (!token.functionalAreas.has(functionalArea)) {
    throw new RestError(403, 'User has insufficient permissions.', [
      'The task submitted is not authorized.',
    ]);
  }
  return { token, tenant };
}
