import { ConnectorError } from '../../../sdk/errors';
import type { PlatformField } from '../../shared';
import { FLAT_SEPARATOR, inputShapeOf } from '../input-shape';

type Json = Record<string, unknown>;

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);
const NUMERIC = /^-?\d+(?:\.\d+)?$/;

// Zapier's form sends text; what does not convert is left for the connector's validation to name.
function coerce(type: PlatformField['type'], value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (type === 'boolean' && TRUE.has(text.toLowerCase())) return true;
  if (type === 'boolean' && FALSE.has(text.toLowerCase())) return false;
  if ((type === 'integer' || type === 'number') && NUMERIC.test(text)) return Number(text);
  return value;
}

function parseJson(value: unknown, path: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new ConnectorError('invalid_input', `"${path}" is not valid JSON.`, {
      hint: 'Enter the value as JSON, as the field help shows.',
      details: { issues: [{ path, message: 'must be valid JSON' }] },
    });
  }
}

// Line-item children are keyed `parent__child` on the form; rows mapped from elsewhere may use
// the plain keys.
function rowPrefix(row: Json, parentKey: string): string {
  const prefix = `${parentKey}${FLAT_SEPARATOR}`;
  return Object.keys(row).some((key) => key.startsWith(prefix)) ? prefix : '';
}

function decodeFields(
  fields: readonly PlatformField[],
  data: Json,
  keyPrefix: string,
  pathPrefix: string,
  inLineItem: boolean,
): Json {
  const out: Json = {};
  for (const field of fields) {
    const key = `${keyPrefix}${field.key}`;
    const path = `${pathPrefix}${field.key}`;
    const raw = data[key];
    const shape = inputShapeOf(field, inLineItem);
    let value: unknown;
    if (shape === 'flatten') {
      // A whole object mapped from an earlier step is taken as it is, else its flattened keys.
      const nested = isObject(raw)
        ? decodeFields(field.children ?? [], raw, '', `${path}.`, inLineItem)
        : decodeFields(
            field.children ?? [],
            data,
            `${key}${FLAT_SEPARATOR}`,
            `${path}.`,
            inLineItem,
          );
      value = Object.keys(nested).length === 0 ? undefined : nested;
    } else if (isBlank(raw)) {
      value = undefined;
    } else if (shape === 'dict' || shape === 'json') {
      value = parseJson(raw, path);
    } else if (shape === 'line_items') {
      const rows = parseJson(raw, path);
      value = Array.isArray(rows)
        ? rows.map((row, index) =>
            isObject(row)
              ? decodeFields(
                  field.children ?? [],
                  row,
                  rowPrefix(row, key),
                  `${path}.${index}.`,
                  true,
                )
              : row,
          )
        : rows;
    } else if (shape === 'list') {
      const items = Array.isArray(raw) ? raw : [raw];
      value = items
        .filter((item) => !isBlank(item))
        .map((item) => coerce(field.itemType ?? 'string', item));
    } else {
      value = coerce(field.type, raw);
    }
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

/**
 * Turns a Zapier step's `inputData` back into the connector's input: flattened `parent__child`
 * keys into objects, line items into arrays of objects, JSON text parsed, form text converted to
 * booleans and numbers where the field says so, and blank optional values left out (Zapier sends
 * `""` for an empty field). What is still wrong is for the connector's own validation to name.
 *
 * @throws ConnectorError `invalid_input` naming a JSON field whose text does not parse.
 */
export function decodeZapierInput(fields: readonly PlatformField[], inputData: Json): Json {
  return decodeFields(fields, inputData, '', '', false);
}
