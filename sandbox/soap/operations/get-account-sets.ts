/** `Get_Account_Sets`: account sets with their ledger accounts (payloads §4(f)). */
import type { SoapValidationIssue } from '../../errors';
import type { AccountSetData } from '../../store';
import { validationFault } from '../envelope';
import { paginate, readResponseFilter } from '../paging';
import { booleanElement, element, renderReference, resolveReference } from '../references';
import { child, children, escapeXml } from '../xml';
import type { OperationInput } from './operation';

function renderAccountSet(set: AccountSetData): string {
  const accounts = [...set.accounts.values()]
    .map(
      (account) =>
        `<wd:Ledger_Account_Data>${element('Ledger_Account_Identifier', account.id)}` +
        `${element('Ledger_Account_Name', account.name)}` +
        `${renderReference('Ledger_Account_Type_Reference', [['Ledger_Account_Type_ID', account.type]])}` +
        `${booleanElement('Retired', account.retired)}</wd:Ledger_Account_Data>`,
    )
    .join('');
  return (
    `<wd:Account_Set>${renderReference('Account_Set_Reference', [
      ['WID', set.wid],
      ['Account_Set_ID', set.id],
    ])}<wd:Account_Set_Data>${element('Account_Set_ID', set.id)}${element('Account_Set_Name', set.name)}` +
    `${booleanElement('Chart_of_Accounts', true)}${accounts}</wd:Account_Set_Data></wd:Account_Set>`
  );
}

export function getAccountSets(input: OperationInput): string {
  const { tenant } = input.caller;
  const issues: SoapValidationIssue[] = [];
  const references = child(input.request, 'Request_References');
  let sets = [...tenant.accountSets.values()];
  if (references !== undefined) {
    const wanted = new Set<AccountSetData>();
    children(references, 'Account_Set_Reference').forEach((reference, i) => {
      const found = resolveReference<AccountSetData>(
        reference,
        'Account_Set_Reference',
        `${input.requestXpath}/bsvc:Request_References[1]/bsvc:Account_Set_Reference[${i + 1}]`,
        {
          Account_Set_ID: (value) => tenant.accountSets.get(value),
          WID: (value) => sets.find((set) => set.wid === value),
        },
        issues,
      );
      if (found !== undefined) wanted.add(found);
    });
    sets = sets.filter((set) => wanted.has(set));
  }
  const page = readResponseFilter(input.request, input.requestXpath, issues);
  if (issues.length > 0) throw validationFault(issues);
  input.authorize();
  const { items, xml } = paginate(sets, page);
  return (
    `<wd:Get_Account_Sets_Response xmlns:wd="urn:com.workday/bsvc" wd:version="${escapeXml(input.version)}">` +
    `${xml}${items.length > 0 ? `<wd:Response_Data>${items.map(renderAccountSet).join('')}</wd:Response_Data>` : ''}` +
    `</wd:Get_Account_Sets_Response>`
  );
}
