import { getAccountSets } from './get-account-sets';
import { getJournalSources } from './get-journal-sources';
import { getJournals } from './get-journals';
import { getWorkdayCompanies } from './get-workday-companies';
import { importAccountingJournal } from './import-accounting-journal';
import type { SoapOperation } from './operation';
import { submitAccountingJournal } from './submit-accounting-journal';

/**
 * The Financial_Management operations the sandbox answers. There is no `Get_Ledger_Accounts`
 * in Workday: ledger accounts come from `Get_Account_Sets` (payloads §4(f)).
 */
export const FINANCIAL_MANAGEMENT_OPERATIONS: Readonly<Record<string, SoapOperation>> = {
  Submit_Accounting_Journal: submitAccountingJournal,
  Import_Accounting_Journal: importAccountingJournal,
  Get_Journals: getJournals,
  Get_Account_Sets: getAccountSets,
  Get_Journal_Sources: getJournalSources,
  Get_Workday_Companies: getWorkdayCompanies,
};
