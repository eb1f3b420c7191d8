/**
 * `Get_Workday_Companies` (Financial_Management): the tenant's companies, for the `companies`
 * pick list. Guess: the shape inside `Company_Data` is not in the references we have; the
 * sandbox answers `Company_Data/Organization_Data/{ID, Organization_Name}`.
 */
import { validationFault } from '../envelope';
import type { SoapValidationIssue } from '../../errors';
import { paginate, readResponseFilter } from '../paging';
import { element, renderReference } from '../references';
import { escapeXml } from '../xml';
import type { OperationInput } from './operation';

export function getWorkdayCompanies(input: OperationInput): string {
  const issues: SoapValidationIssue[] = [];
  const page = readResponseFilter(input.request, input.requestXpath, issues);
  if (issues.length > 0) throw validationFault(issues);
  input.authorize();
  const { items, xml } = paginate([...input.caller.tenant.companies.values()], page);
  const data = items
    .map(
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
    )
    .join('');
  return (
    `<wd:Get_Workday_Companies_Response xmlns:wd="urn:com.workday/bsvc" wd:version="${escapeXml(input.version)}">` +
    `${xml}${items.length > 0 ? `<wd:Response_Data>${data}</wd:Response_Data>` : ''}` +
    `</wd:Get_Workday_Companies_Response>`
  );
}
