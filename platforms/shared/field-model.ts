/**
 * A platform-neutral description of a zod schema's fields, read with the SDK's zod walk: what
 * every platform generator (n8n, Zapier) turns into its own form fields. It says what the
 * connector declares (labels, hints, required, defaults, choices, nesting); how a platform
 * draws it is the generator's business.
 */
import type { z } from 'zod';
import { labelize, unwrapSchema } from '../../sdk/schema';
import type { UnwrappedSchema } from '../../sdk/schema';

/** The kinds of value a field holds. `json` is a value of no fixed shape (a record, `unknown`). */
export type PlatformFieldType =
  'string' | 'integer' | 'number' | 'boolean' | 'date' | 'date_time' | 'object' | 'array' | 'json';

/** One choice of a fixed set. */
export interface PlatformOption {
  label: string;
  value: string;
}

/** One field of an input, output or connection schema. */
export interface PlatformField {
  name: string;
  label: string;
  /** The hint (`.meta({ hint })` or `.describe()`), one line of help. */
  description?: string;
  type: PlatformFieldType;
  /** False when `optional()` or `default()` lets the field be left out. */
  required: boolean;
  /** Set when the schema has a `default()`. */
  default?: unknown;
  /** The choices of an enum (or a union of literals). */
  options?: PlatformOption[];
  /** The `pick_lists` entry whose `[label, value]` pairs are the choices. */
  pickList?: string;
  /** A credential: a password field, never shown back. */
  secret: boolean;
  /** Keep an optional field visible rather than among "additional fields". */
  sticky: boolean;
  /** Object: its fields. Array of objects: the fields of one item. */
  properties?: PlatformField[];
  /** Array: the type of one item. */
  itemType?: PlatformFieldType;
  /** Array in an output: the records the operation found (see `FieldMeta.records`). */
  records: boolean;
}

function typeOf(field: UnwrappedSchema): PlatformFieldType {
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
      return def.shape === undefined ? 'json' : 'object';
    case 'record':
    case 'unknown':
    case 'any':
      return 'json';
    case 'array':
      return 'array';
    case 'string':
      if (format === 'date') return 'date';
      if (format === 'datetime') return 'date_time';
      return 'string';
    default:
      // Enums, literals, unions of scalars (a decimal as text or number): entered as text.
      return 'string';
  }
}

function optionsOf(field: UnwrappedSchema): PlatformOption[] | undefined {
  const { def } = field;
  const values =
    def.type === 'enum' && def.entries !== undefined
      ? Object.values(def.entries)
      : def.type === 'literal' && def.values !== undefined && def.values.length > 1
        ? def.values
        : undefined;
  return values?.map((value) => ({ label: labelize(String(value)), value: String(value) }));
}

function describeField(name: string, schema: z.ZodType): PlatformField {
  const field = unwrapSchema(schema);
  const { meta, def } = field;
  const type = typeOf(field);
  const out: PlatformField = {
    name,
    label: meta.label ?? labelize(name),
    type,
    required: !field.optional,
    secret: meta.secret === true,
    sticky: meta.sticky === true,
    records: meta.records === true,
  };
  const hint = meta.hint ?? meta.description;
  if (hint !== undefined) out.description = hint;
  if (field.hasDefault) out.default = field.defaultValue;
  const options = optionsOf(field);
  if (options !== undefined) out.options = options;
  if (meta.pick_list !== undefined) out.pickList = meta.pick_list;
  if (type === 'object' && def.shape !== undefined) out.properties = describeShape(def.shape);
  if (type === 'array' && def.element !== undefined) {
    const item = unwrapSchema(def.element);
    out.itemType = typeOf(item);
    if (out.itemType === 'object' && item.def.shape !== undefined)
      out.properties = describeShape(item.def.shape);
  }
  return out;
}

function describeShape(shape: Record<string, z.ZodType>): PlatformField[] {
  return Object.entries(shape).map(([name, schema]) => describeField(name, schema));
}

/**
 * The fields of an object schema (an action's input or output, the connection form), in
 * declaration order, nested objects and arrays of objects with their own fields.
 */
export function describeFields(schema: z.ZodType): PlatformField[] {
  const { def } = unwrapSchema(schema);
  return def.shape === undefined ? [] : describeShape(def.shape);
}
