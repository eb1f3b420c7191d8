import { z } from 'zod';
import type { FieldMeta } from './field-meta';

/** Options for {@link toJsonSchema}. */
export interface JsonSchemaOptions {
  /**
   * Which side of transforms and defaults to describe: `input` (what a caller sends; fields
   * with defaults are optional) or `output` (what the connector returns).
   * @default 'input'
   */
  io?: 'input' | 'output';
}

// Our UI keys are not JSON Schema keywords; map the ones it has words for and drop the rest.
const UI_KEYS: ReadonlyArray<keyof FieldMeta> = [
  'label',
  'hint',
  'pick_list',
  'sticky',
  'control_type',
  'secret',
  'records',
];

/**
 * A JSON Schema (draft 2020-12) of a zod schema for the manifest: `label` becomes `title`,
 * `hint` becomes `description` (when none is set) and `secret` becomes `writeOnly`. Objects say
 * `additionalProperties: false`: the runtime refuses keys they do not declare.
 */
export function toJsonSchema(schema: z.ZodType, options: JsonSchemaOptions = {}): object {
  return z.toJSONSchema(schema, {
    io: options.io ?? 'input',
    unrepresentable: 'any',
    override(ctx) {
      const node = ctx.jsonSchema as Record<string, unknown>;
      if (typeof node.label === 'string' && node.title === undefined) node.title = node.label;
      if (typeof node.hint === 'string' && node.description === undefined)
        node.description = node.hint;
      if (node.secret === true) node.writeOnly = true;
      // The runtime refuses undeclared keys (unknown-keys.ts), so the schema says so too; an
      // object with a catchall (looseObject) accepts any key and is left as zod describes it.
      const def = (
        ctx.zodSchema as unknown as { _zod: { def: { type: string; catchall?: unknown } } }
      )._zod.def;
      if (def.type === 'object' && def.catchall === undefined) node.additionalProperties = false;
      for (const key of UI_KEYS) delete node[key];
    },
  });
}
