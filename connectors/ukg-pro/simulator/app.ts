/**
 * One UKG Pro environment as a fastify app, apart from its listener: the REST resources, the
 * Developer Console token endpoint, fault injection and one error handler. The simulator plays
 * UKG; it imports nothing of the connector.
 */
import formbody from '@fastify/formbody';
import fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { bump, emptyCounters } from './context';
import type { EnvironmentContext } from './context';
import { ProblemError, TokenError } from './errors';
import { Faults } from './faults';
import type { EnvironmentFixture } from './fixtures';
import configurationRoutes from './routes/configuration';
import personnelRoutes from './routes/personnel';
import tokenRoutes from './routes/token';
import { generateSecrets } from './secrets';
import type { EnvironmentSecrets } from './secrets';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The name a simulator counts a route's requests under. */
    simulatorRoute?: string;
  }
}

/** Options of {@link buildEnvironmentApp}. */
export interface EnvironmentAppOptions {
  env: EnvironmentFixture;
  /** @default generated for this run */
  secrets?: EnvironmentSecrets;
  /** @default Date.now */
  now?: () => number;
  /** Developer Console access-token lifetime. @default 3600 */
  tokenTtlSeconds?: number;
  /** @default 'specific' */
  authErrorDetail?: 'specific' | 'generic';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The app and the context its routes share (the handle reads counters and faults from it). */
export function buildEnvironmentApp(options: EnvironmentAppOptions): {
  app: FastifyInstance;
  context: EnvironmentContext;
} {
  const context: EnvironmentContext = {
    env: options.env,
    secrets: options.secrets ?? generateSecrets(options.env),
    faults: new Faults(),
    counters: emptyCounters(),
    now: options.now ?? Date.now,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    authErrorDetail: options.authErrorDetail ?? 'specific',
  };
  const app = fastify({ logger: false, forceCloseConnections: true });
  app.register(formbody);

  app.addHook('preHandler', async (request, reply) => {
    const route = request.routeOptions.config?.simulatorRoute;
    if (route === undefined) return undefined;
    bump(context.counters.requests, route);
    if (request.headers['x-tenant-id'] !== undefined) bump(context.counters.ignored, 'x-tenant-id');
    const action = context.faults.plan(request.url.split('?')[0] ?? request.url);
    switch (action.kind) {
      case 'none':
        return undefined;
      case 'latency':
        await delay(action.latencyMs);
        return undefined;
      case 'reset':
        reply.hijack();
        request.raw.socket?.destroy();
        return reply;
      case 'rate_limit':
        reply.header('retry-after', String(action.retryAfterSeconds));
        throw new ProblemError(429, 'Too Many Requests', 'Exceeded Rate Limit');
      case 'server_error':
        throw new ProblemError(action.status, 'Server Error', 'An error has occurred.');
    }
  });

  app.addHook('onResponse', async (_request, reply) => {
    bump(context.counters.statuses, String(reply.statusCode));
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof TokenError) {
      return reply
        .code(error.status)
        .header('cache-control', 'no-store')
        .send({ error: error.error, error_description: error.message });
    }
    if (error instanceof ProblemError) {
      return reply
        .code(error.status)
        .type('application/problem+json')
        .send({ title: error.title, status: error.status, detail: error.message });
    }
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    const detail = status < 500 ? (error as Error).message : 'An error has occurred.';
    return reply
      .code(status)
      .type('application/problem+json')
      .send({ title: status < 500 ? 'Bad Request' : 'Server Error', status, detail });
  });

  app.setNotFoundHandler((request, reply) => {
    bump(context.counters.requests, 'unmatched');
    return reply
      .code(404)
      .type('application/problem+json')
      .send({
        title: 'Not Found',
        status: 404,
        detail: `No HTTP resource was found that matches the request URI '${request.url.split('?')[0]}'.`,
      });
  });

  app.register(personnelRoutes, { context });
  app.register(configurationRoutes, { context });
  app.register(tokenRoutes, { context });
  return { app, context };
}
