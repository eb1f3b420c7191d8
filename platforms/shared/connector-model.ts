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
  SingleAuthorization,
} from '../../sdk/define';
import { ConnectorError } from '../../sdk/errors';
import type { z } from 'zod';
import { authorizationOptions } from './authorization-options';
import { describeFields } from './field-model';
import type { PlatformField } from './field-model';

/** Any connector definition, whatever its connection type. */
export type AnyConnector = ConnectorDefinition<z.ZodObject>;

/** One way to authorize a connection (one option of a `multi` authorization, or the only one). */
export interface PlatformAuthOption {
  /**
   * The option key (`refresh_token`); for a connector with a single authorization, its type
   * (`oauth2`, `basic_auth`, `api_key`).
   */
  key: string;
  title: string;
  /** The SDK authorization type: a token to obtain and keep (`oauth2`) or static credentials. */
  type: SingleAuthorization<unknown>['type'];
  /** The OAuth2 grant; absent for `basic_auth` and `api_key`, which have no token. */
  grant?: OAuth2Authorization<unknown>['grant'];
  pkce: boolean;
  /** Which connection fields hold the client id, secret, URLs and refresh token (OAuth2 only). */
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

const AUTHORIZATION_TYPES: ReadonlySet<string> = new Set(['oauth2', 'basic_auth', 'api_key']);

function authOptionOf(key: string, option: { type: string; title?: string }): PlatformAuthOption {
  if (!AUTHORIZATION_TYPES.has(option.type))
    throw new ConnectorError(
      'invalid_input',
      `Authorization option "${key}" is of type "${option.type}", which the platform generators cannot express (oauth2, basic_auth and api_key only).`,
      { hint: 'Use one of the SDK authorization types in sdk/define.ts.' },
    );
  if (!isOAuth2(option))
    return {
      key,
      title: option.title ?? key,
      type: option.type as PlatformAuthOption['type'],
      pkce: false,
      fieldNames: {},
    };
  return {
    key,
    title: option.title ?? key,
    type: 'oauth2',
    grant: option.grant,
    pkce: option.grant === 'authorization_code' && (option.pkce ?? true),
    fieldNames: option.field_names ?? {},
  };
}

function isOAuth2(option: { type: string }): option is OAuth2Authorization<unknown> {
  return option.type === 'oauth2';
}

/**
 * Describes a connector definition for the platform generators.
 *
 * @throws ConnectorError `invalid_input` when the definition cannot be described (no field
 *   selects the authorization option, an authorization type no platform has, two record arrays
 *   in one output).
 */
export function describeConnector(definition: AnyConnector): PlatformConnectorModel {
  const connectionFields = describeFields(definition.connection.fields);
  // The same options, and the same selector rule, as the Zapier generator's; a single
  // authorization is keyed by its type here (n8n credential names read it).
  const options = authorizationOptions(definition);
  const authOptions = options.map(({ key, option, selectorField }) =>
    authOptionOf(selectorField === undefined ? option.type : key, option),
  );
  const selectorField = options[0]?.selectorField;
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
  if (selectorField !== undefined) model.selectorField = selectorField;
  return model;
}
