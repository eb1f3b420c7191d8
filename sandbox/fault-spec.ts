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
  latencyCount: positiveInt.optional(),
  resetBeforeResponse: z.strictObject(target).optional(),
  loseResponseAfterCommit: z.strictObject(target).optional(),
  accessTokenTtlSeconds: z.number().int().positive().optional(),
  expireAccessTokens: z.boolean().optional(),
  revokeRefreshTokens: z.union([z.boolean(), z.array(z.string().min(1))]).optional(),
  malformed: z.strictObject({ kind: z.enum(MALFORMED_KINDS), ...target }).optional(),
  seed: z.number().int().optional(),
});

const STRING_KEYS = new Set(['match', 'latencyMatch', 'kind']);

// Walking one of these keys while building the spec would reach Object.prototype.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** No real spec comes close: every key set once is under 1 KiB. */
export const MAX_FAULT_SPEC_CHARS = 16 * 1024;
/** The deepest key a spec has is `rateLimit.every`. */
const MAX_KEY_PARTS = 2;

/** Every key a fault spec accepts, dotted for nested ones (`rateLimit.every`), in schema order. */
export const FAULT_SPEC_KEYS: readonly string[] = Object.entries(faultSpecSchema.shape).flatMap(
  ([key, schema]) => {
    const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
    return inner instanceof z.ZodObject
      ? Object.keys(inner.shape).map((sub) => `${key}.${sub}`)
      : [key];
  },
);

/** Thrown when a fault spec is not valid; the message names the offending key. */
export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
  /**
   * @param problem What is wrong, naming the key (`'foo' is not a fault key`), for callers that
   *   word their own message.
   * @param key The offending dotted key, when one is at fault.
   */
  constructor(
    message: string,
    readonly problem: string = message,
    readonly key?: string,
  ) {
    super(message);
  }
}

function describeIssue(issue: z.core.$ZodIssue): { key: string | undefined; problem: string } {
  const at = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const key = [...at, issue.keys[0] ?? ''].join('.');
    return { key, problem: `'${key}' is not a fault key` };
  }
  const key = at.length === 0 ? undefined : at.join('.');
  const name = key === undefined ? 'the spec' : `'${key}'`;
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
    return { key, problem: `${name} is missing` };
  }
  if (issue.code === 'invalid_type') {
    return {
      key,
      problem: `${name} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`,
    };
  }
  return { key, problem: `${name} is invalid (${issue.message.replace(/\.$/, '')})` };
}

/** Checks an untrusted value field by field and returns it as a FaultSpec. */
export function assertFaultSpec(value: unknown): FaultSpec {
  const result = faultSpecSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue === undefined || issue.path.length === 0 ? 'spec' : issue.path.join('.');
    const { key, problem } =
      issue === undefined
        ? { key: undefined, problem: 'the spec is invalid' }
        : describeIssue(issue);
    throw new FaultSpecError(`Fault spec '${path}' is invalid: ${problem}.`, problem, key);
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
  // No prototype: even a key that slipped through could not reach Object.prototype.
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const pair of text.split(',')) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) {
      const key = eq < 0 ? trimmed : undefined;
      throw new FaultSpecError(
        `Fault spec part '${trimmed}' is not key=value.`,
        `'${trimmed}' is not key=value`,
        key,
      );
    }
    const dotted = trimmed.slice(0, eq).trim();
    const keys = dotted.split('.');
    const forbidden = keys.find((key) => FORBIDDEN_KEYS.has(key));
    if (forbidden !== undefined)
      throw new FaultSpecError(
        `Fault spec key '${dotted}' is not allowed ('${forbidden}' is never a fault key).`,
        `'${dotted}' is not a fault key`,
        dotted,
      );
    if (keys.length > MAX_KEY_PARTS)
      throw new FaultSpecError(
        `Fault spec key '${dotted}' is nested deeper than ${MAX_KEY_PARTS} levels.`,
        `'${dotted}' is not a fault key`,
        dotted,
      );
    let node = root;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
        node = next as Record<string, unknown>;
      } else {
        const created: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
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
  if (text.length > MAX_FAULT_SPEC_CHARS)
    throw new FaultSpecError(
      `Fault spec is ${text.length} characters, more than the ${MAX_FAULT_SPEC_CHARS} allowed.`,
      'the spec is too long',
    );
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new FaultSpecError('Fault spec JSON is not valid JSON.', 'the JSON is not valid');
    }
    return assertFaultSpec(value);
  }
  return assertFaultSpec(parseShorthand(trimmed));
}
