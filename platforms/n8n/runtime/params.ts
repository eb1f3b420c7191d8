/**
 * n8n parameter values back into the connector's input shape: the reverse of `properties.ts`.
 * Empty text means "not given" (the zod schema then says whether that is allowed), a fixed
 * collection's group is unwrapped, JSON text is parsed. Validation stays with the connector.
 */
import { ConnectorError } from '../../../sdk/errors';
import type { PlatformField } from '../../shared/field-model';
import { ADDITIONAL_FIELDS } from '../node-description';
import type { FieldPlan } from '../node-description';
import { GROUP } from '../properties';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectOf(
  fields: PlatformField[],
  value: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!Object.hasOwn(value, field.name)) continue;
    const converted = convert(field, value[field.name]);
    if (converted !== undefined) out[field.name] = converted;
  }
  return out;
}

function parseJson(field: PlatformField, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ConnectorError(
      'invalid_input',
      `The input field "${field.name}" (${field.label}) is not valid JSON.`,
      { hint: 'Enter a JSON value such as {"key": "value"}, or an expression that gives one.' },
    );
  }
}

/** One parameter value as the field's input value; `undefined` when it was left empty. */
export function convert(field: PlatformField, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '' && field.type !== 'json') return undefined;
  switch (field.type) {
    case 'json':
      if (typeof value !== 'string') return value;
      return value.trim() === '' ? undefined : parseJson(field, value);
    case 'object': {
      if (field.properties === undefined || !isRecord(value)) return value;
      const group = isRecord(value[GROUP]) ? value[GROUP] : value;
      return objectOf(field.properties, group);
    }
    case 'array': {
      if (field.properties !== undefined) {
        const group = isRecord(value) ? value[GROUP] : value;
        if (group === undefined) return undefined;
        const items = Array.isArray(group) ? group : [group];
        return items.map((item) =>
          isRecord(item) ? objectOf(field.properties ?? [], item) : item,
        );
      }
      if (typeof value === 'string') return parseJson(field, value);
      return value;
    }
    default:
      return value;
  }
}

/**
 * Builds an operation's input from its parameters.
 *
 * @param read Reads one top-level parameter (n8n's `getNodeParameter`), with a fallback.
 */
export function inputFromParameters(
  plans: readonly FieldPlan[],
  read: (name: string, fallback: unknown) => unknown,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  let additional: Record<string, unknown> | undefined;
  const additionalFields = (): Record<string, unknown> => {
    if (additional === undefined) {
      const value = read(ADDITIONAL_FIELDS, {});
      additional = isRecord(value) ? value : {};
    }
    return additional;
  };
  for (const plan of plans) {
    if (plan.jsonParam !== undefined && Object.hasOwn(additionalFields(), plan.jsonParam)) {
      const asJson = convert({ ...plan.field, type: 'json' }, additionalFields()[plan.jsonParam]);
      if (asJson !== undefined) {
        input[plan.field.name] = asJson;
        continue;
      }
    }
    let raw: unknown;
    if (plan.additional) {
      if (!Object.hasOwn(additionalFields(), plan.param)) continue;
      raw = additionalFields()[plan.param];
    } else {
      raw = read(plan.param, undefined);
    }
    const value = convert(plan.field, raw);
    if (value !== undefined) input[plan.field.name] = value;
  }
  return input;
}
