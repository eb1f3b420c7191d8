/**
 * Stable error codes. Recipe builders, the CLI's exit codes and `connector doctor` key on these
 * strings, so they never change once published. The table in README.md ("Errors") mirrors it.
 */
export const ERROR_CODES = [
  /** The caller's input failed validation; `details.issues` names each field path. */
  'invalid_input',
  /** The connection settings are malformed (bad URL, missing field, http outside loopback). */
  'invalid_settings',
  /** The endpoints of one connection name different tenants, or the client belongs to another tenant. */
  'tenant_mismatch',
  /** The token endpoint rejected the client id or secret (RFC 6749 `invalid_client`). */
  'invalid_client',
  /** The refresh token or authorization code is revoked, expired or unknown: re-authorize. */
  'reauthorization_required',
  /** The token endpoint does not offer the requested grant to this client. */
  'unsupported_grant',
  /** The user declined consent on the authorization page. */
  'access_denied',
  /** The token is valid but lacks a functional area or permission the call needs (HTTP 403). */
  'insufficient_scope',
  /** The API rejected the access token even after one refresh (HTTP 401). */
  'unauthorized',
  /** The API asked us to slow down (HTTP 429) and retries were exhausted. */
  'rate_limited',
  /** The API refused the request's content (HTTP 400, SOAP Validation_Fault). */
  'remote_validation',
  /** The resource is not in a state that allows the operation (task already completed, duplicate). */
  'conflict',
  /** The resource does not exist or the caller cannot see it (HTTP 404). */
  'not_found',
  /** The remote side failed (HTTP 5xx, SOAP Processing_Fault) and retries were exhausted. */
  'remote_error',
  /** No usable HTTP exchange: timeout, connection reset, DNS or TLS failure. */
  'transport',
  /** The response did not have the documented shape (HTML where JSON was expected, truncated body). */
  'unexpected_response',
  /** A bug in the connector itself; the message says where. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Who has to act on an error; the CLI maps each category to one exit code. */
export type ErrorCategory = 'input' | 'auth' | 'remote' | 'internal';

/** The category of every code, checked at compile time to cover them all. */
export const ERROR_CATEGORY: { readonly [C in ErrorCode]: ErrorCategory } = {
  invalid_input: 'input',
  invalid_settings: 'input',
  // Found in the settings before any request (README: settings errors exit 2).
  tenant_mismatch: 'input',
  invalid_client: 'auth',
  reauthorization_required: 'auth',
  unsupported_grant: 'auth',
  access_denied: 'auth',
  insufficient_scope: 'auth',
  unauthorized: 'auth',
  rate_limited: 'remote',
  remote_validation: 'remote',
  conflict: 'remote',
  not_found: 'remote',
  remote_error: 'remote',
  transport: 'remote',
  unexpected_response: 'remote',
  internal: 'internal',
};

/** True when `value` is one of the published error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
