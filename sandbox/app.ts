/**
 * The sandbox app, apart from its listener: one plugin per resource, global hooks that count
 * requests and inject faults, and one error handler that answers in Workday's shapes.
 */
import formbody from '@fastify/formbody';
import fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  BODY_LIMIT_BYTES,
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
  DEFAULT_AUTHORIZATION_CODE_TTL_SECONDS,
  DEFAULT_IMPORT_DELAY_MS,
} from './constants';
import type { SandboxContext } from './context';
import { SandboxController } from './controller';
import { Counters } from './counters';
import { AuthorizePageError, OAuthError, RestError, SoapFault } from './errors';
import { mangleBody, sendInjectedError } from './fault-responses';
import { FaultEngine } from './faults';
import { TENANT_FIXTURES } from './fixtures';
import { renderErrorPage } from './oauth/login-page';
import { TokenRegistry } from './oauth/tokens';
import type { RefreshTokenRecord } from './oauth/tokens';
import { createRequestState } from './request-state';
import { ROUTE_NAMES } from './route-names';
import adminRoutes from './routes/admin';
import currenciesRoutes from './routes/currencies';
import financialManagementRoutes, { readSoapForHooks } from './routes/financial-management';
import inboxTasksRoutes from './routes/inbox-tasks';
import integrationsRoutes from './routes/integrations';
import authorizeRoutes from './routes/oauth-authorize';
import tokenRoutes from './routes/oauth-token';
import workersRoutes from './routes/workers';
import { generateSecrets, secretKey } from './secrets';
import { renderFault } from './soap/envelope';
import { SandboxStore } from './store';
import type { SandboxOptions, SandboxSecrets } from './types';

const XML_CONTENT_TYPES = ['text/xml', 'application/xml', 'application/soap+xml'];

/** The app together with its control surface (what `startSandbox` needs besides the app). */
export interface SandboxApp {
  app: FastifyInstance;
  controller: SandboxController;
  secrets: SandboxSecrets;
}

function isuRefreshTokens(secrets: SandboxSecrets): [string, RefreshTokenRecord][] {
  const entries: [string, RefreshTokenRecord][] = [];
  for (const tenant of TENANT_FIXTURES) {
    for (const client of tenant.apiClients) {
      const token = secrets.isuRefreshTokens[secretKey(tenant.tenant, client.client_id)];
      const isu = tenant.users.find((user) => user.username === client.isu);
      if (token === undefined || isu === undefined) continue;
      entries.push([
        token,
        {
          tenant: tenant.tenant,
          clientId: client.client_id,
          username: isu.username,
          workerId: isu.workerId,
          revoked: false,
          code: undefined,
        },
      ]);
    }
  }
  return entries;
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Counts an API request once, under its route (or SOAP operation) name. */
function countOnce(context: SandboxContext, request: FastifyRequest): void {
  const state = request.sandboxState;
  if (state === null || state.counted) return;
  state.counted = true;
  const route = request.routeOptions.config?.sandbox;
  let name: string = route?.routeName ?? ROUTE_NAMES.unmatched;
  if (route?.kind === 'soap') {
    name =
      state.soap === undefined || state.soap instanceof Error
        ? 'soap.invalid'
        : `soap.${state.soap.operation}`;
  }
  context.counters.countRequest(name);
  if (route?.routeName === ROUTE_NAMES.token) {
    const body: unknown = request.body;
    context.counters.countTokenRequest(
      typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>).grant_type
        : undefined,
    );
  }
}

function sendError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const kind = request.routeOptions.config?.sandbox?.kind;
  const status =
    'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (error instanceof SoapFault || kind === 'soap') {
    const fault =
      error instanceof SoapFault
        ? error
        : status < 500
          ? new SoapFault('SOAP-ENV:Client', `The request could not be read: ${error.message}`)
          : new SoapFault('SOAP-ENV:Server', 'Internal error occurred.');
    return reply.code(fault.status).type('text/xml; charset=utf-8').send(renderFault(fault));
  }
  if (error instanceof OAuthError) {
    if (error.challengeBasic) reply.header('www-authenticate', 'Basic realm="workday"');
    return reply
      .code(error.status)
      .header('cache-control', 'no-store')
      .send({ error: error.error, error_description: error.message });
  }
  if (kind === 'oauth') {
    const code = status < 500 ? 400 : 500;
    return reply.code(code).send({
      error: code === 400 ? 'invalid_request' : 'server_error',
      error_description: code === 400 ? error.message : 'Internal error.',
    });
  }
  if (error instanceof AuthorizePageError || kind === 'html') {
    const code = error instanceof AuthorizePageError ? error.status : status < 500 ? 400 : 500;
    return reply
      .code(code)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(code < 500 ? error.message : 'Internal error.'));
  }
  if (error instanceof RestError) {
    return reply.code(error.status).send({
      error: error.message,
      errors: error.details.map((detail) => ({ error: detail })),
    });
  }
  if (status < 500) {
    const message = `invalid request: ${error.message}`;
    return reply.code(status).send({ error: message, errors: [{ error: message }] });
  }
  return reply.code(500).send({ error: 'An error occurred.' });
}

/** Builds the app and its controller; `startSandbox` and the tests share it. */
export function createSandboxApp(options: SandboxOptions = {}): SandboxApp {
  const now = options.now ?? Date.now;
  const secrets = options.secrets ?? generateSecrets(TENANT_FIXTURES);
  const tokens = new TokenRegistry(now, isuRefreshTokens(secrets));
  const context: SandboxContext = {
    store: new SandboxStore(now),
    tokens,
    faults: new FaultEngine({
      expireAccessTokens: () => tokens.expireAccessTokens(),
      revokeRefreshTokens: (clientIds) => tokens.revokeRefreshTokens(clientIds),
    }),
    counters: new Counters(),
    secrets,
    now,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    authorizationCodeTtlSeconds:
      options.authorizationCodeTtlSeconds ?? DEFAULT_AUTHORIZATION_CODE_TTL_SECONDS,
    loginDelayMs: options.loginDelay ?? 0,
    importDelayMs: options.importDelayMs ?? DEFAULT_IMPORT_DELAY_MS,
  };
  const controller = new SandboxController(context);
  // Through the controller, so a spec given at start is checked like one set later.
  if (options.faults !== undefined) controller.setFaults(options.faults);

  // No request logging: the sandbox must serve thousands of requests per second.
  const app = fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
  });
  app.server.on('connection', () => {
    context.counters.socketsOpened += 1;
  });
  app.register(formbody);
  app.addContentTypeParser(XML_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });
  app.decorateRequest('sandboxState', null);

  app.addHook('onRequest', async (request) => {
    request.sandboxState = request.url.startsWith('/_sandbox/') ? null : createRequestState();
  });

  app.addHook('preHandler', async (request, reply) => {
    const state = request.sandboxState;
    if (state === null) return;
    const route = request.routeOptions.config?.sandbox;
    if (route?.kind === 'soap') state.soap = readSoapForHooks(request.body);
    countOnce(context, request);
    const operation =
      state.soap === undefined || state.soap instanceof Error ? undefined : state.soap.operation;
    const plan = context.faults.plan(pathOf(request.url), operation);
    state.faultPlan = plan;
    if (plan.latencyMs > 0) await delay(plan.latencyMs);
    if (plan.resetBeforeResponse) {
      reply.hijack();
      request.raw.socket?.destroy();
      return reply;
    }
    if (plan.rateLimitRetryAfterSeconds !== undefined) {
      reply.header('retry-after', String(plan.rateLimitRetryAfterSeconds));
      return sendInjectedError(
        reply,
        route?.kind,
        429,
        'Too many requests: the rate limit was exceeded.',
      );
    }
    if (plan.serverErrorStatus !== undefined) {
      return sendInjectedError(reply, route?.kind, plan.serverErrorStatus, 'An error occurred.');
    }
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const plan = request.sandboxState?.faultPlan;
    if (plan === undefined) return payload;
    if (plan.loseResponseAfterCommit) {
      // The handler ran (its writes are committed); the client never hears about it.
      request.raw.socket?.destroy();
      return payload;
    }
    if (plan.malformed !== undefined) return mangleBody(reply, plan.malformed, payload);
    return payload;
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    countOnce(context, request);
    return sendError(error, request, reply);
  });

  app.setNotFoundHandler((request, reply) => {
    countOnce(context, request);
    const message = `No resource at '${request.method} ${pathOf(request.url)}'.`;
    return reply.code(404).send({ error: 'Resource not found.', errors: [{ error: message }] });
  });

  const routeOptions = { context };
  app.register(adminRoutes, { controller });
  app.register(authorizeRoutes, routeOptions);
  app.register(tokenRoutes, routeOptions);
  // Common v1 under its versioned path and the un-versioned alias of "View API Clients".
  for (const prefix of ['/ccx/api/common/v1/:tenant', '/ccx/api/v1/:tenant']) {
    app.register(workersRoutes, { ...routeOptions, prefix });
    app.register(inboxTasksRoutes, { ...routeOptions, prefix });
  }
  app.register(currenciesRoutes, { ...routeOptions, prefix: '/ccx/api/coreAccounting/v1/:tenant' });
  app.register(financialManagementRoutes, routeOptions);
  app.register(integrationsRoutes, routeOptions);
  return { app, controller, secrets };
}

/**
 * Builds the sandbox app without listening: Workday's OAuth2, REST and Financial_Management
 * SOAP endpoints for tenants `acme_us` and `acme_emea`, plus `/_sandbox/*` control routes.
 *
 * @example
 * const app = buildSandbox();
 * const res = await app.inject({ method: 'GET', url: '/_sandbox/state' });
 */
export function buildSandbox(options: SandboxOptions = {}): FastifyInstance {
  return createSandboxApp(options).app;
}
