/**
 * `Get_Journals`: by `Request_References/JournalEntryReference` or by accounting-date
 * `Request_Criteria`, paged by `Response_Filter`; `Response_Data` is absent when nothing matches
 * (payloads §4(e); a subset of Journal_Entry_Data in WSDL order).
 */
import type { SoapValidationIssue } from '../../errors';
import type { Journal, JournalLine } from '../../journals';
import { formatAmount } from '../../money';
import type { TenantData } from '../../store';
import { element, renderReference, resolveReference } from '../references';
import { child, children, childText } from '../xml';
import type { OperationInput } from './operation';
import { respondWithPage } from './page-response';
import { parseIsoDate } from './submit-accounting-journal';

function renderCompany(tenant: TenantData, name: string, companyId: string): string {
  const company = tenant.companies.get(companyId);
  return renderReference(name, [
    ['WID', company?.wid ?? ''],
    ['Company_Reference_ID', companyId],
  ]);
}

function renderCurrency(tenant: TenantData, code: string): string {
  return renderReference('Currency_Reference', [
    ['WID', tenant.currencies.get(code)?.wid ?? ''],
    ['Currency_ID', code],
  ]);
}

function renderLine(
  tenant: TenantData,
  journal: Journal,
  line: JournalLine,
  order: number,
  digits: number,
): string {
  const account = tenant.accountSets.get(line.accountSetId)?.accounts.get(line.accountId);
  // Guess: both amounts are present on every line, the unused one as zero.
  const debit = formatAmount(line.debitMinor ?? 0n, digits);
  const credit = formatAmount(line.creditMinor ?? 0n, digits);
  const worktags = line.worktags
    .map((tag) => {
      // Only cost centers have data (and so a WID) in the sandbox.
      const wid =
        tag.type === 'Cost_Center_Reference_ID' ? tenant.costCenters.get(tag.id)?.wid : undefined;
      return renderReference(
        'Worktags_Reference',
        wid === undefined
          ? [[tag.type, tag.id]]
          : [
              ['WID', wid],
              [tag.type, tag.id],
            ],
      );
    })
    .join('');
  return (
    `<wd:Journal_Entry_Line_Data>${element('Line_Order', String(order))}` +
    renderCompany(tenant, 'Line_Company_Reference', journal.companyId) +
    renderReference('Ledger_Account_Reference', [
      ['WID', account?.wid ?? ''],
      ['Ledger_Account_ID', line.accountId, ['Account_Set_ID', line.accountSetId]],
    ]) +
    `${element('Debit_Amount', debit)}${element('Credit_Amount', credit)}` +
    renderCurrency(tenant, journal.currency) +
    `${element('Ledger_Debit_Amount', debit)}${element('Ledger_Credit_Amount', credit)}` +
    `${line.memo === undefined ? '' : element('Memo', line.memo)}${worktags}</wd:Journal_Entry_Line_Data>`
  );
}

function renderJournal(tenant: TenantData, journal: Journal): string {
  const digits = tenant.currencies.get(journal.currency)?.minorDigits ?? 2;
  const reference = renderReference('Journal_Entry_Reference', [
    ['WID', journal.wid],
    ['Accounting_Journal_ID', journal.id],
  ]);
  return (
    `<wd:Journal_Entry>${reference}<wd:Journal_Entry_Data>` +
    element('Journal_Number', journal.number) +
    renderReference('Journal_Status_Reference', [['Journal_Entry_Status_ID', journal.status]]) +
    renderCompany(tenant, 'Company_Reference', journal.companyId) +
    renderCurrency(tenant, journal.currency) +
    // Guess: the ledger is identified as COMPANY_LEDGERTYPE; the sandbox has one ledger per pair.
    renderReference('Ledger_Reference', [
      ['Ledger_Reference_ID', `${journal.companyId}_${journal.ledgerType}`],
    ]) +
    element('Accounting_Date', journal.accountingDate) +
    (journal.journalSourceId === undefined
      ? ''
      : renderReference('Journal_Source_Reference', [
          ['Journal_Source_ID', journal.journalSourceId],
        ])) +
    (journal.memo === undefined ? '' : element('Memo', journal.memo)) +
    element('Total_Ledger_Debits', formatAmount(journal.totalDebitMinor, digits)) +
    element('Total_Ledger_Credits', formatAmount(journal.totalCreditMinor, digits)) +
    element('Creation_Date', new Date(journal.createdMs).toISOString()) +
    element('Last_Updated_Date', new Date(journal.updatedMs).toISOString()) +
    journal.lines.map((line, i) => renderLine(tenant, journal, line, i + 1, digits)).join('') +
    `</wd:Journal_Entry_Data></wd:Journal_Entry>`
  );
}

export function getJournals(input: OperationInput): string {
  const { tenant } = input.caller;
  const { request, requestXpath } = input;
  const issues: SoapValidationIssue[] = [];
  let journals: Journal[];
  const references = child(request, 'Request_References');
  if (references !== undefined) {
    journals = [];
    children(references, 'JournalEntryReference').forEach((reference, i) => {
      const found = resolveReference<Journal>(
        reference,
        'JournalEntryReference',
        `${requestXpath}/bsvc:Request_References[1]/bsvc:JournalEntryReference[${i + 1}]`,
        {
          Accounting_Journal_ID: (value) => tenant.journals.getById(value),
          WID: (value) => tenant.journals.getByWid(value),
        },
        issues,
      );
      if (found !== undefined && !journals.includes(found)) journals.push(found);
    });
  } else {
    journals = [...tenant.journals.all()];
    const criteria = child(request, 'Request_Criteria');
    if (criteria !== undefined) {
      const bounds = (['Accounting_From_Date', 'Accounting_To_Date'] as const).map((name) => {
        const raw = childText(criteria, name);
        if (raw === undefined || raw === '') return undefined;
        const date = parseIsoDate(raw);
        if (date === undefined) {
          issues.push({
            message: `'${raw}' is not a valid date; use YYYY-MM-DD.`,
            xpath: `${requestXpath}/bsvc:Request_Criteria[1]/bsvc:${name}[1]`,
          });
        }
        return date;
      });
      const [from, to] = bounds;
      journals = journals.filter(
        (journal) =>
          (from === undefined || journal.accountingDate >= from) &&
          (to === undefined || journal.accountingDate <= to),
      );
    }
  }
  return respondWithPage(input, 'Get_Journals', journals, issues, (journal) =>
    renderJournal(tenant, journal),
  );
}
