/**
 * Developer Console access tokens. The organization id format (`org_` + 16 characters) is
 * Auth0's, and a public client posts an Auth0-style token request (§2.1 b), so the simulator
 * issues Auth0-style JWT access tokens carrying `aud`, `org_id` and `exp` (a guess: UKG does not
 * document the token's contents). Signed with HS256 by the environment's key.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from './secrets';

export interface TokenClaims {
  iss: string;
  sub: string;
  aud: string;
  /** Absent when the token request named no organization. */
  org_id?: string;
  iat: number;
  exp: number;
  gty: 'client-credentials';
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signToken(claims: TokenClaims, key: Buffer): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}

/** The claims of a token this environment signed, or `undefined` (foreign, forged or garbled). */
export function verifyToken(token: string, key: Buffer): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  if (!sameSecret(signature, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return undefined;
  }
}
