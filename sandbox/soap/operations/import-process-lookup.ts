import type { SoapValidationIssue } from '../../errors';
import type { ImportProcess } from '../../imports';
import { resolveReference } from '../references';
import { child } from '../xml';
import type { XmlElement } from '../xml';
import type { OperationInput } from './operation';

/**
 * Resolves `{container}/Import_Process_Reference` (WID or Background_Process_Instance_ID) of
 * the caller's tenant; pushes Workday's invalid-ID issue when it is unknown.
 */
export function lookUpImportProcess(
  input: OperationInput,
  container: 'Request_References' | 'Request_Criteria',
  issues: SoapValidationIssue[],
): ImportProcess | undefined {
  const { tenant } = input.caller;
  const containerXpath = `${input.requestXpath}/bsvc:${container}[1]`;
  const holder: XmlElement | undefined = child(input.request, container);
  return resolveReference(
    holder === undefined ? undefined : child(holder, 'Import_Process_Reference'),
    holder === undefined ? container : 'Import_Process_Reference',
    holder === undefined ? containerXpath : `${containerXpath}/bsvc:Import_Process_Reference[1]`,
    {
      WID: (value) => tenant.imports.byWid(value),
      Background_Process_Instance_ID: (value) => tenant.imports.byInstanceId(value),
    },
    issues,
  );
}
