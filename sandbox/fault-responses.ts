/**
 * Bodies of injected faults, in the shape the route's clients expect: Workday's default error
 * model for REST and OAuth, a SOAP Server fault for SOAP, a page for HTML.
 */
import type { FastifyReply } from 'fastify';
import { SoapFault } from './errors';
import { renderErrorPage } from './oauth/login-page';
import type { RouteKind } from './route-names';
import { BSVC_NS, renderEnvelope, renderFault } from './soap/envelope';
import type { MalformedKind } from './types';

/** Sends an injected 429/5xx. Guess: the texts; Workday's rate-limit body is not public. */
export function sendInjectedError(
  reply: FastifyReply,
  kind: RouteKind | undefined,
  status: number,
  message: string,
): FastifyReply {
  reply.code(status);
  if (kind === 'soap') {
    const faultcode = status === 429 ? 'SOAP-ENV:Client' : 'SOAP-ENV:Server';
    return reply
      .type('text/xml; charset=utf-8')
      .send(renderFault(new SoapFault(faultcode, message, { status })));
  }
  if (kind === 'html') return reply.type('text/html; charset=utf-8').send(renderErrorPage(message));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify({ error: message }));
}

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Workday is currently unavailable</title></head>' +
  '<body><h1>Workday is currently unavailable</h1><p>Please try again later.</p></body></html>';

/** Replaces a response body by a mangled one of the given kind (the handler already ran). */
export function mangleBody(reply: FastifyReply, kind: MalformedKind, payload: unknown): string {
  if (kind === 'html') {
    reply.type('text/html; charset=utf-8');
    return HTML_PAGE;
  }
  if (kind === 'soap_unexpected') {
    reply.type('text/xml; charset=utf-8');
    return renderEnvelope(`<wd:Unexpected_Response xmlns:wd="${BSVC_NS}"/>`);
  }
  const text =
    typeof payload === 'string'
      ? payload
      : Buffer.isBuffer(payload)
        ? payload.toString('utf8')
        : '';
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
