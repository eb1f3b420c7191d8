import { isConnectorError } from '../sdk/errors';
import type { ErrorCategory } from '../sdk/errors';

/** The process exit codes of `connector`; scripts may rely on them. */
export const EXIT_CODES = {
  /** The command did what was asked. */
  ok: 0,
  /** A bug in the connector or the CLI (`internal`, or anything that is not a ConnectorError). */
  internal: 1,
  /** Bad usage, input or settings found before any request (unknown option, tenant mismatch). */
  usage: 2,
  /** Authorization failed: wrong client, revoked token, missing functional area. */
  auth: 3,
  /** The remote system failed or refused: validation, conflict, not found, 5xx, transport. */
  remote: 4,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

const BY_CATEGORY: { readonly [C in ErrorCategory]: ExitCode } = {
  input: EXIT_CODES.usage,
  auth: EXIT_CODES.auth,
  remote: EXIT_CODES.remote,
  internal: EXIT_CODES.internal,
};

/** The exit code for a failure of `category`; no category means a bug (1). */
export function exitCodeForCategory(category: ErrorCategory | undefined): ExitCode {
  return category === undefined ? EXIT_CODES.internal : BY_CATEGORY[category];
}

/** The exit code for a failure: by the ConnectorError's category; anything else is a bug (1). */
export function exitCodeFor(error: unknown): ExitCode {
  return exitCodeForCategory(isConnectorError(error) ? error.category : undefined);
}
