/**
 * Fault injection, switched on per test: a 429 storm (the next `times` requests of any client
 * answered 429 with `Retry-After`), 5xx answers, and operations that end `failed`.
 */
import { z } from 'zod';

const ruleSchema = z.strictObject({
  kind: z.enum(['storm', 'server_error', 'fail_operation']),
  /** Only requests whose path starts with this. */
  path: z.string().startsWith('/').optional(),
  times: z.number().int().min(1).max(100_000).default(1),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  status: z.union([z.literal(500), z.literal(502), z.literal(503)]).default(503),
});

export const faultSpecSchema = z.strictObject({ rules: z.array(ruleSchema).max(50) });
export type FaultSpec = z.input<typeof faultSpecSchema>;
type Rule = z.output<typeof ruleSchema> & { left: number };

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

export class Faults {
  #rules: Rule[] = [];
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

  /** Takes one use of the first live rule of `kinds` matching `path`. */
  take(kinds: ReadonlyArray<Rule['kind']>, path: string): Rule | undefined {
    const rule = this.#rules.find(
      (r) =>
        r.left > 0 && kinds.includes(r.kind) && (r.path === undefined || path.startsWith(r.path)),
    );
    if (rule === undefined) return undefined;
    rule.left -= 1;
    this.fired += 1;
    return rule;
  }
}
