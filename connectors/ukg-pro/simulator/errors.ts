/**
 * Errors the simulator's handlers throw. UKG documents the statuses (401, 403, 404, 429, 500)
 * but not the bodies (§2.4), so REST errors are RFC 7807-ish `{"title","status","detail"}` and
 * token errors are Auth0-style `{"error","error_description"}` (both guesses).
 */

/** A REST error answered as `application/problem+json`. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** A token-endpoint error. */
export class TokenError extends Error {
  override name = 'TokenError';
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}
