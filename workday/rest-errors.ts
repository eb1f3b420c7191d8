import type { RemoteMessage } from '../sdk/errors';
import { errorBodyObject, isJsonObject, remoteText } from '../sdk/http/error-body';

const MAX_LISTED = 3;

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
  const value = errorBodyObject(body);
  if (value === undefined) return undefined;
  const message = remoteText(value['error']);
  if (message === undefined) return undefined;

  const messages: RemoteMessage[] = [];
  const errors = value['errors'];
  if (Array.isArray(errors)) {
    for (const entry of errors) {
      const text = isJsonObject(entry) ? remoteText(entry['error']) : undefined;
      if (text !== undefined) messages.push({ message: text });
    }
  }
  if (messages.length === 0) return { message };
  const extra = [...new Set(messages.map((m) => m.message))].filter((m) => m !== message);
  const listed = extra.slice(0, MAX_LISTED).join('; ');
  const more = extra.length > MAX_LISTED ? `; and ${extra.length - MAX_LISTED} more` : '';
  return { message: listed === '' ? message : `${message} (${listed}${more})`, messages };
}
