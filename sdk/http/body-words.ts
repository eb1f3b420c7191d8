/**
 * What a server said in an error body, whatever its shape: the usual message fields of a JSON
 * body (under any of several common keys, as gateways and APIs differ), an HTML page's title and
 * heading, an XML body's text, or plain text. Used when the API's own error reader does not
 * recognise the body, so that an error quotes the server instead of only its status.
 */

/** Longest server text quoted in one error message. */
export const MAX_BODY_WORDS_CHARS = 300;

/** JSON keys that carry a human-readable reason, in the order they are quoted (two at most). */
const TEXT_KEYS = [
  'error',
  'error_description',
  'message',
  'errors',
  'detail',
  'details',
  'title',
  'description',
  'reason',
  'faultstring',
  'error_message',
  'fault',
  'errorMessage',
];
const MAX_DEPTH = 4;
const MAX_LISTED = 3;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function fold(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat === '' ? undefined : flat;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function jsonWords(value: unknown, depth: number): string | undefined {
  if (typeof value === 'string') return fold(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    const found = value.map((item) => jsonWords(item, depth + 1)).filter((w) => w !== undefined);
    const unique = [...new Set(found)];
    return unique.length === 0 ? undefined : unique.slice(0, MAX_LISTED).join('; ');
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of TEXT_KEYS) {
    const words = jsonWords(record[key], depth + 1);
    if (words !== undefined && !parts.includes(words)) parts.push(words);
    if (parts.length >= 2) break;
  }
  return parts.length === 0 ? undefined : parts.join(': ');
}

/** The readable text of markup: scripts and styles dropped, tags removed, entities decoded. */
function markupWords(text: string): string | undefined {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text)?.[1];
  const strip = (part: string) =>
    fold(decodeEntities(part.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ')));
  const named = [title, heading].map((part) => (part === undefined ? undefined : strip(part)));
  const distinct = [...new Set(named.filter((w) => w !== undefined))];
  if (distinct.length > 0) return distinct.join(': ');
  const body = text
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\?[\s\S]*?\?>/g, ' ');
  return strip(body);
}

/**
 * The server's words in `body`, white space folded, or `undefined` when it says nothing a
 * person could read (empty, or JSON without a message field). Not clipped: see {@link clipWords}.
 */
export function bodyWords(body: string): string | undefined {
  const trimmed = body.trim();
  if (trimmed === '' || trimmed === 'null') return undefined;
  if (/^[[{]/.test(trimmed)) {
    try {
      return jsonWords(JSON.parse(trimmed) as unknown, 0);
    } catch {
      // Not JSON after all (a truncated body): read it as text.
    }
  }
  if (trimmed.startsWith('<')) return markupWords(trimmed);
  return fold(trimmed);
}

/** Clips words to {@link MAX_BODY_WORDS_CHARS}; redact first, so a secret is never cut in two. */
export function clipWords(words: string, max = MAX_BODY_WORDS_CHARS): string {
  return words.length > max ? `${words.slice(0, max - 1)}…` : words;
}
