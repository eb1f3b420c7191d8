import { isSecretName } from '../sdk/redact';
import { secretFieldNames } from '../sdk/schema';
import type { z } from 'zod';
import type { Redactor } from '../sdk/redact';

/** The fields the connector's schema marks secret (none when there is no schema, or it is odd). */
export function markedSecretFields(fields?: z.ZodObject): string[] {
  if (fields === undefined) return [];
  try {
    return secretFieldNames(fields);
  } catch {
    // A schema the walker does not understand still gets the name-based rule.
    return [];
  }
}

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
  const marked = markedSecretFields(fields);
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    if (marked.includes(key) || isSecretName(key)) redactor.add(value);
  }
}
