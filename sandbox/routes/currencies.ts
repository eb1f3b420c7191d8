/** coreAccounting v1 `currencies`. */
import type { FastifyPluginAsync } from 'fastify';
import { FUNCTIONAL_AREAS } from '../constants';
import type { RoutePluginOptions } from '../context';
import { readPage } from '../pagination';
import { apiBase } from '../present';
import { authenticateRest } from '../rest-auth';
import { ROUTE_NAMES } from '../route-names';

const currenciesRoutes: FastifyPluginAsync<RoutePluginOptions> = async (app, { context }) => {
  app.get<{ Params: { tenant: string } }>(
    '/currencies',
    { config: { sandbox: { routeName: ROUTE_NAMES.currenciesList, kind: 'rest' } } },
    async (request) => {
      const { tenant } = authenticateRest(
        context,
        request,
        request.params.tenant,
        FUNCTIONAL_AREAS.financials,
      );
      const { limit, offset } = readPage(request.query);
      const base = apiBase(request, tenant.tenant, 'coreAccounting/v1');
      const all = tenant.fixture.currencies;
      // Guess: fields beyond id/descriptor/href (code, name, precision) are not in public samples.
      return {
        total: all.length,
        data: all.slice(offset, offset + limit).map((currency) => ({
          id: currency.wid,
          descriptor: currency.code,
          href: `${base}/currencies/${currency.wid}`,
          code: currency.code,
          name: currency.name,
          precision: currency.minorDigits,
        })),
      };
    },
  );
};

export default currenciesRoutes;
