/**
 * `Get_Import_Process_Messages` (Integrations): the messages of one import process, paged.
 * Messages appear once the process has finished. The reference sits in `Request_Criteria` here.
 */
import type { SoapValidationIssue } from '../../errors';
import { validationFault } from '../envelope';
import { element, renderReference } from '../references';
import { respondWithPage } from './page-response';
import type { OperationInput } from './operation';
import { lookUpImportProcess } from './import-process-lookup';

export function getImportProcessMessages(input: OperationInput): string {
  const issues: SoapValidationIssue[] = [];
  const process = lookUpImportProcess(input, 'Request_Criteria', issues);
  if (process === undefined) throw validationFault(issues);
  const messages =
    process.status === 'Processing'
      ? []
      : process.messages.map((message, index) => ({ message, index }));
  return respondWithPage(
    input,
    'Get_Import_Process_Messages',
    messages,
    issues,
    ({ message, index }) => {
      return (
        '<wd:Import_Process_Message>' +
        renderReference('Import_Process_Message_Reference', [
          ['WID', `${process.wid.slice(0, 20)}${String(index).padStart(12, '0')}`],
        ]) +
        '<wd:Import_Process_Message_Data>' +
        element('Timestamp', new Date(message.timestampMs).toISOString()) +
        element('Severity', message.severity) +
        element('Message_Summary', message.summary) +
        element('Line_Number', String(message.lineNumber)) +
        '</wd:Import_Process_Message_Data></wd:Import_Process_Message>'
      );
    },
  );
}
