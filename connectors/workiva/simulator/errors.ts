/**
 * Errors the handlers throw; the app's error handler answers each in Workiva's shape: the
 * Platform API's `{"code":"403Forbidden","message",…,"version"}` (§3.2) or the token endpoint's
 * `{"error","error_description","error_uri"}` (§3.1).
 */

/** A Platform API error. `code` is Workiva's status-named code, e.g. `404NotFound`. */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ReadonlyArray<{ code: string; message: string; target?: string }> = [],
  ) {
    super(message);
  }
}

/** A token endpoint error (RFC 6749 §5.2 codes). */
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
