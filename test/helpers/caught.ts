import { ConnectorError } from '../../sdk/errors';

/**
 * Awaits `promise` expecting it to reject with a ConnectorError and returns that error (fails the
 * test with what came instead: a value, or another kind of exception).
 */
export async function caught(promise: Promise<unknown>): Promise<ConnectorError> {
  let outcome: { value: unknown } | { error: unknown };
  try {
    outcome = { value: await promise };
  } catch (error: unknown) {
    outcome = { error };
  }
  if ('value' in outcome)
    throw new Error(`Expected a ConnectorError, got a result: ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof ConnectorError))
    throw new Error(`Expected a ConnectorError, got: ${String(outcome.error)}`);
  return outcome.error;
}
