/** The UKG Pro connector's actions, by their stable keys. */
import { customAction } from './custom-action';
import { getEmployee } from './get-employee';
import { listOrgLevels } from './list-org-levels';
import { listPositions } from './list-positions';
import { searchEmployees } from './search-employees';

export const actions = {
  get_employee: getEmployee,
  search_employees: searchEmployees,
  list_org_levels: listOrgLevels,
  list_positions: listPositions,
  custom_action: customAction,
};
