/**
 * `GET /operations/{id}`: the operation's status, one step further per poll. Unfinished
 * operations carry `Retry-After`; polls of one operation faster than the poll interval are
 * answered 429 (§3.1 says operation polls may be limited to about one a second).
 */
import type { FastifyPluginAsync } from 'fastify';
import { tokenOf } from '../auth';
import type { SimulatorContext } from '../context';
import { PlatformError } from '../errors';

const operationRoutes: FastifyPluginAsync<{ context: SimulatorContext }> = async (
  app,
  { context },
) => {
  app.get<{ Params: { id: string } }>(
    '/operations/:id',
    { config: { simulatorRoute: 'operations' } },
    async (request, reply) => {
      if (tokenOf(context, request) === undefined) {
        throw new PlatformError(401, '401Unauthorized', 'No valid API token provided');
      }
      const op = context.store.operation(request.params.id);
      if (op === undefined)
        throw new PlatformError(
          404,
          '404NotFound',
          `Operation '${request.params.id}' was not found.`,
        );
      if (op.lastPollAt > 0 && context.now() - op.lastPollAt < context.operationPollIntervalMs) {
        reply.header(
          'retry-after',
          String(Math.max(1, Math.ceil(context.operationPollIntervalMs / 1000))),
        );
        throw new PlatformError(429, '429TooManyRequests', 'Operation polled too often.');
      }
      context.store.advance(op);
      const terminal =
        op.status === 'completed' || op.status === 'failed' || op.status === 'cancelled';
      if (!terminal) reply.header('retry-after', String(context.operationRetryAfterSeconds));
      return {
        id: op.id,
        status: op.status,
        created: op.created,
        updated: op.updated,
        originalRequest: op.originalRequest,
        ...(op.status === 'completed' ? { resourceUrl: op.resourceUrl } : {}),
        details: op.details,
      };
    },
  );
};

export default operationRoutes;
