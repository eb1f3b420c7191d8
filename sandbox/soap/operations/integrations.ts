import { getImportProcessMessages } from './get-import-process-messages';
import { getImportProcesses } from './get-import-processes';
import type { SoapOperation } from './operation';

/** The Integrations operations the sandbox answers: reading journal imports back. */
export const INTEGRATIONS_OPERATIONS: Readonly<Record<string, SoapOperation>> = {
  Get_Import_Processes: getImportProcesses,
  Get_Import_Process_Messages: getImportProcessMessages,
};
