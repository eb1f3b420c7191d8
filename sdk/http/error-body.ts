/**
 * The two steps every connector's `connection.error_body` reader starts with: take the body as a
 * JSON object (a JSON text is parsed too; anything else is no object), and turn each text field
 * a remote system sent into something fit for an error message. Each connector then reads its
 * own system's keys.
 */

/** Longest text kept from one remote error message. */
export const MAX_REMOTE_TEXT_CHARS = 300;

/**
 * A remote error text as it goes into an error message: white space folded to single spaces and
 * clipped to {@link MAX_REMOTE_TEXT_CHARS}, so a message says what the system said without
 * carrying a whole body.
 */
export function clipRemoteText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REMOTE_TEXT_CHARS
    ? `${flat.slice(0, MAX_REMOTE_TEXT_CHARS - 1)}…`
    : flat;
}

/** A field of an untrusted body as message text: a non-blank string, clipped; else `undefined`. */
export function remoteText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? clipRemoteText(value) : undefined;
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The error body as a JSON object: the parsed body itself, or a text that parses to one.
 * @returns `undefined` for arrays, HTML, broken JSON and every other shape
 */
export function errorBodyObject(body: unknown): Record<string, unknown> | undefined {
  let value = body;
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  return isJsonObject(value) ? value : undefined;
}
