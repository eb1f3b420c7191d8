/**
 * Per-request bookkeeping of the sandbox, decorated onto Fastify requests (a fixed shape keeps
 * Fastify's request objects fast).
 */
import type { FaultPlan } from './faults';
import type { SandboxRouteConfig } from './route-names';
import type { ParsedSoapRequest } from './soap/parse';

/** Sandbox state of one request. */
export interface RequestState {
  counted: boolean;
  faultPlan: FaultPlan | undefined;
  /** The SOAP request read in preHandler, or the fault that reading it raised. */
  soap: ParsedSoapRequest | Error | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    sandboxState: RequestState | null;
  }
  interface FastifyContextConfig {
    sandbox?: SandboxRouteConfig;
  }
}

export function createRequestState(): RequestState {
  return { counted: false, faultPlan: undefined, soap: undefined };
}
