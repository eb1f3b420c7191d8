/**
 * Server-side token state: opaque access tokens, refresh tokens and authorization codes. Access
 * tokens carry the tenant, client, user and the client's functional areas, like Workday's.
 */
import { createOpaqueToken } from '../secrets';

/** Issued access tokens between two sweeps of expired ones. */
const SWEEP_EVERY = 10_000;

/** What an access token grants. */
export interface AccessTokenRecord {
  tenant: string;
  clientId: string;
  username: string;
  workerId: string;
  functionalAreas: ReadonlySet<string>;
  expiresMs: number;
  /** The authorization code it came from (revoked together on code replay). */
  code: string | undefined;
}

/** A refresh token; ISU tokens (given to the constructor) survive `reset()`, issued ones do not. */
export interface RefreshTokenRecord {
  tenant: string;
  clientId: string;
  username: string;
  workerId: string;
  revoked: boolean;
  code: string | undefined;
}

/** A one-time authorization code, bound to client, redirect URI and PKCE challenge. */
export interface AuthorizationCodeRecord {
  tenant: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | undefined;
  username: string;
  workerId: string;
  expiresMs: number;
  used: boolean;
}

/** Issues, looks up, expires and revokes tokens. */
export class TokenRegistry {
  readonly #access = new Map<string, AccessTokenRecord>();
  readonly #refresh = new Map<string, RefreshTokenRecord>();
  readonly #codes = new Map<string, AuthorizationCodeRecord>();
  readonly #isuTokens: readonly [string, RefreshTokenRecord][];
  readonly #now: () => number;
  #issuedSinceSweep = 0;

  constructor(now: () => number, isuTokens: readonly [string, RefreshTokenRecord][]) {
    this.#now = now;
    this.#isuTokens = isuTokens;
    this.reset();
  }

  /** Forgets every issued token and code; ISU refresh tokens of this run become valid again. */
  reset(): void {
    this.#access.clear();
    this.#refresh.clear();
    this.#codes.clear();
    for (const [token, record] of this.#isuTokens) {
      this.#refresh.set(token, { ...record, revoked: false });
    }
  }

  issueAccessToken(grant: Omit<AccessTokenRecord, 'expiresMs'>, ttlSeconds: number): string {
    this.#sweepExpired();
    const token = createOpaqueToken();
    this.#access.set(token, { ...grant, expiresMs: this.#now() + ttlSeconds * 1000 });
    return token;
  }

  /** Long benchmark runs mint many tokens: drop expired ones now and then (amortised O(1)). */
  #sweepExpired(): void {
    this.#issuedSinceSweep += 1;
    if (this.#issuedSinceSweep < SWEEP_EVERY) return;
    this.#issuedSinceSweep = 0;
    const now = this.#now();
    for (const [token, record] of this.#access)
      if (record.expiresMs <= now) this.#access.delete(token);
  }

  /** The live record of an access token, or undefined when unknown or expired. */
  lookupAccessToken(token: string): AccessTokenRecord | undefined {
    const record = this.#access.get(token);
    if (record === undefined) return undefined;
    if (record.expiresMs <= this.#now()) {
      this.#access.delete(token);
      return undefined;
    }
    return record;
  }

  /** Expires every access token issued so far; returns how many there were. */
  expireAccessTokens(): number {
    const count = this.#access.size;
    this.#access.clear();
    return count;
  }

  issueRefreshToken(record: Omit<RefreshTokenRecord, 'revoked'>): string {
    const token = createOpaqueToken(48);
    this.#refresh.set(token, { ...record, revoked: false });
    return token;
  }

  lookupRefreshToken(token: string): RefreshTokenRecord | undefined {
    const record = this.#refresh.get(token);
    return record === undefined || record.revoked ? undefined : record;
  }

  /** Revokes all refresh tokens, or those of the given client ids; returns how many. */
  revokeRefreshTokens(clientIds: readonly string[] | 'all'): number {
    let count = 0;
    for (const record of this.#refresh.values()) {
      if (record.revoked) continue;
      if (clientIds === 'all' || clientIds.includes(record.clientId)) {
        record.revoked = true;
        count += 1;
      }
    }
    return count;
  }

  issueCode(record: Omit<AuthorizationCodeRecord, 'used'>): string {
    const code = createOpaqueToken();
    this.#codes.set(code, { ...record, used: false });
    return code;
  }

  lookupCode(code: string): AuthorizationCodeRecord | undefined {
    return this.#codes.get(code);
  }

  /** RFC 6749 §4.1.2: a replayed code revokes the tokens issued from it. */
  revokeTokensFromCode(code: string): void {
    for (const [token, record] of this.#access)
      if (record.code === code) this.#access.delete(token);
    for (const record of this.#refresh.values()) if (record.code === code) record.revoked = true;
  }
}
