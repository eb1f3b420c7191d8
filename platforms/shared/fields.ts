/**
 * A platform-neutral description of a connector's fields, derived from the SDK's zod walk
 * (`toWorkatoFields`), that every platform generator (n8n, Zapier, ...) turns into its own
 * field format. It says what a field is, never how a platform shows it.
 */
import type { z } from 'zod';
import { toWorkatoFields } from '../../sdk/schema';
import type { WorkatoField, WorkatoFieldType } from '../../sdk/schema';

/** The value type of a field. `date` is a calendar date (YYYY-MM-DD), `datetime` an ISO instant. */
export type PlatformFieldType =
  'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'object' | 'array';

/** One choice of a fixed-choice field. */
export interface PlatformChoice {
  value: string;
  label: string;
}

/** One field of an input, an output or the connection form. */
export interface PlatformField {
  /** The key in the object the connector receives or returns. */
  key: string;
  label: string;
  help?: string;
  type: PlatformFieldType;
  /** False when the field may be left out (zod `.optional()` or `.default()`). */
  required: boolean;
  /** A credential: shown masked, never logged. */
  secret: boolean;
  /** Free text that may span lines (a comment), rather than one line. */
  multiline: boolean;
  /** The value the connector uses when the field is left out. */
  default?: unknown;
  /** Fixed choices (an enum). */
  choices?: PlatformChoice[];
  /** Name of the connector's pick list that supplies the choices at run time. */
  pickList?: string;
  /** Shown by default even though optional. */
  sticky: boolean;
  /** `object`: its properties; `array` of objects: the properties of one item. Absent: free-form. */
  children?: PlatformField[];
  /** `array`: the type of its items. */
  itemType?: PlatformFieldType;
}

function typeOf(type: WorkatoFieldType): PlatformFieldType {
  if (type === 'date_time') return 'datetime';
  return type;
}

function fromWorkato(field: WorkatoField): PlatformField {
  const out: PlatformField = {
    key: field.name,
    label: field.label,
    type: typeOf(field.type),
    required: !field.optional,
    secret: field.control_type === 'password',
    multiline: field.control_type === 'text-area',
    sticky: field.sticky === true,
  };
  if (field.hint !== undefined) out.help = field.hint;
  if (field.default !== undefined) out.default = field.default;
  if (field.options !== undefined)
    out.choices = field.options.map(([label, value]) => ({ value, label }));
  if (field.pick_list !== undefined) out.pickList = field.pick_list;
  if (field.properties !== undefined) out.children = field.properties.map(fromWorkato);
  if (field.of !== undefined) out.itemType = typeOf(field.of);
  return out;
}

/**
 * The fields of an object schema (an action's input or output, a trigger's event, the connection
 * form), in declaration order, with nested objects and array items as `children`.
 */
export function platformFields(schema: z.ZodObject): PlatformField[] {
  return toWorkatoFields(schema).map(fromWorkato);
}
