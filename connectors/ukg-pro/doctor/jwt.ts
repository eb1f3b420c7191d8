/**
 * Reads the claims of a JWT access token without verifying it: the doctor only compares what
 * the token says (organization, audience, expiry) with the connection, it never trusts it.
 * UKG does not document its tokens; Auth0-style JWTs with `org_id` are what the organization
 * format suggests (a guess), so an opaque token simply has no claims.
 */
export interface TokenClaims {
  org_id?: string;
  aud?: string | string[];
  exp?: number;
}

export function readClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
    const p = payload as Record<string, unknown>;
    return {
      ...(typeof p.org_id === 'string' ? { org_id: p.org_id } : {}),
      ...(typeof p.aud === 'string' || Array.isArray(p.aud)
        ? { aud: p.aud as string | string[] }
        : {}),
      ...(typeof p.exp === 'number' ? { exp: p.exp } : {}),
    };
  } catch {
    return undefined;
  }
}
