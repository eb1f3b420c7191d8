/**
 * `Submit_Accounting_Journal`: validates every reference, date and amount, requires debits to
 * equal credits exactly (BigInt minor units), honours `Add_Only`, and stores the journal as
 * Created (draft) or Posted. The `Accounting_Journal_ID` is the caller's idempotency key.
 */
import type { SoapValidationIssue } from '../../errors';
import { createWid } from '../../ids';
import type { Journal, JournalLine } from '../../journals';
import { formatAmount, parseAmount } from '../../money';
import type { TenantData } from '../../store';
import { renderResponseElement, validationFault } from '../envelope';
import {
  invalidIdMessage,
  renderReference,
  requiredMessage,
  resolveReference,
} from '../references';
import { attribute, child, children, childText } from '../xml';
import type { XmlElement } from '../xml';
import type { OperationInput } from './operation';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;

/** Parses an xsd:boolean; undefined when it is not one. */
export function parseXsdBoolean(value: string | undefined, fallback: boolean): boolean | undefined {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

/** An ISO date (an xsd:date, optionally with a zone) that exists in the calendar, as YYYY-MM-DD. */
export function parseIsoDate(value: string): string | undefined {
  const match = ISO_DATE.exec(value);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? value.slice(0, 10) : undefined;
}

interface LineDraft {
  line: JournalLine;
  valid: boolean;
}

function readLine(
  tenant: TenantData,
  lineElement: XmlElement,
  xpath: string,
  minorDigits: number,
  currencyCode: string,
  issues: SoapValidationIssue[],
): LineDraft {
  const before = issues.length;
  const accountXpath = `${xpath}/bsvc:Ledger_Account_Reference[1]`;
  const account = resolveReference(
    child(lineElement, 'Ledger_Account_Reference'),
    'Ledger_Account_Reference',
    accountXpath,
    {
      Ledger_Account_ID: (value, id, idXpath) => {
        const parentId = attribute(id, 'parent_id');
        const parentType = attribute(id, 'parent_type') ?? 'Account_Set_ID';
        const set = parentId === undefined ? undefined : tenant.accountSets.get(parentId);
        if (set === undefined || parentType !== 'Account_Set_ID') {
          issues.push({
            message: `'${parentId ?? ''}' is not a valid value for attribute parent_id when parent_type='${parentType}'`,
            xpath: idXpath,
          });
          return undefined;
        }
        const found = set.accounts.get(value);
        if (found === undefined) return undefined;
        if (found.retired) {
          // Guess: Workday's text for a retired account is not public.
          issues.push({
            message: `Ledger account '${value}' is retired and cannot be used.`,
            xpath: idXpath,
          });
          return undefined;
        }
        return { setId: set.id, accountId: found.id };
      },
      WID: (value) => {
        for (const set of tenant.accountSets.values()) {
          for (const found of set.accounts.values()) {
            if (found.wid === value && !found.retired)
              return { setId: set.id, accountId: found.id };
          }
        }
        return undefined;
      },
    },
    issues,
  );

  const debitText = childText(lineElement, 'Debit_Amount');
  const creditText = childText(lineElement, 'Credit_Amount');
  const hasDebit = debitText !== undefined && debitText !== '';
  const hasCredit = creditText !== undefined && creditText !== '';
  let debitMinor: bigint | undefined;
  let creditMinor: bigint | undefined;
  if (hasDebit === hasCredit) {
    // Guess: Workday's exact texts for these two cases are not public.
    issues.push({
      message: hasDebit
        ? 'A journal line must have a debit amount or a credit amount, not both.'
        : 'A journal line must have a debit amount or a credit amount.',
      xpath,
    });
  } else {
    const name = hasDebit ? 'Debit_Amount' : 'Credit_Amount';
    const raw = (hasDebit ? debitText : creditText) ?? '';
    const parsed = parseAmount(raw, minorDigits);
    if (!parsed.ok) {
      issues.push({
        message:
          parsed.reason === 'format'
            ? `'${raw}' is not a valid amount; amounts are non-negative decimals.`
            : `Amount '${raw}' has more decimal places than currency '${currencyCode}' allows (${minorDigits}).`,
        xpath: `${xpath}/bsvc:${name}[1]`,
      });
    } else if (hasDebit) {
      debitMinor = parsed.minor;
    } else {
      creditMinor = parsed.minor;
    }
  }

  const worktags: { type: string; id: string }[] = [];
  children(lineElement, 'Worktags_Reference').forEach((reference, i) => {
    const found = resolveReference(
      reference,
      'Worktags_Reference',
      `${xpath}/bsvc:Worktags_Reference[${i + 1}]`,
      {
        Cost_Center_Reference_ID: (value) => tenant.costCenters.get(value),
        WID: (value) => [...tenant.costCenters.values()].find((center) => center.wid === value),
      },
      issues,
    );
    if (found !== undefined) worktags.push({ type: 'Cost_Center_Reference_ID', id: found.id });
  });

  return {
    line: {
      accountSetId: account?.setId ?? '',
      accountId: account?.accountId ?? '',
      debitMinor,
      creditMinor,
      memo: childText(lineElement, 'Memo'),
      worktags,
    },
    valid: issues.length === before,
  };
}

function renderResponse(journal: Journal, companyName: string, version: string): string {
  return renderResponseElement(
    'Submit_Accounting_Journal',
    version,
    renderReference(
      'Accounting_Journal_Reference',
      [
        ['WID', journal.wid],
        ['Accounting_Journal_ID', journal.id],
      ],
      // Guess: the Descriptor text of a journal reference is not public.
      `${journal.accountingDate} - ${companyName} - ${journal.id}`,
    ),
  );
}

export function submitAccountingJournal(input: OperationInput): string {
  const { tenant } = input.caller;
  const { request, requestXpath } = input;
  const issues: SoapValidationIssue[] = [];
  const addOnly = parseXsdBoolean(attribute(request, 'Add_Only'), false);
  if (addOnly === undefined) {
    issues.push({ message: "Attribute 'Add_Only' must be a boolean.", xpath: requestXpath });
  }
  const dataXpath = `${requestXpath}/bsvc:Accounting_Journal_Data[1]`;
  const data = child(request, 'Accounting_Journal_Data');
  if (data === undefined) {
    throw validationFault([
      { message: requiredMessage('Accounting_Journal_Data'), xpath: dataXpath },
    ]);
  }

  const requestedId = childText(data, 'Accounting_Journal_ID');
  const existing =
    requestedId === undefined || requestedId === ''
      ? undefined
      : tenant.journals.getById(requestedId);
  if (existing !== undefined && addOnly === true) {
    // Guess: Workday's duplicate-ID text is not public.
    issues.push({
      message: `Accounting Journal ID '${requestedId ?? ''}' is already in use; Add_Only does not update existing journals.`,
      xpath: `${dataXpath}/bsvc:Accounting_Journal_ID[1]`,
    });
  } else if (existing !== undefined && existing.status === 'Posted') {
    // Guess: a posted journal cannot be replaced through Submit (Workday would need a reversal).
    issues.push({
      message: `Accounting journal '${existing.id}' is posted and cannot be changed.`,
      xpath: `${dataXpath}/bsvc:Accounting_Journal_ID[1]`,
    });
  }

  const submit = parseXsdBoolean(childText(data, 'Submit'), false);
  if (submit === undefined) {
    issues.push({ message: "'Submit' must be a boolean.", xpath: `${dataXpath}/bsvc:Submit[1]` });
  }
  const company = resolveReference(
    child(data, 'Company_Reference'),
    'Company_Reference',
    `${dataXpath}/bsvc:Company_Reference[1]`,
    {
      Company_Reference_ID: (value) => tenant.companies.get(value),
      Organization_Reference_ID: (value) => tenant.companies.get(value),
      WID: (value) => [...tenant.companies.values()].find((found) => found.wid === value),
    },
    issues,
  );
  const currency = resolveReference(
    child(data, 'Currency_Reference'),
    'Currency_Reference',
    `${dataXpath}/bsvc:Currency_Reference[1]`,
    {
      Currency_ID: (value) => tenant.currencies.get(value),
      WID: (value) => [...tenant.currencies.values()].find((found) => found.wid === value),
    },
    issues,
  );
  const ledgerType = resolveReference(
    child(data, 'Ledger_Type_Reference'),
    'Ledger_Type_Reference',
    `${dataXpath}/bsvc:Ledger_Type_Reference[1]`,
    { Ledger_Type_ID: (value) => (tenant.ledgerTypes.has(value) ? value : undefined) },
    issues,
  );
  const dateText = childText(data, 'Accounting_Date');
  const accountingDate = dateText === undefined ? undefined : parseIsoDate(dateText);
  if (dateText === undefined) {
    issues.push({
      message: requiredMessage('Accounting_Date'),
      xpath: `${dataXpath}/bsvc:Accounting_Date[1]`,
    });
  } else if (accountingDate === undefined) {
    issues.push({
      message: `'${dateText}' is not a valid date; use YYYY-MM-DD.`,
      xpath: `${dataXpath}/bsvc:Accounting_Date[1]`,
    });
  }
  const sourceElement = child(data, 'Journal_Source_Reference');
  const source =
    sourceElement === undefined
      ? undefined
      : resolveReference(
          sourceElement,
          'Journal_Source_Reference',
          `${dataXpath}/bsvc:Journal_Source_Reference[1]`,
          {
            Journal_Source_ID: (value) => tenant.journalSources.get(value),
            WID: (value) =>
              [...tenant.journalSources.values()].find((found) => found.wid === value),
          },
          issues,
        );

  const minorDigits = currency?.minorDigits ?? 2;
  const lineElements = children(data, 'Journal_Entry_Line_Replacement_Data');
  if (lineElements.length === 0) {
    issues.push({
      message: requiredMessage('Journal_Entry_Line_Replacement_Data'),
      xpath: `${dataXpath}/bsvc:Journal_Entry_Line_Replacement_Data[1]`,
    });
  }
  const drafts = lineElements.map((lineElement, i) =>
    readLine(
      tenant,
      lineElement,
      `${dataXpath}/bsvc:Journal_Entry_Line_Replacement_Data[${i + 1}]`,
      minorDigits,
      currency?.code ?? '',
      issues,
    ),
  );
  let totalDebit = 0n;
  let totalCredit = 0n;
  for (const { line } of drafts) {
    totalDebit += line.debitMinor ?? 0n;
    totalCredit += line.creditMinor ?? 0n;
  }
  if (drafts.length > 0 && drafts.every((draft) => draft.valid) && totalDebit !== totalCredit) {
    // Guess: Workday's out-of-balance text is not public.
    issues.push({
      message: `The journal is out of balance: debits ${formatAmount(totalDebit, minorDigits)} do not equal credits ${formatAmount(totalCredit, minorDigits)}.`,
      xpath: dataXpath,
    });
  }
  if (issues.length > 0) throw validationFault(issues);
  input.authorize();
  if (
    company === undefined ||
    currency === undefined ||
    ledgerType === undefined ||
    accountingDate === undefined
  ) {
    // Unreachable: every undefined above pushed an issue.
    throw validationFault([
      { message: invalidIdMessage('', 'Company_Reference_ID'), xpath: dataXpath },
    ]);
  }

  const nowMs = input.context.now();
  const numbers = existing === undefined ? tenant.journals.nextNumbers() : undefined;
  const journal: Journal = {
    wid: existing?.wid ?? createWid(),
    id:
      existing?.id ??
      (requestedId !== undefined && requestedId !== ''
        ? requestedId
        : (numbers?.generatedId ?? '')),
    number: existing?.number ?? numbers?.number ?? '',
    status: submit === true ? 'Posted' : 'Created',
    companyId: company.id,
    currency: currency.code,
    ledgerType,
    accountingDate,
    journalSourceId: source?.id,
    memo: childText(data, 'Journal_Entry_Memo'),
    lines: drafts.map((draft) => draft.line),
    totalDebitMinor: totalDebit,
    totalCreditMinor: totalCredit,
    createdMs: existing?.createdMs ?? nowMs,
    updatedMs: nowMs,
  };
  tenant.journals.put(journal);
  return renderResponse(journal, company.name, input.version);
}
