/**
 * Authorization of a REST request, in UKG Pro's two models (§2.1):
 * - web service account: `Authorization: Basic user:password` plus `US-Customer-Api-Key`; a
 *   missing or wrong key, or a wrong password, is 401; a valid account without the web
 *   service's View permission is 403.
 * - Developer Console: `Authorization: Bearer <token>` plus `global-tenant-id: <organization>`;
 *   a missing or foreign `global-tenant-id` is 401 (a guess: the status is not documented).
 */
import type { FastifyRequest } from 'fastify';
import type { EnvironmentContext } from './context';
import { ProblemError } from './errors';
import type { WebService } from './fixtures';
import { sameSecret } from './secrets';
import { verifyToken } from './tokens';

const GENERIC_401 = 'Authorization has been denied for this request.';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function unauthorized(context: EnvironmentContext, specific: string): ProblemError {
  return new ProblemError(
    401,
    'Unauthorized',
    context.authErrorDetail === 'generic' ? GENERIC_401 : specific,
  );
}

// Real 403 bodies are undocumented; this one does not name the web service either, so a
// client has to know which service guards which resource.
function forbidden(): ProblemError {
  return new ProblemError(403, 'Forbidden', 'You do not have permission to access this resource.');
}

function checkBasic(context: EnvironmentContext, encoded: string, service: WebService): void {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const account = context.env.serviceAccounts.find((a) => a.username === username);
  const expected = account === undefined ? undefined : context.secrets.passwords[account.username];
  if (account === undefined || expected === undefined || !sameSecret(password, expected)) {
    throw unauthorized(context, 'The user name or password is incorrect.');
  }
  if (!account.view.includes(service)) throw forbidden();
}

function checkBearer(
  context: EnvironmentContext,
  request: FastifyRequest,
  token: string,
  service: WebService,
): void {
  const claims = verifyToken(token, context.secrets.signingKey);
  if (claims === undefined) throw unauthorized(context, 'The access token is not valid.');
  if (claims.exp * 1000 <= context.now()) {
    throw unauthorized(context, 'The access token has expired.');
  }
  const tenant = header(request, 'global-tenant-id');
  if (tenant === undefined || tenant.trim() === '') {
    throw unauthorized(context, 'The global-tenant-id header is required with a bearer token.');
  }
  if (claims.org_id === undefined || claims.org_id !== tenant.trim()) {
    throw unauthorized(
      context,
      'The access token was not issued for the organization in global-tenant-id.',
    );
  }
  const clientId = claims.sub.replace(/@clients$/, '');
  const client = context.env.consoleClients.find((c) => c.clientId === clientId);
  if (client === undefined) throw unauthorized(context, 'The access token is not valid.');
  if (!client.view.includes(service)) throw forbidden();
}

/** Throws a ProblemError unless the request may read `service`. */
export function authorize(
  context: EnvironmentContext,
  request: FastifyRequest,
  service: WebService,
): void {
  const authorization = header(request, 'authorization') ?? '';
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (basic !== null) {
    const key = header(request, 'us-customer-api-key');
    if (key === undefined || !sameSecret(key.trim(), context.secrets.customerApiKey)) {
      throw unauthorized(context, 'The US-Customer-Api-Key header is missing or not valid.');
    }
    checkBasic(context, basic[1]!, service);
    return;
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (bearer !== null) {
    checkBearer(context, request, bearer[1]!, service);
    return;
  }
  throw unauthorized(context, 'No credentials were sent.');
}
