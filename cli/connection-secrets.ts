import { isSensitiveKey } from '../sdk/redact';
import { secretFieldNames } from '../sdk/schema';
import type { z } from 'zod';
import type { Redactor } from '../sdk/redact';

// Names that hold secrets by convention even when the schema does not mark them. `token` only as
// a whole word at the end, so `token_endpoint` (a URL the output must show) is not scrubbed.
const SECRET_NAME = /secret|password|passphrase|(^|_)token$|api_?key|private_?key/i;

/**
 * Registers every secret value of one connection's settings with `redactor`: fields the
 * connector's schema marks secret, keys that are always sensitive (`client_secret`,
 * `refresh_token`, `access_token`, ...) and keys named like a secret. Non-object `values` and
 * non-string entries are ignored.
 * @param fields The connector's `connection.fields`, when the command has the definition.
 */
export function registerConnectionSecrets(
  redactor: Redactor,
  values: unknown,
  fields?: z.ZodObject,
): void {
  if (typeof values !== 'object' || values === null) return;
  let marked: string[] = [];
  if (fields !== undefined) {
    try {
      marked = secretFieldNames(fields);
    } catch {
      // A schema the walker does not understand still gets the name-based rule below.
    }
  }
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    if (marked.includes(key) || isSensitiveKey(key) || SECRET_NAME.test(key)) redactor.add(value);
  }
}
