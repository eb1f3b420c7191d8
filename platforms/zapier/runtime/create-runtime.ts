/**
 * The functions of a generated Zapier app. Every one opens the connector's own SDK session on the
 * stored authentication, so validation, retries, redaction and the error taxonomy are the same as
 * in the CLI; Zapier's HTTP client (`z.request`) is not used. Token storage is Zapier's: the
 * session never refreshes by itself (`zapierStepTokens`); a missing, expired or rejected
 * access token becomes `RefreshAuthError`, on which Zapier runs the session perform (or the OAuth2
 * refresh), stores what it returns and runs the step again.
 */
import type { z } from 'zod';
import type { ConnectorDefinition } from '../../../sdk/define';
import { ConnectorError, isConnectorError } from '../../../sdk/errors';
import { buildAuthorizationUrl } from '../../../sdk/oauth2';
import { createSession } from '../../../sdk/runtime';
import type { Session, SessionOptions, TokenUpdate } from '../../../sdk/runtime';
import { authorizationOptions, platformFields } from '../../shared';
import type { PlatformField } from '../../shared';
import { zapierAuthTypeOf } from '../app-plan';
import { authDataFromTokens, connectionFromAuthData, tokensFromAuthData } from './auth-data';
import type { AuthLayout } from './auth-data';
import { decodeZapierInput } from './decode-input';
import { zapierStepTokens } from './step-tokens';
import { toZapierError } from './to-zapier-error';
import type { Bundle, ZapierFunction, ZObject } from './zapier-interfaces';

/**
 * Most polls one trigger run makes while the connector says more pages are waiting: Zapier keeps
 * no cursor between runs, so one run reads the whole window, up to this bound.
 */
export const MAX_POLLS_PER_RUN = 20;

/** The functions `index.js` wires into the app definition. */
export interface ZapierRuntime {
  create(key: string): ZapierFunction<Record<string, unknown>>;
  search(key: string): ZapierFunction<Record<string, unknown>[]>;
  trigger(key: string): ZapierFunction<Record<string, unknown>[]>;
  pickList(name: string): ZapierFunction<Array<{ id: string; label: string }>>;
  test(): ZapierFunction<unknown>;
  connectionLabel(): (z: ZObject, bundle: Bundle) => string;
  sessionPerform(): ZapierFunction<Record<string, string>>;
  authorizeUrl(): ZapierFunction<string>;
  getAccessToken(): ZapierFunction<Record<string, string>>;
  refreshAccessToken(): ZapierFunction<Record<string, string>>;
}

type Json = Record<string, unknown>;

const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The runtime of the Zapier app for one authorization option of `connector`.
 *
 * @throws Error when `optionKey` is not one of the connector's authorization options.
 */
export function createZapierRuntime<F extends z.ZodObject>(
  connector: ConnectorDefinition<F>,
  optionKey: string,
): ZapierRuntime {
  const option = authorizationOptions(connector).find((candidate) => candidate.key === optionKey);
  if (option === undefined) throw new Error(`No authorization option "${optionKey}".`);
  const connectionFields = platformFields(connector.connection.fields);
  const layout: AuthLayout = {
    type: zapierAuthTypeOf(
      option as never,
      connectionFields.map((field) => field.key),
    ),
    connectionFields,
    ...(option.selectorField === undefined
      ? {}
      : { selector: { field: option.selectorField, value: option.key } }),
  };
  const inputFields = new Map<string, PlatformField[]>();
  const fieldsOf = (kind: 'action' | 'trigger', key: string): PlatformField[] => {
    const id = `${kind}:${key}`;
    let fields = inputFields.get(id);
    if (fields === undefined) {
      const schema =
        kind === 'action'
          ? connector.actions[key]?.input_fields
          : connector.triggers[key]?.input_fields;
      fields = schema === undefined ? [] : platformFields(schema as z.ZodObject);
      inputFields.set(id, fields);
    }
    return fields;
  };

  /** Runs `work` on a session over `data` (authData, or inputData during OAuth2 set-up). */
  async function withSession<T>(
    z: ZObject,
    data: Json | undefined,
    extra: Partial<SessionOptions>,
    work: (session: Session<z.output<F>>) => Promise<T>,
  ): Promise<T> {
    let session: Session<z.output<F>> | undefined;
    try {
      session = createSession(connector, {
        connection: connectionFromAuthData(layout, data ?? {}),
        ...extra,
      });
      return await work(session);
    } catch (error: unknown) {
      throw toZapierError(z, error);
    } finally {
      session?.close();
    }
  }

  // Steps use the stored token only; renewing it is Zapier's job (see the file comment).
  const stepSession = (bundle: Bundle): Partial<SessionOptions> => ({
    tokenSource: zapierStepTokens(tokensFromAuthData(bundle.authData ?? {})),
  });

  /** Runs a token grant with a session that may refresh, and returns what Zapier should store. */
  async function grant(
    z: ZObject,
    data: Json | undefined,
    run: (session: Session<z.output<F>>) => Promise<unknown>,
  ): Promise<Record<string, string>> {
    let update: TokenUpdate | undefined;
    return withSession(
      z,
      data,
      { onTokens: (tokens) => void (update = tokens) },
      async (session) => {
        await run(session);
        if (update === undefined)
          throw new ConnectorError('internal', 'The token request returned no tokens.', {
            hint: 'This is a bug in the connector; report it.',
          });
        return authDataFromTokens(update, data?.['refresh_token']);
      },
    );
  }

  return {
    create: (key) => (z, bundle) =>
      withSession(z, bundle.authData, stepSession(bundle), async (session) => {
        const input = decodeZapierInput(fieldsOf('action', key), bundle.inputData ?? {});
        return (await session.runAction(key, input)) as Json;
      }),

    // A search finds one result or none: `not_found` is Zapier's empty result, not an error.
    search: (key) => (z, bundle) =>
      withSession(z, bundle.authData, stepSession(bundle), async (session) => {
        const input = decodeZapierInput(fieldsOf('action', key), bundle.inputData ?? {});
        try {
          return [(await session.runAction(key, input)) as Json];
        } catch (error: unknown) {
          if (isConnectorError(error) && error.code === 'not_found') return [];
          throw error;
        }
      }),

    // Zapier keeps no cursor: each run polls afresh from the trigger's own start and returns
    // everything newest first with `id` set to the dedup key; Zapier drops ids it has seen.
    trigger: (key) => (z, bundle) =>
      withSession(z, bundle.authData, stepSession(bundle), async (session) => {
        const trigger = connector.triggers[key];
        const input = decodeZapierInput(fieldsOf('trigger', key), bundle.inputData ?? {});
        const events: Json[] = [];
        let closure: unknown;
        for (let poll = 0; poll < MAX_POLLS_PER_RUN; poll += 1) {
          const outcome = await session.poll(key, input, closure);
          events.push(...(outcome.events as Json[]));
          closure = outcome.next_poll;
          if (!outcome.can_poll_more) break;
        }
        const seen = new Set<string>();
        const newestFirst: Json[] = [];
        for (const event of events.reverse()) {
          const id = trigger?.dedup(event) ?? String(event['id']);
          if (seen.has(id)) continue;
          seen.add(id);
          newestFirst.push({ ...event, id });
        }
        const limit = bundle.meta?.limit;
        return typeof limit === 'number' && limit > 0 ? newestFirst.slice(0, limit) : newestFirst;
      }),

    pickList: (name) => (z, bundle) =>
      withSession(z, bundle.authData, stepSession(bundle), async (session) => {
        // A dynamic dropdown sees the step's other values; they are the pick list's parameters.
        const params: Record<string, string> = {};
        for (const [key, value] of Object.entries(bundle.inputData ?? {}))
          if (typeof value === 'string' && value !== '') params[key] = value;
        const pairs = await session.pickList(name, params);
        return pairs.map(([label, value]) => ({ id: value, label }));
      }),

    test: () => (z, bundle) =>
      withSession(z, bundle.authData, stepSession(bundle), (session) => session.test()),

    connectionLabel: () => (_z, bundle) =>
      Object.entries(bundle.inputData ?? {})
        .filter(([key, value]) => key !== 'id' && typeof value === 'string' && value !== '')
        .map(([, value]) => String(value))
        .join(' · '),

    sessionPerform: () => (z, bundle) =>
      grant(z, bundle.authData, (session) => session.refreshAccessToken()),

    authorizeUrl: () => async (z, bundle) => {
      const data = bundle.inputData ?? {};
      return withSession(z, data, {}, async (session) => {
        const auth = option.option;
        const connection = session.connection as z.output<F>;
        if (auth.type !== 'oauth2' || auth.authorization_url === undefined)
          throw new ConnectorError(
            'invalid_settings',
            'This authorization has no authorization URL.',
          );
        // Zapier adds the PKCE challenge itself (`enablePkce`); state and redirect URI are its own.
        return buildAuthorizationUrl({
          authorizationEndpoint: auth.authorization_url(connection),
          clientId: auth.client_id(connection),
          redirectUri: stringOf(data['redirect_uri']) ?? '',
          ...(stringOf(data['state']) === undefined ? {} : { state: String(data['state']) }),
          pkce: false,
          ...(auth.authorization_params === undefined
            ? {}
            : { extraParams: auth.authorization_params(connection) }),
        }).url;
      });
    },

    getAccessToken: () => (z, bundle) => {
      const data = bundle.inputData ?? {};
      return grant(z, data, (session) => {
        const verifier = stringOf(data['code_verifier']);
        return session.exchangeCode({
          code: stringOf(data['code']) ?? '',
          redirectUri: stringOf(data['redirect_uri']) ?? '',
          ...(verifier === undefined ? {} : { codeVerifier: verifier }),
        });
      });
    },

    refreshAccessToken: () => (z, bundle) =>
      grant(z, bundle.authData, (session) => session.refreshAccessToken()),
  };
}
