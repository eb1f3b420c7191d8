/**
 * This run's secrets for one environment: the customer API key, each service account's password
 * and each Developer Console client's secret, plus the key that signs access tokens. They live
 * in memory and in the settings the caller chooses to write; never in fixtures.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EnvironmentFixture } from './fixtures';

export interface EnvironmentSecrets {
  customerApiKey: string;
  /** Password by service account username. */
  passwords: Record<string, string>;
  /** Secret by Developer Console client id. */
  clientSecrets: Record<string, string>;
  /** HMAC key for this environment's access tokens. */
  signingKey: Buffer;
}

// UKG shows customer API keys as short upper-case codes (e.g. on Service Account
// Administration); the exact format is not documented, so: 5 characters [A-Z0-9].
function customerKey(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function generateSecrets(env: EnvironmentFixture): EnvironmentSecrets {
  return {
    customerApiKey: customerKey(),
    passwords: Object.fromEntries(
      env.serviceAccounts.map((a) => [a.username, randomBytes(18).toString('base64url')]),
    ),
    clientSecrets: Object.fromEntries(
      env.consoleClients.map((c) => [c.clientId, randomBytes(32).toString('base64url')]),
    ),
    signingKey: randomBytes(32),
  };
}

/** Compares two secrets in constant time whatever their lengths. */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
