import type { z } from 'zod';
import type {
  AnyAction,
  AnyTrigger,
  ConnectorDefinition,
  SingleAuthorization,
} from '../../sdk/define';
import type { JsonSchemaOptions, WorkatoField } from '../../sdk/schema';
import { checkJsonSchema } from './json-schema-check';
import { MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION } from './manifest-types';
import type {
  BuildProblem,
  Manifest,
  ManifestAuthorizationOption,
  ManifestOperation,
} from './manifest-types';

/**
 * The schema export functions used to describe a definition. The build passes the copies the
 * bundle itself carries: zod keeps `.meta()` in a per-copy registry, so only the bundle's own zod
 * sees the labels and hints of the bundle's schemas.
 */
export interface SchemaTools {
  toWorkatoFields(schema: z.ZodObject): WorkatoField[];
  toJsonSchema(schema: z.ZodType, options?: JsonSchemaOptions): object;
}

/** A definition whose connection type does not matter to the manifest. */
export type AnyConnectorDefinition = ConnectorDefinition<z.ZodObject>;

function isObjectSchema(schema: unknown): schema is z.ZodObject {
  const def = (schema as { _zod?: { def?: { type?: unknown } } } | undefined)?._zod?.def;
  return def?.type === 'object';
}

function fieldsOf(
  tools: SchemaTools,
  schema: unknown,
  where: string,
  key: string,
  problems: BuildProblem[],
): WorkatoField[] {
  if (isObjectSchema(schema)) return tools.toWorkatoFields(schema);
  problems.push({ where, message: `"${key}" of ${where} is not a zod object schema` });
  return [];
}

function describeSample(
  operation: AnyAction<unknown> | AnyTrigger<unknown>,
  outputSchema: object,
  where: string,
  problems: BuildProblem[],
): unknown {
  const schema = operation.output_fields as z.ZodType;
  const parsed = schema.safeParse(operation.sample_output);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({
        where,
        field: issue.path.map(String).join('.'),
        message: `sample_output does not match the zod output schema: ${issue.message}`,
      });
    return operation.sample_output;
  }
  for (const issue of checkJsonSchema(outputSchema, parsed.data))
    problems.push({
      where,
      field: issue.path,
      message: `sample_output does not match the emitted JSON Schema: ${issue.message}`,
    });
  return parsed.data;
}

function describeOperation(
  tools: SchemaTools,
  key: string,
  operation: AnyAction<unknown> | AnyTrigger<unknown>,
  where: string,
  problems: BuildProblem[],
): ManifestOperation {
  const outputSchema = tools.toJsonSchema(operation.output_fields as z.ZodType, { io: 'output' });
  const described: ManifestOperation = {
    key,
    title: operation.title,
    description: operation.description,
    input_fields: fieldsOf(tools, operation.input_fields, where, 'input_fields', problems),
    output_fields: fieldsOf(tools, operation.output_fields, where, 'output_fields', problems),
    input_schema: tools.toJsonSchema(operation.input_fields as z.ZodType, { io: 'input' }),
    output_schema: outputSchema,
    sample_output: describeSample(operation, outputSchema, where, problems),
    scopes: [...(operation.scopes ?? [])],
    probes: (operation.probes ?? []).map((probe) => probe.name),
  };
  if (operation.subtitle !== undefined) described.subtitle = operation.subtitle;
  if (operation.help !== undefined) described.help = operation.help;
  return described;
}

function describeOption(
  key: string,
  option: SingleAuthorization<unknown>,
): ManifestAuthorizationOption {
  const described: ManifestAuthorizationOption = { key, type: option.type };
  if (option.title !== undefined) described.title = option.title;
  if (option.type === 'oauth2') {
    described.grant = option.grant;
    if (option.grant === 'authorization_code') described.pkce = option.pkce ?? true;
  }
  return described;
}

function describeAuthorization(
  definition: AnyConnectorDefinition,
): Manifest['connection']['authorization'] {
  const auth = definition.connection.authorization;
  if (auth.type !== 'multi') {
    const single = describeOption('default', auth as SingleAuthorization<unknown>);
    delete single.title;
    if (auth.type === 'oauth2') single.pkce = auth.pkce ?? true;
    return { type: auth.type, options: [single] };
  }
  const options = Object.entries(auth.options).map(([key, option]) =>
    describeOption(key, option as SingleAuthorization<unknown>),
  );
  return { type: auth.type, options };
}

/**
 * Describes a connector definition for the upload manifest and checks every `sample_output`
 * against its output schema twice: with zod, and with the JSON Schema the manifest ships.
 *
 * @param definition The connector as the bundle exports it.
 * @param tools The bundle's own schema export functions.
 * @param bundle Facts about the bundled file the manifest describes.
 * @returns The manifest and every problem found (an empty list means the build may proceed).
 */
export function createManifest(
  definition: AnyConnectorDefinition,
  tools: SchemaTools,
  bundle: Manifest['bundle'],
): { manifest: Manifest; problems: BuildProblem[] } {
  const problems: BuildProblem[] = [];
  const actions = Object.entries(definition.actions).map(([key, action]) =>
    describeOperation(tools, key, action, `actions.${key}`, problems),
  );
  const triggers = Object.entries(definition.triggers).map(([key, trigger]) =>
    describeOperation(tools, key, trigger, `triggers.${key}`, problems),
  );
  const fields = definition.connection.fields;
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    format_version: MANIFEST_FORMAT_VERSION,
    title: definition.title,
    version: definition.version,
    description: definition.description,
    connection: {
      fields: fieldsOf(tools, fields, 'connection', 'fields', problems),
      schema: tools.toJsonSchema(fields, { io: 'input' }),
      authorization: describeAuthorization(definition),
    },
    actions,
    triggers,
    pick_lists: Object.keys(definition.pick_lists),
    object_definitions: Object.keys(definition.object_definitions ?? {}),
    bundle,
  };
  return { manifest, problems };
}
