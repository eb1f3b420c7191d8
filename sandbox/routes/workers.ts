/** Common v1 `workers`: list (limit/offset/search) and one worker (`me` = the token's user). */
import type { FastifyPluginAsync } from 'fastify';
import { FUNCTIONAL_AREAS } from '../constants';
import type { RoutePluginOptions } from '../context';
import { RestError } from '../errors';
import { queryParam, readPage } from '../pagination';
import { apiBase, presentWorker } from '../present';
import { authenticateRest } from '../rest-auth';
import { ROUTE_NAMES } from '../route-names';

interface TenantParams {
  tenant: string;
}

const workersRoutes: FastifyPluginAsync<RoutePluginOptions> = async (app, { context }) => {
  app.get<{ Params: TenantParams }>(
    '/workers',
    { config: { sandbox: { routeName: ROUTE_NAMES.workersList, kind: 'rest' } } },
    async (request) => {
      const { tenant } = authenticateRest(
        context,
        request,
        request.params.tenant,
        FUNCTIONAL_AREAS.staffing,
      );
      const { limit, offset } = readPage(request.query);
      const search = queryParam(request.query, 'search')?.toLowerCase();
      // Guess: `search` matches the worker's name (descriptor), case-insensitively.
      const workers =
        search === undefined || search === ''
          ? tenant.listedWorkers
          : tenant.listedWorkers.filter((worker) =>
              worker.descriptor.toLowerCase().includes(search),
            );
      const base = apiBase(request, tenant.tenant);
      return {
        total: workers.length,
        data: workers
          .slice(offset, offset + limit)
          .map((worker) => presentWorker(tenant, worker, base)),
      };
    },
  );

  app.get<{ Params: TenantParams & { id: string } }>(
    '/workers/:id',
    { config: { sandbox: { routeName: ROUTE_NAMES.workersGet, kind: 'rest' } } },
    async (request) => {
      const { tenant, token } = authenticateRest(
        context,
        request,
        request.params.tenant,
        FUNCTIONAL_AREAS.staffing,
      );
      const id = request.params.id === 'me' ? token.workerId : request.params.id;
      const worker = tenant.workers.get(id);
      if (worker === undefined) {
        throw new RestError(404, 'Resource not found.', [`Worker '${id}' does not exist.`]);
      }
      return presentWorker(tenant, worker, apiBase(request, tenant.tenant));
    },
  );
};

export default workersRoutes;
