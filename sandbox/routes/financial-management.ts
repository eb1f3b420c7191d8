/**
 * `POST /ccx/service/{tenant}/Financial_Management/{version}`: the SOAP endpoint. The envelope
 * was read in the app's preHandler (faults match on the operation name); here it is
 * authenticated, dispatched, checked against the schema (wws-schema/: order, unknown and missing
 * elements, cardinality, ID types) before any business rule, as Workday does, then validated,
 * authorized and answered.
 */
import type { FastifyPluginAsync } from 'fastify';
import { FUNCTIONAL_AREAS, SOAP_BODY_LIMIT_BYTES } from '../constants';
import type { RoutePluginOptions } from '../context';
import { SoapFault } from '../errors';
import { ROUTE_NAMES } from '../route-names';
import { authenticateSoap } from '../soap/auth';
import { notAuthorizedFault, renderEnvelope, validationFault } from '../soap/envelope';
import { FINANCIAL_MANAGEMENT_OPERATIONS } from '../soap/operations';
import { parseSoapRequest } from '../soap/parse';
import type { ParsedSoapRequest } from '../soap/parse';
import { attribute } from '../soap/xml';
import { validateWwsDocument, WWS_SCHEMA } from '../../wws-schema';

const financialManagementRoutes: FastifyPluginAsync<RoutePluginOptions> = async (
  app,
  { context },
) => {
  app.post<{ Params: { tenant: string; version: string } }>(
    '/ccx/service/:tenant/Financial_Management/:version',
    {
      config: { sandbox: { routeName: ROUTE_NAMES.soap, kind: 'soap' } },
      // Import_Accounting_Journal carries journals of any size.
      bodyLimit: SOAP_BODY_LIMIT_BYTES,
    },
    async (request, reply) => {
      const state = request.sandboxState;
      let parsed: ParsedSoapRequest | Error | undefined = state?.soap;
      if (parsed === undefined)
        parsed = parseSoapRequest(typeof request.body === 'string' ? request.body : '');
      if (parsed instanceof Error) throw parsed;
      const soap = parsed;
      const caller = authenticateSoap(context, request, request.params.tenant, soap.usernameToken);
      // Imports complete in the background: bring them up to date before anything reads them.
      caller.tenant.imports.settle(context.now(), caller.tenant.journals);
      const requestXpath = `/bsvc:${soap.requestElementName}[1]`;
      const operation = FINANCIAL_MANAGEMENT_OPERATIONS[soap.operation];
      if (operation === undefined) {
        // Guess: Workday's answer to an operation the service does not have is not public.
        throw validationFault([
          {
            message: `'${soap.requestElementName}' is not a valid request element for service Financial_Management.`,
            xpath: requestXpath,
          },
        ]);
      }
      const { issues } = validateWwsDocument(
        typeof request.body === 'string' ? request.body : '',
        WWS_SCHEMA,
      );
      if (issues.length > 0) {
        throw validationFault(issues.map(({ message, xpath }) => ({ message, xpath })));
      }
      const body = operation({
        context,
        caller,
        request: soap.request,
        requestXpath,
        version: attribute(soap.request, 'version') ?? request.params.version,
        authorize: () => {
          const areas = caller.functionalAreas;
          if (areas !== undefined && !areas.has(FUNCTIONAL_AREAS.financials)) {
            throw notAuthorizedFault();
          }
        },
      });
      return reply.type('text/xml; charset=utf-8').send(renderEnvelope(body));
    },
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
