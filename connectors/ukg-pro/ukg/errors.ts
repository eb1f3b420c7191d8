/**
 * UKG Pro REST error bodies. The spec documents 401/403/404/429/500 with `application/json` or
 * `application/problem+json` but leaves most bodies undocumented (§2.4), so this reads the RFC
 * 7807 keys (`title`, `detail`) and a bare `message` when present, and callers key on the status.
 */
import type { RemoteMessage } from '../../../sdk/errors';
import { errorBodyObject, remoteText as text } from '../../../sdk/http/error-body';

/**
 * Reads a UKG error body into a message: `title` and `detail` of a problem document, or
 * `message`. Used as the connector's `connection.error_body`.
 * @returns `undefined` for bodies it does not recognise
 */
export function parseUkgErrorBody(
  body: unknown,
  _status: number,
): { message: string; messages?: RemoteMessage[] } | undefined {
  const value = errorBodyObject(body);
  if (value === undefined) return undefined;
  const title = text(value.title);
  const detail = text(value.detail) ?? text(value.message);
  if (title === undefined && detail === undefined) return undefined;
  const message = [title, detail].filter((part) => part !== undefined).join(': ');
  return detail === undefined ? { message } : { message, messages: [{ message: detail }] };
}
