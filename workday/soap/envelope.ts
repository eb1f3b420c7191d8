import { ConnectorError } from '../../sdk/errors';
import { BSVC_NAMESPACE, SOAP_ENV_NAMESPACE } from '../constants';
import { child, isXmlObject, parseXml } from './xml';
import type { XmlObject } from './xml';

/**
 * Wraps a rendered request element in a SOAP 1.1 envelope that binds `soapenv` and `bsvc`
 * (`urn:com.workday/bsvc`). The body must already be escaped (use `renderXml`). There is no
 * `soapenv:Header`: with OAuth the bearer token travels in the HTTP `Authorization` header, not
 * in WS-Security.
 */
export function buildEnvelope(bodyXml: string): string {
  return ENVELOPE_HEAD + bodyXml + ENVELOPE_TAIL;
}

/** What precedes the request element in every envelope (for requests written as a stream). */
export const ENVELOPE_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  `<soapenv:Envelope xmlns:soapenv="${SOAP_ENV_NAMESPACE}" xmlns:bsvc="${BSVC_NAMESPACE}">` +
  '<soapenv:Body>';

/** What follows the request element in every envelope. */
export const ENVELOPE_TAIL = '</soapenv:Body></soapenv:Envelope>';

/**
 * Parses a SOAP response and returns its `Body` element.
 * @throws ConnectorError `unexpected_response` when it is not a SOAP envelope with a body
 */
export function parseSoapBody(text: string): XmlObject {
  const document = parseXml(text);
  const envelope = document['Envelope'];
  const body = child(envelope, 'Body');
  if (!isXmlObject(envelope) || body === undefined) {
    throw new ConnectorError(
      'unexpected_response',
      'The Workday Web Services response is not a SOAP envelope with a Body.',
    );
  }
  return body;
}
