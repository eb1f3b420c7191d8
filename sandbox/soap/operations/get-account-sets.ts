/** `Get_Account_Sets`: account sets with their ledger accounts (payloads §4(f)). */
import type { SoapValidationIssue } from '../../errors';
import type { AccountSetData } from '../../store';
import { booleanElement, element, renderReference, resolveReference } from '../references';
import { child, children } from '../xml';
import type { OperationInput } from './operation';
import { respondWithPage } from './page-response';

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
  return respondWithPage(input, 'Get_Account_Sets', sets, issues, renderAccountSet);
}
