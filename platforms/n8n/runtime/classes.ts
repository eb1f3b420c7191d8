/**
 * The classes n8n loads from the generated package, made from the connector object at load
 * time: the action node, the polling-trigger node and one credential type per authorization
 * option. Every call runs the connector's own SDK session (validation, retries, redaction,
 * error taxonomy); only tokens come from n8n's credential store.
 */
import { ConnectorError } from '../../../sdk/errors';
import type { ApiKeyAuthorization, BasicAuthorization } from '../../../sdk/define';
import { createRedactor } from '../../../sdk/redact';
import { createSession, createStaticAuthHooks } from '../../../sdk/runtime';
import type { Session } from '../../../sdk/runtime';
import { describeConnector } from '../../shared';
import type { AnyConnector, PlatformAuthOption, PlatformConnectorModel } from '../../shared';
import {
  describeCredentials,
  ACCESS_TOKEN,
  ACCESS_TOKEN_EXPIRES_AT,
} from '../credential-description';
import { n8nNames } from '../naming';
import type { N8nNames } from '../naming';
import {
  AUTHENTICATION,
  credentialTestName,
  describeActionNode,
  describeTriggerNode,
  EVENT,
  OPERATION,
} from '../node-description';
import type { DescribedNode } from '../node-description';
import { connectionOf } from './connection';
import type { CredentialData } from './connection';
import { errorItemJson, toN8nError } from './errors';
import type {
  N8nContext,
  N8nExecuteContext,
  N8nItem,
  N8nLoadOptionsContext,
  N8nPollContext,
} from './n8n-context';
import { inputFromParameters } from './params';
import {
  oauth2TokenSource,
  preAuthenticationFailures,
  refreshTokenSource,
  TOKEN_ONLY_HEADER,
} from './token-sources';

/** Pages one poll drains at most when the trigger says `can_poll_more`; the rest waits. */
export const MAX_PAGES_PER_POLL = 10;

type Constructor = new () => object;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names a dynamically made class: n8n records `constructor.name` of what it loads. */
function named<T extends Constructor>(name: string, cls: T): T {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

interface Runtime {
  definition: AnyConnector;
  model: PlatformConnectorModel;
  names: N8nNames;
}

function optionOf(runtime: Runtime, key: unknown): PlatformAuthOption {
  const option = runtime.model.authOptions.find((candidate) => candidate.key === key);
  if (option === undefined)
    throw new ConnectorError('invalid_input', `Unknown authentication "${String(key)}".`, {
      hint: `Choose one of: ${runtime.model.authOptions.map((o) => o.key).join(', ')}.`,
    });
  return option;
}

function credentialTypeOf(runtime: Runtime, option: PlatformAuthOption): string {
  return runtime.names.credentials[option.key]?.name ?? option.key;
}

function refreshTokenFieldOf(runtime: Runtime, option: PlatformAuthOption) {
  const name = option.fieldNames.refresh_token;
  return runtime.model.connectionFields.find((field) => field.name === name);
}

/** A session whose tokens live in the node's credential. */
async function openSession(
  runtime: Runtime,
  context: N8nContext,
  option: PlatformAuthOption,
  itemIndex?: number,
): Promise<Session<unknown>> {
  const credentialType = credentialTypeOf(runtime, option);
  const data = (await context.getCredentials(credentialType, itemIndex)) as CredentialData;
  const connection = connectionOf(runtime.model, option, data);
  // basic_auth / api_key: the session applies the static credentials itself; no token store.
  if (option.type !== 'oauth2') return createSession(runtime.definition, { connection });
  const tokenSource =
    option.grant === 'authorization_code'
      ? oauth2TokenSource(context, credentialType, option, data)
      : refreshTokenSource(context, credentialType, option, data);
  return createSession(runtime.definition, { connection, tokenSource });
}

function itemsOf(runtime: Runtime, operation: string, output: unknown, item: number): N8nItem[] {
  const field = runtime.model.actions.find((action) => action.key === operation)?.recordsField;
  const paired = { item };
  if (field !== undefined && isRecord(output) && Array.isArray(output[field]))
    return output[field].map((record: unknown) => ({
      json: isRecord(record) ? record : { value: record },
      pairedItem: paired,
    }));
  return [{ json: isRecord(output) ? output : { value: output }, pairedItem: paired }];
}

function actionNodeClass(runtime: Runtime, described: DescribedNode): Constructor {
  const { definition, model } = runtime;
  const loadOptions = Object.fromEntries(
    model.pickLists.map((name) => [
      name,
      async function (this: N8nLoadOptionsContext) {
        const option = optionOf(
          runtime,
          this.getNodeParameter(AUTHENTICATION, model.authOptions[0]?.key),
        );
        let session: Session<unknown> | undefined;
        try {
          session = await openSession(runtime, this, option);
          const pairs = await session.pickList(name);
          return pairs.map(([label, value]) => ({ name: label, value }));
        } catch (error: unknown) {
          throw toN8nError(this.getNode(), error, {
            refreshTokenField: refreshTokenFieldOf(runtime, option),
          });
        } finally {
          session?.close();
        }
      },
    ]),
  );
  const credentialTest = Object.fromEntries(
    model.authOptions.map((option) => [
      credentialTestName(credentialTypeOf(runtime, option)),
      async function (credential: { data?: CredentialData }) {
        const data = credential.data ?? {};
        let session: Session<unknown> | undefined;
        try {
          const token =
            option.type !== 'oauth2' || option.grant === 'authorization_code'
              ? undefined
              : data[ACCESS_TOKEN];
          session = createSession(definition, {
            connection: connectionOf(model, option, data),
            ...(typeof token === 'string' && token !== ''
              ? { tokens: { access_token: token } }
              : {}),
          });
          const result = await session.test();
          const who = isRecord(result)
            ? Object.values(result)
                .filter((v) => typeof v === 'string')
                .join(', ')
            : String(result);
          return { status: 'OK', message: `Connection works${who === '' ? '' : `: ${who}`}.` };
        } catch (error: unknown) {
          const json = errorItemJson(error, refreshTokenFieldOf(runtime, option));
          return { status: 'Error', message: `${String(json.error)} ${String(json.hint)}` };
        } finally {
          session?.close();
        }
      },
    ]),
  );

  return named(
    runtime.names.nodeClass,
    class {
      description = described.description;
      methods = { loadOptions, credentialTest };

      async execute(this: N8nExecuteContext): Promise<N8nItem[][]> {
        const items = this.getInputData();
        const out: N8nItem[] = [];
        const sessions = new Map<string, Session<unknown>>();
        try {
          for (let i = 0; i < items.length; i += 1) {
            let option: PlatformAuthOption | undefined;
            try {
              option = optionOf(runtime, this.getNodeParameter(AUTHENTICATION, i));
              const operation = String(this.getNodeParameter(OPERATION, i));
              const plans = described.plans[operation];
              if (plans === undefined)
                throw new ConnectorError('invalid_input', `Unknown operation "${operation}".`);
              let session = sessions.get(option.key);
              if (session === undefined) {
                session = await openSession(runtime, this, option, i);
                sessions.set(option.key, session);
              }
              const input = inputFromParameters(plans, (name, fallback) =>
                this.getNodeParameter(name, i, fallback),
              );
              out.push(
                ...itemsOf(runtime, operation, await session.runAction(operation, input), i),
              );
            } catch (error: unknown) {
              const refreshTokenField =
                option === undefined ? undefined : refreshTokenFieldOf(runtime, option);
              if (this.continueOnFail()) {
                out.push({
                  json: errorItemJson(error, refreshTokenField),
                  pairedItem: { item: i },
                });
                continue;
              }
              throw toN8nError(this.getNode(), error, { itemIndex: i, refreshTokenField });
            }
          }
        } finally {
          for (const session of sessions.values()) session.close();
        }
        return [out];
      }
    },
  );
}

function triggerNodeClass(runtime: Runtime, described: DescribedNode): Constructor {
  const { definition } = runtime;
  return named(
    runtime.names.triggerClass,
    class {
      description = described.description;

      async poll(this: N8nPollContext): Promise<N8nItem[][] | null> {
        const option = optionOf(runtime, this.getNodeParameter(AUTHENTICATION));
        const event = String(this.getNodeParameter(EVENT));
        let session: Session<unknown> | undefined;
        try {
          const trigger = definition.triggers[event];
          const plans = described.plans[event];
          if (trigger === undefined || plans === undefined)
            throw new ConnectorError('invalid_input', `Unknown event "${event}".`);
          const input = inputFromParameters(plans, (name, fallback) =>
            this.getNodeParameter(name, fallback),
          );
          // The cursor lives in the workflow's static data, which n8n saves after each poll
          // in its database: any main process or worker continues where the last poll stopped.
          const staticData = this.getWorkflowStaticData('node');
          const closures = isRecord(staticData.closures) ? staticData.closures : {};
          let closure: unknown = closures[event];
          session = await openSession(runtime, this, option);
          const seen = new Set<string>();
          const events: N8nItem[] = [];
          for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) {
            const outcome = await session.poll(event, input, closure);
            for (const found of outcome.events) {
              const key = trigger.dedup(found);
              if (seen.has(key)) continue;
              seen.add(key);
              events.push({ json: isRecord(found) ? found : { value: found } });
            }
            closure = outcome.next_poll;
            if (!outcome.can_poll_more) break;
          }
          staticData.closures = {
            ...closures,
            [event]: JSON.parse(JSON.stringify(closure ?? null)),
          };
          return events.length === 0 ? null : [events];
        } catch (error: unknown) {
          throw toN8nError(this.getNode(), error, {
            refreshTokenField: refreshTokenFieldOf(runtime, option),
          });
        } finally {
          session?.close();
        }
      }
    },
  );
}

function credentialClass(
  runtime: Runtime,
  option: PlatformAuthOption,
  description: object,
): Constructor {
  const { definition, model, names } = runtime;
  const className = names.credentials[option.key]?.className ?? option.key;
  if (option.grant === 'authorization_code')
    return named(
      className,
      class {
        constructor() {
          Object.assign(this, description);
        }
      },
    );
  const authorization = definition.connection.authorization;
  const chosen = authorization.type === 'multi' ? authorization.options[option.key] : authorization;
  if (chosen !== undefined && chosen.type !== 'oauth2')
    return staticCredentialClass(runtime, option, chosen, className, description);
  const auth = chosen?.type === 'oauth2' ? chosen : undefined;
  const refreshField = option.fieldNames.refresh_token;
  return named(
    className,
    class {
      constructor() {
        Object.assign(this, description);
      }

      /** n8n calls this when `accessToken` is empty or was refused, and saves what it returns. */
      async preAuthentication(credentials: CredentialData): Promise<CredentialData> {
        let update:
          | { access_token: string; access_token_expires_at?: string; refresh_token?: string }
          | undefined;
        let session: Session<unknown> | undefined;
        try {
          session = createSession(definition, {
            connection: connectionOf(model, option, credentials),
            onTokens: (tokens) => {
              update = tokens;
            },
          });
          await session.refreshAccessToken();
        } catch (error: unknown) {
          preAuthenticationFailures.set(credentials, error);
          throw error;
        } finally {
          session?.close();
        }
        if (update === undefined)
          throw new ConnectorError('internal', 'The token request returned no token.');
        return {
          [ACCESS_TOKEN]: update.access_token,
          [ACCESS_TOKEN_EXPIRES_AT]: update.access_token_expires_at ?? '',
          ...(update.refresh_token !== undefined && refreshField !== undefined
            ? { [refreshField]: update.refresh_token }
            : {}),
        };
      }

      /** Adds the token as the connector's `apply` says (for n8n's HTTP Request node, too). */
      async authenticate(
        credentials: CredentialData,
        request: { headers?: Record<string, string>; qs?: Record<string, string> },
      ) {
        if (request.headers?.[TOKEN_ONLY_HEADER] !== undefined)
          throw new Error('Token obtained; this marked request is not sent.');
        const token = String(credentials[ACCESS_TOKEN] ?? '');
        const applied = auth?.apply(connectionOf(model, option, credentials), token) ?? {};
        return {
          ...request,
          headers: { ...request.headers, ...applied.headers },
          ...(applied.query === undefined ? {} : { qs: { ...request.qs, ...applied.query } }),
        };
      }
    },
  );
}

/**
 * A `basic_auth` / `api_key` credential. Nodes never use its `authenticate` (their session
 * applies the credentials); n8n's HTTP Request node does, and gets exactly the headers and query
 * parameters the SDK's own static authorization sends.
 */
function staticCredentialClass(
  runtime: Runtime,
  option: PlatformAuthOption,
  auth: BasicAuthorization<Record<string, unknown>> | ApiKeyAuthorization<Record<string, unknown>>,
  className: string,
  description: object,
): Constructor {
  const { model } = runtime;
  return named(
    className,
    class {
      constructor() {
        Object.assign(this, description);
      }

      async authenticate(
        credentials: CredentialData,
        request: { headers?: Record<string, string>; qs?: Record<string, string> },
      ) {
        const connection = connectionOf(model, option, credentials);
        const applied = await createStaticAuthHooks(
          auth,
          connection,
          createRedactor(),
        ).authenticate();
        return {
          ...request,
          headers: { ...request.headers, ...applied.headers },
          ...(applied.query === undefined ? {} : { qs: { ...request.qs, ...applied.query } }),
        };
      }
    },
  );
}

/** Every class of the package, by class name (the export n8n looks up per file). */
export function createN8nClasses(definition: AnyConnector): Record<string, Constructor> {
  const model = describeConnector(definition);
  const names = n8nNames(model);
  const runtime: Runtime = { definition, model, names };
  const classes: Record<string, Constructor> = {};
  if (model.actions.length > 0)
    classes[names.nodeClass] = actionNodeClass(runtime, describeActionNode(model, names));
  if (model.triggers.length > 0)
    classes[names.triggerClass] = triggerNodeClass(runtime, describeTriggerNode(model, names));
  const credentials = describeCredentials(model, names);
  for (const option of model.authOptions) {
    const className = names.credentials[option.key]?.className ?? option.key;
    classes[className] = credentialClass(runtime, option, credentials[option.key] ?? {});
  }
  return classes;
}
