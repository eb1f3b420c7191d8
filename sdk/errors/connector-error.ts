import { ERROR_CATEGORY } from './codes';
import type { ErrorCategory, ErrorCode } from './codes';

/** One problem found in the caller's input, located by its field path. */
export interface InputIssue {
  /** Dotted path of the offending field, e.g. `lines.2.debit`. Empty for the input as a whole. */
  path: string;
  /** What was expected, in words a recipe builder understands. */
  message: string;
}

/** One message returned by the remote system (a REST `errors[]` entry or a SOAP Validation_Error). */
export interface RemoteMessage {
  message: string;
  /** Workday's own longer text, when it sends one. */
  detail?: string;
  /** Location of the offending element in the request (SOAP `Xpath`). */
  xpath?: string;
}

/** Structured facts an error carries beside its message. Every field is optional. */
export interface ErrorDetails {
  /** HTTP status of the failing exchange. */
  status?: number;
  /** HTTP method and URL of the failing exchange (query string kept, secrets redacted). */
  method?: string;
  url?: string;
  /** Validation problems in the caller's input (`invalid_input`). */
  issues?: InputIssue[];
  /** Messages from the remote system (`remote_validation`, `remote_error`). */
  remoteMessages?: RemoteMessage[];
  /** Seconds the server asked us to wait (`rate_limited`). */
  retryAfterSeconds?: number;
  /** OAuth2 `error` and `error_description` from a token endpoint (RFC 6749 §5.2). */
  oauthError?: string;
  oauthErrorDescription?: string;
  /** Tenants involved in a `tenant_mismatch`. */
  tenants?: string[];
  /** Functional area a call needed (`insufficient_scope`). */
  functionalArea?: string;
  /** Anything else worth showing in `--json` output; never secrets. */
  [key: string]: unknown;
}

/** Options accepted by every {@link ConnectorError} constructor. */
export interface ConnectorErrorOptions {
  /** One or two sentences telling the reader what to do about it. */
  hint?: string;
  details?: ErrorDetails;
  cause?: unknown;
}

/**
 * The one error type the connector runtime throws. `code` is stable; `message` is one sentence
 * naming the thing at fault; `hint` says what to do. Raw bodies and responses are never put in
 * the message (they may hold secrets); structured facts go in `details`.
 */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, options: ConnectorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.details = options.details ?? {};
  }

  /** Who has to act: drives the CLI's exit code. */
  get category(): ErrorCategory {
    return ERROR_CATEGORY[this.code];
  }

  /** A plain object for `--json` output and logs: code, message, hint and details. */
  toJSON(): {
    name: string;
    code: ErrorCode;
    message: string;
    hint?: string;
    details: ErrorDetails;
  } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      details: this.details,
    };
  }
}

/**
 * Guard that also works across realms and duplicate installs, where `instanceof` fails
 * (the bundled connector.js and the CLI each carry their own copy of this class).
 */
export function isConnectorError(value: unknown): value is ConnectorError {
  return (
    value instanceof ConnectorError ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { code?: unknown }).code === 'string' &&
      (value as { name?: unknown }).name === 'ConnectorError')
  );
}

/** Wraps anything thrown (including non-Errors) into an `internal` ConnectorError, keeping the cause. */
export function toConnectorError(value: unknown): ConnectorError {
  if (isConnectorError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new ConnectorError('internal', `Unexpected failure: ${message}`, { cause: value });
}
