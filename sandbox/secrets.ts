import { randomBytes } from 'node:crypto';
import type { TenantFixture } from './fixtures';
import type { SandboxSecrets } from './types';

/** A random opaque token: 32 bytes, base64url (43 characters). */
export function createOpaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The key under which a tenant-scoped secret is stored. */
export function secretKey(tenant: string, name: string): string {
  return `${tenant}/${name}`;
}

/**
 * Generates this run's client secrets, ISU refresh tokens and ISU SOAP passwords. They exist
 * only in memory and in the settings file the caller chooses to write.
 */
export function generateSecrets(tenants: readonly TenantFixture[]): SandboxSecrets {
  const secrets: SandboxSecrets = { clientSecrets: {}, isuRefreshTokens: {}, isuPasswords: {} };
  for (const tenant of tenants) {
    for (const client of tenant.apiClients) {
      const key = secretKey(tenant.tenant, client.client_id);
      secrets.clientSecrets[key] = createOpaqueToken(48);
      if (client.kind === 'integrations' && client.isu !== undefined) {
        // Workday refresh tokens for integrations are long opaque strings, generated per client.
        secrets.isuRefreshTokens[key] = createOpaqueToken(64);
      }
    }
    for (const user of tenant.users) {
      if (user.kind === 'isu') {
        secrets.isuPasswords[secretKey(tenant.tenant, user.username)] = createOpaqueToken(24);
      }
    }
  }
  return secrets;
}
