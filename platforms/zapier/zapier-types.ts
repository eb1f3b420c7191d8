/**
 * The parts of Zapier's app schema (zapier-platform-schema 19) the generator writes. Only the
 * keys used here; Zapier's `validate` checks the whole app against the full schema.
 */

/** One choice of a static dropdown. */
export interface ZapierChoice {
  value: string;
  label: string;
  sample: string;
}

/** Zapier input field types. */
export type ZapierInputType =
  'string' | 'text' | 'integer' | 'number' | 'boolean' | 'datetime' | 'password' | 'json';

/** An input field of a trigger, search or create, or of the authentication form. */
export interface ZapierInputField {
  key: string;
  label: string;
  helpText?: string;
  required: boolean;
  type?: ZapierInputType;
  default?: string;
  choices?: ZapierChoice[];
  /** `triggerKey.idField.labelField` of a hidden trigger that lists the choices. */
  dynamic?: string;
  list?: boolean;
  dict?: boolean;
  /** Line items: the fields of one row. */
  children?: ZapierInputField[];
  /** Auth fields only: filled by the app (session perform), not by the user. */
  computed?: boolean;
}

/** Zapier output field types. */
export type ZapierOutputType = 'string' | 'number' | 'integer' | 'boolean' | 'datetime';

/** An output field; nested keys use `parent__child`, array items `list[]child`. */
export interface ZapierOutputField {
  key: string;
  label: string;
  type: ZapierOutputType;
}
