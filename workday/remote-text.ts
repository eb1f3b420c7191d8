/** Longest text kept from one of Workday's error messages (REST `errors[]`, SOAP faults). */
export const MAX_REMOTE_TEXT_CHARS = 300;

/**
 * One of Workday's error texts as it goes into an error message: white space folded to single
 * spaces and clipped to {@link MAX_REMOTE_TEXT_CHARS}, so a message says what Workday said
 * without carrying a whole body.
 */
export function clipRemoteText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REMOTE_TEXT_CHARS
    ? `${flat.slice(0, MAX_REMOTE_TEXT_CHARS - 1)}…`
    : flat;
}
