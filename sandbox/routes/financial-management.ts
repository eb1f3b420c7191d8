/**
 * `POST /ccx/service/{tenant}/Financial_Management/{version}`: the SOAP endpoint. The envelope
 * was read in the app's preHandler (faults match on the operation name); the service handler
 * authenticates, dispatches, checks it against the schema (wws-schema/) and answers.
 */
import type { FastifyPluginAsync } from 'fastify';
import { SOAP_BODY_LIMIT_BYTES } from '../constants';
import type { RoutePluginOptions } from '../context';
import { SoapFault } from '../errors';
import { ROUTE_NAMES } from '../route-names';
import { FINANCIAL_MANAGEMENT_OPERATIONS } from '../soap/operations';
import { parseSoapRequest } from '../soap/parse';
import type { ParsedSoapRequest } from '../soap/parse';
import { createSoapServiceHandler } from '../soap/service-handler';
import type { SoapRouteParams } from '../soap/service-handler';

const financialManagementRoutes: FastifyPluginAsync<RoutePluginOptions> = async (
  app,
  { context },
) => {
  app.post<{ Params: SoapRouteParams }>(
    '/ccx/service/:tenant/Financial_Management/:version',
    {
      config: { sandbox: { routeName: ROUTE_NAMES.soap, kind: 'soap' } },
      // Import_Accounting_Journal carries journals of any size.
      bodyLimit: SOAP_BODY_LIMIT_BYTES,
    },
    createSoapServiceHandler(context, 'Financial_Management', FINANCIAL_MANAGEMENT_OPERATIONS),
  );
};

export default financialManagementRoutes;

/** Reads the operation for fault matching and counting; never throws. */
export function readSoapForHooks(body: unknown): ParsedSoapRequest | Error {
  try {
    return parseSoapRequest(typeof body === 'string' ? body : '');
  } catch (error) {
    return error instanceof Error
      ? error
      : new SoapFault('SOAP-ENV:Client', 'The request could not be read.');
  }
}
