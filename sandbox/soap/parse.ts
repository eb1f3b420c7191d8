import { SoapFault } from '../errors';
import { attribute, child, childNames, childText, parseXml, XmlRefusedError } from './xml';
import type { XmlElement } from './xml';

/** WS-Security UsernameToken credentials of a request. */
export interface UsernameToken {
  username: string;
  password: string;
  /** The Password `Type` URI; Workday accepts only PasswordText. */
  passwordType: string | undefined;
}

/** A SOAP request read far enough to route and authenticate it. */
export interface ParsedSoapRequest {
  /** `Submit_Accounting_Journal` for `Submit_Accounting_Journal_Request`. */
  operation: string;
  /** The local name of the request element. */
  requestElementName: string;
  request: XmlElement;
  usernameToken: UsernameToken | undefined;
}

function clientFault(message: string): SoapFault {
  return new SoapFault('SOAP-ENV:Client', message);
}

/**
 * Reads a SOAP 1.1 envelope: the operation element in Body and an optional UsernameToken in
 * Header/Security. Throws a SOAP Client fault for DTDs, malformed XML or a missing Body.
 */
export function parseSoapRequest(body: string): ParsedSoapRequest {
  let document: XmlElement;
  try {
    document = parseXml(body);
  } catch (error) {
    if (error instanceof XmlRefusedError) throw clientFault(error.message);
    throw error;
  }
  const envelope = child(document, 'Envelope');
  const soapBody = envelope === undefined ? undefined : child(envelope, 'Body');
  if (envelope === undefined || soapBody === undefined) {
    throw clientFault('The request is not a SOAP envelope with a Body.');
  }
  const requestElementName = childNames(soapBody)[0];
  const request =
    requestElementName === undefined ? undefined : child(soapBody, requestElementName);
  if (requestElementName === undefined || request === undefined) {
    throw clientFault('The SOAP Body contains no request element.');
  }
  const header = child(envelope, 'Header');
  const security = header === undefined ? undefined : child(header, 'Security');
  const token = security === undefined ? undefined : child(security, 'UsernameToken');
  let usernameToken: UsernameToken | undefined;
  if (token !== undefined) {
    const password = child(token, 'Password');
    usernameToken = {
      username: childText(token, 'Username') ?? '',
      password: childText(token, 'Password') ?? '',
      passwordType: password === undefined ? undefined : attribute(password, 'Type'),
    };
  }
  return {
    operation: requestElementName.replace(/_Request$/, ''),
    requestElementName,
    request,
    usernameToken,
  };
}
