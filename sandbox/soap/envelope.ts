/**
 * Workday-shaped SOAP envelopes: successes under `env:` with `wd:` content, faults under
 * `SOAP-ENV:` with unqualified faultcode/faultstring/detail (workday-payloads.md §4).
 */
import { SoapFault } from '../errors';
import type { SoapValidationIssue } from '../errors';
import { escapeXml } from './xml';

const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** Workday's web-service namespace. */
export const BSVC_NS = 'urn:com.workday/bsvc';

/** Wraps a response element (already `wd:`-prefixed XML) in a success envelope. */
export function renderEnvelope(bodyXml: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<env:Envelope xmlns:env="${SOAP_ENV_NS}" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<env:Body>${bodyXml}</env:Body></env:Envelope>`
  );
}

/** `<wd:{operation}_Response>` of `version` around `content`: the body of every success. */
export function renderResponseElement(operation: string, version: string, content: string): string {
  return (
    `<wd:${operation}_Response xmlns:wd="${BSVC_NS}" wd:version="${escapeXml(version)}">` +
    `${content}</wd:${operation}_Response>`
  );
}

function renderDetail(fault: SoapFault): string {
  if (fault.validation !== undefined) {
    const errors = fault.validation
      .map(
        (issue) =>
          `<wd:Validation_Error><wd:Message>${escapeXml(issue.message)}</wd:Message>` +
          `<wd:Detail_Message>${escapeXml(issue.detail ?? issue.message)}</wd:Detail_Message>` +
          `<wd:Xpath>${escapeXml(issue.xpath)}</wd:Xpath></wd:Validation_Error>`,
      )
      .join('');
    return `<detail><wd:Validation_Fault>${errors}</wd:Validation_Fault></detail>`;
  }
  if (fault.processingDetail !== undefined) {
    // Guess: no public sample shows this block; the shape is the WSDL's Processing_FaultType.
    return (
      `<detail><wd:Processing_Fault><wd:Detail_Message>${escapeXml(fault.processingDetail)}` +
      `</wd:Detail_Message></wd:Processing_Fault></detail>`
    );
  }
  return '';
}

/** Renders a fault envelope exactly as Workday's (no header, re-declared SOAP-ENV on Fault). */
export function renderFault(fault: SoapFault): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV_NS}"><SOAP-ENV:Body>` +
    `<SOAP-ENV:Fault xmlns:SOAP-ENV="${SOAP_ENV_NS}" xmlns:wd="${BSVC_NS}">` +
    `<faultcode>${escapeXml(fault.faultcode)}</faultcode>` +
    `<faultstring>${escapeXml(fault.message)}</faultstring>${renderDetail(fault)}` +
    `</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`
  );
}

/**
 * `SOAP-ENV:Client.validationError` with one Validation_Error per issue. The faultstring carries
 * only the first message; Workday's shows two spaces after "Invalid ID value." there.
 */
export function validationFault(issues: readonly SoapValidationIssue[]): SoapFault {
  const first = issues[0]?.message ?? 'Invalid request.';
  const faultstring = `Validation error occurred. ${first.replace(/^Invalid ID value\. /, 'Invalid ID value.  ')}`;
  return new SoapFault('SOAP-ENV:Client.validationError', faultstring, { validation: issues });
}

/** Guess (payloads §4(b)): the text Workday gives when the token lacks the functional area. */
export function notAuthorizedFault(): SoapFault {
  return new SoapFault(
    'SOAP-ENV:Server.processingError',
    'Processing error occurred. The task submitted is not authorized.',
    { processingDetail: 'The task submitted is not authorized.' },
  );
}

/** Workday's verbatim authentication fault (no detail), also used for bad bearer tokens. */
export function authenticationFault(): SoapFault {
  return new SoapFault('SOAP-ENV:Client.authenticationError', 'invalid username or password');
}
