/**
 * Errors the sandbox's handlers throw; the app's single error handler turns each into the body
 * Workday (or its OAuth2 server) would send. Messages name the thing at fault and never contain
 * a secret.
 */

/** A Workday REST error: `{"error": "...", "errors": [{"error": "..."}]}` with a 4xx status. */
export class RestError extends Error {
  override name = 'RestError';
  /** HTTP status: 400, 401, 403 or 404. */
  readonly status: number;
  /** The entries of `errors`; defaults to the message itself. */
  readonly details: readonly string[];

  constructor(status: number, message: string, details?: readonly string[]) {
    super(message);
    this.status = status;
    this.details = details ?? [message];
  }
}

/** An RFC 6749 §5.2 token-endpoint error. */
export class OAuthError extends Error {
  override name = 'OAuthError';
  readonly status: number;
  /** The `error` code, e.g. `invalid_grant`. */
  readonly error: string;
  /** Sent as `WWW-Authenticate` when the client tried HTTP Basic (RFC 6749 §5.2). */
  readonly challengeBasic: boolean;

  constructor(status: number, error: string, description: string, challengeBasic = false) {
    super(description);
    this.status = status;
    this.error = error;
    this.challengeBasic = challengeBasic;
  }
}

/** One `Validation_Error` of a SOAP `Validation_Fault`. */
export interface SoapValidationIssue {
  message: string;
  /** `Detail_Message`; defaults to the message. */
  detail?: string;
  /** `bsvc:`-prefixed, 1-based positional path from the request element. */
  xpath: string;
}

/** A SOAP fault (HTTP 500 unless stated). */
export class SoapFault extends Error {
  override name = 'SoapFault';
  /** e.g. `SOAP-ENV:Client.validationError`. */
  readonly faultcode: string;
  readonly status: number;
  /** Present for validation faults: the `Validation_Error` entries. */
  readonly validation: readonly SoapValidationIssue[] | undefined;
  /** Present for processing faults: the `Processing_Fault/Detail_Message`. */
  readonly processingDetail: string | undefined;

  constructor(
    faultcode: string,
    faultstring: string,
    extra: {
      status?: number;
      validation?: readonly SoapValidationIssue[];
      processingDetail?: string;
    } = {},
  ) {
    super(faultstring);
    this.faultcode = faultcode;
    this.status = extra.status ?? 500;
    this.validation = extra.validation;
    this.processingDetail = extra.processingDetail;
  }
}

/** An error page of the authorization endpoint (shown, never redirected). */
export class AuthorizePageError extends Error {
  override name = 'AuthorizePageError';
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}
