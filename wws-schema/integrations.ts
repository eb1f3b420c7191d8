/**
 * Integrations operations that read a journal import back: Get_Import_Processes (status) and
 * Get_Import_Process_Messages, from shared/reference/workday-soap-schema.md ("Import process
 * status": Integrations v31.2, Workday's Service Directory and code generated from its WSDL).
 * Element order in each array is the xsd:sequence order.
 */
import { VERSION_ATTRIBUTE } from './common';
import { optional, reference, repeated, required, sequence } from './types';
import type { TypeDecl } from './types';

/** Types of the Integrations operations, by name. */
export const INTEGRATIONS_TYPES: Readonly<Record<string, TypeDecl>> = {
  // Get_Import_Processes: one known process per call; no Request_Criteria, no Response_Group.
  Get_Import_Processes_RequestType: sequence(
    [
      required('Request_References', 'Import_Process_Request_ReferencesType'),
      optional('Response_Filter', 'Response_FilterType'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  Import_Process_Request_ReferencesType: sequence([
    required('Import_Process_Reference', 'ImportProcessReference'),
  ]),
  Get_Import_Processes_ResponseType: sequence(
    [
      optional('Request_References', 'Import_Process_Request_ReferencesType'),
      optional('Response_Filter', 'Response_FilterType'),
      optional('Response_Results', 'Response_ResultsType'),
      optional('Response_Data', 'Import_Process_Response_DataType'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  Import_Process_Response_DataType: sequence([repeated('Import_Process', 'Import_ProcessType')]),
  Import_ProcessType: sequence([
    optional('Import_Process_Reference', 'ImportProcessReference'),
    optional('Import_Process_Data', 'Import_Process_DataType'),
  ]),
  Import_Process_DataType: sequence([
    optional('Process_Description', 'string'),
    optional('Percent_Complete', 'decimal'),
    optional('Process_Completed_DateTime', 'dateTime'),
    optional('Import_Header_Reference', 'InstanceReference'),
    optional('Status_Reference', 'BackgroundProcessRuntimeStatusReference'),
    optional('Has_Messages', 'boolean'),
    optional('Validate_Only', 'boolean'),
  ]),
  // Guess: an open reference type; public pollers read Background_Process_Instance_Status_ID.
  BackgroundProcessRuntimeStatusReference: reference([
    'WID',
    'Background_Process_Instance_Status_ID',
  ]),

  // Get_Import_Process_Messages: the reference sits in Request_Criteria here.
  Get_Import_Process_Messages_RequestType: sequence(
    [
      required('Request_Criteria', 'Import_Process_Messages_Request_CriteriaType'),
      optional('Response_Filter', 'Response_FilterType'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  Import_Process_Messages_Request_CriteriaType: sequence([
    required('Import_Process_Reference', 'ImportProcessReference'),
  ]),
  // The generated types make each part repeatable; a real response probably has one of each.
  Get_Import_Process_Messages_ResponseType: sequence(
    [
      repeated('Request_Criteria', 'Import_Process_Messages_Request_CriteriaType'),
      repeated('Response_Filter', 'Response_FilterType'),
      repeated('Response_Results', 'Response_ResultsType'),
      repeated('Response_Data', 'Import_Process_Message_Response_DataType'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  Import_Process_Message_Response_DataType: sequence([
    repeated('Import_Process_Message', 'Import_Process_MessageType'),
  ]),
  Import_Process_MessageType: sequence([
    optional('Import_Process_Message_Reference', 'UniqueIdentifierReference'),
    optional('Import_Process_Message_Data', 'Background_Process_Message_DataType'),
  ]),
  Background_Process_Message_DataType: sequence([
    optional('Timestamp', 'dateTime'),
    optional('Severity', 'string'),
    optional('Message_Summary', 'string'),
    optional('Line_Number', 'decimal'),
    optional('Line_Identifier', 'string'),
  ]),
  // Guess: a Unique_Identifier reference; its ID types are not in the reference.
  UniqueIdentifierReference: reference(['WID']),
};

/** Global elements of the Integrations operations: requests and responses. */
export const INTEGRATIONS_ELEMENTS: Readonly<Record<string, string>> = {
  Get_Import_Processes_Request: 'Get_Import_Processes_RequestType',
  Get_Import_Processes_Response: 'Get_Import_Processes_ResponseType',
  Get_Import_Process_Messages_Request: 'Get_Import_Process_Messages_RequestType',
  Get_Import_Process_Messages_Response: 'Get_Import_Process_Messages_ResponseType',
};
