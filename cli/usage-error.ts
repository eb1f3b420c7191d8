import { ConnectorError } from '../sdk/errors';

/**
 * A usage or input mistake the person at the terminal can fix (exit code 2). It is an
 * `invalid_input` ConnectorError so that it prints and maps like every other error.
 */
export function usageError(message: string, hint?: string): ConnectorError {
  return new ConnectorError('invalid_input', message, hint === undefined ? {} : { hint });
}
