import fc from 'fast-check';
import { isConnectorError } from '../../../sdk/errors';
import { parseSoapFault } from '../../../workday/soap/fault';
import {
  AUTHENTICATION_FAULT,
  fault,
  PROCESSING_FAULT,
  VALIDATION_FAULT,
  workdayEnvelope,
} from './fixtures';

describe('parseSoapFault()', () => {
  it('turns a Validation_Fault into remote_validation with every message and xpath', () => {
    const error = parseSoapFault(VALIDATION_FAULT);
    expect(error.code).toBe('remote_validation');
    expect(error.details.remoteMessages).toEqual([
      {
        message: "Invalid ID value. 'X999' is not a valid ID value for type = 'Ledger_Account_ID'",
        xpath:
          '/bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]/bsvc:Journal_Entry_Line_Replacement_Data[1]/bsvc:Ledger_Account_Reference[1]',
      },
      {
        message: 'Accounting Date must be in an open period',
        detail: 'The period for 2026-03-31 is closed for company C100',
        xpath:
          '/bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]/bsvc:Accounting_Date[1]',
      },
      { message: 'Journal source is not valid' },
    ]);
    expect(error.message).toBe(
      "Workday refused the Financial_Management request: (1) Invalid ID value. 'X999' is not a valid ID value for type = 'Ledger_Account_ID' [at /bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]/bsvc:Journal_Entry_Line_Replacement_Data[1]/bsvc:Ledger_Account_Reference[1]] (2) Accounting Date must be in an open period [at /bsvc:Submit_Accounting_Journal_Request[1]/bsvc:Accounting_Journal_Data[1]/bsvc:Accounting_Date[1]] (3) Journal source is not valid",
    );
    expect(error.details['faultCode']).toBe('Client.validationError');
  });

  it('treats a validationError without detail as remote_validation with the faultstring', () => {
    const error = parseSoapFault(
      fault('SOAP-ENV:Client.validationError', 'Validation error occurred. Bad.'),
    );
    expect(error.code).toBe('remote_validation');
    expect(error.details.remoteMessages).toEqual([{ message: 'Validation error occurred. Bad.' }]);
  });

  it('turns a "not authorized" Processing_Fault into insufficient_scope naming the functional area', () => {
    const error = parseSoapFault(PROCESSING_FAULT);
    expect(error.code).toBe('insufficient_scope');
    expect(error.details.functionalArea).toBe('Common Financial Management');
    expect(error.message).toBe(
      'Workday refused the Financial_Management request as not authorized ("Processing error occurred. The task submitted is not authorized.").',
    );
    expect(error.hint).toContain('View API Clients → Edit API Client → Scope (Functional Areas)');
  });

  it('turns an authentication fault into unauthorized', () => {
    const error = parseSoapFault(AUTHENTICATION_FAULT);
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe(
      'Workday rejected the credentials of the Financial_Management request ("invalid username or password").',
    );
  });

  it('turns any other fault into remote_error with its text', () => {
    const error = parseSoapFault(
      fault(
        'SOAP-ENV:Server.processingError',
        'Processing error occurred.',
        '<detail><wd:Processing_Fault><wd:Detail_Message>Internal error 42</wd:Detail_Message></wd:Processing_Fault></detail>',
      ),
    );
    expect(error.code).toBe('remote_error');
    expect(error.message).toBe(
      'Workday could not process the Financial_Management request: Internal error 42',
    );
  });

  it('clips a very long fault text and xpath so no whole response ends up in an error', () => {
    const long = `${'word '.repeat(2000)}END`;
    const error = parseSoapFault(
      fault(
        'SOAP-ENV:Client.validationError',
        'Validation error occurred.',
        `<detail><wd:Validation_Fault><wd:Validation_Error><wd:Message>${long}</wd:Message><wd:Xpath>/${'a'.repeat(5000)}</wd:Xpath></wd:Validation_Error></wd:Validation_Fault></detail>`,
      ),
    );
    const [message] = error.details.remoteMessages ?? [];
    expect(message?.message).toHaveLength(300);
    expect(message?.message.endsWith('…')).toBe(true);
    expect(message?.xpath).toHaveLength(300);
    expect(error.message).not.toContain('END');
    expect(error.message.length).toBeLessThan(800);
  });

  it.each([
    [
      'a body without Fault',
      workdayEnvelope('<wd:Get_Journals_Response xmlns:wd="urn:com.workday/bsvc"/>'),
    ],
    ['a Fault without code or text', workdayEnvelope('<SOAP-ENV:Fault><detail/></SOAP-ENV:Fault>')],
    ['no envelope', '<html><body>Gateway timeout</body></html>'],
    ['not XML', '{"error":"nope"}'],
    ['a DOCTYPE', '<!DOCTYPE x><x/>'],
  ])('returns unexpected_response for %s', (_name, text) => {
    expect(parseSoapFault(text).code).toBe('unexpected_response');
  });

  it('never throws and always returns a ConnectorError, whatever the input', () => {
    const pieces = fc.constantFrom(
      '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">',
      '</SOAP-ENV:Envelope>',
      '<SOAP-ENV:Body>',
      '</SOAP-ENV:Body>',
      '<SOAP-ENV:Fault>',
      '</SOAP-ENV:Fault>',
      '<faultcode>SOAP-ENV:Client.validationError</faultcode>',
      '<faultstring>x</faultstring>',
      '<detail>',
      '</detail>',
      '<wd:Validation_Fault>',
      '<wd:Validation_Error><wd:Message>m</wd:Message></wd:Validation_Error>',
      '</wd:Validation_Fault>',
      '<wd:Processing_Fault><wd:Detail_Message>not authorized</wd:Detail_Message></wd:Processing_Fault>',
      '<!DOCTYPE',
      '&amp;',
      '<',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }), (parts) => {
        const error = parseSoapFault(parts.join(''));
        expect(isConnectorError(error)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
