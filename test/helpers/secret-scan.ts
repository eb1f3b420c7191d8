import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';

/** One place a secret (or a recognisable piece or encoding of it) turned up. */
export interface Leak {
  secret: string;
  where: string;
  form: string;
}

// A window this long of a random base64url secret cannot occur by chance in any output.
const WINDOW = 16;

function formUrlEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** Every character as a JSON `\uXXXX` escape, as some serialisers write non-ASCII-safe output. */
function jsonUnicodeEscape(value: string): string {
  return [...value].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/** Every encoding of a secret a server or proxy could echo, by name. */
export function encodedForms(value: string): Array<[form: string, text: string]> {
  const bytes = Buffer.from(value, 'utf8');
  return [
    ['url-encoded', encodeURIComponent(value)],
    [
      'url-encoded (lower-case hex)',
      encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
    ],
    ['form-encoded', formUrlEncode(value)],
    ['json-escaped', JSON.stringify(value).slice(1, -1)],
    ['json slash-escaped', JSON.stringify(value).slice(1, -1).replaceAll('/', '\\/')],
    ['json unicode-escaped', jsonUnicodeEscape(value)],
    ['base64', bytes.toString('base64').replace(/=+$/, '')],
    ['base64url', bytes.toString('base64url')],
    ['hex', bytes.toString('hex')],
    ['hex (upper case)', bytes.toString('hex').toUpperCase()],
  ];
}

/**
 * Collects secrets (by label, never printing their values) and scans texts, errors and files for
 * them: the exact value, every encoding of {@link encodedForms} (URL and form, either hex case;
 * JSON with `\"`, `\/` or `\u` escapes; base64, base64url, hex), HTTP Basic credentials built
 * from it, and any {@link WINDOW}-character slice of it (a truncated or partly redacted leak).
 */
export interface SecretScanner {
  add(label: string, value: string | undefined): void;
  /** Registers the `Authorization: Basic` value of a client id and secret (RFC 6749 §2.3.1). */
  addBasic(label: string, clientId: string, clientSecret: string): void;
  /** How many secret values are registered. */
  readonly size: number;
  scanText(where: string, text: string): void;
  /** Scans an error: message, hint, details, JSON form, stack and the whole cause chain. */
  scanError(where: string, error: unknown): void;
  /** Scans every file under `dir` except the paths in `except`. */
  scanDirectory(dir: string, except: readonly string[]): string[];
  readonly leaks: Leak[];
}

/** A fresh scanner. */
export function createSecretScanner(): SecretScanner {
  const needles: Array<{ label: string; form: string; text: string }> = [];
  const labels = new Set<string>();
  const leaks: Leak[] = [];

  function addNeedle(label: string, form: string, text: string): void {
    if (!needles.some((n) => n.text === text)) needles.push({ label, form, text });
  }

  function scanText(where: string, text: string): void {
    for (const needle of needles)
      if (text.includes(needle.text))
        leaks.push({ secret: needle.label, where, form: needle.form });
  }

  return {
    add(label, value) {
      if (value === undefined || value.length < 8) return;
      labels.add(label);
      addNeedle(label, 'exact', value);
      for (const [form, text] of encodedForms(value)) addNeedle(label, form, text);
      for (let start = 0; start + WINDOW <= value.length; start += 1)
        addNeedle(label, `slice ${start}..${start + WINDOW}`, value.slice(start, start + WINDOW));
    },
    addBasic(label, clientId, clientSecret) {
      const basic = Buffer.from(
        `${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`,
      ).toString('base64');
      labels.add(label);
      addNeedle(label, 'basic credentials', basic);
      // A truncated header still gives the secret away past the id's part.
      addNeedle(label, 'basic credentials (tail)', basic.slice(-24));
    },
    get size() {
      return labels.size;
    },
    scanText,
    scanError(where, error) {
      scanText(`${where} (inspect)`, inspect(error, { depth: 20, showHidden: true }));
      let current: unknown = error;
      for (let depth = 0; current !== undefined && current !== null && depth < 20; depth += 1) {
        if (current instanceof Error) {
          scanText(`${where} (message, cause ${depth})`, current.message);
          scanText(`${where} (stack, cause ${depth})`, current.stack ?? '');
        }
        const json = (current as { toJSON?: () => unknown }).toJSON;
        if (typeof json === 'function')
          scanText(`${where} (JSON, cause ${depth})`, JSON.stringify(json.call(current)));
        current = (current as { cause?: unknown }).cause;
      }
    },
    scanDirectory(dir, except) {
      const scanned: string[] = [];
      const walk = (entry: string): void => {
        if (except.includes(entry)) return;
        if (statSync(entry).isDirectory()) {
          for (const name of readdirSync(entry)) walk(path.join(entry, name));
          return;
        }
        scanned.push(entry);
        scanText(`file ${path.basename(entry)}`, readFileSync(entry, 'latin1'));
      };
      walk(dir);
      return scanned;
    },
    leaks,
  };
}
