import { z } from 'zod';
import { DEFAULT_ACCOUNT_SET } from '../workday/constants';
import { definePickList } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { createFinancialManagement } from '../workday/soap/financial-management';

/**
 * `[label, Ledger_Account_ID]` of the accounts in one account set (pick list parameter
 * `account_set`, default `Standard`), retired accounts left out. Workday has no
 * Get_Ledger_Accounts: the accounts come from Get_Account_Sets.
 */
export const ledgerAccounts = definePickList(
  async ({ connection, http, params }) => {
    const accountSet = params['account_set'] ?? DEFAULT_ACCOUNT_SET;
    const fm = createFinancialManagement(http, parseWorkdayEndpoints(connection));
    const set = (await fm.getAccountSets()).find((candidate) => candidate.id === accountSet);
    return (set?.ledgerAccounts ?? [])
      .filter((account) => !account.retired)
      .map((account): [string, string] => [
        account.name === undefined ? account.id : `${account.id} – ${account.name}`,
        account.id,
      ]);
  },
  {
    params_fields: z.object({
      account_set: z
        .string()
        .min(1)
        .optional()
        .meta({
          label: 'Account set',
          hint: `The account set whose ledger accounts are listed (default ${DEFAULT_ACCOUNT_SET}).`,
        }),
    }),
  },
);
