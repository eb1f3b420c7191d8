/**
 * How long and how much the SDK waits for and reads from a server: every bound that keeps a
 * slow, trickling or oversized answer from holding or filling the process.
 */

/** The most bytes read of one response body, by what the body is for. */
export interface ResponseSizeLimits {
  /**
   * JSON API responses (`responseType: 'json'`).
   * @default 16777216 (16 MiB)
   */
  json: number;
  /**
   * Text responses (`responseType: 'text'`, e.g. SOAP envelopes).
   * @default 33554432 (32 MiB)
   */
  text: number;
  /**
   * Token endpoint responses.
   * @default 262144 (256 KiB)
   */
  token: number;
}

/**
 * A page of 100 Workday REST records is well under 1 MiB, so 16 MiB leaves room for wide
 * records while keeping a runaway answer far from the heap limit.
 */
export const DEFAULT_MAX_JSON_BYTES = 16 * 1024 * 1024;
/** SOAP is about three times as verbose as JSON for the same records, and pages are 100 entries. */
export const DEFAULT_MAX_TEXT_BYTES = 32 * 1024 * 1024;
/** A token response is a few hundred bytes; an id_token JWT a few KiB. */
export const DEFAULT_MAX_TOKEN_BYTES = 256 * 1024;

/** The default {@link ResponseSizeLimits}. */
export const DEFAULT_RESPONSE_LIMITS: Readonly<ResponseSizeLimits> = {
  json: DEFAULT_MAX_JSON_BYTES,
  text: DEFAULT_MAX_TEXT_BYTES,
  token: DEFAULT_MAX_TOKEN_BYTES,
};

/** One attempt, from sending to the last body byte: a trickling server cannot stretch it. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;

/**
 * One request including its retries and their waits. Retries start only within the retry
 * policy's 60 s (`maxRetryTimeMs`); this leaves the last of them one full attempt.
 */
export const DEFAULT_REQUEST_DEADLINE_MS = 90_000;

/** The limits with `overrides` applied, each checked to be a positive whole number. */
export function responseLimitsOf(
  overrides: Partial<ResponseSizeLimits> | undefined,
): ResponseSizeLimits {
  const limits = { ...DEFAULT_RESPONSE_LIMITS };
  for (const key of ['json', 'text', 'token'] as const) {
    const value = overrides?.[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0)
      throw Object.assign(
        new TypeError(`"maxResponseBytes.${key}" must be a positive whole number of bytes.`),
        { code: 'ERR_INVALID_ARG_VALUE' },
      );
    limits[key] = value;
  }
  return limits;
}
