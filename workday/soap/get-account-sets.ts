import { referenceDescriptor, referenceId } from './references';
import { parseResponseResults, parseXmlBoolean } from './response-results';
import type { ResponseResults } from './response-results';
import { buildPagedGetRequest, readResponseData } from './paged-get';
import { child, childText, children } from './xml';
import type { XmlObject } from './xml';

/** The operation name, used as the SOAPAction and in messages. */
export const GET_ACCOUNT_SETS = 'Get_Account_Sets';

/** A ledger account within an account set. */
export interface LedgerAccount {
  /** Ledger_Account_Identifier: the ID used as `Ledger_Account_ID` in journal lines. */
  id: string;
  name?: string;
  /** The ledger account type descriptor or ID, when sent. */
  type?: string;
  retired: boolean;
}

/** An account set with its ledger accounts (Workday has no Get_Ledger_Accounts). */
export interface AccountSet {
  id: string;
  name?: string;
  ledgerAccounts: LedgerAccount[];
}

/** A page of account sets with Workday's counts. */
export interface AccountSetPage extends ResponseResults {
  accountSets: AccountSet[];
}

/** Renders a Get_Account_Sets request for one page (1-based). */
export function buildGetAccountSetsRequest(page: number, count: number, version: string): string {
  return buildPagedGetRequest(GET_ACCOUNT_SETS, page, count, version);
}

function parseLedgerAccount(node: XmlObject): LedgerAccount | undefined {
  const id = childText(node, 'Ledger_Account_Identifier');
  if (id === undefined) return undefined;
  const account: LedgerAccount = { id, retired: parseXmlBoolean(childText(node, 'Retired')) };
  const name = childText(node, 'Ledger_Account_Name');
  const typeReference = child(node, 'Ledger_Account_Type_Reference');
  const type =
    referenceId(typeReference, 'Ledger_Account_Type_ID') ?? referenceDescriptor(typeReference);
  if (name !== undefined) account.name = name;
  if (type !== undefined) account.type = type;
  return account;
}

function parseAccountSet(set: XmlObject): AccountSet | undefined {
  const setData = child(set, 'Account_Set_Data');
  const id =
    childText(setData, 'Account_Set_ID') ??
    referenceId(child(set, 'Account_Set_Reference'), 'Account_Set_ID');
  if (id === undefined) return undefined;
  const accountSet: AccountSet = {
    id,
    ledgerAccounts: children(setData, 'Ledger_Account_Data').flatMap(
      (node) => parseLedgerAccount(node) ?? [],
    ),
  };
  const name = childText(setData, 'Account_Set_Name');
  if (name !== undefined) accountSet.name = name;
  return accountSet;
}

/**
 * Reads `Get_Account_Sets_Response`: account sets and their ledger accounts. Sets or accounts
 * without an ID are skipped (they cannot be referenced in a journal anyway).
 */
export function parseGetAccountSetsResponse(response: XmlObject): AccountSetPage {
  return {
    ...parseResponseResults(response, GET_ACCOUNT_SETS),
    accountSets: readResponseData(response, 'Account_Set', parseAccountSet),
  };
}
