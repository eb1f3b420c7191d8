/**
 * Answers one SOAP request of a Workday service: the envelope (read in the app's preHandler, so
 * faults match on the operation name) is authenticated, dispatched to the service's operation,
 * checked against the schema (wws-schema/: order, unknown and missing elements, cardinality, ID
 * types) before any business rule, as Workday does, then validated, authorized and answered.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FUNCTIONAL_AREAS } from '../constants';
import type { SandboxContext } from '../context';
import { authenticateSoap } from './auth';
import { notAuthorizedFault, renderEnvelope, validationFault } from './envelope';
import type { SoapOperation } from './operations/operation';
import { parseSoapRequest } from './parse';
import type { ParsedSoapRequest } from './parse';
import { attribute } from './xml';
import { validateWwsDocument, WWS_SCHEMA } from '../../wws-schema';

/** The route parameters of every SOAP service path. */
export interface SoapRouteParams {
  tenant: string;
  version: string;
}

/** Creates the handler of `POST /ccx/service/{tenant}/{service}/{version}`. */
export function createSoapServiceHandler(
  context: SandboxContext,
  service: string,
  operations: Readonly<Record<string, SoapOperation>>,
) {
  return async (
    request: FastifyRequest<{ Params: SoapRouteParams }>,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    let parsed: ParsedSoapRequest | Error | undefined = request.sandboxState?.soap;
    if (parsed === undefined)
      parsed = parseSoapRequest(typeof request.body === 'string' ? request.body : '');
    if (parsed instanceof Error) throw parsed;
    const soap = parsed;
    const caller = authenticateSoap(context, request, request.params.tenant, soap.usernameToken);
    // Imports complete in the background: bring them up to date before anything reads them.
    caller.tenant.imports.settle(context.now(), caller.tenant.journals);
    const requestXpath = `/bsvc:${soap.requestElementName}[1]`;
    const operation = operations[soap.operation];
    if (operation === undefined) {
      // Guess: Workday's answer to an operation the service does not have is not public.
      throw validationFault([
        {
          message: `'${soap.requestElementName}' is not a valid request element for service ${service}.`,
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
        // Guess for Integrations too: the sandbox guards it with the same functional area.
        const areas = caller.functionalAreas;
        if (areas !== undefined && !areas.has(FUNCTIONAL_AREAS.financials)) {
          throw notAuthorizedFault();
        }
      },
    });
    return reply.type('text/xml; charset=utf-8').send(renderEnvelope(body));
  };
}
