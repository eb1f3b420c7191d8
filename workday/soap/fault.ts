import { ConnectorError } from '../../sdk/errors';
import type { RemoteMessage } from '../../sdk/errors';
import { explainFunctionalArea, FUNCTIONAL_AREAS } from '../functional-areas';
import { clipRemoteText, MAX_REMOTE_TEXT_CHARS } from '../remote-text';
import { parseSoapBody } from './envelope';
import { child, childText, children } from './xml';
import type { XmlObject } from './xml';

const MAX_LISTED = 5;

/** `SOAP-ENV:Client.validationError` -> `Client.validationError`. */
function localCode(code: string): string {
  const colon = code.indexOf(':');
  return colon === -1 ? code : code.slice(colon + 1);
}

function validationMessages(detail: XmlObject | undefined): RemoteMessage[] {
  const fault = child(detail, 'Validation_Fault');
  const messages: RemoteMessage[] = [];
  for (const error of children(fault, 'Validation_Error')) {
    const text = childText(error, 'Message');
    const detailText = childText(error, 'Detail_Message');
    const xpath = childText(error, 'Xpath');
    const message = text ?? detailText;
    if (message === undefined) continue;
    const entry: RemoteMessage = { message: clipRemoteText(message) };
    if (detailText !== undefined && detailText !== text) entry.detail = clipRemoteText(detailText);
    if (xpath !== undefined) entry.xpath = xpath.slice(0, MAX_REMOTE_TEXT_CHARS);
    messages.push(entry);
  }
  return messages;
}

function listMessages(messages: readonly RemoteMessage[]): string {
  const listed = messages
    .slice(0, MAX_LISTED)
    .map((m, i) => `(${i + 1}) ${m.message}${m.xpath === undefined ? '' : ` [at ${m.xpath}]`}`);
  const more = messages.length > MAX_LISTED ? ` and ${messages.length - MAX_LISTED} more` : '';
  return listed.join(' ') + more;
}

/**
 * Turns a parsed `Fault` element into the matching error:
 * `Validation_Fault` / `Client.validationError` -> `remote_validation` (every Validation_Error in
 * `details.remoteMessages`); "not authorized" processing faults -> `insufficient_scope`;
 * `Client.authenticationError` -> `unauthorized`; other faults -> `remote_error`;
 * no `faultcode` / `faultstring` -> `unexpected_response`.
 * @param service the Workday service named in messages
 */
export function faultToError(fault: XmlObject, service = 'Financial_Management'): ConnectorError {
  const rawCode = childText(fault, 'faultcode');
  const faultString = childText(fault, 'faultstring');
  if (rawCode === undefined && faultString === undefined) {
    return new ConnectorError(
      'unexpected_response',
      `The ${service} SOAP fault has neither a faultcode nor a faultstring.`,
    );
  }
  const code = rawCode === undefined ? '' : localCode(rawCode);
  const text = clipRemoteText(faultString ?? code);
  const detail = child(fault, 'detail');
  const details = { faultCode: code, service };

  const validation = validationMessages(detail);
  if (validation.length > 0 || /validationError/i.test(code)) {
    const remoteMessages = validation.length > 0 ? validation : [{ message: text }];
    return new ConnectorError(
      'remote_validation',
      `Workday refused the ${service} request: ${listMessages(remoteMessages)}`,
      {
        hint: 'Correct the values named above (each xpath points at the request element at fault) and retry.',
        details: { ...details, remoteMessages },
      },
    );
  }

  const processingDetail = childText(child(detail, 'Processing_Fault'), 'Detail_Message');
  const processingText = processingDetail === undefined ? text : clipRemoteText(processingDetail);
  const isProcessing = /processingError/i.test(code) || processingDetail !== undefined;
  if (
    (isProcessing || /^Server/i.test(code)) &&
    /not authori[sz]ed/i.test(`${text} ${processingText}`)
  ) {
    const area = FUNCTIONAL_AREAS.commonFinancialManagement;
    return new ConnectorError(
      'insufficient_scope',
      `Workday refused the ${service} request as not authorized ("${text}").`,
      {
        hint:
          `${explainFunctionalArea(area)} The Integration System User or user must also be ` +
          `granted the ${service} domains (journal entry) in its security groups.`,
        details: {
          ...details,
          functionalArea: area,
          remoteMessages: [{ message: processingText }],
        },
      },
    );
  }
  if (/authenticationError/i.test(code)) {
    return new ConnectorError(
      'unauthorized',
      `Workday rejected the credentials of the ${service} request ("${text}").`,
      {
        hint: 'The access token was not accepted by Workday Web Services: reconnect, and check that the API client belongs to this tenant.',
        details,
      },
    );
  }
  return new ConnectorError(
    'remote_error',
    `Workday could not process the ${service} request: ${processingText}`,
    { details: { ...details, remoteMessages: [{ message: processingText }] } },
  );
}

/**
 * Reads a SOAP fault response into a {@link ConnectorError}. Never throws: anything that is not
 * a fault (or not XML) becomes `unexpected_response`.
 */
export function parseSoapFault(xml: string, service = 'Financial_Management'): ConnectorError {
  try {
    const fault = child(parseSoapBody(xml), 'Fault');
    if (fault === undefined) {
      return new ConnectorError(
        'unexpected_response',
        `The ${service} response has no SOAP Fault where one was expected.`,
      );
    }
    return faultToError(fault, service);
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    return new ConnectorError(
      'unexpected_response',
      `The ${service} SOAP fault could not be read.`,
      {
        cause: error,
      },
    );
  }
}
