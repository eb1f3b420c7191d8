/**
 * `Get_Workday_Companies` (Financial_Management): the tenant's companies, for the `companies`
 * pick list. Guess: the shape inside `Company_Data` is not in the references we have; the
 * sandbox answers `Company_Data/Organization_Data/{ID, Organization_Name}`.
 */
import { element, renderReference } from '../references';
import type { OperationInput } from './operation';
import { respondWithPage } from './page-response';

export function getWorkdayCompanies(input: OperationInput): string {
  return respondWithPage(
    input,
    'Get_Workday_Companies',
    [...input.caller.tenant.companies.values()],
    [],
    (company) =>
      `<wd:Company>${renderReference(
        'Company_Reference',
        [
          ['WID', company.wid],
          ['Company_Reference_ID', company.id],
        ],
        company.name,
      )}<wd:Company_Data><wd:Organization_Data>${element('ID', company.id)}` +
      `${element('Organization_Name', company.name)}</wd:Organization_Data></wd:Company_Data>` +
      `</wd:Company>`,
  );
}
