/**
 * Connector fields as n8n parameters: labels, hints as descriptions, required flags, defaults,
 * enum choices, pick lists as load-options methods, nested objects as a fixed collection, arrays
 * of objects as a repeatable group, arrays of scalars as multiple values, values of no fixed
 * shape as JSON.
 */
import type { PlatformField } from '../shared/field-model';
import type { N8nProperty } from './n8n-types';

/** The fixed-collection group name under which objects and array items are entered. */
export const GROUP = 'values';

function emptyDefault(field: PlatformField): unknown {
  switch (field.type) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'object':
    case 'array':
      return field.properties === undefined ? [] : {};
    default:
      return '';
  }
}

function defaultOf(field: PlatformField): unknown {
  if (field.default === undefined) return emptyDefault(field);
  if (field.type === 'json') return JSON.stringify(field.default);
  if (field.type === 'array' && field.properties === undefined && Array.isArray(field.default))
    return field.default;
  if (typeof field.default === 'object' && field.default !== null) return emptyDefault(field);
  return field.default;
}

const PLACEHOLDERS: Partial<Record<PlatformField['type'], string>> = {
  date: 'e.g. 2026-03-31',
  date_time: 'e.g. 2026-03-31T09:00:00Z',
  json: 'e.g. {"key": "value"}',
};

/** One connector field as an n8n parameter named `name` (the field's own name by default). */
export function toN8nProperty(field: PlatformField, name: string = field.name): N8nProperty {
  const base: N8nProperty = {
    displayName: field.label,
    name,
    type: 'string',
    default: defaultOf(field),
  };
  if (field.description !== undefined) base.description = field.description;
  if (field.required) base.required = true;
  const placeholder = PLACEHOLDERS[field.type];
  if (placeholder !== undefined) base.placeholder = placeholder;

  if (field.pickList !== undefined) {
    return {
      ...base,
      type: 'options',
      default: typeof base.default === 'string' ? base.default : '',
      typeOptions: { loadOptionsMethod: field.pickList },
    };
  }
  if (field.options !== undefined) {
    return {
      ...base,
      type: 'options',
      options: field.options.map((option) => ({ name: option.label, value: option.value })),
    };
  }
  switch (field.type) {
    case 'integer':
      return { ...base, type: 'number', typeOptions: { numberPrecision: 0 } };
    case 'number':
      return { ...base, type: 'number' };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'json':
      return { ...base, type: 'json' };
    case 'object':
      return groupOf(base, field, false);
    case 'array':
      if (field.properties !== undefined) return groupOf(base, field, true);
      return {
        ...base,
        type: field.itemType === 'number' || field.itemType === 'integer' ? 'number' : 'string',
        typeOptions: { multipleValues: true, multipleValueButtonText: `Add ${field.label}` },
        default: Array.isArray(base.default) ? base.default : [],
      };
    default:
      return field.secret ? { ...base, typeOptions: { password: true } } : base;
  }
}

function groupOf(base: N8nProperty, field: PlatformField, multiple: boolean): N8nProperty {
  const values = (field.properties ?? []).map((sub) => toN8nProperty(sub));
  return {
    ...base,
    type: 'fixedCollection',
    default: {},
    placeholder: `Add ${field.label}`,
    typeOptions: multiple
      ? { multipleValues: true, multipleValueButtonText: `Add ${field.label}` }
      : { multipleValues: false },
    options: [{ name: GROUP, displayName: field.label, values }],
  };
}
