/**
 * The typings of a Workato-style connector, key for key after the Workato connector SDK
 * (`title`, `connection { fields, authorization, base_uri }`, `test`, `actions`, `triggers`,
 * `pick_lists`, `object_definitions`, `methods`), with zod schemas as fields.
 *
 * Differences from Workato's Ruby DSL, on purpose:
 * - `input_fields` / `output_fields` / connection `fields` are zod schemas: one source for the
 *   TypeScript types, runtime validation, the Workato field list and the JSON Schema.
 * - lambdas receive one context object instead of positional arguments and DSL globals.
 * - `apply` returns the headers and query parameters to add instead of calling `headers(...)`.
 * - every action and trigger lists the remote permissions (`scopes`) it needs and `probes`
 *   that `connector doctor` runs to prove them.
 */
import type { z } from 'zod';
import type { RemoteMessage } from './errors';

/** HTTP methods the client sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query parameter value; arrays repeat the key (`a=1&a=2`); `undefined` is dropped. */
export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

/** One HTTP request made through the connection's client. */
export interface HttpRequestOptions {
  method: HttpMethod;
  /**
   * Workato's `base_uri` rule: a path with a leading `/` replaces the base URI's path, one
   * without is appended to it. Absolute URLs are accepted only on the base URI's origin, so the
   * access token never leaves the tenant's host.
   */
  url: string;
  query?: Record<string, QueryValue>;
  /** A JSON body; sets `Content-Type: application/json`. */
  json?: unknown;
  /** A raw body (e.g. a SOAP envelope); set `Content-Type` in `headers`. */
  body?: string;
  /**
   * A body too large to hold as one string, sent as it is produced (chunked). Called once per
   * attempt (a retry or the resend after a token refresh starts a fresh stream). Not logged.
   */
  bodyStream?: () => AsyncIterable<string | Uint8Array>;
  headers?: Record<string, string>;
  /**
   * How to read the response body.
   * @default 'json'
   */
  responseType?: 'json' | 'text';
  /**
   * Deadline of each attempt in milliseconds, to the last byte of the answer; overrides the
   * client's default.
   */
  timeoutMs?: number;
  /**
   * The most bytes read of the answer (as received and once decompressed), for a call whose
   * answer is large by nature; overrides the client's limit for the response type.
   */
  maxResponseBytes?: number;
  /**
   * Retry this request on 429/5xx even when its method is not in `retry_on_request`.
   * Only for requests the caller knows to be idempotent.
   * @default false
   */
  retry?: boolean;
  /** Statuses returned to the caller instead of being thrown as errors (e.g. `[500]` for SOAP faults). */
  acceptStatus?: readonly number[];
  /** Aborts the request (and any retry wait) when signalled. */
  signal?: AbortSignal;
}

/** A response that passed status checks. Header names are lower case. */
export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
  /** The final URL that was requested. */
  url: string;
}

/** The HTTP client a lambda receives: base URI, `apply`, refresh, retries and redaction built in. */
export interface HttpClient {
  request<T = unknown>(options: HttpRequestOptions): Promise<HttpResponse<T>>;
  get<T = unknown>(url: string, query?: Record<string, QueryValue>): Promise<T>;
  post<T = unknown>(url: string, json?: unknown): Promise<T>;
  put<T = unknown>(url: string, json?: unknown, query?: Record<string, QueryValue>): Promise<T>;
  patch<T = unknown>(url: string, json?: unknown): Promise<T>;
  delete<T = unknown>(url: string): Promise<T>;
}

/** Log sink for lambdas; every line is redacted before it is written. */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

/** Tokens returned by a token endpoint, checked field by field. */
export interface TokenSet {
  access_token: string;
  token_type: string;
  /** A new refresh token; when absent the old one stays in use. */
  refresh_token?: string;
  /** Seconds the access token lives, when the server says. */
  expires_in?: number;
  /** Granted scope, when the server returns one. */
  scope?: string;
}

/** Where a lambda's matcher looks: a status code, an exact body/message string, or a pattern. */
export type ResponseMatcher = number | string | RegExp;

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
export type ClientAuthentication = 'basic' | 'body';

/**
 * How an `oauth2` authorization obtains its tokens:
 * - `authorization_code`: a user signs in at `authorization_url`; refresh tokens keep it alive.
 * - `refresh_token`: a refresh token provisioned out of band is the connection's credential.
 * - `password`: the resource-owner password grant (RFC 6749 §4.3) with `username`/`password`
 *   from the connection, e.g. a service account's keys; repeated whenever no refresh token works.
 * - `client_credentials`: the client's own grant (RFC 6749 §4.4); repeated when the token expires.
 *
 * Workato itself offers only the authorization-code flow as `oauth2` (other flows are
 * `custom_auth`); here every flow that ends in a bearer token shares one token cache.
 */
export type OAuth2Grant =
  'authorization_code' | 'refresh_token' | 'password' | 'client_credentials';

/** OAuth 2.0 authorization (Workato `type: 'oauth2'`): a bearer token from a token endpoint. */
export interface OAuth2Authorization<C> {
  type: 'oauth2';
  /** Label shown when this is one option of a `multi` authorization. */
  title?: string;
  /** Which grant obtains tokens; see {@link OAuth2Grant}. */
  grant: OAuth2Grant;
  /** The authorization endpoint (without query); required for the authorization-code grant. */
  authorization_url?: (connection: C) => string;
  token_url: (connection: C) => string;
  client_id: (connection: C) => string;
  client_secret: (connection: C) => string;
  /**
   * Client authentication at the token endpoint.
   * @default 'basic'
   */
  client_authentication?: (connection: C) => ClientAuthentication;
  /**
   * The refresh token stored on the connection (required for `grant: 'refresh_token'`; for the
   * other grants a refresh token saved from an earlier answer, tried before the grant itself).
   */
  refresh_token?: (connection: C) => string | undefined;
  /** The resource owner's username (`grant: 'password'`); a secret-free identifier is expected. */
  username?: (connection: C) => string;
  /** The resource owner's password (`grant: 'password'`); registered with the redactor. */
  password?: (connection: C) => string;
  /**
   * The `scope` parameter of password and client-credentials requests; nothing is sent when
   * absent or when it returns `undefined` (many servers fix scopes on the client registration).
   */
  scope?: (connection: C) => string | undefined;
  /**
   * Further form parameters of every token request (e.g. `audience` and `organization` of an
   * Auth0-style server); they cannot replace the grant's own parameters.
   */
  token_params?: (connection: C) => Record<string, string>;
  /**
   * The token revocation endpoint (RFC 7009). When given, `Session.disconnect()` revokes the
   * refresh token (or, without one, the access token) there.
   */
  revoke_url?: (connection: C) => string;
  /**
   * Use PKCE S256 on the authorization-code grant.
   * @default true
   */
  pkce?: boolean;
  /** Extra query parameters for the authorization URL (never `scope` unless the API wants it). */
  authorization_params?: (connection: C) => Record<string, string>;
  /** Headers and query parameters that authenticate each API request with the access token. */
  apply: (
    connection: C,
    accessToken: string,
  ) => {
    headers?: Record<string, string>;
    query?: Record<string, string>;
  };
  /** Responses that mean "the access token is no longer good": refresh and retry once. */
  refresh_on?: readonly ResponseMatcher[];
  /** 200 responses that are really errors (matched against the raw body). */
  detect_on?: readonly (string | RegExp)[];
  /**
   * Refresh this many seconds before `expires_in` runs out.
   * @default 60
   */
  refresh_before_expiry_seconds?: number;
  /**
   * Which connection field holds each OAuth value the lambdas above read, for platforms that
   * keep credentials in their own forms and run the OAuth flow or the token write-back
   * themselves (n8n, Zapier): the field a rotated refresh token is written back to, the fields
   * that become the platform's own client id / secret / URL fields.
   */
  field_names?: OAuth2FieldNames;
}

/** Connection field names behind an OAuth2 authorization's lambdas (see `field_names`). */
export interface OAuth2FieldNames {
  client_id?: string;
  client_secret?: string;
  authorization_url?: string;
  token_url?: string;
  refresh_token?: string;
  /** A redirect URI field; platforms that run the flow use their own callback instead. */
  redirect_uri?: string;
}

/** Headers and query parameters a static authorization adds to every request. */
export interface AppliedCredentials {
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/**
 * HTTP Basic authorization (Workato `type: 'basic_auth'`): `username:password` on every
 * request, plus whatever `apply` adds (e.g. an API-key header some APIs want beside Basic).
 */
export interface BasicAuthorization<C> {
  type: 'basic_auth';
  /** Label shown when this is one option of a `multi` authorization. */
  title?: string;
  username: (connection: C) => string;
  /** Registered with the redactor. */
  password: (connection: C) => string;
  /** Further headers or query parameters sent with every request. */
  apply?: (connection: C) => AppliedCredentials;
  /** 200 responses that are really authorization errors (matched against the raw body). */
  detect_on?: readonly (string | RegExp)[];
}

/**
 * API-key authorization (Workato `type: 'api_key'`): static headers or query parameters.
 * Nothing can be refreshed: a rejected key is an `unauthorized` error at once.
 */
export interface ApiKeyAuthorization<C> {
  type: 'api_key';
  /** Label shown when this is one option of a `multi` authorization. */
  title?: string;
  /** The headers or query parameters that carry the key. */
  apply: (connection: C) => AppliedCredentials;
  /**
   * The secret values `apply` sends, registered with the redactor (fields the schema marks
   * `secret` are registered anyway).
   */
  secrets?: (connection: C) => readonly string[];
  /** 200 responses that are really authorization errors (matched against the raw body). */
  detect_on?: readonly (string | RegExp)[];
}

/** One way of authorizing requests: a token-based or a static authorization. */
export type SingleAuthorization<C> =
  OAuth2Authorization<C> | BasicAuthorization<C> | ApiKeyAuthorization<C>;

/** Several authorization options, one chosen per connection by `selected` (Workato `type: 'multi'`). */
export interface MultiAuthorization<C> {
  type: 'multi';
  /** The key of `options` that a given connection uses. */
  selected: (connection: C) => string;
  options: Record<string, SingleAuthorization<C>>;
}

export type Authorization<C> = SingleAuthorization<C> | MultiAuthorization<C>;

/** What a connection lambda (`test`, pick lists, probes) receives. */
export interface ConnectionContext<C> {
  connection: Readonly<C>;
  http: HttpClient;
  log: Logger;
}

/** One step of a long-running action, as a host shows it (a CLI progress bar, a log line). */
export interface ProgressEvent {
  /** Short name of the phase, e.g. `validate`, `upload`, `process`. */
  phase: string;
  /** Units done so far in this phase (lines, percent, ...). */
  done: number;
  /** Units of the whole phase, when known. */
  total?: number;
  /** What the units are, e.g. `lines` or `%`. */
  unit?: string;
  /** A short note for people, e.g. Workday's status. */
  message?: string;
}

/** What an action's `execute` receives. */
export interface ExecuteContext<C, I> extends ConnectionContext<C> {
  /** The input, already parsed and validated by `input_fields`. */
  input: I;
  /** Reports progress to the host; a no-op where the host shows none. Never throws. */
  progress: (event: ProgressEvent) => void;
}

/** What a trigger's `poll` receives. */
export interface PollContext<C, I, K> extends ExecuteContext<C, I> {
  /** The `next_poll` of the previous poll, or `undefined` on the first poll. */
  closure: K | undefined;
}

/** What `poll` returns (Workato: events, next_poll, can_poll_more). */
export interface PollResult<E, K> {
  /** New events, oldest first. */
  events: E[];
  /** The cursor handed to the next poll; must stay small however many events exist. */
  next_poll: K;
  /** True when more pages are waiting: poll again at once. */
  can_poll_more: boolean;
}

/** A harmless call that proves a permission; `connector doctor` runs it and names what is missing. */
export interface Probe<C> {
  /** Short name shown in the doctor's table, e.g. `GET workers/me/inboxTasks`. */
  name: string;
  /** The permission or functional area this call proves. */
  scope: string;
  run(ctx: ConnectionContext<C>): Promise<unknown>;
}

/** Requirements an operation declares for `doctor` and the manifest. */
export interface Requirements<C> {
  /** Remote permissions (for Workday: functional areas) the operation needs. */
  scopes: readonly string[];
  /** Calls that prove those permissions without changing data. */
  probes: readonly Probe<C>[];
}

/** One action (Workato `actions.NAME`). */
export interface ActionDefinition<
  C,
  IS extends z.ZodType,
  OS extends z.ZodType,
> extends Requirements<C> {
  title: string;
  subtitle?: string;
  /** One sentence starting with a verb. */
  description: string;
  help?: string;
  /**
   * The action only reads and changes nothing remote. Platforms with a separate kind of step for
   * look-ups list it there (a Zapier search); elsewhere it is an ordinary action.
   * @default false
   */
  read_only?: boolean;
  input_fields: IS;
  output_fields: OS;
  execute: (ctx: ExecuteContext<C, z.output<IS>>) => Promise<z.input<OS>>;
  /** A realistic output; validated against `output_fields` by `connector build`. */
  sample_output: z.input<OS>;
  /** Statuses or body matchers that make the runtime retry (Workato default: 429, 500, 502, 503, 504). */
  retry_on_response?: readonly ResponseMatcher[];
  /**
   * Methods that may be retried.
   * @default ['GET', 'HEAD']
   */
  retry_on_request?: readonly HttpMethod[];
  /**
   * Retry attempts after the first (Workato clamps to 3).
   * @default 3
   */
  max_retries?: number;
}

/** One polling trigger (Workato `triggers.NAME`). */
export interface TriggerDefinition<
  C,
  IS extends z.ZodType,
  OS extends z.ZodType,
  K,
> extends Requirements<C> {
  title: string;
  subtitle?: string;
  description: string;
  help?: string;
  input_fields: IS;
  /** The shape of one event. */
  output_fields: OS;
  /** Validates a closure read from outside (a `--closure` file) before `poll` sees it. */
  closure_schema: z.ZodType<K>;
  poll: (ctx: PollContext<C, z.output<IS>, K>) => Promise<PollResult<z.input<OS>, K>>;
  /** A stable key per event; the runtime drops events whose key it has already handed out. */
  dedup: (event: z.output<OS>) => string;
  sample_output: z.input<OS>;
}

/** A pick list: `[label, value]` pairs for a select field. */
export type PickList<C> = ((
  ctx: ConnectionContext<C> & { params: Record<string, string> },
) => Promise<Array<[string, string]>>) & {
  /**
   * The parameters the pick list takes (Workato's pick list arguments), as an object of string
   * fields. The runtime refuses any other parameter, naming the closest declared one.
   * @default none: any parameter is refused
   */
  params_fields?: z.ZodObject;
};

/** The connection part of a connector (Workato `connection`). */
export interface ConnectionDefinition<F extends z.ZodObject> {
  /** The connection form; the parsed values are the `connection` every lambda receives. */
  fields: F;
  authorization: Authorization<z.output<F>>;
  /** The base every relative request path resolves against. */
  base_uri: (connection: z.output<F>) => string;
  /**
   * Reads an API's error body (non-2xx) into a message and the remote system's own messages,
   * so errors say what the API said. Return `undefined` for bodies it does not recognise.
   */
  error_body?: (
    body: unknown,
    status: number,
  ) => { message: string; messages?: RemoteMessage[] } | undefined;
}

// Heterogeneous maps of operations: the connection type is fixed, the schemas vary per entry.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnyAction<C> = ActionDefinition<C, any, any>;
export type AnyTrigger<C> = TriggerDefinition<C, any, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A whole connector (Workato's top-level hash). */
export interface ConnectorDefinition<F extends z.ZodObject> {
  title: string;
  /** One or two sentences for the manifest. */
  description: string;
  version: string;
  connection: ConnectionDefinition<F>;
  /** Proves the connection works; returns who it acts as. */
  test: (ctx: ConnectionContext<z.output<F>>) => Promise<unknown>;
  actions: Record<string, AnyAction<z.output<F>>>;
  triggers: Record<string, AnyTrigger<z.output<F>>>;
  pick_lists: Record<string, PickList<z.output<F>>>;
  /** Shared schemas, listed in the manifest. */
  object_definitions?: Record<string, z.ZodType>;
}

/** Identity helper that checks a connector definition and keeps its literal keys. */
export function defineConnector<F extends z.ZodObject, const D extends ConnectorDefinition<F>>(
  definition: D & ConnectorDefinition<F>,
): D {
  return definition;
}

/**
 * Binds the definers to one connection type, so each action file gets a typed `connection`
 * without repeating it: `const { defineAction } = forConnection<MyConnection>()`.
 */
export function forConnection<C>() {
  return {
    defineAction<IS extends z.ZodType, OS extends z.ZodType>(
      definition: ActionDefinition<C, IS, OS>,
    ): ActionDefinition<C, IS, OS> {
      return definition;
    },
    defineTrigger<IS extends z.ZodType, OS extends z.ZodType, K>(
      definition: TriggerDefinition<C, IS, OS, K>,
    ): TriggerDefinition<C, IS, OS, K> {
      return definition;
    },
    definePickList(
      definition: PickList<C>,
      options: { params_fields?: z.ZodObject } = {},
    ): PickList<C> {
      return options.params_fields === undefined
        ? definition
        : Object.assign(definition, { params_fields: options.params_fields });
    },
    defineProbe(probe: Probe<C>): Probe<C> {
      return probe;
    },
  };
}
