import { createSession, selectOAuth2Authorization } from '../../sdk/runtime';
import { processTokenResponse, tokenEndpointRequest } from '../../sdk/oauth2';
import { toConnectorError } from '../../sdk/errors';
import { RESOURCE_FUNCTIONAL_AREAS } from '../../workday/functional-areas';
import { registerConnectionSecrets } from '../connection-secrets';
import { splitTokens, writeBackTokens } from '../settings-tokens';
import { checkEndpoints } from './check-endpoints';
import { checkProbes } from './check-probes';
import { checkSettings } from './check-settings';
import { classifyProbeError } from './classify-probe-error';
import { classifyTokenError } from './classify-token-error';
import { failed, passed, skipped } from './report';
import { describeTokenFacts } from './token-facts';
import { CLI_COMMAND } from '../cli-name';
import type { OAuth2Authorization, Probe, TokenSet } from '../../sdk/define';
import type { Redactor } from '../../sdk/redact';
import type { SessionOptions } from '../../sdk/runtime';
import type { ConnectionValues, SettingsStore } from '../../sdk/settings';
import type { EndpointSettings } from '../../workday/endpoints';
import type { LoadedConnector } from '../load-connector';
import type { CheckResult, ConnectionReport } from './report';
import type { TokenSaveOutcome } from './token-facts';

type Connection = Record<string, unknown>;

/** The part of an SDK session the doctor uses. */
export interface DoctorSession {
  test(): Promise<unknown>;
  runProbe(probe: Probe<Connection>): Promise<unknown>;
  close(): void;
}

/** Builds the session the doctor runs the test and probes with; the SDK's `createSession` by default. */
export type DoctorSessionFactory = (
  definition: LoadedConnector,
  options: SessionOptions,
) => DoctorSession;

/** Options of {@link diagnoseConnection}. */
export interface DiagnoseOptions {
  definition: LoadedConnector;
  store: SettingsStore;
  /** The connection's name in the file; undefined for a file holding one unnamed connection. */
  name: string | undefined;
  /** Every secret seen (settings values, new tokens) is registered here. */
  redactor: Redactor;
  /** @default the SDK's createSession */
  createSession?: DoctorSessionFactory;
  /**
   * Timeout of each request the doctor sends.
   * @default 20000
   */
  timeoutMs?: number;
  /** @default Date.now */
  now?: () => number;
}

// What the Workday connector's `test` reads (connector.ts), named in its failure diagnosis.
const TEST_RESOURCE = 'workers/me';

const LATER_CHECKS = ['endpoints', 'token request', 'token facts', 'connection test'] as const;

function operationChecks(definition: LoadedConnector): string[] {
  return [
    ...Object.keys(definition.actions).map((name) => `actions.${name}`),
    ...Object.keys(definition.triggers).map((name) => `triggers.${name}`),
  ];
}

/** The rows after `from`, each skipped with `reason`. */
function skipRest(definition: LoadedConnector, from: string, reason: string): CheckResult[] {
  const all: string[] = [...LATER_CHECKS, ...operationChecks(definition)];
  const start = all.indexOf(from);
  return all.slice(start === -1 ? all.length : start).map((check) => skipped(check, reason));
}

/** "Logan McNeil (id 3aa5…) in tenant acme_us", from whatever the connector's `test` returned. */
function describeIdentity(result: unknown): string {
  if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
    const r = result as Record<string, unknown>;
    const who = [r.descriptor, r.name, r.username].find((v) => typeof v === 'string');
    const id = typeof r.id === 'string' ? ` (id ${r.id})` : '';
    const tenant = typeof r.tenant === 'string' ? ` in tenant ${r.tenant}` : '';
    if (who !== undefined) return `acts as ${String(who)}${id}${tenant}`;
  }
  const text = JSON.stringify(result) ?? String(result);
  return `test returned ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}

/**
 * Walks the chain for one connection — settings, endpoints, token request, token facts, the
 * connector's `test`, then every action's and trigger's probes — skipping later checks (with the
 * reason) once one fails. Tokens obtained are written back to the settings file.
 */
export async function diagnoseConnection(options: DiagnoseOptions): Promise<ConnectionReport> {
  const { definition, store, name, redactor } = options;
  const label = name ?? 'default';
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const checks: CheckResult[] = [];
  const report = (tenant?: string): ConnectionReport => ({
    connection: label,
    ...(tenant === undefined ? {} : { tenant }),
    ok: checks.every((c) => c.status !== 'fail'),
    checks,
  });

  const stored = store.getConnection(name);
  registerConnectionSecrets(redactor, stored, definition.connection.fields);
  const values = splitTokens(stored).connection;

  // 1. settings
  const settings = checkSettings(definition.connection.fields, values);
  checks.push(settings.result);
  if (settings.connection === undefined) {
    checks.push(...skipRest(definition, 'endpoints', 'skipped: the settings check failed.'));
    return report();
  }
  const connection = settings.connection;

  // 2. endpoints
  const endpoints = checkEndpoints(connection as unknown as EndpointSettings);
  checks.push(endpoints.result);
  if (endpoints.endpoints === undefined) {
    checks.push(...skipRest(definition, 'token request', 'skipped: the endpoints check failed.'));
    return report();
  }
  const tenant = endpoints.endpoints.tenant;

  // 3. token request
  let auth: OAuth2Authorization<Connection>;
  try {
    auth = selectOAuth2Authorization(definition.connection.authorization, connection).option;
  } catch (error: unknown) {
    const problem = toConnectorError(error);
    checks.push(
      failed('token request', `${problem.message} ${problem.hint ?? ''}`.trim(), problem.code),
    );
    checks.push(...skipRest(definition, 'token facts', 'skipped: no token was obtained.'));
    return report(tenant);
  }
  const obtained = await requestToken(auth, connection, {
    connection: name,
    tenant,
    others: store
      .connectionNames()
      .filter((other) => other !== name)
      .map((other) => ({ name: other, values: store.getConnection(other) })),
    redactor,
    timeoutMs,
  });
  checks.push(obtained.result);
  if (obtained.tokens === undefined) {
    checks.push(...skipRest(definition, 'token facts', 'skipped: no token was obtained.'));
    return report(tenant);
  }
  const tokens = obtained.tokens;

  // 4. token facts (and write the tokens back)
  const expiresAt =
    tokens.expires_in === undefined
      ? undefined
      : new Date(obtained.requestedAt + tokens.expires_in * 1000).toISOString();
  const save = await saveTokens(store, name, {
    access_token: tokens.access_token,
    ...(expiresAt === undefined ? {} : { access_token_expires_at: expiresAt }),
    ...(tokens.refresh_token === undefined ? {} : { refresh_token: tokens.refresh_token }),
  });
  checks.push(describeTokenFacts(tokens, save));

  // 5. the connector's test, 6. probes
  const factory = options.createSession ?? (createSession as DoctorSessionFactory);
  let session: DoctorSession;
  try {
    session = factory(definition, {
      connection: values,
      tokens: {
        access_token: tokens.access_token,
        ...(expiresAt === undefined ? {} : { access_token_expires_at: expiresAt }),
      },
      onTokens: writeBackTokens(store, name, redactor),
      http: { timeoutMs, retry: { maxRetries: 1 } },
      now,
    });
  } catch (error: unknown) {
    const problem = toConnectorError(error);
    checks.push(failed('connection test', problem.message, problem.code));
    for (const check of operationChecks(definition)) {
      checks.push(skipped(check, 'skipped: no session could be built.'));
    }
    return report(tenant);
  }
  try {
    const account = auth.grant === 'authorization_code' ? 'user' : 'ISU';
    try {
      const who = await session.test();
      checks.push(passed('connection test', `${describeIdentity(who)}.`, { identity: who }));
    } catch (error: unknown) {
      const problem = toConnectorError(error);
      const area = problem.details.functionalArea;
      const classified = problem.code === 'unauthorized' || problem.code === 'insufficient_scope';
      const detail = classified
        ? classifyProbeError(problem, {
            probe: `the connection test (GET ${TEST_RESOURCE})`,
            // The Workday connector's test reads workers/me; an error naming its area wins.
            scope: typeof area === 'string' ? area : RESOURCE_FUNCTIONAL_AREAS.workers,
            neededBy: 'every action, since the connection test fails',
            account,
            areaProven: false,
          })
        : `${problem.message}${problem.hint === undefined ? '' : ` ${problem.hint}`}`;
      checks.push(failed('connection test', detail, problem.code));
      for (const check of operationChecks(definition)) {
        checks.push(skipped(check, 'skipped: the connection test failed.'));
      }
      return report(tenant);
    }
    const operations = [
      ...Object.entries(definition.actions).map(([opName, action]) => ({
        kind: 'action' as const,
        name: opName,
        requirements: action,
      })),
      ...Object.entries(definition.triggers).map(([opName, trigger]) => ({
        kind: 'trigger' as const,
        name: opName,
        requirements: trigger,
      })),
    ];
    checks.push(
      ...(await checkProbes({
        operations,
        runProbe: (probe) => session.runProbe(probe),
        account,
      })),
    );
    return report(tenant);
  } finally {
    session.close();
  }
}

interface TokenRequestContext {
  connection: string | undefined;
  tenant: string;
  others: Array<{ name: string; values: ConnectionValues }>;
  redactor: Redactor;
  timeoutMs: number;
}

/** Check 3: one token request with the connection's grant, classified when it fails. */
async function requestToken(
  auth: OAuth2Authorization<Connection>,
  connection: Connection,
  context: TokenRequestContext,
): Promise<{ result: CheckResult; tokens?: TokenSet; requestedAt: number }> {
  const check = 'token request';
  const requestedAt = Date.now();
  const label = context.connection ?? 'default';
  const refreshToken = auth.refresh_token?.(connection);
  if (refreshToken === undefined || refreshToken === '') {
    const flag = context.connection === undefined ? '' : ` --connection ${context.connection}`;
    const detail =
      auth.grant === 'authorization_code'
        ? `connection '${label}' is an API client for a user account and has no refresh token yet: run \`${CLI_COMMAND} oauth2${flag}\` to sign in and save one.`
        : `connection '${label}' has no refresh token: generate one in Manage Refresh Tokens for Integrations and put it in "refresh_token".`;
    return { result: failed(check, detail, 'reauthorization_required'), requestedAt };
  }
  const tokenEndpoint = auth.token_url(connection);
  const clientId = auth.client_id(connection);
  let response: { status: number; contentType: string } | undefined;
  try {
    const raw = await tokenEndpointRequest(
      {
        tokenEndpoint,
        clientId,
        clientSecret: auth.client_secret(connection),
        clientAuthentication: auth.client_authentication?.(connection) ?? 'basic',
        redactor: context.redactor,
        timeoutMs: context.timeoutMs,
      },
      { grant_type: 'refresh_token', refresh_token: refreshToken },
    );
    response = { status: raw.status, contentType: raw.contentType };
    const tokens = processTokenResponse(raw);
    context.redactor.add(tokens.access_token);
    if (tokens.refresh_token !== undefined) context.redactor.add(tokens.refresh_token);
    return {
      result: passed(
        check,
        `refresh_token grant at ${pathOf(tokenEndpoint)} answered ${raw.status} with a Bearer access token.`,
      ),
      tokens,
      requestedAt,
    };
  } catch (error: unknown) {
    const problem = toConnectorError(error);
    const detail = classifyTokenError(problem, {
      connection: label,
      tenant: context.tenant,
      grant: auth.grant === 'authorization_code' ? 'authorization_code' : 'refresh_token',
      clientId,
      tokenHost: hostOf(tokenEndpoint),
      others: context.others,
      ...(response === undefined ? {} : { response }),
    });
    return {
      result: failed(check, detail, problem.code, {
        ...(typeof problem.details.oauthError === 'string'
          ? { oauthError: problem.details.oauthError }
          : {}),
        ...(response === undefined ? {} : { status: response.status }),
      }),
      requestedAt,
    };
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

async function saveTokens(
  store: SettingsStore,
  name: string | undefined,
  update: Record<string, string>,
): Promise<TokenSaveOutcome> {
  try {
    await store.updateConnection(name, update);
    return { saved: true };
  } catch (error: unknown) {
    return { saved: false, error: toConnectorError(error).message };
  }
}
