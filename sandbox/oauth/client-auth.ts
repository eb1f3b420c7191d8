/**
 * Client authentication at the token endpoint (RFC 6749 §2.3.1): HTTP Basic with form-encoded
 * id and secret, or `client_id`/`client_secret` in the body — never both.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { OAuthError } from '../errors';
import type { ApiClientFixture } from '../fixtures';
import { secretKey } from '../secrets';
import type { TenantData } from '../store';

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

function readBasic(header: string | undefined): { id: string; secret: string } | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    throw new OAuthError(
      401,
      'invalid_client',
      'The Basic credentials are not client_id:client_secret.',
      true,
    );
  }
  try {
    return {
      id: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    };
  } catch {
    throw new OAuthError(
      401,
      'invalid_client',
      'The Basic credentials are not form-encoded.',
      true,
    );
  }
}

function sameSecret(a: string, b: string): boolean {
  // Hash first so the comparison takes the same time whatever the lengths.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Authenticates the calling client at `tenant`; a client of another tenant is `invalid_client`. */
export function authenticateClient(
  context: SandboxContext,
  tenant: TenantData,
  request: FastifyRequest,
  body: Readonly<Record<string, string>>,
): ApiClientFixture {
  const basic = readBasic(request.headers.authorization);
  const bodyId = body.client_id;
  const bodySecret = body.client_secret;
  if (basic !== undefined && bodySecret !== undefined) {
    throw new OAuthError(
      400,
      'invalid_request',
      'The client authenticated with both HTTP Basic and client_secret in the body.',
    );
  }
  if (basic !== undefined && bodyId !== undefined && bodyId !== basic.id) {
    throw new OAuthError(
      400,
      'invalid_request',
      'The client_id in the body differs from the HTTP Basic client id.',
    );
  }
  const credentials =
    basic ?? (bodyId === undefined ? undefined : { id: bodyId, secret: bodySecret });
  if (credentials === undefined) {
    throw new OAuthError(401, 'invalid_client', 'The request does not authenticate a client.');
  }
  const client = tenant.clients.get(credentials.id);
  if (client === undefined) {
    throw new OAuthError(
      401,
      'invalid_client',
      `Client '${credentials.id}' is not registered at tenant '${tenant.tenant}'.`,
      basic !== undefined,
    );
  }
  const expected = context.secrets.clientSecrets[secretKey(tenant.tenant, client.client_id)];
  if (
    credentials.secret === undefined ||
    expected === undefined ||
    !sameSecret(credentials.secret, expected)
  ) {
    throw new OAuthError(
      401,
      'invalid_client',
      `The secret of client '${client.client_id}' is wrong.`,
      basic !== undefined,
    );
  }
  return client;
}
