/**
 * Secret scrubbing for everything that leaves the runtime: error messages and details, log
 * lines and the HTTP exchanges `--verbose` prints.
 */

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are ignored: replacing them would shred ordinary text. */
const MIN_SECRET_LENGTH = 4;

/** Keys and header names whose values are replaced outright, whatever they hold (compared lower case). */
const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'password',
  'code_verifier',
]);

// Base64 runs long enough to hide an `id:secret` pair (Basic credentials, or a token copied around).
const BASE64_RUN = /[A-Za-z0-9+/]{8,}={0,2}/g;

/** Scrubs registered secrets out of text and values. */
export interface Redactor {
  /** Registers a secret; its raw, URL-encoded and form-encoded forms are scrubbed from now on. */
  add(secret: string): void;
  /** Returns `text` with every registered secret (and Basic credentials holding one) replaced. */
  redact(text: string): string;
  /**
   * Returns a deep copy of `value` with strings scrubbed and sensitive keys (`authorization`,
   * `cookie`, `access_token`, `client_secret`, ...) replaced. Errors are copied with their
   * prototype, so `instanceof` and `code` still work; `cause` chains are scrubbed too.
   */
  redactValue<T>(value: T): T;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** application/x-www-form-urlencoded form of a string (spaces as `+`), as token requests send it. */
function formEncode(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1);
}

/** True when `key` names a header or field whose value is always secret. */
export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(key.toLowerCase());
}

/** Creates an empty redactor; register secrets with `add`. */
export function createRedactor(): Redactor {
  const forms = new Set<string>();
  let pattern: RegExp | undefined;

  function rebuild(): void {
    // Longest first, so a secret containing another is replaced whole.
    const sorted = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
    pattern = sorted.length === 0 ? undefined : new RegExp(sorted.join('|'), 'g');
  }

  function containsSecret(text: string): boolean {
    if (pattern === undefined) return false;
    pattern.lastIndex = 0;
    const found = pattern.test(text);
    pattern.lastIndex = 0;
    return found;
  }

  function redact(text: string): string {
    if (pattern === undefined || text.length === 0) return text;
    let out = text.replace(pattern, REDACTED);
    out = out.replace(BASE64_RUN, (run) => {
      const decoded = Buffer.from(run, 'base64').toString('utf8');
      return containsSecret(decoded) ? REDACTED : run;
    });
    return out;
  }

  function copy(value: unknown, seen: WeakMap<object, unknown>): unknown {
    if (typeof value === 'string') return redact(value);
    if (typeof value !== 'object' || value === null) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (value instanceof Date || ArrayBuffer.isView(value)) return value;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(copy(item, seen));
      return out;
    }
    const out: Record<string, unknown> = Object.create(
      value instanceof Error ? Object.getPrototypeOf(value) : Object.prototype,
    );
    seen.set(value, out);
    // Own properties including non-enumerable ones of errors (message, stack, cause).
    const keys = value instanceof Error ? Object.getOwnPropertyNames(value) : Object.keys(value);
    for (const key of keys) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined || !('value' in descriptor)) continue;
      const redacted = isSensitiveKey(key) ? REDACTED : copy(descriptor.value, seen);
      Object.defineProperty(out, key, { ...descriptor, value: redacted });
    }
    return out;
  }

  // Every request registers the credential it sends; most of the time it is already known.
  const known = new Set<string>();

  return {
    add(secret: string): void {
      if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return;
      if (known.has(secret)) return;
      known.add(secret);
      const before = forms.size;
      for (const form of [secret, encodeURIComponent(secret), formEncode(secret)]) forms.add(form);
      if (forms.size !== before) rebuild();
    },
    redact,
    redactValue<T>(value: T): T {
      return copy(value, new WeakMap()) as T;
    },
  };
}
