import { z } from 'zod';
import { ConnectorError, isConnectorError, toConnectorError } from '../errors';
import type {
  AnyAction,
  AnyTrigger,
  ConnectionContext,
  ConnectorDefinition,
  HttpClient,
  Logger,
  ProgressEvent,
  Probe,
  TokenSet,
} from '../define';
import { createHttpClient } from '../http';
import { createAgentPool } from '../http/agent-pool';
import type { ConnectorHttpClient, Exchange, HttpClientOptions } from '../http';
import { buildAuthorizationUrl } from '../oauth2';
import type { AuthorizationRequest } from '../oauth2';
import { createRedactor } from '../redact';
import type { Redactor } from '../redact';
import { secretFieldNames } from '../schema';
import { retryPolicyOf } from './action-retry';
import { createRedactingLogger } from './logger';
import { selectAuthorization } from './select-authorization';
import { createExternalTokenHooks } from './external-tokens';
import type { TokenSource } from './external-tokens';
import { createStaticAuthHooks } from './static-auth';
import { createTokenManager } from './token-manager';
import type { StoredTokens, TokenManager, TokenUpdate } from './token-manager';
import { parseWith } from './validate';

const BUG_HINT = 'This is a bug in the connector; report it with the operation name.';

const PICK_LIST_RESULT = z.array(z.tuple([z.string(), z.string()]));
// The parameters of a pick list that declares none: any given one is refused.
const NO_PARAMS = z.object({});

const POLL_RESULT = z.object({
  events: z.array(z.unknown()),
  can_poll_more: z.boolean(),
  next_poll: z.unknown(),
});

/** Options of {@link createSession}. */
export interface SessionOptions {
  /** Raw connection settings; validated with the connector's `connection.fields`. */
  connection: unknown;
  /** Tokens saved by an earlier run, so the first request need not refresh. */
  tokens?: StoredTokens;
  /**
   * Access tokens kept by the host platform (n8n's credential store, Zapier's authData): API
   * requests take their token from it and ask it for a new one, instead of the session's own
   * token requests. `test`, `refreshAccessToken` and `exchangeCode` still use the session's token
   * endpoint. Only for an `oauth2` authorization; the others have no token to keep.
   */
  tokenSource?: TokenSource;
  /** Called after every token request with what to persist (refreshed or rotated tokens). */
  onTokens?: (update: TokenUpdate) => void | Promise<void>;
  /** Receives every HTTP exchange, redacted (the CLI's `--verbose`). */
  onExchange?: (exchange: Exchange) => void;
  /** Where lambdas' log lines go, redacted. Silent when absent. */
  log?: Logger;
  /** Receives actions' progress events (the CLI draws them on stderr). Ignored when absent. */
  onProgress?: (event: ProgressEvent) => void;
  /** HTTP client settings (timeouts, retry policy, concurrency, agents). */
  http?: Partial<Omit<HttpClientOptions, 'auth' | 'redactor' | 'onExchange' | 'errorBody'>>;
  /**
   * Clock for token expiry, in epoch milliseconds.
   * @default Date.now
   */
  now?: () => number;
}

/** What a poll returns after validation and dedup. */
export interface PollOutcome {
  /** Validated events, oldest first as `poll` gave them, without duplicates within the page. */
  events: unknown[];
  next_poll: unknown;
  can_poll_more: boolean;
}

/** A connector bound to one connection: runs its test, actions, triggers, pick lists and probes. */
export interface Session<C> {
  /** The validated connection settings. */
  readonly connection: Readonly<C>;
  /** The connection's HTTP client (default retry policy). */
  readonly http: ConnectorHttpClient;
  /** The session's redactor: connection secrets and tokens are registered with it. */
  readonly redactor: Redactor;
  /** Runs the connector's `test`. */
  test(): Promise<unknown>;
  /** Validates `input`, runs `actions[name].execute` and validates its output. */
  runAction(name: string, input: unknown): Promise<unknown>;
  /** Validates `input` and `closure`, runs one `poll` of `triggers[name]`, validates and dedups events. */
  poll(name: string, input: unknown, closure?: unknown): Promise<PollOutcome>;
  /** Runs `pick_lists[name]`. */
  pickList(name: string, params?: Record<string, string>): Promise<Array<[string, string]>>;
  /** The authorization-code URL (state and PKCE verifier made fresh). */
  authorizationUrl(redirectUri: string): AuthorizationRequest;
  /** Redeems an authorization code; the tokens are cached and passed to `onTokens`. */
  exchangeCode(request: {
    code: string;
    redirectUri: string;
    codeVerifier?: string;
  }): Promise<TokenSet>;
  /** Refreshes the access token now (for password and client-credentials grants: obtains one). */
  refreshAccessToken(): Promise<void>;
  /**
   * Disconnects: revokes the refresh token (or the access token) at the authorization's
   * `revoke_url` and forgets the tokens. Returns what was revoked (`none`: no token was held).
   *
   * @throws ConnectorError `invalid_settings` when the authorization cannot revoke tokens.
   */
  disconnect(): Promise<'refresh_token' | 'access_token' | 'none'>;
  /** Runs a `doctor` probe with this connection. */
  runProbe(probe: Probe<C>): Promise<unknown>;
  /** Closes the connection's keep-alive pool. */
  close(): void;
}

function lookup<T>(map: Record<string, T>, name: string, kind: string): T {
  const found = Object.hasOwn(map, name) ? map[name] : undefined;
  if (found === undefined) {
    const known = Object.keys(map);
    throw new ConnectorError('invalid_input', `The connector has no ${kind} "${name}".`, {
      hint: known.length === 0 ? `It defines no ${kind}s.` : `Known: ${known.join(', ')}.`,
    });
  }
  return found;
}

/**
 * A refusal for missing permissions names what the operation declared it needs: the API answers
 * "forbidden" without saying which permission, but the operation knows its `scopes`.
 */
async function withScopeHint<T>(
  where: string,
  scopes: readonly string[] | undefined,
  running: Promise<T>,
): Promise<T> {
  try {
    return await running;
  } catch (error: unknown) {
    if (!isConnectorError(error) || error.code !== 'insufficient_scope') throw error;
    if (scopes === undefined || scopes.length === 0) throw error;
    const needed = scopes.join(', ');
    throw new ConnectorError(error.code, error.message, {
      hint: `${where} needs ${scopes.length === 1 ? 'the scope' : 'the scopes'} ${needed}: grant ${scopes.length === 1 ? 'it' : 'them'} to the API client (and the permission behind ${scopes.length === 1 ? 'it' : 'them'} to the account it acts as), then retry. \`connector doctor\` checks each one.`,
      details: { ...error.details, scopes: [...scopes] },
      cause: error,
    });
  }
}

function registerSecrets(redactor: Redactor, schema: z.ZodObject, raw: unknown): void {
  if (typeof raw !== 'object' || raw === null) return;
  for (const name of secretFieldNames(schema)) {
    const value = (raw as Record<string, unknown>)[name];
    if (typeof value === 'string') redactor.add(value);
  }
}

/**
 * Binds a connector definition to one connection: validates the settings (`invalid_settings`
 * naming each field), chooses the authorization option, registers every secret with the
 * session's redactor, and builds the connection's HTTP client with token caching and
 * single-flight refresh. Every error leaving a session method is a redacted `ConnectorError`.
 *
 * @throws ConnectorError `invalid_settings` for malformed settings or an unknown authorization option.
 */
export function createSession<F extends z.ZodObject>(
  definition: ConnectorDefinition<F>,
  options: SessionOptions,
): Session<z.output<F>> {
  type C = z.output<F>;
  const redactor = createRedactor();
  const guard = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error: unknown) {
      throw redactor.redactValue(toConnectorError(error));
    }
  };
  const guardAsync = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error: unknown) {
      throw redactor.redactValue(toConnectorError(error));
    }
  };

  return guard(() => {
    const fields = definition.connection.fields;
    registerSecrets(redactor, fields, options.connection);
    const connection: C = parseWith(fields, options.connection, {
      what: 'The connection settings',
      code: 'invalid_settings',
      hint: 'Correct the named settings fields.',
    });
    const { option: auth } = selectAuthorization(definition.connection.authorization, connection);
    if (auth.type === 'oauth2') redactor.add(auth.client_secret(connection));
    const log = createRedactingLogger(options.log, redactor);
    // One keep-alive pool per connection, shared by API and token requests, so a token refresh
    // reuses a warm socket instead of opening (and TLS-handshaking) one of its own.
    const pool = options.http?.agent ?? createAgentPool(options.http?.maxSockets);
    const ownsPool = options.http?.agent === undefined;
    const tokens: TokenManager | undefined =
      auth.type !== 'oauth2'
        ? undefined
        : createTokenManager({
            agent: pool,
            authorization: auth,
            connection,
            redactor,
            now: options.now ?? Date.now,
            onTokensFailed: (error) =>
              log.warn('Saving the refreshed tokens failed; they are used for this run only.', {
                error: error instanceof Error ? error.message : String(error),
              }),
            ...(options.tokens === undefined ? {} : { tokens: options.tokens }),
            ...(options.onTokens === undefined ? {} : { onTokens: options.onTokens }),
            ...(options.onExchange === undefined ? {} : { onExchange: options.onExchange }),
            ...(options.http?.timeoutMs === undefined ? {} : { timeoutMs: options.http.timeoutMs }),
            ...(options.http?.maxResponseBytes?.token === undefined
              ? {}
              : { maxResponseBytes: options.http.maxResponseBytes.token }),
          });
    const authHooks =
      auth.type !== 'oauth2'
        ? createStaticAuthHooks(auth, connection, redactor)
        : options.tokenSource === undefined
          ? (tokens as TokenManager).hooks
          : createExternalTokenHooks({
              authorization: auth,
              connection,
              redactor,
              source: options.tokenSource,
              now: options.now ?? Date.now,
            });
    const needTokens = (what: string): TokenManager => {
      if (tokens !== undefined) return tokens;
      throw new ConnectorError(
        'invalid_settings',
        `The connection's authorization is ${auth.type}, which uses no OAuth 2.0 tokens, so it cannot ${what}.`,
        { hint: 'Nothing to do: its credentials are sent with every request.' },
      );
    };
    const http = createHttpClient({
      baseUri: definition.connection.base_uri(connection),
      ...options.http,
      agent: pool,
      auth: authHooks,
      redactor,
      ...(options.onExchange === undefined ? {} : { onExchange: options.onExchange }),
      ...(definition.connection.error_body === undefined
        ? {}
        : { errorBody: definition.connection.error_body }),
    });
    const context: ConnectionContext<C> = { connection, http, log };
    const progress = (event: ProgressEvent): void => {
      try {
        options.onProgress?.(redactor.redactValue(event));
      } catch {
        // A failing progress display must not fail the action.
      }
    };

    // One client per action (its retry policy over the connection's pool), made on first use.
    const actionClients = new Map<string, HttpClient>();
    const clientFor = (name: string, action: AnyAction<C>): HttpClient => {
      let client = actionClients.get(name);
      if (client === undefined) {
        client = http.withRetry(retryPolicyOf(action));
        actionClients.set(name, client);
      }
      return client;
    };

    async function runAction(name: string, input: unknown): Promise<unknown> {
      const action: AnyAction<C> = lookup(definition.actions, name, 'action');
      const where = `actions.${name}`;
      const parsed: unknown = parseWith(action.input_fields, input, {
        what: `The input of ${where}`,
        code: 'invalid_input',
        hint: 'Correct the named input fields.',
        refuseUnknownKeys: true,
      });
      const output: unknown = await action.execute({
        connection,
        log,
        progress,
        input: parsed,
        http: clientFor(name, action),
      });
      return parseWith(action.output_fields, output, {
        what: `The output of ${where}`,
        code: 'internal',
        hint: BUG_HINT,
      });
    }

    async function poll(name: string, input: unknown, closure?: unknown): Promise<PollOutcome> {
      const trigger: AnyTrigger<C> = lookup(definition.triggers, name, 'trigger');
      const where = `triggers.${name}`;
      const parsedInput: unknown = parseWith(trigger.input_fields, input, {
        what: `The input of ${where}`,
        code: 'invalid_input',
        hint: 'Correct the named input fields.',
        refuseUnknownKeys: true,
      });
      const parsedClosure: unknown =
        closure === undefined || closure === null
          ? undefined
          : parseWith(trigger.closure_schema, closure, {
              what: `The closure of ${where}`,
              code: 'invalid_input',
              hint: 'Pass the next_poll of an earlier poll, or no closure to start afresh.',
              refuseUnknownKeys: true,
            });
      const result: unknown = await trigger.poll({
        connection,
        log,
        progress,
        http,
        input: parsedInput,
        closure: parsedClosure,
      });
      const page = parseWith(POLL_RESULT, result, {
        what: `The result of ${where}`,
        code: 'internal',
        hint: BUG_HINT,
      });
      const seen = new Set<string>();
      const events: unknown[] = [];
      page.events.forEach((event, index) => {
        const parsed: unknown = parseWith(trigger.output_fields, event, {
          what: `Event ${index} of ${where}`,
          code: 'internal',
          hint: BUG_HINT,
        });
        const key = trigger.dedup(parsed);
        if (seen.has(key)) return;
        seen.add(key);
        events.push(parsed);
      });
      // Workato keeps the old cursor when a poll returns none.
      const nextPoll =
        page.next_poll === undefined || page.next_poll === null
          ? parsedClosure
          : parseWith(trigger.closure_schema, page.next_poll, {
              what: `The next_poll of ${where}`,
              code: 'internal',
              hint: BUG_HINT,
            });
      return { events, next_poll: nextPoll, can_poll_more: page.can_poll_more };
    }

    async function pickList(
      name: string,
      params: Record<string, string> = {},
    ): Promise<Array<[string, string]>> {
      const list = lookup(definition.pick_lists, name, 'pick list');
      const checked = parseWith(list.params_fields ?? NO_PARAMS, params, {
        what: `The parameters of pick_lists.${name}`,
        code: 'invalid_input',
        hint: 'Correct the named parameters.',
        refuseUnknownKeys: true,
      }) as Record<string, string>;
      const result: unknown = await list({ ...context, params: checked });
      return parseWith(PICK_LIST_RESULT, result, {
        what: `The result of pick_lists.${name}`,
        code: 'internal',
        hint: BUG_HINT,
      });
    }

    function authorizationUrl(redirectUri: string): AuthorizationRequest {
      if (auth.type !== 'oauth2' || auth.authorization_url === undefined)
        throw new ConnectorError(
          'invalid_settings',
          'The selected authorization has no authorization URL; it does not use the authorization-code grant.',
          { hint: 'Use a refresh token instead, or choose the user-account authorization.' },
        );
      const request = buildAuthorizationUrl({
        authorizationEndpoint: auth.authorization_url(connection),
        clientId: auth.client_id(connection),
        redirectUri,
        pkce: auth.pkce ?? true,
        ...(auth.authorization_params === undefined
          ? {}
          : { extraParams: auth.authorization_params(connection) }),
      });
      if (request.codeVerifier !== undefined) redactor.add(request.codeVerifier);
      return request;
    }

    return {
      connection,
      http,
      redactor,
      test: () => guardAsync(() => definition.test(context)),
      runAction: (name, input) =>
        guardAsync(() =>
          withScopeHint(
            `actions.${name}`,
            definition.actions[name]?.scopes,
            runAction(name, input),
          ),
        ),
      poll: (name, input, closure) =>
        guardAsync(() =>
          withScopeHint(
            `triggers.${name}`,
            definition.triggers[name]?.scopes,
            poll(name, input, closure),
          ),
        ),
      pickList: (name, params) => guardAsync(() => pickList(name, params)),
      authorizationUrl: (redirectUri) => guard(() => authorizationUrl(redirectUri)),
      exchangeCode: (request) =>
        guardAsync(() =>
          needTokens('redeem an authorization code').exchangeCode(
            request.code,
            request.redirectUri,
            request.codeVerifier,
          ),
        ),
      refreshAccessToken: () => guardAsync(() => needTokens('refresh a token').refresh()),
      disconnect: () => guardAsync(() => needTokens('revoke a token').revoke()),
      runProbe: (probe) => guardAsync(() => probe.run(context)),
      close: () => {
        http.close();
        if (ownsPool) {
          pool.http?.destroy();
          pool.https?.destroy();
        }
      },
    };
  });
}
