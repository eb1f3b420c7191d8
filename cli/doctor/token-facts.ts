import { passed } from './report';
import type { TokenSet } from '../../sdk/define';
import type { CheckResult } from './report';

// Claims whose values are shown; others are listed by name only (they may be personal data).
const SHOWN_CLAIMS = [
  'iss',
  'sub',
  'aud',
  'azp',
  'client_id',
  'scope',
  'scp',
  'tenant',
  'exp',
  'iat',
  'nbf',
];
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf']);

/**
 * The payload of a JWT, without verifying it (doctor only reports what the token says), or
 * undefined when the token is opaque. Equivalent to jose's `decodeJwt`, which cannot be loaded
 * here: jose 6 is ESM-only and the CommonJS test runner cannot require it.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined || !/^[A-Za-z0-9_-]+$/.test(parts[1])) {
    return undefined;
  }
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function showClaim(name: string, value: unknown): string {
  if (TIME_CLAIMS.has(name) && typeof value === 'number') {
    return `${name}=${new Date(value * 1000).toISOString()}`;
  }
  return `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

function lifetime(seconds: number): string {
  if (seconds >= 120 && seconds % 60 === 0) return `${seconds} s (${seconds / 60} min)`;
  return `${seconds} s`;
}

/** What the doctor learnt while saving the tokens. */
export interface TokenSaveOutcome {
  /** True when the tokens were written to the settings file. */
  saved: boolean;
  /** Why saving failed, when it did. */
  error?: string;
}

/**
 * Check 4: facts about the access token just obtained — lifetime from `expires_in` (or that it
 * is unknown), the granted `scope` when returned, a rotated refresh token, JWT claims. The token
 * itself is never part of the result.
 */
export function describeTokenFacts(tokens: TokenSet, save: TokenSaveOutcome): CheckResult {
  const facts: Record<string, unknown> = {};
  const parts: string[] = [];
  if (tokens.expires_in === undefined) {
    parts.push('no expires_in: token lifetime unknown, the connector refreshes on 401');
  } else {
    facts.expires_in = tokens.expires_in;
    parts.push(`access token lifetime ${lifetime(tokens.expires_in)} (expires_in)`);
  }
  if (tokens.scope !== undefined) {
    facts.scope = tokens.scope;
    parts.push(`granted scope "${tokens.scope}"`);
  }
  if (tokens.refresh_token !== undefined) {
    facts.refresh_token_rotated = true;
    parts.push('the server returned a new refresh token');
  }
  const claims = decodeJwtPayload(tokens.access_token);
  if (claims === undefined) {
    parts.push('opaque token (not a JWT)');
  } else {
    const shown = SHOWN_CLAIMS.filter((name) => claims[name] !== undefined);
    const others = Object.keys(claims).filter((name) => !SHOWN_CLAIMS.includes(name));
    facts.claims = Object.fromEntries(shown.map((name) => [name, claims[name]]));
    const listed = shown.map((name) => showClaim(name, claims[name])).join(', ');
    const more = others.length === 0 ? '' : `; other claims: ${others.join(', ')}`;
    parts.push(`JWT claims ${listed || '(none of the usual)'}${more}`);
  }
  facts.saved = save.saved;
  parts.push(
    save.saved
      ? 'tokens saved to the settings file'
      : `the tokens could not be saved to the settings file (${save.error ?? 'unknown error'}); they are used for this run only`,
  );
  return passed('token facts', `${parts.join('; ')}.`, facts);
}
