import type { z } from 'zod';
import { unwrapSchema } from './zod-walk';
import type { UnwrappedSchema } from './zod-walk';

/** Workato field types (Workato schema reference `type`). */
export type WorkatoFieldType =
  'string' | 'integer' | 'number' | 'boolean' | 'date' | 'date_time' | 'object' | 'array';

/** One field of a Workato schema, as the manifest lists it for the recipe editor. */
export interface WorkatoField {
  name: string;
  label: string;
  type: WorkatoFieldType;
  optional: boolean;
  control_type?: string;
  hint?: string;
  pick_list?: string;
  /** Sub-fields of an object, or of the objects in an array. */
  properties?: WorkatoField[];
  /** Item type of an array. */
  of?: WorkatoFieldType;
  sticky?: boolean;
  default?: unknown;
  /** `[label, value]` pairs of an enum. */
  options?: Array<[string, string]>;
}

const WORDS_IN_CAPS = /^(id|url|uri|api|soap|rest|iso)$/i;

/**
 * `journal_id` -> `Journal ID`, `restApiEndpoint` -> `REST API endpoint`: words split on `_`,
 * `-` and camel humps, the first capitalised, a few acronyms upper case.
 */
export function labelize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word.length > 0)
    .map((word) => (WORDS_IN_CAPS.test(word) ? word.toUpperCase() : word.toLowerCase()));
  const first = words[0];
  if (first === undefined) return name;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ');
}

function scalarType(field: UnwrappedSchema): WorkatoFieldType {
  const { def } = field;
  const format = (field.core as { format?: unknown }).format ?? def.format;
  switch (def.type) {
    case 'number':
      return format === 'safeint' || format === 'int32' || format === 'uint32'
        ? 'integer'
        : 'number';
    case 'int':
    case 'bigint':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date_time';
    case 'object':
    case 'record':
      return 'object';
    case 'array':
      return 'array';
    case 'string':
      if (format === 'date') return 'date';
      if (format === 'datetime') return 'date_time';
      return 'string';
    default:
      return 'string';
  }
}

function enumOptions(field: UnwrappedSchema): Array<[string, string]> | undefined {
  const { def } = field;
  if (def.type === 'enum' && def.entries !== undefined)
    return Object.values(def.entries).map((value) => [labelize(String(value)), String(value)]);
  if (def.type === 'literal' && def.values !== undefined && def.values.length > 1)
    return def.values.map((value) => [labelize(String(value)), String(value)]);
  return undefined;
}

function toField(name: string, schema: z.ZodType): WorkatoField {
  const field = unwrapSchema(schema);
  const { meta, def } = field;
  const type = scalarType(field);
  const out: WorkatoField = {
    name,
    label: meta.label ?? labelize(name),
    type,
    optional: field.optional,
  };
  const hint = meta.hint ?? meta.description;
  if (hint !== undefined) out.hint = hint;
  const options = enumOptions(field);
  let controlType = meta.control_type;
  if (options !== undefined) {
    out.options = options;
    controlType ??= 'select';
  }
  if (meta.pick_list !== undefined) {
    out.pick_list = meta.pick_list;
    controlType ??= 'select';
  }
  if (meta.secret === true) controlType = 'password';
  if (controlType === undefined && type === 'date') controlType = 'date';
  if (controlType === undefined && type === 'date_time') controlType = 'date_time';
  if (controlType !== undefined) out.control_type = controlType;
  if (meta.sticky !== undefined) out.sticky = meta.sticky;
  if (field.hasDefault) out.default = field.defaultValue;
  if (type === 'object' && def.type === 'object' && def.shape !== undefined)
    out.properties = fieldsOfShape(def.shape);
  if (type === 'array' && def.element !== undefined) {
    const item = unwrapSchema(def.element);
    out.of = scalarType(item);
    if (item.def.type === 'object' && item.def.shape !== undefined)
      out.properties = fieldsOfShape(item.def.shape);
  }
  return out;
}

function fieldsOfShape(shape: Record<string, z.ZodType>): WorkatoField[] {
  return Object.entries(shape).map(([name, schema]) => toField(name, schema));
}

/**
 * The Workato field list of an object schema: labels and hints from `.meta()`/`.describe()`,
 * `optional` from `.optional()`/`.default()`, nested objects as `properties`, arrays as `of`
 * (+ `properties` for object items), enums as selects, `z.iso.date()`/`z.iso.datetime()` as
 * `date`/`date_time`, and secret fields as passwords.
 *
 * @param schema The object schema of an action's input or output, or of the connection.
 * @returns One field per key, in declaration order.
 */
export function toWorkatoFields(schema: z.ZodObject): WorkatoField[] {
  return fieldsOfShape(schema.shape as Record<string, z.ZodType>);
}
