/**
 * The ION simulator's HTTP app: the authorization server (`/{TENANT}/as/token.oauth2`,
 * `/{TENANT}/as/revoke_token.oauth2`) and the API Gateway (`/{ti}/{context}/...`) with M3's
 * m3api-rest v2 behind it. OAuth errors are RFC 6749 JSON; gateway errors RFC 6750-style JSON.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { runTransaction } from './m3-programs';
import type { BatchRecord, MiAnswer } from './m3-programs';
import type { AppRecord, TenantRecord } from './model';

/** Faults switched on per test (all off by default). */
export interface IonFaults {
  /** Added to every gateway answer. */
  latencyMs?: number;
  /** Every Nth gateway request answers 429 with Retry-After. */
  rateLimit?: { every: number; retryAfterSeconds: number };
  /**
   * The next `times` calls of M3 `transaction` are carried out, then their answer is lost: the
   * connection is reset (`reset`) or the gateway answers 504 (`504`, the target "did not answer").
   */
  loseAnswer?: { transaction: string; times: number; how: 'reset' | '504' };
}

interface TokenRecord {
  tenant: string;
  app: string;
  /** The ERP user the token acts as. */
  user: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
  /** The refresh token it was issued with, so revoking that one ends this too. */
  refreshToken?: string;
}

/** Everything the simulator holds; `reset` clears tokens, batches and faults. */
export interface IonState {
  tenants: Map<string, TenantRecord>;
  accessTokens: Map<string, TokenRecord>;
  refreshTokens: Map<string, TokenRecord>;
  batches: Map<string, BatchRecord>;
  faults: IonFaults;
  gatewayRequests: number;
  tokenRequests: number;
  /** Seconds an access token lives (Infor's default: about two hours). */
  accessTokenTtlSeconds: number;
  now: () => number;
}

const KNOWN_CONTEXTS = new Set(['M3']);

function token(): string {
  return randomBytes(24).toString('base64url');
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error, error_description: description });
}

function gatewayError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.code(status).send({ error, error_description: description });
}

/** Client id and secret from HTTP Basic (form-encoded parts, RFC 6749 §2.3.1) or the body. */
function clientOf(
  request: FastifyRequest,
  form: Record<string, string>,
): { id: string; secret: string } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at < 0) return undefined;
    const part = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: part(decoded.slice(0, at)), secret: part(decoded.slice(at + 1)) };
  }
  if (form.client_id !== undefined && form.client_secret !== undefined)
    return { id: form.client_id, secret: form.client_secret };
  return undefined;
}

function formOf(request: FastifyRequest): Record<string, string> {
  const body = request.body;
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

/** Builds the app over `state`; the caller listens. */
export function buildIonApp(state: IonState): FastifyInstance {
  const app = fastify({ logger: false, bodyLimit: 1024 * 1024 });
  void app.register(formbody);

  const tenantOr404 = (name: string, reply: FastifyReply): TenantRecord | undefined => {
    const tenant = state.tenants.get(name);
    if (tenant === undefined) void gatewayError(reply, 404, 'not_found', `No tenant ${name}.`);
    return tenant;
  };

  const authenticateClient = (
    tenant: TenantRecord,
    request: FastifyRequest,
    form: Record<string, string>,
  ): AppRecord | undefined => {
    const client = clientOf(request, form);
    if (client === undefined) return undefined;
    const found = tenant.apps.find((a) => a.clientId === client.id);
    return found !== undefined && found.clientSecret === client.secret ? found : undefined;
  };

  const issue = (
    reply: FastifyReply,
    tenant: TenantRecord,
    app: AppRecord,
    user: string,
    requested: string | undefined,
  ) => {
    const granted = tenant.profile.grantedScopes;
    const scopes =
      requested === undefined
        ? [...granted]
        : requested.split(/\s+/).filter((s) => granted.includes(s));
    const access = token();
    const refresh = app.issueRefreshTokens ? token() : undefined;
    const record: TokenRecord = {
      tenant: tenant.tenant,
      app: app.name,
      user,
      scopes,
      expiresAt: state.now() + state.accessTokenTtlSeconds * 1000,
      revoked: false,
      ...(refresh === undefined ? {} : { refreshToken: refresh }),
    };
    state.accessTokens.set(access, record);
    if (refresh !== undefined)
      state.refreshTokens.set(refresh, { ...record, expiresAt: Number.POSITIVE_INFINITY });
    return reply.header('cache-control', 'no-store').send({
      access_token: access,
      token_type: 'Bearer',
      expires_in: state.accessTokenTtlSeconds,
      ...(refresh === undefined ? {} : { refresh_token: refresh }),
      ...(scopes.length === 0 ? {} : { scope: scopes.join(' ') }),
    });
  };

  app.post('/:tenant/as/token.oauth2', async (request, reply) => {
    state.tokenRequests += 1;
    const tenant = tenantOr404((request.params as { tenant: string }).tenant, reply);
    if (tenant === undefined) return reply;
    if (
      !String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
    )
      return oauthError(reply, 400, 'invalid_request', 'The token request must be form-encoded.');
    const form = formOf(request);
    const client = authenticateClient(tenant, request, form);
    if (client === undefined)
      return oauthError(reply, 401, 'invalid_client', 'Client authentication failed.');
    switch (form.grant_type) {
      case 'password': {
        if (client.clientCredentials)
          return oauthError(
            reply,
            400,
            'unauthorized_client',
            'The grant type password is not allowed for this client.',
          );
        const account = tenant.serviceAccounts.find(
          (sa) => sa.accessKey === form.username && sa.app === client.name,
        );
        if (account === undefined || account.secretKey !== form.password || account.revoked)
          return oauthError(reply, 400, 'invalid_grant', 'Invalid service account credentials.');
        return issue(reply, tenant, client, account.user, form.scope);
      }
      case 'client_credentials':
        if (!client.clientCredentials)
          return oauthError(
            reply,
            400,
            'unauthorized_client',
            'The grant type client_credentials is not allowed for this client.',
          );
        return issue(reply, tenant, client, client.m2mUser ?? client.name, form.scope);
      case 'refresh_token': {
        const record = state.refreshTokens.get(form.refresh_token ?? '');
        if (
          record === undefined ||
          record.revoked ||
          record.tenant !== tenant.tenant ||
          record.app !== client.name
        )
          return oauthError(
            reply,
            400,
            'invalid_grant',
            'The refresh token is invalid, expired or revoked.',
          );
        state.refreshTokens.delete(form.refresh_token ?? '');
        return issue(reply, tenant, client, record.user, record.scopes.join(' ') || undefined);
      }
      default:
        return oauthError(
          reply,
          400,
          'unsupported_grant_type',
          `Grant type ${form.grant_type ?? '(none)'} is not supported.`,
        );
    }
  });

  app.post('/:tenant/as/revoke_token.oauth2', async (request, reply) => {
    const tenant = tenantOr404((request.params as { tenant: string }).tenant, reply);
    if (tenant === undefined) return reply;
    const form = formOf(request);
    if (authenticateClient(tenant, request, form) === undefined)
      return oauthError(reply, 401, 'invalid_client', 'Client authentication failed.');
    const value = form.token ?? '';
    const refresh = state.refreshTokens.get(value);
    if (refresh !== undefined) {
      refresh.revoked = true;
      // Revoking the refresh token also revokes its access token and grant (§1.2).
      for (const access of state.accessTokens.values())
        if (access.refreshToken === value) access.revoked = true;
    }
    const access = state.accessTokens.get(value);
    if (access !== undefined) access.revoked = true;
    return reply.code(200).send();
  });

  /** The gateway: bearer check, tenant, context, scopes, then the M3 stub. */
  const gateway = async (
    request: FastifyRequest,
    reply: FastifyReply,
    run: (user: string, tenant: TenantRecord) => MiAnswer[] | null,
  ) => {
    const params = request.params as { ti: string; context: string };
    state.gatewayRequests += 1;
    const faults = state.faults;
    if (faults.latencyMs !== undefined) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (faults.rateLimit !== undefined && state.gatewayRequests % faults.rateLimit.every === 0)
      return reply
        .code(429)
        .header('retry-after', String(faults.rateLimit.retryAfterSeconds))
        .send({ error: 'quota_exceeded', error_description: 'Quota exceeded.' });
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const record = bearer === undefined ? undefined : state.accessTokens.get(bearer);
    const tenant = state.tenants.get(params.ti);
    if (
      record === undefined ||
      record.revoked ||
      record.expiresAt <= state.now() ||
      record.tenant !== params.ti ||
      tenant === undefined ||
      tenant.profile.rejectTokens
    )
      return gatewayError(
        reply,
        401,
        'invalid_token',
        'The access token is missing, invalid or expired.',
      );
    if (!KNOWN_CONTEXTS.has(params.context))
      return gatewayError(reply, 404, 'not_found', `No API suite ${params.context}.`);
    if (tenant.profile.enforceScopes && !record.scopes.includes(`Infor-${params.context}`))
      return gatewayError(
        reply,
        403,
        'insufficient_scope',
        `The token lacks scope Infor-${params.context}.`,
      );
    const answers = run(record.user, tenant);
    if (answers === null)
      return gatewayError(reply, 404, 'not_found', 'No such path in this API suite.');
    const lost = faults.loseAnswer;
    const transactions =
      (request as FastifyRequest & { transactions?: string[] }).transactions ?? [];
    if (lost !== undefined && lost.times > 0 && transactions.includes(lost.transaction)) {
      lost.times -= 1;
      if (lost.how === 'reset') {
        request.raw.socket.destroy();
        return reply;
      }
      return gatewayError(reply, 504, 'gateway_timeout', 'The target did not answer in time.');
    }
    const failed = answers.filter((a) => 'nok' in a).length;
    return reply.send({
      results: answers.map((answer, index) => ({
        transaction: transactions[index] ?? '',
        records: 'records' in answer ? answer.records : [],
        ...('nok' in answer ? answer.nok : {}),
      })),
      wasTerminated: false,
      nrOfSuccessfullTransactions: answers.length - failed,
      nrOfFailedTransactions: failed,
    });
  };

  const m3Run = (
    tenantName: string,
    user: string,
    tenant: TenantRecord,
    calls: Array<{ program: string; transaction: string; record: Record<string, string> }>,
  ): MiAnswer[] => {
    const m3User = tenant.users[user];
    return calls.map((call) =>
      m3User === undefined
        ? {
            nok: {
              errorMessage: `User ${user} does not exist in M3`,
              errorCode: 'XAU0002',
              errorType: 'ServerReturnedNOK',
            },
          }
        : runTransaction(
            { tenant: tenantName, username: user, user: m3User, batches: state.batches },
            call.program,
            call.transaction,
            call.record,
          ),
    );
  };

  app.get('/:ti/:context/m3api-rest/v2/execute/:program/:transaction', async (request, reply) => {
    const p = request.params as { ti: string; program: string; transaction: string };
    const record = Object.fromEntries(
      Object.entries(request.query as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    (request as FastifyRequest & { transactions?: string[] }).transactions = [p.transaction];
    return gateway(request, reply, (user, tenant) =>
      m3Run(p.ti, user, tenant, [{ program: p.program, transaction: p.transaction, record }]),
    );
  });

  app.post('/:ti/:context/m3api-rest/v2/execute', async (request, reply) => {
    const p = request.params as { ti: string };
    const body = (request.body ?? {}) as { program?: unknown; transactions?: unknown };
    const list = Array.isArray(body.transactions)
      ? (body.transactions as Array<{ transaction?: unknown; record?: unknown }>)
      : [];
    const calls = list.map((t) => ({
      program: String(body.program ?? ''),
      transaction: String(t.transaction ?? ''),
      record: Object.fromEntries(
        Object.entries((t.record ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
      ),
    }));
    (request as FastifyRequest & { transactions?: string[] }).transactions = calls.map(
      (c) => c.transaction,
    );
    return gateway(request, reply, (user, tenant) => m3Run(p.ti, user, tenant, calls));
  });

  // Anything else under a tenant: the gateway's own checks, then 404 (wrong suite or path).
  app.all('/:ti/:context/*', async (request, reply) => gateway(request, reply, () => null));

  return app;
}
