import { toConnectorError } from '../../../sdk/errors';
import { isHostRenewal } from './step-tokens';
import type { ZObject } from './zapier-interfaces';

/** What Zapier shows: our message, then our hint. */
export function zapierMessage(message: string, hint: string | undefined): string {
  return hint === undefined || hint === '' ? message : `${message} Hint: ${hint}`;
}

/**
 * The Zapier error for a connector failure, so Zapier does what the failure calls for: renew the
 * token and retry (`RefreshAuthError`), ask the user to reconnect (`ExpiredAuthError`), retry
 * later (`ThrottledError`), or show our message and hint with our code (`z.errors.Error`).
 */
export function toZapierError(z: ZObject, error: unknown): Error {
  const failure = toConnectorError(error);
  const text = zapierMessage(failure.message, failure.hint);
  if (isHostRenewal(failure)) return new z.errors.RefreshAuthError(text);
  if (failure.code === 'reauthorization_required') return new z.errors.ExpiredAuthError(text);
  if (failure.code === 'rate_limited')
    return new z.errors.ThrottledError(text, failure.details?.retryAfterSeconds);
  return new z.errors.Error(text, failure.code, failure.details?.status);
}
