/**
 * Reading a FaultSpec from untrusted text: JSON (`{"rateLimit":{"every":3,...}}`) or the
 * `key=value,...` shorthand of `connector sandbox --faults`:
 *
 *   rateLimit.every=3,rateLimit.retryAfterSeconds=1,latencyMs=50,serverError.probability=0.1
 *   revokeRefreshTokens=true            revokeRefreshTokens=CLIENT_A|CLIENT_B
 *   malformed.kind=html,malformed.match=inboxTasks,malformed.count=1
 *
 * Dots nest, `true`/`false` are booleans, numbers are numbers (except in `match`,
 * `latencyMatch` and `kind`), `|` separates a list.
 */
import { z } from 'zod';
import { MALFORMED_KINDS } from './types';
import type { FaultSpec } from './types';

const positiveInt = z.number().int().positive();
const target = { match: z.string().min(1).optional(), count: positiveInt.optional() };

const faultSpecSchema = z.strictObject({
  rateLimit: z
    .strictObject({
      every: positiveInt,
      retryAfterSeconds: z.number().int().nonnegative(),
      match: target.match,
    })
    .optional(),
  serverError: z
    .strictObject({
      probability: z.number().min(0).max(1).optional(),
      every: positiveInt.optional(),
      status: z.number().int().min(500).max(599).optional(),
      ...target,
    })
    .optional(),
  latencyMs: z.number().int().nonnegative().max(600_000).optional(),
  latencyMatch: z.string().min(1).optional(),
  resetBeforeResponse: z.strictObject(target).optional(),
  loseResponseAfterCommit: z.strictObject(target).optional(),
  accessTokenTtlSeconds: z.number().int().positive().optional(),
  expireAccessTokens: z.boolean().optional(),
  revokeRefreshTokens: z.union([z.boolean(), z.array(z.string().min(1))]).optional(),
  malformed: z.strictObject({ kind: z.enum(MALFORMED_KINDS), ...target }).optional(),
  seed: z.number().int().optional(),
});

const STRING_KEYS = new Set(['match', 'latencyMatch', 'kind']);

/** Thrown when a fault spec is not valid; the message names the offending key. */
export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

/** Checks an untrusted value field by field and returns it as a FaultSpec. */
export function assertFaultSpec(value: unknown): FaultSpec {
  const result = faultSpecSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue === undefined || issue.path.length === 0 ? 'spec' : issue.path.join('.');
    throw new FaultSpecError(`Fault spec '${path}' is invalid: ${issue?.message ?? 'unknown'}.`);
  }
  // zod drops keys whose value is undefined; the result is exactly the spec's shape.
  return result.data as FaultSpec;
}

function parseShorthandValue(key: string, raw: string): unknown {
  if (STRING_KEYS.has(key)) return raw;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw.includes('|')) return raw.split('|').filter((part) => part.length > 0);
  if (raw !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

function parseShorthand(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const pair of text.split(',')) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw new FaultSpecError(`Fault spec part '${trimmed}' is not key=value.`);
    const keys = trimmed.slice(0, eq).trim().split('.');
    let node = root;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
        node = next as Record<string, unknown>;
      } else {
        const created: Record<string, unknown> = {};
        node[key] = created;
        node = created;
      }
    }
    const last = keys[keys.length - 1]!;
    const value = parseShorthandValue(last, trimmed.slice(eq + 1).trim());
    // A single client id for revokeRefreshTokens is still a list.
    node[last] = last === 'revokeRefreshTokens' && typeof value === 'string' ? [value] : value;
  }
  return root;
}

/** Parses `--faults` text: JSON when it starts with `{`, the shorthand otherwise. */
export function parseFaultSpec(text: string): FaultSpec {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new FaultSpecError('Fault spec JSON is not valid JSON.');
    }
    return assertFaultSpec(value);
  }
  return assertFaultSpec(parseShorthand(trimmed));
}
