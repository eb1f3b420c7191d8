/**
 * Harmless reads that prove one functional area each; `connector doctor` runs the probes every
 * action and trigger lists, and names the area whose probe fails.
 */
import { defineProbe } from './definers';
import { parseWorkdayEndpoints } from './endpoints';
import { FUNCTIONAL_AREAS } from './functional-areas';
import { createFinancialManagement } from './soap/financial-management';

/** `GET common/v1/{tenant}/workers/me`: proves Staffing. */
export const workersProbe = defineProbe({
  name: 'GET workers/me',
  scope: FUNCTIONAL_AREAS.staffing,
  run: ({ connection, http }) =>
    http.get(parseWorkdayEndpoints(connection).commonPath('workers/me')),
});

/** `GET common/v1/{tenant}/workers/me/inboxTasks?limit=1`: proves the inbox-task area. */
export const inboxTasksProbe = defineProbe({
  name: 'GET workers/me/inboxTasks',
  scope: FUNCTIONAL_AREAS.tenantNonConfigurable,
  run: ({ connection, http }) =>
    http.get(parseWorkdayEndpoints(connection).commonPath('workers/me/inboxTasks'), { limit: 1 }),
});

/** SOAP `Get_Journal_Sources`: proves the Financial_Management web service (journals, accounts). */
export const financialManagementProbe = defineProbe({
  name: 'SOAP Financial_Management Get_Journal_Sources',
  scope: FUNCTIONAL_AREAS.commonFinancialManagement,
  run: ({ connection, http }) =>
    createFinancialManagement(http, parseWorkdayEndpoints(connection)).getJournalSources(),
});
