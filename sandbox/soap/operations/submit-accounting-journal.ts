/**
 * `Submit_Accounting_Journal`: the request has already passed the schema (wws-schema/); this
 * checks the business rules with Workday's published texts (journal-messages.ts): every
 * reference, the company's default currency, amounts and their decimals, one worktag of each
 * type, the 1,000-line limit, balance (BigInt minor units) and `Add_Only`, then stores the journal
 * as Created (draft) or Posted. The `Accounting_Journal_ID` is the caller's idempotency key.
 */
import type { SoapValidationIssue } from '../../errors';
import { createWid } from '../../ids';
import type { Journal, JournalLine } from '../../journals';
import { parseAmount } from '../../money';
import type { TenantData } from '../../store';
import { renderResponseElement, validationFault } from '../envelope';
import { WORKTAG_ID_TYPES } from '../../../wws-schema';
import { element, renderReference, requiredMessage, resolveReference } from '../references';
import type { IdResolver } from '../references';
import {
  ADD_ONLY_RESUBMITTED,
  BOTH_AMOUNTS,
  BOTH_ZERO,
  CANNOT_BE_RESUBMITTED,
  CURRENCY_NOT_COMPANY_DEFAULT,
  decimalPrecisionExceeded,
  MAX_SUBMIT_LINES,
  NO_LINES,
  ONE_WORKTAG_PER_TYPE,
  RETIRED_ACCOUNT,
  TOO_MANY_LINES,
  UNBALANCED,
} from '../journal-messages';
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

/** A worktag as stored: its ID type and ID. */
interface Worktag {
  type: string;
  id: string;
}

/**
 * Resolvers for every worktag ID type the schema lists (the schema check has refused the
 * others). Cost centers are the sandbox's only worktag data: a Cost_Center_Reference_ID or WID
 * must name one. Guess: the sandbox keeps no data for the other 132 types and accepts any ID.
 */
function worktagResolvers(tenant: TenantData): Record<string, IdResolver<Worktag>> {
  const resolvers: Record<string, IdResolver<Worktag>> = {};
  for (const type of WORKTAG_ID_TYPES) resolvers[type] = (value) => ({ type, id: value });
  resolvers['Cost_Center_Reference_ID'] = (value) =>
    tenant.costCenters.has(value) ? { type: 'Cost_Center_Reference_ID', id: value } : undefined;
  resolvers['WID'] = (value) => {
    const center = [...tenant.costCenters.values()].find((c) => c.wid === value);
    return center === undefined ? undefined : { type: 'Cost_Center_Reference_ID', id: center.id };
  };
  return resolvers;
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
          issues.push({ message: RETIRED_ACCOUNT, xpath: idXpath });
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
  const read = (name: 'Debit' | 'Credit', raw: string): bigint | undefined => {
    const parsed = parseAmount(raw, minorDigits);
    if (parsed.ok) return parsed.minor;
    issues.push({
      message:
        parsed.reason === 'format'
          ? // Guess: Workday's text for a negative amount is not public (the schema allows one).
            `'${raw}' is not a valid amount; amounts are non-negative decimals.`
          : decimalPrecisionExceeded(minorDigits, currencyCode, name, raw.trim()),
      xpath: `${xpath}/bsvc:${name}_Amount[1]`,
    });
    return undefined;
  };
  if (hasDebit) debitMinor = read('Debit', debitText);
  if (hasCredit) creditMinor = read('Credit', creditText);
  const amountsRead = issues.length === before;
  if (amountsRead && hasDebit && hasCredit && debitMinor !== 0n && creditMinor !== 0n) {
    issues.push({ message: BOTH_AMOUNTS, xpath });
  } else if (amountsRead && (debitMinor ?? 0n) === 0n && (creditMinor ?? 0n) === 0n) {
    issues.push({ message: BOTH_ZERO, xpath });
  }

  const worktags: { type: string; id: string }[] = [];
  const types = new Set<string>();
  children(lineElement, 'Worktags_Reference').forEach((reference, i) => {
    const tagXpath = `${xpath}/bsvc:Worktags_Reference[${i + 1}]`;
    const found = resolveReference(
      reference,
      'Worktags_Reference',
      tagXpath,
      worktagResolvers(tenant),
      issues,
    );
    if (found === undefined) return;
    if (types.has(found.type)) {
      issues.push({ message: ONE_WORKTAG_PER_TYPE, xpath: tagXpath });
      return;
    }
    types.add(found.type);
    worktags.push(found);
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

/**
 * Warnings Workday may attach to an accepted journal. Guess: no published warning text fits the
 * sandbox; it warns about an accounting date after its own today, so that clients can be tested
 * on the schema's warning path.
 */
function warningsFor(journal: Journal, nowMs: number): string[] {
  const today = new Date(nowMs).toISOString().slice(0, 10);
  return journal.accountingDate > today
    ? [`The accounting date ${journal.accountingDate} is in the future.`]
    : [];
}

function renderResponse(
  journal: Journal,
  companyName: string,
  version: string,
  warnings: readonly string[],
): string {
  // Exceptions_Response_Data/Exceptions_Data/Exception_Data (workday-soap-schema.md).
  const exceptions =
    warnings.length === 0
      ? ''
      : `<wd:Exceptions_Response_Data><wd:Exceptions_Data>${warnings
          .map(
            (message) =>
              `<wd:Exception_Data>${element('Classification', 'Warning')}${element('Message', message)}</wd:Exception_Data>`,
          )
          .join('')}</wd:Exceptions_Data></wd:Exceptions_Response_Data>`;
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
    ) + exceptions,
  );
}

/** An `Accounting_Journal_Data` read and checked, with each line's issues kept apart. */
export interface JournalRequestRead {
  addOnly: boolean | undefined;
  dataXpath: string;
  requestedId: string | undefined;
  /** Issues of the request and the journal header (everything but the lines). */
  headerIssues: SoapValidationIssue[];
  /** Each line's issues, by position (0-based). */
  lineIssues: SoapValidationIssue[][];
  /** The out-of-balance issue, when every line is valid and debits differ from credits. */
  balanceIssue: SoapValidationIssue | undefined;
  /** The journal to store (without WID, ID, number and times), when the header is valid. */
  draft: Omit<Journal, 'wid' | 'id' | 'number' | 'createdMs' | 'updatedMs'> | undefined;
  companyName: string;
}

/**
 * The journal a read request stores: the existing journal's WID, ID, number and creation time
 * when it replaces one, else a new WID and the next journal number (and a generated ID when the
 * request named none). Submit and Import store journals alike.
 */
export function journalRecord(
  tenant: TenantData,
  draft: NonNullable<JournalRequestRead['draft']>,
  requestedId: string | undefined,
  existing: Journal | undefined,
  nowMs: number,
): Journal {
  const numbers = existing === undefined ? tenant.journals.nextNumbers() : undefined;
  return {
    ...draft,
    wid: existing?.wid ?? createWid(),
    id: existing?.id ?? requestedId ?? numbers?.generatedId ?? '',
    number: existing?.number ?? numbers?.number ?? '',
    createdMs: existing?.createdMs ?? nowMs,
    updatedMs: nowMs,
  };
}

/**
 * Reads a `Submit_Accounting_Journal_Request` or `Import_Accounting_Journal_Request` (the same
 * sequence): every reference, the company's default currency, the date, each line's account,
 * amounts and worktags, and the balance in exact minor units.
 * @param maxLines refuse the whole request (TOO_MANY_LINES) beyond this many lines
 * @throws the Validation_Fault for a request without `Accounting_Journal_Data` or with too many lines
 */
export function readJournalRequest(
  input: OperationInput,
  maxLines = Number.POSITIVE_INFINITY,
): JournalRequestRead {
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
  const lineElements = children(data, 'Journal_Entry_Line_Replacement_Data');
  if (lineElements.length > maxLines) {
    // Refused as a whole, before any line is read, as Workday's message describes.
    throw validationFault([{ message: TOO_MANY_LINES, xpath: dataXpath }]);
  }
  const rawId = childText(data, 'Accounting_Journal_ID');
  const requestedId = rawId === undefined || rawId === '' ? undefined : rawId;

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

  if (company !== undefined && currency !== undefined && company.currency !== currency.code) {
    issues.push({
      message: CURRENCY_NOT_COMPANY_DEFAULT,
      xpath: `${dataXpath}/bsvc:Currency_Reference[1]`,
    });
  }

  const minorDigits = currency?.minorDigits ?? 2;
  const linesXpath = `${dataXpath}/bsvc:Journal_Entry_Line_Replacement_Data`;
  if (lineElements.length === 0) issues.push({ message: NO_LINES, xpath: dataXpath });
  const lineIssues: SoapValidationIssue[][] = [];
  const drafts = lineElements.map((lineElement, i) => {
    const own: SoapValidationIssue[] = [];
    lineIssues.push(own);
    return readLine(
      tenant,
      lineElement,
      `${linesXpath}[${i + 1}]`,
      minorDigits,
      currency?.code ?? '',
      own,
    );
  });
  let totalDebit = 0n;
  let totalCredit = 0n;
  for (const { line } of drafts) {
    totalDebit += line.debitMinor ?? 0n;
    totalCredit += line.creditMinor ?? 0n;
  }
  const allValid = drafts.length > 0 && drafts.every((draft) => draft.valid);
  // Guess: the text says "may not be submitted", so a draft (Submit false) may be unbalanced.
  const balanceIssue =
    allValid && submit !== false && totalDebit !== totalCredit
      ? { message: UNBALANCED, xpath: dataXpath }
      : undefined;
  const draft =
    company === undefined ||
    currency === undefined ||
    ledgerType === undefined ||
    accountingDate === undefined ||
    issues.length > 0
      ? undefined
      : {
          status: submit === true ? ('Posted' as const) : ('Created' as const),
          companyId: company.id,
          currency: currency.code,
          ledgerType,
          accountingDate,
          journalSourceId: source?.id,
          memo: childText(data, 'Journal_Entry_Memo'),
          lines: drafts.map((d) => d.line),
          totalDebitMinor: totalDebit,
          totalCreditMinor: totalCredit,
        };
  return {
    addOnly,
    dataXpath,
    requestedId,
    headerIssues: issues,
    lineIssues,
    balanceIssue,
    draft,
    companyName: company?.name ?? '',
  };
}

export function submitAccountingJournal(input: OperationInput): string {
  const { tenant } = input.caller;
  const read = readJournalRequest(input, MAX_SUBMIT_LINES);
  const { requestedId, dataXpath } = read;
  const idXpath = `${dataXpath}/bsvc:Accounting_Journal_ID[1]`;
  const idIssues: SoapValidationIssue[] = [];
  const existing = requestedId === undefined ? undefined : tenant.journals.getById(requestedId);
  if (existing !== undefined && read.addOnly === true) {
    idIssues.push({ message: ADD_ONLY_RESUBMITTED, xpath: idXpath });
  } else if (existing !== undefined && existing.status === 'Posted') {
    // A posted journal cannot be replaced through Submit (it would need a reversal).
    idIssues.push({ message: CANNOT_BE_RESUBMITTED, xpath: idXpath });
  } else if (requestedId !== undefined && tenant.imports.isImporting(requestedId)) {
    // An import of this journal is still running: its document exists.
    idIssues.push({ message: ADD_ONLY_RESUBMITTED, xpath: idXpath });
  }
  // The order Workday reports them in: the request, the ID, the header, the lines, the balance.
  const onRequest = read.headerIssues.filter((issue) => issue.xpath === input.requestXpath);
  const issues = [
    ...onRequest,
    ...idIssues,
    ...read.headerIssues.filter((issue) => issue.xpath !== input.requestXpath),
    ...read.lineIssues.flat(),
    ...(read.balanceIssue === undefined ? [] : [read.balanceIssue]),
  ];
  if (issues.length > 0 || read.draft === undefined) throw validationFault(issues);
  input.authorize();

  const nowMs = input.context.now();
  const journal = journalRecord(tenant, read.draft, requestedId, existing, nowMs);
  tenant.journals.put(journal);
  return renderResponse(journal, read.companyName, input.version, warningsFor(journal, nowMs));
}
