/**
 * One Workiva region as a fastify app, apart from its listener: the IAM token endpoint, the
 * Platform API under both versions' paths, the rate limiter (token requests included), fault
 * injection and one error handler. The simulator plays Workiva; it imports nothing of ours.
 */
import formbody from '@fastify/formbody';
import fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { tokenOf } from './auth';
import { bump, emptyCounters, REQUEST_LOG_LIMIT } from './context';
import type { SimulatorContext } from './context';
import { PlatformError, TokenError } from './errors';
import { Faults } from './faults';
import { CLIENTS } from './fixtures';
import { RateLimiter } from './rate-limit';
import type { RateLimitOptions } from './rate-limit';
import filesRoutes from './routes/files';
import operationRoutes from './routes/operations';
import spreadsheetRoutes from './routes/spreadsheets';
import tokenRoutes, { claimedClient } from './routes/token';
import { generateClientSecrets } from './secrets';
import { Store } from './store';
import { PREFIX, VERSIONS, requestedVersion } from './versions';
import type { ApiVersion } from './versions';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The name a simulator counts a route's requests under. */
    simulatorRoute?: string;
  }
}

/** Options of {@link buildRegionApp}. */
export interface RegionAppOptions {
  region: 'us' | 'eu';
  /** @default generated for this run */
  clientSecrets?: Record<string, string>;
  /** @default Date.now */
  now?: () => number;
  /** @default 599 (Workiva's documented example) */
  tokenTtlSeconds?: number;
  rateLimit?: RateLimitOptions;
  /** @default 1 */
  operationRetryAfterSeconds?: number;
  /** @default 1000 */
  operationPollIntervalMs?: number;
}

function versionOfRoute(url: string | undefined): ApiVersion | undefined {
  if (url === undefined) return undefined;
  return url.startsWith(PREFIX['2022-01-01'] + '/') ? '2022-01-01' : '2026-01-01';
}

export function buildRegionApp(options: RegionAppOptions): {
  app: FastifyInstance;
  context: SimulatorContext;
} {
  const now = options.now ?? Date.now;
  const context: SimulatorContext = {
    region: options.region,
    clients: CLIENTS,
    clientSecrets: options.clientSecrets ?? generateClientSecrets(CLIENTS),
    tokens: new Map(),
    store: new Store(now),
    faults: new Faults(),
    limiter: new RateLimiter(options.rateLimit ?? {}, now),
    counters: emptyCounters(),
    log: [],
    now,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 599,
    operationRetryAfterSeconds: options.operationRetryAfterSeconds ?? 1,
    operationPollIntervalMs: options.operationPollIntervalMs ?? 1000,
  };
  const app = fastify({ logger: false, forceCloseConnections: true });
  app.register(formbody);

  app.addHook('preHandler', async (request, reply) => {
    const route = request.routeOptions.config?.simulatorRoute;
    if (route === undefined) return;
    const path = request.url.split('?')[0] ?? request.url;
    let client: string;
    if (route === 'token') {
      context.counters.tokenRequests += 1;
      client = claimedClient(request);
    } else {
      bump(context.counters.requests, route);
      const version = requestedVersion(request.headers['x-version']);
      if (versionOfRoute(request.routeOptions.url) !== version) {
        throw new PlatformError(
          404,
          '404NotFound',
          `No resource at '${path}' in API version ${version}.`,
        );
      }
      client = tokenOf(context, request)?.clientId ?? 'anonymous';
    }
    bump(context.counters.byClient, client);
    const storm = context.faults.take(['storm'], path);
    const retryAfter = context.limiter.admit(client, storm?.retryAfterSeconds);
    context.log.push({
      at: now(),
      route,
      client,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
    if (context.log.length > REQUEST_LOG_LIMIT) context.log.shift();
    if (retryAfter !== undefined) {
      reply.header('retry-after', String(retryAfter));
      if (route === 'token')
        throw new TokenError(429, 'temporarily_unavailable', 'Too many requests.');
      throw new PlatformError(
        429,
        '429TooManyRequests',
        'Too many requests; retry after the time in Retry-After.',
      );
    }
    const failure = context.faults.take(['server_error'], path);
    if (failure !== undefined) {
      throw new PlatformError(
        failure.status,
        `${failure.status}ServiceUnavailable`,
        'The service is unavailable.',
      );
    }
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof TokenError) {
      return reply
        .code(error.status)
        .header('cache-control', 'no-store')
        .send({ error: error.error, error_description: error.message, error_uri: null });
    }
    let version: string = VERSIONS[0];
    try {
      version = requestedVersion(request.headers['x-version']);
    } catch {
      // keep the default
    }
    const platform =
      error instanceof PlatformError
        ? error
        : new PlatformError(
            (error as { statusCode?: number }).statusCode === 400 ? 400 : 500,
            (error as { statusCode?: number }).statusCode === 400
              ? '400BadRequest'
              : '500InternalServerError',
            (error as { statusCode?: number }).statusCode === 400
              ? (error as Error).message
              : 'Internal error.',
          );
    return reply.code(platform.status).send({
      code: platform.code,
      message: platform.message,
      details: platform.details,
      target: null,
      documentationUrl: 'https://developers.workiva.com/',
      version,
    });
  });

  app.setNotFoundHandler((request, reply) => {
    bump(context.counters.requests, 'unmatched');
    return reply.code(404).send({
      code: '404NotFound',
      message: `No resource at '${request.url.split('?')[0]}'.`,
      details: [],
    });
  });

  app.register(tokenRoutes, { context });
  for (const version of VERSIONS) {
    const prefix = PREFIX[version];
    const register = { context, prefix };
    app.register(filesRoutes, { ...register, prefix });
    app.register(spreadsheetRoutes, { ...register, prefix });
    app.register(operationRoutes, { context, prefix });
  }
  return { app, context };
}
