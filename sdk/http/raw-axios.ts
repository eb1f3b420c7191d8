import type { CreateAxiosDefaults } from 'axios';

/**
 * The axios settings every request of the SDK uses, API and token requests alike: bodies come
 * back as the raw stream (`sendOnce` decompresses and reads them within a size limit and a
 * deadline; the caller parses and checks them), every status is returned rather than thrown,
 * and nothing can carry credentials away from the host they are meant for.
 */
export const RAW_AXIOS_CONFIG = {
  // A redirect could carry the Authorization header to another host: never follow one.
  maxRedirects: 0,
  // Environment proxies would see bearer tokens; the connection talks to its host directly.
  proxy: false,
  validateStatus: () => true,
  responseType: 'stream',
  // Decompressed by `readBody`, which bounds the bytes read before and after decompression.
  decompress: false,
  // Deadlines are whole-exchange timers in `sendOnce`; axios's is a socket idle timeout.
  timeout: 0,
  transformRequest: [(data: unknown) => data],
  transformResponse: [(data: unknown) => data],
  transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
} as const satisfies CreateAxiosDefaults;

/** The Node/axios error code of a failed request (`ECONNRESET`, `ETIMEDOUT`, ...), or `UNKNOWN`. */
export function transportCode(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}
