/** SOAP responses shaped after workday-payloads.md §4 (our own text, Workday's structure). */

const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="utf-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>';
const ENVELOPE_CLOSE = '</SOAP-ENV:Body></SOAP-ENV:Envelope>';

/** Wraps body content the way Workday does (no SOAP header). */
export function workdayEnvelope(body: string): string {
  return ENVELOPE_OPEN + body + ENVELOPE_CLOSE;
}

/** A fault element as Workday writes it: unqualified faultcode/faultstring/detail. */
export function fault(code: string, text: string, detail = ''): string {
  return workdayEnvelope(
    `<SOAP-ENV:Fault xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wd="urn:com.workday/bsvc"><faultcode>${code}</faultcode><faultstring>${text}</faultstring>${detail}</SOAP-ENV:Fault>`,
  );
}

export const VALIDATION_FAULT = fault(
  'SOAP-ENV:Client.validationError',
  "Validation error occurred. Invalid ID value.  'X999' is not a valid ID value for type = 'Ledger_Account_ID'",
  '<detail><wd:Validation_Fault>' +
    "<wd:Validation_Error><wd:Message>Invalid ID value.  'X999' is not a valid ID value for type = 'Ledger_Account_ID'</wd:Message><wd:Detail_Message>Invalid ID value.  'X999' is not a valid ID value for type = 'Ledger_Account_ID'</wd:Detail_Message><wd:Xpath>/bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]/bsvc:Journal_Entry_Line_Replacement_Data[1]/bsvc:Ledger_Account_Reference[1]</wd:Xpath></wd:Validation_Error>" +
    '<wd:Validation_Error><wd:Message>Accounting Date must be in an open period</wd:Message><wd:Detail_Message>The period for 2026-03-31 is closed for company C100</wd:Detail_Message><wd:Xpath>/bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]/bsvc:Accounting_Date[1]</wd:Xpath></wd:Validation_Error>' +
    '<wd:Validation_Error><wd:Message>Journal source is not valid</wd:Message><wd:Detail_Message></wd:Detail_Message><wd:Xpath></wd:Xpath></wd:Validation_Error>' +
    '</wd:Validation_Fault></detail>',
);

export const PROCESSING_FAULT = fault(
  'SOAP-ENV:Server.processingError',
  'Processing error occurred. The task submitted is not authorized.',
  '<detail><wd:Processing_Fault><wd:Detail_Message>The task submitted is not authorized.</wd:Detail_Message></wd:Processing_Fault></detail>',
);

export const AUTHENTICATION_FAULT = fault(
  'SOAP-ENV:Client.authenticationError',
  'invalid username or password',
);
