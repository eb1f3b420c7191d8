import { definePickList } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { createFinancialManagement } from '../workday/soap/financial-management';

/** `[name, Journal_Source_ID]` of the tenant's journal sources (Get_Journal_Sources). */
export const journalSources = definePickList(async ({ connection, http }) => {
  const fm = createFinancialManagement(http, parseWorkdayEndpoints(connection));
  return (await fm.getJournalSources()).map((source): [string, string] => [
    source.name ?? source.id,
    source.id,
  ]);
});
