/**
 * Fault injection for the UKG Pro simulator, switched on per test: each rule answers the next
 * `times` matching API requests with a 429 (with `Retry-After`), a 5xx, a delay, or a dropped
 * connection. Rules are checked in order; the first that matches and has uses left fires.
 */
import { z } from 'zod';

const ruleSchema = z.strictObject({
  kind: z.enum(['rate_limit', 'server_error', 'latency', 'reset']),
  /** Only requests whose path starts with this (e.g. `/configuration/`). */
  path: z.string().startsWith('/').optional(),
  /** How many requests the rule hits. @default 1 */
  times: z.number().int().min(1).max(100_000).default(1),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
  latencyMs: z.number().int().min(0).max(60_000).default(0),
});

/** The fault spec: a list of rules (`POST /_simulator/faults` and `setFaults`). */
export const faultSpecSchema = z.strictObject({ rules: z.array(ruleSchema).max(50) });
export type FaultSpec = z.input<typeof faultSpecSchema>;
type Rule = z.output<typeof ruleSchema>;

/** What to do with one request. */
export type FaultAction =
  | { kind: 'none' }
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  | { kind: 'server_error'; status: number }
  | { kind: 'latency'; latencyMs: number }
  | { kind: 'reset' };

/** Thrown for a spec that does not parse; the control route answers 400. */
export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

export class Faults {
  #rules: Array<Rule & { left: number }> = [];
  fired = 0;

  set(spec: unknown): void {
    const parsed = faultSpecSchema.safeParse(spec);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new FaultSpecError(
        `Fault spec '${issue?.path.join('.') || 'body'}' is invalid: ${issue?.message ?? 'unknown'}.`,
      );
    }
    this.#rules = parsed.data.rules.map((rule) => ({ ...rule, left: rule.times }));
  }

  clear(): void {
    this.#rules = [];
    this.fired = 0;
  }

  plan(path: string): FaultAction {
    const rule = this.#rules.find(
      (r) => r.left > 0 && (r.path === undefined || path.startsWith(r.path)),
    );
    if (rule === undefined) return { kind: 'none' };
    rule.left -= 1;
    this.fired += 1;
    switch (rule.kind) {
      case 'rate_limit':
        return { kind: 'rate_limit', retryAfterSeconds: rule.retryAfterSeconds };
      case 'server_error':
        return { kind: 'server_error', status: rule.status };
      case 'latency':
        return { kind: 'latency', latencyMs: rule.latencyMs };
      case 'reset':
        return { kind: 'reset' };
    }
  }
}
