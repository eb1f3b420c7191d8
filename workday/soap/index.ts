export {
  parseXml,
  escapeXml,
  renderXml,
  child,
  children,
  childText,
  textOf,
  attribute,
  asList,
  isXmlObject,
} from './xml';
export type { XmlElement, XmlObject, XmlValue } from './xml';
export { buildEnvelope, parseSoapBody } from './envelope';
export { faultToError, parseSoapFault } from './fault';
export { referenceElement, referenceId, referenceIds, referenceDescriptor } from './references';
export type { ReferenceId } from './references';
export { parseResponseResults } from './response-results';
export type { ResponseResults } from './response-results';
export {
  buildSubmitAccountingJournalRequest,
  parseSubmitAccountingJournalResponse,
  SUBMIT_ACCOUNTING_JOURNAL,
} from './submit-accounting-journal';
export type { SubmittedJournal } from './submit-accounting-journal';
export {
  buildGetJournalByIdRequest,
  buildGetJournalsByDateRequest,
  parseGetJournalsResponse,
  GET_JOURNALS,
} from './get-journals';
export type { JournalEntry, JournalEntryLine, JournalPage } from './get-journals';
export {
  buildGetAccountSetsRequest,
  parseGetAccountSetsResponse,
  GET_ACCOUNT_SETS,
} from './get-account-sets';
export type { AccountSet, AccountSetPage, LedgerAccount } from './get-account-sets';
export {
  buildGetJournalSourcesRequest,
  parseGetJournalSourcesResponse,
  GET_JOURNAL_SOURCES,
} from './get-journal-sources';
export type { JournalSource, JournalSourcePage } from './get-journal-sources';
export {
  buildGetWorkdayCompaniesRequest,
  parseGetWorkdayCompaniesResponse,
  GET_WORKDAY_COMPANIES,
} from './get-workday-companies';
export type { WorkdayCompany, WorkdayCompanyPage } from './get-workday-companies';
export { createFinancialManagement, soapActionFor } from './financial-management';
export type { FinancialManagement } from './financial-management';
