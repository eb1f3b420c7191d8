/** The settings file and login list of a running sandbox. */
import { SOAP_VERSION } from './constants';
import { CONNECTION_FIXTURES, TENANT_FIXTURES } from './fixtures';
import { secretKey } from './secrets';
import type {
  SandboxConnectionSettings,
  SandboxSecrets,
  SandboxSettingsFile,
  SandboxUser,
} from './types';

/** Builds the named connections (`us`, `emea`, `us_limited`, `us_user`, `us_client_at_emea`). */
export function buildSettings(origin: string, secrets: SandboxSecrets): SandboxSettingsFile {
  const connections: Record<string, SandboxConnectionSettings> = {};
  for (const [name, fixture] of Object.entries(CONNECTION_FIXTURES)) {
    const key = secretKey(fixture.clientTenant, fixture.clientId);
    const clientSecret = secrets.clientSecrets[key];
    if (clientSecret === undefined) {
      throw new Error(
        `Connection '${name}' names client '${fixture.clientId}' that has no secret.`,
      );
    }
    const refreshToken = fixture.isu === undefined ? undefined : secrets.isuRefreshTokens[key];
    connections[name] = {
      auth_type: fixture.redirectUri === undefined ? 'refresh_token' : 'authorization_code',
      rest_api_endpoint: `${origin}/ccx/api/v1/${fixture.tenant}`,
      authorization_endpoint: `${origin}/${fixture.tenant}/authorize`,
      token_endpoint: `${origin}/ccx/oauth2/${fixture.tenant}/token`,
      client_id: fixture.clientId,
      client_secret: clientSecret,
      ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
      ...(fixture.redirectUri === undefined ? {} : { redirect_uri: fixture.redirectUri }),
      soap_version: SOAP_VERSION,
    };
  }
  return { connections };
}

/** The logins by username: demo persons (consent page) and ISUs (generated SOAP passwords). */
export function buildUsers(secrets: SandboxSecrets): Record<string, SandboxUser> {
  const users: Record<string, SandboxUser> = {};
  for (const tenant of TENANT_FIXTURES) {
    for (const user of tenant.users) {
      const password =
        user.kind === 'isu'
          ? secrets.isuPasswords[secretKey(tenant.tenant, user.username)]
          : user.password;
      if (password === undefined || password === null) continue;
      users[user.username] = {
        username: user.username,
        password,
        tenant: tenant.tenant,
        workerId: user.workerId,
        kind: user.kind,
      };
    }
  }
  return users;
}
