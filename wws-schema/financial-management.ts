/**
 * Financial_Management operations the connector uses, from Workday's published schema as
 * shared/reference/workday-soap-schema.md records it (v30.x; later versions add optional
 * elements and do not reorder these). Element order in each array is the xsd:sequence order.
 * Where the reference gives no fact, the entry says `Guess:` and keeps to what the project sends.
 */
import { VERSION_ATTRIBUTE } from './common';
import { open, optional, reference, repeated, required, sequence } from './types';
import type { TypeDecl } from './types';
import { WORKTAG_ID_TYPES } from './worktag-types';

const NOT_USED = 'not sent or read by this project; its content is not in the reference';

/** A Get_ request of the usual Workday shape; only `Response_Filter` is described. */
function pagedGetRequest(): TypeDecl {
  // Guess: the reference gives this sequence for Get_Journals only; Workday's other Get_
  // operations share it (Request_References, Request_Criteria, Response_Filter, Response_Group).
  return sequence(
    [
      optional('Request_References', 'Open'),
      optional('Request_Criteria', 'Open'),
      optional('Response_Filter', 'Response_FilterType'),
      optional('Response_Group', 'Open'),
    ],
    [VERSION_ATTRIBUTE],
  );
}

/** Types of the Financial_Management operations, by name. */
export const FINANCIAL_MANAGEMENT_TYPES: Readonly<Record<string, TypeDecl>> = {
  Open: open(NOT_USED),

  // References and the ID types the schema allows for each.
  CompanyReference: reference(['WID', 'Company_Reference_ID', 'Organization_Reference_ID']),
  CurrencyReference: reference(['WID', 'Currency_ID', 'Currency_Numeric_Code']),
  LedgerTypeReference: reference(['WID', 'Ledger_Type_ID']),
  JournalSourceReference: reference(['WID', 'Journal_Source_ID']),
  LedgerAccountReference: reference(['WID', 'Ledger_Account_ID'], ['Account_Set_ID']),
  AccountingJournalReference: reference(['WID', 'Accounting_Journal_ID']),
  WorktagReference: reference(WORKTAG_ID_TYPES),
  // ID types read by real Get_Journals parsers (workday-payloads.md §4(e)).
  JournalStatusReference: reference(['WID', 'Journal_Entry_Status_ID']),
  LedgerReference: reference(['WID', 'Ledger_Reference_ID']),
  BookCodeReference: reference(['WID', 'Book_Code_ID']),
  // Guess: the ID types of these references are not in the reference; these are the ones seen.
  AccountSetReference: reference(['WID', 'Account_Set_ID']),
  LedgerAccountTypeReference: reference(['WID', 'Ledger_Account_Type_ID']),

  // Submit_Accounting_Journal.
  Submit_Accounting_Journal_RequestType: sequence(
    [
      optional('Accounting_Journal_Reference', 'AccountingJournalReference'),
      optional('Business_Process_Parameters', 'Financials_Business_Process_ParametersType'),
      required('Accounting_Journal_Data', 'Accounting_Journal_DataType'),
    ],
    [{ name: 'Add_Only', type: 'boolean' }, VERSION_ATTRIBUTE],
  ),
  Financials_Business_Process_ParametersType: sequence([
    optional('Auto_Complete', 'boolean'),
    optional('Comment_Data', 'Open'),
  ]),
  Accounting_Journal_DataType: sequence([
    optional('Accounting_Journal_ID', 'string'),
    optional('Submit', 'boolean'),
    optional('Disable_Optional_Worktag_Balancing', 'boolean'),
    optional('Locked_in_Workday', 'boolean'),
    optional('Journal_Number', 'string'),
    optional('Journal_Sequence_Number', 'string'),
    required('Company_Reference', 'CompanyReference'),
    required('Currency_Reference', 'CurrencyReference'),
    required('Ledger_Type_Reference', 'LedgerTypeReference'),
    optional('Book_Code_Reference', 'BookCodeReference'),
    required('Accounting_Date', 'date'),
    required('Journal_Source_Reference', 'JournalSourceReference'),
    optional('Balancing_Worktag_Reference', 'Open'),
    repeated('Optional_Balancing_Worktags_Reference', 'Open'),
    optional('Record_Quantity', 'boolean'),
    optional('Journal_Entry_Memo', 'string'),
    optional('External_Reference_ID', 'string'),
    optional('Document_Link', 'string'),
    optional('Display_Account_Set_Reference', 'Open'),
    optional('Adjustment_Journal', 'boolean'),
    optional('Include_Tax_Lines', 'boolean'),
    optional('Create_Reversal', 'boolean'),
    optional('Reversal_Date', 'date'),
    optional('Control_Total_Amount', 'decimal'),
    optional('Currency_Rate_Type_Reference', 'Open'),
    repeated('Journal_Entry_Line_Replacement_Data', 'Journal_Entry_Line_DataType'),
    repeated('Attachment_Data', 'Open'),
    optional('Accounting_Journal_Intercompany_Sub_Process', 'Open'),
  ]),
  Journal_Entry_Line_DataType: sequence([
    optional('Line_Order', 'string'),
    optional('Line_Company_Reference', 'CompanyReference'),
    required('Ledger_Account_Reference', 'LedgerAccountReference'),
    optional('Alternate_Ledger_Account_Reference', 'Open'),
    optional('Debit_Amount', 'decimal'),
    optional('Credit_Amount', 'decimal'),
    optional('Currency_Reference', 'CurrencyReference'),
    optional('Currency_Rate', 'decimal'),
    optional('Ledger_Debit_Amount', 'decimal'),
    optional('Ledger_Credit_Amount', 'decimal'),
    optional('Quantity', 'decimal'),
    optional('Unit_of_Measure_Reference', 'Open'),
    optional('Quantity_2', 'decimal'),
    optional('Unit_of_Measure_2_Reference', 'Open'),
    optional('Memo', 'string'),
    optional('External_Reference_ID', 'string'),
    optional('Budget_Date', 'date'),
    repeated('Worktags_Reference', 'WorktagReference'),
    optional('Balancing_Worktag_Affiliate_Reference', 'Open'),
    optional('Exclude_from_Spend_Report', 'boolean'),
    repeated('Tax_Detail_Data', 'Open'),
  ]),
  Submit_Accounting_Journal_ResponseType: sequence(
    [
      optional('Accounting_Journal_Reference', 'AccountingJournalReference'),
      repeated('Exceptions_Response_Data', 'Exceptions_Response_DataType'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  Exceptions_Response_DataType: sequence([repeated('Exceptions_Data', 'Exceptions_DataType')]),
  Exceptions_DataType: sequence([repeated('Exception_Data', 'Exception_DataType')]),
  Exception_DataType: sequence([
    optional('Classification', 'string'),
    optional('Message', 'string'),
  ]),

  // Import_Accounting_Journal: the same request sequence as Submit, its own data type, and a
  // receipt for an answer (workday-soap-schema.md, "Import_Accounting_Journal").
  Import_Accounting_Journal_RequestType: sequence(
    [
      optional('Accounting_Journal_Reference', 'AccountingJournalReference'),
      optional('Business_Process_Parameters', 'Financials_Business_Process_ParametersType'),
      required('Accounting_Journal_Data', 'Import_Accounting_Journal_DataType'),
    ],
    [
      { name: 'Add_Only', type: 'boolean' },
      { name: 'Create_Journal_with_Errors', type: 'boolean' },
      VERSION_ATTRIBUTE,
    ],
  ),
  // Submit's data type with Round_Ledger_Amounts after Locked_in_Workday, no
  // Journal_Sequence_Number, and Display_Account_Set_Reference after Currency_Rate_Type_Reference.
  Import_Accounting_Journal_DataType: sequence([
    optional('Accounting_Journal_ID', 'string'),
    optional('Submit', 'boolean'),
    optional('Disable_Optional_Worktag_Balancing', 'boolean'),
    optional('Locked_in_Workday', 'boolean'),
    optional('Round_Ledger_Amounts', 'boolean'),
    optional('Journal_Number', 'string'),
    required('Company_Reference', 'CompanyReference'),
    required('Currency_Reference', 'CurrencyReference'),
    required('Ledger_Type_Reference', 'LedgerTypeReference'),
    optional('Book_Code_Reference', 'BookCodeReference'),
    required('Accounting_Date', 'date'),
    required('Journal_Source_Reference', 'JournalSourceReference'),
    optional('Balancing_Worktag_Reference', 'Open'),
    repeated('Optional_Balancing_Worktags_Reference', 'Open'),
    optional('Record_Quantity', 'boolean'),
    optional('Journal_Entry_Memo', 'string'),
    optional('External_Reference_ID', 'string'),
    optional('Document_Link', 'string'),
    optional('Adjustment_Journal', 'boolean'),
    optional('Include_Tax_Lines', 'boolean'),
    optional('Create_Reversal', 'boolean'),
    optional('Reversal_Date', 'date'),
    optional('Control_Total_Amount', 'decimal'),
    optional('Currency_Rate_Type_Reference', 'Open'),
    optional('Display_Account_Set_Reference', 'Open'),
    repeated('Journal_Entry_Line_Replacement_Data', 'Journal_Entry_Line_DataType'),
    repeated('Attachment_Data', 'Open'),
    optional('Accounting_Journal_Intercompany_Sub_Process', 'Open'),
  ]),
  // Seven FM Import_* operations answer with this receipt; both references are optional.
  Put_Import_Process_ResponseType: sequence(
    [
      optional('Import_Process_Reference', 'ImportProcessReference'),
      optional('Header_Instance_Reference', 'InstanceReference'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  // Web_Service_Background_Process_Runtime: WID or Background_Process_Instance_ID (FM v30 XSD).
  ImportProcessReference: reference(['WID', 'Background_Process_Instance_ID']),
  // Guess: a generic Instance reference; only WID is known to be used.
  InstanceReference: reference(['WID']),

  // Get_Journals.
  Get_Journals_RequestType: sequence(
    [
      optional('Request_References', 'Journal_Entry_Request_ReferencesType'),
      optional('Request_Criteria', 'Journal_Entry_Request_CriteriaType'),
      optional('Response_Filter', 'Response_FilterType'),
      optional('Response_Group', 'Open'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  // The item is literally `JournalEntryReference` (workday-payloads.md §4(e)).
  Journal_Entry_Request_ReferencesType: sequence([
    repeated('JournalEntryReference', 'AccountingJournalReference'),
  ]),
  // Guess: only the two criteria a production request sends are known; nothing else is allowed.
  Journal_Entry_Request_CriteriaType: sequence([
    optional('Accounting_From_Date', 'date'),
    optional('Accounting_To_Date', 'date'),
  ]),
  Get_Journals_ResponseType: sequence(
    [
      optional('Request_References', 'Journal_Entry_Request_ReferencesType'),
      optional('Request_Criteria', 'Journal_Entry_Request_CriteriaType'),
      optional('Response_Filter', 'Response_FilterType'),
      optional('Response_Results', 'Response_ResultsType'),
      optional('Response_Group', 'Open'),
      optional('Response_Data', 'Journal_Entry_Response_DataType'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  Journal_Entry_Response_DataType: sequence([repeated('Journal_Entry', 'Journal_EntryType')]),
  Journal_EntryType: sequence([
    optional('Journal_Entry_Reference', 'AccountingJournalReference'),
    repeated('Journal_Entry_Data', 'Journal_Entry_DataType'),
  ]),
  // Order from workday-payloads.md §4(e), which agrees with the reference's subset.
  Journal_Entry_DataType: sequence([
    optional('Journal_Entry_Reference', 'AccountingJournalReference'),
    optional('Journal_Number', 'string'),
    optional('Journal_Sequence_Number', 'string'),
    optional('Journal_Status_Reference', 'JournalStatusReference'),
    optional('Company_Reference', 'CompanyReference'),
    optional('Currency_Reference', 'CurrencyReference'),
    optional('Book_Code_Reference', 'BookCodeReference'),
    optional('Ledger_Reference', 'LedgerReference'),
    optional('Display_Account_Set_Reference', 'Open'),
    optional('Ledger_Period_Reference', 'Open'),
    optional('Accounting_Date', 'date'),
    optional('Journal_Source_Reference', 'JournalSourceReference'),
    optional('Balancing_Worktag_Reference', 'Open'),
    repeated('Optional_Balancing_Worktags_Reference', 'Open'),
    optional('Transaction_Date', 'date'),
    optional('Operational_Transaction_Reference', 'Open'),
    optional('Record_Quantity', 'boolean'),
    optional('Memo', 'string'),
    optional('External_Reference_ID', 'string'),
    optional('Document_Link', 'string'),
    optional('Originated_By_Reference', 'Open'),
    repeated('Approved_by_Reference', 'Open'),
    optional('Total_Ledger_Debits', 'decimal'),
    optional('Total_Ledger_Credits', 'decimal'),
    optional('Reversed_By_Journal_Entry_Reference', 'Open'),
    optional('Reverses_Journal_Entry_Reference', 'Open'),
    optional('Creation_Date', 'dateTime'),
    optional('Last_Updated_Date', 'dateTime'),
    repeated('Journal_Entry_Line_Data', 'Journal_Entry_Line_DataType'),
    repeated('Attachment_Data', 'Open'),
  ]),

  // Get_Account_Sets (workday-payloads.md §4(f)).
  Get_Account_Sets_RequestType: pagedGetRequest(),
  // Guess: the order of the response's header parts is not given; Get_Journals' is used.
  Get_Account_Sets_ResponseType: sequence(
    [
      optional('Request_References', 'Open'),
      optional('Request_Criteria', 'Open'),
      optional('Response_Filter', 'Response_FilterType'),
      optional('Response_Results', 'Response_ResultsType'),
      optional('Response_Group', 'Open'),
      optional('Response_Data', 'Account_Set_Response_DataType'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  Account_Set_Response_DataType: sequence([repeated('Account_Set', 'Account_SetType')]),
  Account_SetType: sequence([
    optional('Account_Set_Reference', 'AccountSetReference'),
    repeated('Account_Set_Data', 'Account_Set_DataType'),
  ]),
  Account_Set_DataType: sequence([
    optional('Account_Set_ID', 'string'),
    optional('Account_Set_Name', 'string'),
    optional('Chart_of_Accounts', 'boolean'),
    repeated('Account_Set_Reference', 'AccountSetReference'),
    repeated('Ledger_Account_Data', 'Ledger_Account_DataType'),
  ]),
  Ledger_Account_DataType: sequence([
    optional('Ledger_Account_Identifier', 'string'),
    optional('Ledger_Account_Name', 'string'),
    optional('Ledger_Account_Type_Reference', 'LedgerAccountTypeReference'),
    optional('Retired', 'boolean'),
    repeated('Restricted_To_Company_or_Hierarchy_Reference', 'Open'),
  ]),

  // Get_Journal_Sources (workday-payloads.md §4(f): Response_Group before Response_Results).
  Get_Journal_Sources_RequestType: pagedGetRequest(),
  Get_Journal_Sources_ResponseType: sequence(
    [
      optional('Request_References', 'Open'),
      optional('Request_Criteria', 'Open'),
      optional('Response_Filter', 'Response_FilterType'),
      optional('Response_Group', 'Open'),
      optional('Response_Results', 'Response_ResultsType'),
      optional('Response_Data', 'Journal_Source_Response_DataType'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  Journal_Source_Response_DataType: sequence([repeated('Journal_Source', 'Journal_SourceType')]),
  Journal_SourceType: sequence([
    optional('Journal_Source_Reference', 'JournalSourceReference'),
    repeated('Journal_Source_Data', 'Journal_Source_DataType'),
  ]),
  Journal_Source_DataType: sequence([
    optional('Journal_Source_ID', 'string'),
    optional('Journal_Source_Name', 'string'),
    optional('Source_For_Accounting_Journal', 'boolean'),
    optional('Process_Award_Costs', 'boolean'),
    optional('Source_For_Ad_Hoc_Bank_Transaction', 'boolean'),
    optional('Enable_Suspense_Processing_for_Web_Service', 'boolean'),
    optional('Suspense_Threshold_Percent', 'decimal'),
    optional('Source_For_Workday_Operational_Journal', 'boolean'),
  ]),

  // Get_Workday_Companies.
  Get_Workday_Companies_RequestType: pagedGetRequest(),
  // Guess: the order of the response's header parts is not given; Get_Journals' is used.
  Get_Workday_Companies_ResponseType: sequence(
    [
      optional('Request_References', 'Open'),
      optional('Request_Criteria', 'Open'),
      optional('Response_Filter', 'Response_FilterType'),
      optional('Response_Results', 'Response_ResultsType'),
      optional('Response_Group', 'Open'),
      optional('Response_Data', 'Company_Response_DataType'),
    ],
    [VERSION_ATTRIBUTE],
  ),
  Company_Response_DataType: sequence([repeated('Company', 'CompanyType')]),
  CompanyType: sequence([
    optional('Company_Reference', 'CompanyReference'),
    repeated('Company_Data', 'Company_DataType'),
  ]),
  // Organization_Data [1] and Organization_Subtype_Reference [1] are required (reference).
  // Guess: their order and the optional elements around them are not given; only these two are
  // described, so nothing else is accepted.
  Company_DataType: sequence([
    required('Organization_Data', 'Organization_DataType'),
    required('Organization_Subtype_Reference', 'Open'),
  ]),
  // Availability_Date is required (reference). Guess: ID and Organization_Name come before it.
  Organization_DataType: sequence([
    optional('ID', 'string'),
    optional('Organization_Name', 'string'),
    required('Availability_Date', 'string'),
  ]),
};

/** Global elements of the Financial_Management operations: requests and responses. */
export const FINANCIAL_MANAGEMENT_ELEMENTS: Readonly<Record<string, string>> = {
  Submit_Accounting_Journal_Request: 'Submit_Accounting_Journal_RequestType',
  Submit_Accounting_Journal_Response: 'Submit_Accounting_Journal_ResponseType',
  Import_Accounting_Journal_Request: 'Import_Accounting_Journal_RequestType',
  Put_Import_Process_Response: 'Put_Import_Process_ResponseType',
  Get_Journals_Request: 'Get_Journals_RequestType',
  Get_Journals_Response: 'Get_Journals_ResponseType',
  Get_Account_Sets_Request: 'Get_Account_Sets_RequestType',
  Get_Account_Sets_Response: 'Get_Account_Sets_ResponseType',
  Get_Journal_Sources_Request: 'Get_Journal_Sources_RequestType',
  Get_Journal_Sources_Response: 'Get_Journal_Sources_ResponseType',
  Get_Workday_Companies_Request: 'Get_Workday_Companies_RequestType',
  Get_Workday_Companies_Response: 'Get_Workday_Companies_ResponseType',
};
