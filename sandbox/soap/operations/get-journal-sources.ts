/** `Get_Journal_Sources` (payloads §4(f)). */
import { validationFault } from '../envelope';
import type { SoapValidationIssue } from '../../errors';
import { paginate, readResponseFilter } from '../paging';
import { booleanElement, element, renderReference } from '../references';
import { escapeXml } from '../xml';
import type { OperationInput } from './operation';

export function getJournalSources(input: OperationInput): string {
  const issues: SoapValidationIssue[] = [];
  const page = readResponseFilter(input.request, input.requestXpath, issues);
  if (issues.length > 0) throw validationFault(issues);
  input.authorize();
  const { items, xml } = paginate([...input.caller.tenant.journalSources.values()], page);
  const data = items
    .map(
      (source) =>
        `<wd:Journal_Source>${renderReference('Journal_Source_Reference', [
          ['WID', source.wid],
          ['Journal_Source_ID', source.id],
        ])}<wd:Journal_Source_Data>${element('Journal_Source_ID', source.id)}` +
        `${element('Journal_Source_Name', source.name)}${booleanElement('Source_For_Accounting_Journal', true)}` +
        `</wd:Journal_Source_Data></wd:Journal_Source>`,
    )
    .join('');
  return (
    `<wd:Get_Journal_Sources_Response xmlns:wd="urn:com.workday/bsvc" wd:version="${escapeXml(input.version)}">` +
    `${xml}${items.length > 0 ? `<wd:Response_Data>${data}</wd:Response_Data>` : ''}` +
    `</wd:Get_Journal_Sources_Response>`
  );
}
