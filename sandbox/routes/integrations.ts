/**
 * `POST /ccx/service/{tenant}/Integrations/{version}`: the Integrations SOAP service, for the
 * status and messages of journal imports.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RoutePluginOptions } from '../context';
import { ROUTE_NAMES } from '../route-names';
import { INTEGRATIONS_OPERATIONS } from '../soap/operations/integrations';
import { createSoapServiceHandler } from '../soap/service-handler';
import type { SoapRouteParams } from '../soap/service-handler';

const integrationsRoutes: FastifyPluginAsync<RoutePluginOptions> = async (app, { context }) => {
  app.post<{ Params: SoapRouteParams }>(
    '/ccx/service/:tenant/Integrations/:version',
    { config: { sandbox: { routeName: ROUTE_NAMES.soap, kind: 'soap' } } },
    createSoapServiceHandler(context, 'Integrations', INTEGRATIONS_OPERATIONS),
  );
};

export default integrationsRoutes;
