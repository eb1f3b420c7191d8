/**
 * A platform-neutral account of a connector object: its connection form, authorization
 * options, operations and pick lists, as every platform generator needs them. Built from the
 * definition alone (zod schemas and declared keys); it never runs a lambda.
 */
import type {
  AnyAction,
  AnyTrigger,
  ConnectorDefinition,
  OAuth2Authorization,
  OAuth2FieldNames,
} from '../../sdk/define';
import { ConnectorError } from '../../sdk/errors';
import type { z } from 'zod';
import { describeFields } from './field-model';
import type { PlatformField } from './field-model';

/** Any connector definition, whatever its connection type. */
export type AnyConnector = ConnectorDefinition<z.ZodObject>;

/** One way to authorize a connection (one option of a `multi` authorization, or the only one). */
export interface PlatformAuthOption {
  /** The option key (`refresh_token`); `oauth2` for a connector with a single authorization. */
  key: string;
  title: string;
  grant: OAuth2Authorization<unknown>['grant'];
  pkce: boolean;
  /** Which connection fields hold the client id, secret, URLs and refresh token. */
  fieldNames: OAuth2FieldNames;
}

/** One action or trigger. */
export interface PlatformOperation {
  key: string;
  title: string;
  subtitle?: string;
  description: string;
  help?: string;
  input: PlatformField[];
  output: PlatformField[];
  /** The output array marked `records: true`, when the operation returns a list. */
  recordsField?: string;
  /** Functional areas / permissions it needs. */
  scopes: readonly string[];
}

/** A connector as platform generators see it. */
export interface PlatformConnectorModel {
  title: string;
  description: string;
  version: string;
  connectionFields: PlatformField[];
  /**
   * The connection field that chooses the authorization option (a `multi` authorization), found
   * as the enum field whose values are exactly the option keys. Absent with a single option.
   */
  selectorField?: string;
  authOptions: PlatformAuthOption[];
  actions: PlatformOperation[];
  triggers: PlatformOperation[];
  pickLists: string[];
}

function operationOf(key: string, operation: AnyAction<unknown> | AnyTrigger<unknown>) {
  const output = describeFields(operation.output_fields);
  const records = output.filter((field) => field.records && field.type === 'array');
  if (records.length > 1)
    throw new ConnectorError(
      'invalid_input',
      `Operation "${key}" marks ${records.length} output arrays as records (${records.map((f) => f.name).join(', ')}); at most one may be.`,
      { hint: 'Keep `records: true` on the array that holds the records found.' },
    );
  const model: PlatformOperation = {
    key,
    title: operation.title,
    description: operation.description,
    input: describeFields(operation.input_fields),
    output,
    scopes: operation.scopes,
  };
  if (operation.subtitle !== undefined) model.subtitle = operation.subtitle;
  if (operation.help !== undefined) model.help = operation.help;
  if (records[0] !== undefined) model.recordsField = records[0].name;
  return model;
}

function authOptionOf(key: string, option: { type: string }): PlatformAuthOption {
  // basic_auth and api_key have no token for a platform to keep; the n8n generator has no
  // credential shape for them yet, so it refuses them by name rather than build a broken node.
  if (!isOAuth2(option))
    throw new ConnectorError(
      'invalid_input',
      `Authorization option "${key}" is of type "${option.type}", which this platform generator cannot express yet (only "oauth2", any grant).`,
      {
        hint: 'Build another target for this connector, or give it an oauth2 authorization option.',
      },
    );
  return {
    key,
    title: option.title ?? key,
    grant: option.grant,
    pkce: option.grant === 'authorization_code' && (option.pkce ?? true),
    fieldNames: option.field_names ?? {},
  };
}

function isOAuth2(option: { type: string }): option is OAuth2Authorization<unknown> {
  return option.type === 'oauth2';
}

function selectorOf(fields: PlatformField[], keys: string[]): string {
  const wanted = [...keys].sort().join('\0');
  const found = fields.find(
    (field) =>
      field.options !== undefined &&
      field.options
        .map((option) => option.value)
        .sort()
        .join('\0') === wanted,
  );
  if (found === undefined)
    throw new ConnectorError(
      'invalid_input',
      `The multi authorization's options (${keys.join(', ')}) are not the values of any connection field.`,
      {
        hint: 'Add an enum connection field whose values are the option keys, and return it from `selected`.',
      },
    );
  return found.name;
}

/**
 * Describes a connector definition for the platform generators.
 *
 * @throws ConnectorError `invalid_input` when the definition cannot be described (no field
 *   selects the authorization option, two record arrays in one output).
 */
export function describeConnector(definition: AnyConnector): PlatformConnectorModel {
  const connectionFields = describeFields(definition.connection.fields);
  const auth = definition.connection.authorization;
  const authOptions =
    auth.type === 'multi'
      ? Object.entries(auth.options).map(([key, option]) => authOptionOf(key, option))
      : [authOptionOf(auth.type, auth)];
  const model: PlatformConnectorModel = {
    title: definition.title,
    description: definition.description,
    version: definition.version,
    connectionFields,
    authOptions,
    actions: Object.entries(definition.actions).map(([key, action]) => operationOf(key, action)),
    triggers: Object.entries(definition.triggers).map(([key, trigger]) =>
      operationOf(key, trigger),
    ),
    pickLists: Object.keys(definition.pick_lists),
  };
  if (auth.type === 'multi')
    model.selectorField = selectorOf(
      connectionFields,
      authOptions.map((option) => option.key),
    );
  return model;
}
