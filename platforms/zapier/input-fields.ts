import type { PlatformField } from '../shared';
import { FLAT_SEPARATOR, inputShapeOf } from './input-shape';
import type { ZapierChoice, ZapierInputField, ZapierInputType } from './zapier-types';

/** The key of the hidden trigger that lists pick list `name` for dynamic dropdowns. */
export function pickListTriggerKey(name: string): string {
  return `pick_list_${name}`;
}

function scalarType(field: PlatformField): ZapierInputType {
  if (field.secret) return 'password';
  switch (field.type) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'datetime':
      return 'datetime';
    default:
      return field.multiline ? 'text' : 'string';
  }
}

function itemType(field: PlatformField): ZapierInputType {
  return scalarType({ ...field, type: field.itemType ?? 'string' });
}

function helpOf(field: PlatformField, extra?: string): { helpText?: string } {
  const text = [field.help, extra].filter((part) => part !== undefined).join(' ');
  return text === '' ? {} : { helpText: text };
}

function choicesOf(field: PlatformField): { choices?: ZapierChoice[]; dynamic?: string } {
  if (field.pickList !== undefined)
    return { dynamic: `${pickListTriggerKey(field.pickList)}.id.label` };
  if (field.choices === undefined) return {};
  return {
    choices: field.choices.map((choice) => ({ ...choice, sample: choice.value })),
  };
}

function defaultOf(field: PlatformField): { default?: string } {
  const value = field.default;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return { default: String(value) };
  return {};
}

function jsonExample(field: PlatformField): string {
  const item =
    field.children === undefined
      ? '"…"'
      : `{${field.children.map((child) => `"${child.key}": "…"`).join(', ')}}`;
  return field.type === 'array' ? `[${item}]` : item;
}

function convert(
  field: PlatformField,
  keyPrefix: string,
  labelPrefix: string,
  parentRequired: boolean,
  inLineItem: boolean,
): ZapierInputField[] {
  const key = `${keyPrefix}${field.key}`;
  const label = `${labelPrefix}${field.label}`;
  const required = parentRequired && field.required;
  const base = { key, label, required };
  switch (inputShapeOf(field, inLineItem)) {
    case 'flatten':
      return (field.children ?? []).flatMap((child) =>
        convert(child, `${key}${FLAT_SEPARATOR}`, `${label}: `, required, inLineItem),
      );
    case 'dict':
      return [{ ...base, ...helpOf(field), dict: true }];
    case 'list':
      return [{ ...base, ...helpOf(field), type: itemType(field), list: true }];
    case 'line_items':
      // Zapier refuses help text on a line-item group, and child keys that repeat another key of
      // the step: the children are keyed `parent__child`.
      return [
        {
          ...base,
          children: (field.children ?? []).flatMap((child) =>
            convert(child, `${key}${FLAT_SEPARATOR}`, '', true, true),
          ),
        },
      ];
    case 'json':
      return [
        {
          ...base,
          ...helpOf(field, `JSON, e.g. ${jsonExample(field)}.`),
          type: 'text',
        },
      ];
    case 'scalar':
      return [
        {
          ...base,
          ...helpOf(field),
          type: scalarType(field),
          ...choicesOf(field),
          ...defaultOf(field),
        },
      ];
  }
}

/**
 * Zapier input fields for a connector input: labels, help text, required, fixed choices, pick
 * lists as dynamic dropdowns, defaults; nested objects flattened to `parent__child` keys, arrays
 * of objects as line items, arrays inside a line item as JSON text (Zapier cannot nest them).
 */
export function toZapierInputFields(fields: readonly PlatformField[]): ZapierInputField[] {
  return fields.flatMap((field) => convert(field, '', '', true, false));
}
