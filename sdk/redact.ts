/**
 * Secret scrubbing for everything that leaves the runtime: error messages and details, log
 * lines and the HTTP exchanges `--verbose` prints.
 *
 * A secret is found in every form a server or a proxy could echo it: as it is, URL- or
 * form-encoded (either case of hex digits), JSON-escaped (`\u0041`, `\/`), base64 or base64url
 * (alone or inside a longer run such as Basic credentials) and hex. The search is plain
 * `indexOf` over a few decoded views of the text, so it takes time linear in the text and no
 * stack, whatever the text holds.
 */
import {
  composeViews,
  identityView,
  jsonUnescapedView,
  percentDecodedView,
} from './redaction/decoded-view';
import type { DecodedView } from './redaction/decoded-view';
import { secretForms } from './redaction/secret-forms';
import type { SecretForm } from './redaction/secret-forms';

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

/** Scrubs registered secrets out of text and values. */
export interface Redactor {
  /** Registers a secret; it is scrubbed in every encoding from now on. */
  add(secret: string): void;
  /**
   * Returns `text` with every registered secret replaced, in any of its encodings (a base64 run
   * holding one, such as Basic credentials, is replaced whole). Never throws: should scanning
   * fail, the whole text is replaced.
   */
  redact(text: string): string;
  /**
   * Returns a deep copy of `value` with strings scrubbed and sensitive keys (`authorization`,
   * `cookie`, `access_token`, `client_secret`, ...) replaced. Errors are copied with their
   * prototype, so `instanceof` and `code` still work; `cause` chains are scrubbed too. Values
   * nested deeper than {@link MAX_REDACT_DEPTH} are replaced whole rather than walked.
   */
  redactValue<T>(value: T): T;
}

/** True when `key` names a header or field whose value is always secret. */
export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(key.toLowerCase());
}

// Names that hold secrets by convention even when no schema marks them. `token` only as a whole
// word at the end, so `token_endpoint` (a URL the output must show) is not taken for one.
const SECRET_NAME = /secret|password|passphrase|(^|_)token$|api_?key|private_?key/i;

/** True when `key` is always secret ({@link isSensitiveKey}) or is named like a secret. */
export function isSecretName(key: string): boolean {
  return isSensitiveKey(key) || SECRET_NAME.test(key);
}

/** Nesting deeper than this is replaced whole by `redactValue` instead of being walked. */
export const MAX_REDACT_DEPTH = 64;

function isBase64Char(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    (code >= 48 && code <= 57) || // 0-9
    code === 43 || // +
    code === 47 || // /
    code === 45 || // -
    code === 95 || // _
    code === 61 // =
  );
}

/** A JSON-escaped slash (`\/`) at `at` (the backslash): part of a base64 run in a JSON body. */
function isEscapedSlash(text: string, at: number): boolean {
  return text.charCodeAt(at) === 92 && text.charCodeAt(at + 1) === 47;
}

interface Match {
  start: number;
  end: number;
  /** A base64 core takes the whole run around it: its edge characters encode secret bits too. */
  wholeRun: boolean;
}

function findAll(view: DecodedView, forms: readonly SecretForm[], into: Match[]): void {
  for (const form of forms) {
    const wholeRun = form.kind === 'base64';
    for (
      let at = view.text.indexOf(form.text);
      at !== -1;
      at = view.text.indexOf(form.text, at + 1)
    ) {
      const [start, end] = view.toSource(at, at + form.text.length);
      into.push({ start, end, wholeRun });
    }
  }
}

/** Replaces the matched ranges (widened to their base64 runs) in one pass over the text. */
function replaceMatches(text: string, matches: Match[]): string {
  if (matches.length === 0) return text;
  matches.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let copiedTo = 0;
  let current: { start: number; end: number } | undefined;
  for (const match of matches) {
    let { start, end } = match;
    const floor = current?.end ?? 0;
    if (match.wholeRun) {
      while (start > floor) {
        if (isBase64Char(text.charCodeAt(start - 1))) start -= 1;
        else if (start >= 2 && text.charCodeAt(start - 1) === 47 && isEscapedSlash(text, start - 2))
          start -= 2;
        else break;
      }
      end = Math.max(end, floor);
      while (end < text.length) {
        if (isBase64Char(text.charCodeAt(end))) end += 1;
        else if (isEscapedSlash(text, end)) end += 2;
        else break;
      }
    }
    if (current !== undefined && start < current.end) {
      current.end = Math.max(current.end, end);
      continue;
    }
    if (current !== undefined) {
      parts.push(text.slice(copiedTo, current.start), REDACTED);
      copiedTo = current.end;
    }
    current = { start, end };
  }
  if (current !== undefined) {
    parts.push(text.slice(copiedTo, current.start), REDACTED);
    copiedTo = current.end;
  }
  parts.push(text.slice(copiedTo));
  return parts.join('');
}

/** Creates an empty redactor; register secrets with `add`. */
export function createRedactor(): Redactor {
  // The secret itself, searched in every view; its encoded forms, searched in the raw and the
  // JSON-unescaped text (a base64 run in JSON may have its slashes escaped).
  const plain: SecretForm[] = [];
  const encoded: SecretForm[] = [];
  const known = new Set<string>();

  function scan(text: string): string {
    const matches: Match[] = [];
    const raw = identityView(text);
    const json = jsonUnescapedView(text);
    const percent = percentDecodedView(text);
    const jsonPercent = json === undefined ? undefined : percentDecodedView(json.text);
    findAll(raw, plain, matches);
    findAll(raw, encoded, matches);
    if (json !== undefined) {
      findAll(json, plain, matches);
      findAll(json, encoded, matches);
    }
    if (percent !== undefined) findAll(percent, plain, matches);
    if (json !== undefined && jsonPercent !== undefined)
      findAll(composeViews(json, jsonPercent), plain, matches);
    return replaceMatches(text, matches);
  }

  function redact(text: string): string {
    if (plain.length === 0 || text.length === 0) return text;
    try {
      return scan(text);
    } catch {
      // Out of memory or a bug: showing nothing is safe, showing the text may not be.
      return REDACTED;
    }
  }

  function copy(value: unknown, seen: WeakMap<object, unknown>, depth: number): unknown {
    if (typeof value === 'string') return redact(value);
    if (typeof value !== 'object' || value === null) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (value instanceof Date || ArrayBuffer.isView(value)) return value;
    if (depth >= MAX_REDACT_DEPTH) return REDACTED;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(copy(item, seen, depth + 1));
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
      const redacted = isSensitiveKey(key) ? REDACTED : copy(descriptor.value, seen, depth + 1);
      Object.defineProperty(out, key, { ...descriptor, value: redacted });
    }
    return out;
  }

  return {
    add(secret: string): void {
      // Every request registers the credential it sends; most of the time it is already known.
      if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return;
      if (known.has(secret)) return;
      known.add(secret);
      for (const form of secretForms(secret)) {
        if (form.text === secret) plain.push(form);
        else encoded.push(form);
      }
      // Longest first, so that a secret containing another is found whole.
      plain.sort((a, b) => b.text.length - a.text.length);
    },
    redact,
    redactValue<T>(value: T): T {
      return copy(value, new WeakMap(), 0) as T;
    },
  };
}
