import { CALLBACK_HOST, CALLBACK_PATH } from './callback-server';

/** The port `connector oauth2` listens on when neither `--port` nor the connection says otherwise. */
export const DEFAULT_CALLBACK_PORT = 45555;

/**
 * The port to listen on: `--port` when given, else the port of the connection's loopback
 * `redirect_uri` (the one registered on the API client), else {@link DEFAULT_CALLBACK_PORT}.
 */
export function chooseCallbackPort(flag: number | undefined, redirectUri: unknown): number {
  if (flag !== undefined) return flag;
  if (typeof redirectUri === 'string') {
    try {
      const url = new URL(redirectUri);
      const loopback = url.hostname === CALLBACK_HOST || url.hostname === 'localhost';
      if (url.protocol === 'http:' && loopback && url.port !== '') return Number(url.port);
    } catch {
      // A malformed redirect_uri is reported by the settings check; fall back to the default.
    }
  }
  return DEFAULT_CALLBACK_PORT;
}

/** True when the connection's `redirect_uri` is the URI the server receives on. */
export function sameRedirectUri(configured: unknown, actual: string): boolean {
  if (typeof configured !== 'string') return true;
  try {
    const a = new URL(configured);
    const b = new URL(actual);
    return a.port === b.port && a.pathname === CALLBACK_PATH && a.hostname === b.hostname;
  } catch {
    return false;
  }
}
