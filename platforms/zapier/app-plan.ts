/**
 * The Zapier app of a connector, as data: what `index.js` exports, with a {@link RunRef} where
 * Zapier needs a function. Pure and platform-only: it reads the connector object and knows
 * nothing of the API behind it.
 */
import type { z } from 'zod';
import type { AnyAction, AnyTrigger, ConnectorDefinition } from '../../sdk/define';
import { ConnectorError } from '../../sdk/errors';
import { labelize } from '../../sdk/schema';
import { authorizationOptions, platformFields } from '../shared';
import type { AuthorizationOption } from '../shared';
import { toZapierAuthFields } from './auth-fields';
import type { ZapierAuthType } from './auth-fields';
import { pickListTriggerKey, toZapierInputFields } from './input-fields';
import { toZapierOutputFields } from './output-fields';
import type { ZapierInputField, ZapierOutputField } from './zapier-types';

/** The zapier-platform-core version the generated app pins (its `platformVersion`). */
export const ZAPIER_PLATFORM_VERSION = '19.1.0';

/** A function of the generated app's runtime (`run.create("key")` in `index.js`). */
export interface RunRef {
  $run:
    | 'create'
    | 'search'
    | 'trigger'
    | 'pickList'
    | 'test'
    | 'connectionLabel'
    | 'sessionPerform'
    | 'authorizeUrl'
    | 'getAccessToken'
    | 'refreshAccessToken';
  key?: string;
}

/** One trigger, search or create. */
export interface ZapierOperationPlan {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: {
    type?: 'polling';
    inputFields?: ZapierInputField[];
    outputFields?: ZapierOutputField[];
    sample: Record<string, unknown>;
    perform: RunRef;
  };
}

/** The whole app. */
export interface ZapierAppPlan {
  version: string;
  platformVersion: string;
  authentication: {
    type: ZapierAuthType;
    fields: ZapierInputField[];
    test: RunRef;
    connectionLabel: RunRef;
    sessionConfig?: { perform: RunRef };
    oauth2Config?: {
      authorizeUrl: RunRef;
      getAccessToken: RunRef;
      refreshAccessToken: RunRef;
      autoRefresh: boolean;
      enablePkce: boolean;
    };
  };
  triggers: Record<string, ZapierOperationPlan>;
  searches: Record<string, ZapierOperationPlan>;
  creates: Record<string, ZapierOperationPlan>;
}

const run = (name: RunRef['$run'], key?: string): RunRef =>
  key === undefined ? { $run: name } : { $run: name, key };

/** "Search inbox tasks" -> "Inbox tasks": the title without its verb. */
function nounOf(title: string): string {
  const rest = title.split(' ').slice(1).join(' ');
  const noun = rest === '' ? title : rest;
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

function objectFields(schema: z.ZodType) {
  return platformFields(schema as z.ZodObject);
}

/**
 * The Zapier authentication of an option. Token grants become `session` auth (its perform runs
 * the grant; Zapier stores the token) except the authorization-code grant, which is Zapier's own
 * `oauth2` flow. HTTP Basic is Zapier's `basic` when the connection names its fields `username`
 * and `password` (the keys Zapier's basic auth keeps), else `custom`; an API key is `custom`.
 *
 * @throws ConnectorError `invalid_input` naming an authorization type Zapier has no equivalent for.
 */
export function zapierAuthTypeOf(
  option: AuthorizationOption<unknown>,
  connectionFieldKeys: readonly string[],
): ZapierAuthType {
  const auth = option.option as { type: string; grant?: string };
  switch (auth.type) {
    case 'oauth2':
      return auth.grant === 'authorization_code' ? 'oauth2' : 'session';
    case 'basic_auth':
      return connectionFieldKeys.includes('username') && connectionFieldKeys.includes('password')
        ? 'basic'
        : 'custom';
    case 'api_key':
      return 'custom';
    default:
      throw new ConnectorError(
        'invalid_input',
        `Authorization option "${option.key}" is of type "${auth.type}", which a Zapier app cannot express.`,
        {
          hint: 'Zapier apps take oauth2, basic_auth and api_key authorizations; build another option with --option.',
        },
      );
  }
}

function actionPlan<C>(
  key: string,
  action: AnyAction<C>,
  kind: 'create' | 'search',
): ZapierOperationPlan {
  return {
    key,
    noun: nounOf(action.title),
    display: { label: action.title, description: action.description },
    operation: {
      inputFields: toZapierInputFields(objectFields(action.input_fields)),
      outputFields: toZapierOutputFields(objectFields(action.output_fields)),
      sample: action.sample_output as Record<string, unknown>,
      perform: run(kind, key),
    },
  };
}

function triggerPlan<C>(key: string, trigger: AnyTrigger<C>): ZapierOperationPlan {
  const sample = trigger.output_fields.parse(trigger.sample_output) as Record<string, unknown>;
  return {
    key,
    noun: nounOf(trigger.title),
    display: { label: trigger.title, description: trigger.description },
    operation: {
      type: 'polling',
      inputFields: toZapierInputFields(objectFields(trigger.input_fields)),
      outputFields: [
        { key: 'id', label: 'ID', type: 'string' },
        ...toZapierOutputFields(objectFields(trigger.output_fields)).filter(
          (field) => field.key !== 'id',
        ),
      ],
      // Zapier de-duplicates by `id`: the connector's dedup key is it.
      sample: { ...sample, id: trigger.dedup(sample) },
      perform: run('trigger', key),
    },
  };
}

function pickListPlan(name: string): ZapierOperationPlan {
  const label = labelize(name);
  return {
    key: pickListTriggerKey(name),
    noun: label,
    display: {
      label: `List ${label.toLowerCase()}`,
      description: `Lists ${label.toLowerCase()} for dropdown fields.`,
      hidden: true,
    },
    operation: { sample: { id: 'value', label: 'Label' }, perform: run('pickList', name) },
  };
}

/** The authorization option keys a connector offers (`default` for a single one). */
export function zapierOptionKeys<F extends z.ZodObject>(
  connector: ConnectorDefinition<F>,
): string[] {
  return authorizationOptions(connector).map((option) => option.key);
}

/**
 * The Zapier app of `connector` for one authorization option: actions as creates, read-only ones
 * (`read_only: true`) as searches, triggers as polling triggers, pick lists as hidden triggers
 * behind dynamic dropdowns, and the option as Zapier auth ({@link zapierAuthTypeOf}).
 *
 * @throws Error when `optionKey` is not one of the connector's authorization options.
 */
export function zapierAppPlan<F extends z.ZodObject>(
  connector: ConnectorDefinition<F>,
  optionKey: string,
): ZapierAppPlan {
  const options = authorizationOptions(connector);
  const option = options.find((candidate) => candidate.key === optionKey);
  if (option === undefined)
    throw new Error(
      `The connector has no authorization option "${optionKey}"; it has: ${options.map((o) => o.key).join(', ')}.`,
    );
  const connectionFields = objectFields(connector.connection.fields);
  const type = zapierAuthTypeOf(
    option as AuthorizationOption<unknown>,
    connectionFields.map((field) => field.key),
  );
  const fields = toZapierAuthFields(type, connectionFields, option.selectorField);
  const authentication: ZapierAppPlan['authentication'] = {
    type,
    fields,
    test: run('test'),
    connectionLabel: run('connectionLabel'),
    ...(type === 'session' ? { sessionConfig: { perform: run('sessionPerform') } } : {}),
    ...(type === 'oauth2' && option.option.type === 'oauth2'
      ? {
          oauth2Config: {
            authorizeUrl: run('authorizeUrl'),
            getAccessToken: run('getAccessToken'),
            refreshAccessToken: run('refreshAccessToken'),
            autoRefresh: true,
            enablePkce: option.option.pkce ?? true,
          },
        }
      : {}),
  };
  const triggers: Record<string, ZapierOperationPlan> = {};
  for (const [key, trigger] of Object.entries(connector.triggers))
    triggers[key] = triggerPlan(key, trigger);
  for (const name of Object.keys(connector.pick_lists)) {
    const plan = pickListPlan(name);
    triggers[plan.key] = plan;
  }
  const searches: Record<string, ZapierOperationPlan> = {};
  const creates: Record<string, ZapierOperationPlan> = {};
  for (const [key, action] of Object.entries(connector.actions)) {
    if (action.read_only === true) searches[key] = actionPlan(key, action, 'search');
    else creates[key] = actionPlan(key, action, 'create');
  }
  return {
    version: connector.version,
    platformVersion: ZAPIER_PLATFORM_VERSION,
    authentication,
    triggers,
    searches,
    creates,
  };
}
