import type { RemoteMessage } from '../sdk/errors';
import { clipRemoteText } from './remote-text';

const MAX_LISTED = 3;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads Workday's REST error body, `{"error": "...", "errors": [{"error": "..."}]}` (the
 * ERROR_MODEL / VALIDATION_ERROR_MODEL of the REST specs), checking each field. `errors` may be
 * missing; entries that are not `{error: string}` are skipped. The message is the top-level
 * `error` followed by up to three distinct `errors[]` texts, each clipped, so it says what
 * Workday said without carrying a whole body. Used as the connector's `connection.error_body`.
 * @param body the parsed JSON body (a JSON string is parsed too)
 * @returns `undefined` for any other shape
 */
export function parseWorkdayErrorBody(
  body: unknown,
  _status: number,
): { message: string; messages?: RemoteMessage[] } | undefined {
  let value = body;
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!isRecord(value)) return undefined;
  const top = value['error'];
  if (typeof top !== 'string' || top.trim() === '') return undefined;
  const message = clipRemoteText(top);

  const messages: RemoteMessage[] = [];
  const errors = value['errors'];
  if (Array.isArray(errors)) {
    for (const entry of errors) {
      if (!isRecord(entry)) continue;
      const text = entry['error'];
      if (typeof text === 'string' && text.trim() !== '')
        messages.push({ message: clipRemoteText(text) });
    }
  }
  if (messages.length === 0) return { message };
  const extra = [...new Set(messages.map((m) => m.message))].filter((m) => m !== message);
  const listed = extra.slice(0, MAX_LISTED).join('; ');
  const more = extra.length > MAX_LISTED ? `; and ${extra.length - MAX_LISTED} more` : '';
  return { message: listed === '' ? message : `${message} (${listed}${more})`, messages };
}
