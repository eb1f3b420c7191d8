/**
 * `Get_Workday_Companies` (Financial_Management): the tenant's companies, for the `companies`
 * pick list. Each `Company_Data` carries what the schema requires (workday-soap-schema.md):
 * `Organization_Data` with its `Availability_Date`, and `Organization_Subtype_Reference`.
 */
import { element, renderReference } from '../references';
import type { OperationInput } from './operation';
import { respondWithPage } from './page-response';

// Guess: the sandbox's companies have no history; one fixed availability date stands for it.
const AVAILABILITY_DATE = '2020-01-01T00:00:00.000-08:00';
// Guess: the subtype's ID type and value are not in the reference.
const COMPANY_SUBTYPE = renderReference(
  'Organization_Subtype_Reference',
  [['Organization_Subtype_ID', 'Company']],
  'Company',
);

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
      `${element('Organization_Name', company.name)}${element('Availability_Date', AVAILABILITY_DATE)}` +
      `</wd:Organization_Data>${COMPANY_SUBTYPE}</wd:Company_Data></wd:Company>`,
  );
}
