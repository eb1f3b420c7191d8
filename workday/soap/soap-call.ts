import { ConnectorError } from '../../sdk/errors';
import { bodyWords } from '../../sdk/http';
import type { HttpClient } from '../../sdk/define';
import { clipRemoteText } from '../remote-text';
import { buildEnvelope, parseSoapBody } from './envelope';
import { faultToError } from './fault';
import { child } from './xml';
import type { XmlObject } from './xml';

/**
 * Guess: the SOAPAction Workday expects is not documented publicly; Workday's document/literal
 * services dispatch on the body element, so this value is informative only.
 */
export function soapActionFor(operation: string): string {
  return `"urn:com.workday/bsvc/${operation}"`;
}

/** One SOAP request: the request element as text, or a whole envelope written as a stream. */
export interface SoapCall {
  operation: string;
  /** The request element (wrapped in an envelope here). */
  body?: string;
  /** The whole envelope, chunk by chunk; called again for each attempt. */
  envelope?: () => AsyncIterable<string>;
  /** Resend on 5xx/transport failures: only for reads. */
  retry: boolean;
  /**
   * The Body's answer element.
   * @default `${operation}_Response`
   */
  responseElement?: string;
  /** Per-request timeout (large uploads need more than the default). */
  timeoutMs?: number;
}

/** Sends SOAP requests of one Workday service and reads their answer or fault. */
export type SoapCaller = (call: SoapCall) => Promise<XmlObject>;

/**
 * Creates the caller of one service: SOAP 1.1 POSTs to `path` with the connection's bearer
 * token (applied by `http`); HTTP 500 is accepted so the SOAP fault inside can be read into a
 * precise error.
 * @param service the Workday service named in errors (`Financial_Management`, `Integrations`)
 */
export function createSoapCaller(http: HttpClient, path: string, service: string): SoapCaller {
  return async ({ operation, body, envelope, retry, responseElement, timeoutMs }) => {
    // A stream that fails (its source changed) aborts the upload; its own error is the one to tell.
    let sourceError: unknown;
    const bodyStream =
      envelope === undefined
        ? undefined
        : async function* guarded(): AsyncGenerator<string> {
            try {
              yield* envelope();
            } catch (error) {
              sourceError = error;
              throw error;
            }
          };
    let response;
    try {
      response = await http.request<unknown>({
        method: 'POST',
        url: path,
        ...(bodyStream === undefined ? { body: buildEnvelope(body ?? '') } : { bodyStream }),
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          SOAPAction: soapActionFor(operation),
        },
        responseType: 'text',
        acceptStatus: [500],
        retry,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
    } catch (error) {
      if (sourceError !== undefined) throw sourceError;
      throw error;
    }
    if (sourceError !== undefined) throw sourceError;
    // Built only on failure: reading `response.url` redacts it, which success has no need for.
    const details = (): Record<string, unknown> => ({
      status: response.status,
      method: 'POST',
      url: response.url,
      operation,
    });
    if (typeof response.data !== 'string') {
      throw new ConnectorError('unexpected_response', `The ${operation} response is not text.`, {
        details: details(),
      });
    }
    let parsed: XmlObject;
    try {
      parsed = parseSoapBody(response.data);
    } catch (error) {
      if (response.status === 500) {
        // A gateway's HTML page or a plain-text error: quote it, as Workday's own words.
        const words = bodyWords(response.data);
        throw new ConnectorError(
          'remote_error',
          `Workday answered the ${operation} request with HTTP 500 and no SOAP fault` +
            (words === undefined ? ' (no body).' : `: ${clipRemoteText(words)}`),
          { details: details(), cause: error },
        );
      }
      throw error;
    }
    const fault = child(parsed, 'Fault');
    if (fault !== undefined) {
      const error = faultToError(fault, service);
      Object.assign(error.details, details());
      throw error;
    }
    const name = responseElement ?? `${operation}_Response`;
    const result = child(parsed, name);
    if (result === undefined) {
      throw new ConnectorError(
        'unexpected_response',
        `The ${operation} response has no ${name} element.`,
        { details: details() },
      );
    }
    return result;
  };
}
