/**
 * Workiva error bodies (§3.1, §3.2): the Platform API's
 * `{"code":"403Forbidden","message":"…","details":[{"code","message","target"}],…}` and the
 * token endpoint's `{"error","error_description","error_uri"}`.
 */
import type { RemoteMessage } from '../../../sdk/errors';
import { errorBodyObject, isJsonObject, remoteText as text } from '../../../sdk/http/error-body';

/**
 * Reads a Platform API or token error body into a message and Workiva's detail messages. Used as
 * the connector's `connection.error_body`.
 * @returns `undefined` for bodies it does not recognise
 */
export function parseWorkivaErrorBody(
  body: unknown,
  _status: number,
): { message: string; messages?: RemoteMessage[] } | undefined {
  const value = errorBodyObject(body);
  if (value === undefined) return undefined;
  const message = text(value.message) ?? text(value.error_description) ?? text(value.error);
  if (message === undefined) return undefined;
  const messages: RemoteMessage[] = [];
  for (const detail of Array.isArray(value.details) ? value.details : []) {
    const m = isJsonObject(detail) ? text(detail.message) : undefined;
    if (m === undefined) continue;
    const target = isJsonObject(detail) ? text(detail.target) : undefined;
    messages.push(target === undefined ? { message: m } : { message: m, xpath: target });
  }
  const code = text(value.code);
  const head = code === undefined ? message : `${message} (${code})`;
  if (messages.length === 0) return { message: head };
  return { message: `${head}: ${messages.map((m) => m.message).join('; ')}`, messages };
}
