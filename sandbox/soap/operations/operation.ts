import type { SandboxContext } from '../../context';
import type { SoapCaller } from '../auth';
import type { XmlElement } from '../xml';

/** What a Financial_Management operation receives. */
export interface OperationInput {
  context: SandboxContext;
  caller: SoapCaller;
  request: XmlElement;
  /** `/bsvc:Xxx_Request[1]`, the root of every Xpath in a Validation_Fault. */
  requestXpath: string;
  /** The `wd:version` of the response: the request's `bsvc:version` or the URL's. */
  version: string;
  /**
   * Throws the Processing fault when a bearer token's client lacks the functional area. Called
   * after validation: Workday validates before it authorizes (payloads §4(b)).
   */
  authorize(): void;
}

/** A Financial_Management operation: returns the response element's XML or throws a SoapFault. */
export type SoapOperation = (input: OperationInput) => string;
