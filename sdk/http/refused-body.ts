import { ConnectorError } from '../errors';

/** An answer that arrived but was not read (see `sendOnce`). */
export interface RefusedBody {
  status: number;
  reason: 'too_large' | 'undecodable';
  /** Completes "The response to GET url ...", e.g. `is larger than the 1024-byte limit (...)`. */
  detail: string;
  limitBytes?: number;
}

const HINTS = {
  too_large:
    'The answer is far larger than this call should return: ask for less (a smaller page, a narrower filter), or raise the named limit if the size is genuine.',
  undecodable:
    'The answer could not be decompressed; check the endpoint URL and any proxy between the client and the API.',
} as const;

/** The `unexpected_response` error for a body that was refused, naming the limit it broke. */
export function errorForRefusedBody(
  method: string,
  url: string,
  refused: RefusedBody,
): ConnectorError {
  return new ConnectorError(
    'unexpected_response',
    `The response to ${method} ${url} (status ${refused.status}) ${refused.detail}.`,
    {
      hint: HINTS[refused.reason],
      details: {
        status: refused.status,
        method,
        url,
        ...(refused.limitBytes === undefined ? {} : { limitBytes: refused.limitBytes }),
      },
    },
  );
}
