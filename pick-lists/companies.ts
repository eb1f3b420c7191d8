import { definePickList } from '../workday/definers';
import { parseWorkdayEndpoints } from '../workday/endpoints';
import { createFinancialManagement } from '../workday/soap/financial-management';

/** `[name, Company_Reference_ID]` of the tenant's companies (Get_Workday_Companies). */
export const companies = definePickList(async ({ connection, http }) => {
  const fm = createFinancialManagement(http, parseWorkdayEndpoints(connection));
  return (await fm.getCompanies()).map((company): [string, string] => [
    company.name ?? company.id,
    company.id,
  ]);
});
