/** `Get_Journal_Sources` (payloads §4(f)). */
import { booleanElement, element, renderReference } from '../references';
import type { OperationInput } from './operation';
import { respondWithPage } from './page-response';

export function getJournalSources(input: OperationInput): string {
  return respondWithPage(
    input,
    'Get_Journal_Sources',
    [...input.caller.tenant.journalSources.values()],
    [],
    (source) =>
      `<wd:Journal_Source>${renderReference('Journal_Source_Reference', [
        ['WID', source.wid],
        ['Journal_Source_ID', source.id],
      ])}<wd:Journal_Source_Data>${element('Journal_Source_ID', source.id)}` +
      `${element('Journal_Source_Name', source.name)}${booleanElement('Source_For_Accounting_Journal', true)}` +
      `</wd:Journal_Source_Data></wd:Journal_Source>`,
  );
}
