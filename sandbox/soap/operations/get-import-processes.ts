/**
 * `Get_Import_Processes` (Integrations): the status of one import process, by the reference its
 * receipt gave. There are no criteria: one known process per call (workday-soap-schema.md).
 */
import type { SoapValidationIssue } from '../../errors';
import { renderResponseElement, validationFault } from '../envelope';
import { booleanElement, element, renderReference } from '../references';
import type { OperationInput } from './operation';
import { lookUpImportProcess } from './import-process-lookup';

export function getImportProcesses(input: OperationInput): string {
  const issues: SoapValidationIssue[] = [];
  const process = lookUpImportProcess(input, 'Request_References', issues);
  if (issues.length > 0 || process === undefined) throw validationFault(issues);
  input.authorize();
  const { imports } = input.caller.tenant;
  const nowMs = input.context.now();
  const completed =
    process.completedMs === undefined
      ? ''
      : element('Process_Completed_DateTime', new Date(process.completedMs).toISOString());
  const data =
    element('Process_Description', `Import Accounting Journal: ${process.journalId}`) +
    element('Percent_Complete', String(imports.percentComplete(process, nowMs))) +
    completed +
    renderReference('Import_Header_Reference', [['WID', process.headerWid]]) +
    renderReference(
      'Status_Reference',
      [['Background_Process_Instance_Status_ID', process.status]],
      process.status,
    ) +
    booleanElement('Has_Messages', process.status !== 'Processing' && process.messages.length > 0) +
    booleanElement('Validate_Only', false);
  const reference = renderReference('Import_Process_Reference', [
    ['WID', process.wid],
    ['Background_Process_Instance_ID', process.instanceId],
  ]);
  return renderResponseElement(
    'Get_Import_Processes',
    input.version,
    '<wd:Response_Results>' +
      element('Total_Results', '1') +
      element('Total_Pages', '1') +
      element('Page_Results', '1') +
      element('Page', '1') +
      '</wd:Response_Results>' +
      `<wd:Response_Data><wd:Import_Process>${reference}` +
      `<wd:Import_Process_Data>${data}</wd:Import_Process_Data></wd:Import_Process></wd:Response_Data>`,
  );
}
