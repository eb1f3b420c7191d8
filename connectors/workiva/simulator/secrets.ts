/** This run's client secrets; they exist in memory and in the settings the caller writes. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ClientFixture } from './fixtures';

export function generateClientSecrets(clients: readonly ClientFixture[]): Record<string, string> {
  return Object.fromEntries(
    clients.map((c) => [c.clientId, randomBytes(32).toString('base64url')]),
  );
}

/** Compares two secrets in constant time whatever their lengths. */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function opaqueToken(): string {
  return `ey${randomBytes(40).toString('base64url')}`;
}
