/**
 * Types shared by Workday's services: paging (`Response_Filter`, `Response_Results`) and the
 * fault details. Facts: shared/reference/workday-soap-schema.md ("Faults", "Get_Import_Processes"
 * for Response_Filter) and workday-payloads.md §4(e) for Response_Results.
 */
import { optional, repeated, sequence } from './types';
import type { AttributeDecl, TypeDecl } from './types';

/** `wd:version` on every request and response element (a plain string). */
export const VERSION_ATTRIBUTE: AttributeDecl = { name: 'version', type: 'string' };

/** Shared types, by name. */
export const COMMON_TYPES: Readonly<Record<string, TypeDecl>> = {
  Response_FilterType: sequence([
    optional('As_Of_Effective_Date', 'date'),
    optional('As_Of_Entry_DateTime', 'dateTime'),
    optional('Page', 'decimal'),
    optional('Count', 'decimal'),
  ]),
  Response_ResultsType: sequence([
    optional('Total_Results', 'decimal'),
    optional('Total_Pages', 'decimal'),
    optional('Page_Results', 'decimal'),
    optional('Page', 'decimal'),
  ]),
  Validation_FaultType: sequence([repeated('Validation_Error', 'Validation_ErrorType')]),
  Validation_ErrorType: sequence([
    optional('Message', 'string'),
    optional('Detail_Message', 'string'),
    optional('Xpath', 'string'),
  ]),
  Processing_FaultType: sequence([optional('Detail_Message', 'string')]),
};

/** Global fault elements: the children of `soapenv:Fault/detail`. */
export const COMMON_ELEMENTS: Readonly<Record<string, string>> = {
  Validation_Fault: 'Validation_FaultType',
  Processing_Fault: 'Processing_FaultType',
};
