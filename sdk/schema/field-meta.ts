/**
 * The metadata keys a zod schema may carry for the connector UI, set with zod 4's
 * `.meta({...})`. `.describe(text)` also works and becomes the hint when no `hint` is given.
 *
 * @example
 * z.string().meta({ label: 'Client secret', hint: 'From View API Clients.', secret: true })
 */
export interface FieldMeta {
  /** Label shown to the recipe builder; defaults to the field name, labelized (`journal_id` -> `Journal id`). */
  label?: string;
  /** One line of help under the field. */
  hint?: string;
  /** Name of a `pick_lists` entry that supplies the options of a select field. */
  pick_list?: string;
  /** Keep an optional field visible instead of tucking it into "optional fields". */
  sticky?: boolean;
  /** Workato control type (`text`, `text-area`, `select`, `password`, ...); derived from the type when absent. */
  control_type?: string;
  /** The value is a credential: shown as a password field and scrubbed from all output. */
  secret?: boolean;
  /**
   * On an array of an operation's output: these are the records the operation found. Platforms
   * that pass records one at a time (an n8n item per record) emit one per element.
   */
  records?: boolean;
}

declare module 'zod' {
  // zod 4's documented way to type `.meta()`: merge our keys into its GlobalMeta.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from FieldMeta
  interface GlobalMeta extends FieldMeta {}
}
