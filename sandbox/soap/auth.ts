/**
 * SOAP authentication: `Authorization: Bearer` (the REST access token; functional areas apply)
 * or WS-Security UsernameToken `user@tenant` + PasswordText (ISUs use their generated password).
 */
import type { FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { readBearerToken } from '../rest-auth';
import { secretKey } from '../secrets';
import type { TenantData } from '../store';
import { authenticationFault } from './envelope';
import type { UsernameToken } from './parse';

const PASSWORD_TEXT =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

/** Who a SOAP call acts as, and which functional areas bound it (undefined: no API client). */
export interface SoapCaller {
  tenant: TenantData;
  username: string;
  functionalAreas: ReadonlySet<string> | undefined;
}

function passwordOf(
  context: SandboxContext,
  tenant: TenantData,
  username: string,
): string | undefined {
  const user = tenant.users.get(username);
  if (user === undefined) return undefined;
  return user.kind === 'isu'
    ? context.secrets.isuPasswords[secretKey(tenant.tenant, username)]
    : (user.password ?? undefined);
}

/**
 * Authenticates a SOAP request for `tenantName`. Every failure is Workday's
 * `Client.authenticationError` "invalid username or password" (guess for bearer tokens: the
 * same fault as a bad password, since Workday's answer to a bad bearer on SOAP is not public).
 */
export function authenticateSoap(
  context: SandboxContext,
  request: FastifyRequest,
  tenantName: string,
  usernameToken: UsernameToken | undefined,
): SoapCaller {
  const tenant = context.store.tenant(tenantName);
  if (tenant === undefined) throw authenticationFault();
  const bearer = readBearerToken(request);
  if (bearer !== undefined) {
    const token = context.tokens.lookupAccessToken(bearer);
    if (token === undefined || token.tenant !== tenantName) throw authenticationFault();
    return { tenant, username: token.username, functionalAreas: token.functionalAreas };
  }
  if (usernameToken === undefined) throw authenticationFault();
  const type = usernameToken.passwordType;
  if (type !== undefined && type !== PASSWORD_TEXT && !type.endsWith('#PasswordText')) {
    throw authenticationFault();
  }
  const at = usernameToken.username.lastIndexOf('@');
  const username = at < 0 ? usernameToken.username : usernameToken.username.slice(0, at);
  const userTenant = at < 0 ? undefined : usernameToken.username.slice(at + 1);
  const expected = passwordOf(context, tenant, username);
  if (userTenant !== tenantName || expected === undefined || expected !== usernameToken.password) {
    throw authenticationFault();
  }
  return { tenant, username, functionalAreas: undefined };
}
