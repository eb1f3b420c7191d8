import { companies } from './companies';
import { currencies } from './currencies';
import { journalSources } from './journal-sources';
import { ledgerAccounts } from './ledger-accounts';

/** The connector's pick lists by the name `pick_list` field metadata refers to. */
export const pickLists = {
  currencies,
  ledger_accounts: ledgerAccounts,
  journal_sources: journalSources,
  companies,
};
