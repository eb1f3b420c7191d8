/**
 * The validation messages Workday publishes for Submit_Accounting_Journal, verbatim
 * (workday-soap-schema.md, "Validation messages Workday publishes"). Bracketed parts of the
 * published templates are filled in by the functions.
 */

/** Add_Only and an Accounting_Journal_ID already used. */
export const ADD_ONLY_RESUBMITTED =
  'The Web Service is set to Add Only; documents cannot be resubmitted.';

/** Submit_Accounting_Journal's line limit. */
export const MAX_SUBMIT_LINES = 1000;
export const TOO_MANY_LINES =
  'The Submit Accounting Journal WS does not accept journals with more than 1000 journal lines. ' +
  'Please reduce the size of your journals to less than 1000 lines and resubmit your request.';

export const CANNOT_BE_RESUBMITTED =
  'The Accounting Journal is posted or canceled or is an intercompany or reversal journal and cannot be submitted.';
export const NO_LINES = 'Please enter at least one Journal Details line.';
export const UNBALANCED = 'Journal may not be submitted unless it is balanced';
export const CURRENCY_NOT_COMPANY_DEFAULT =
  'If the currency is specified, it must match the default currency for the company.';
export const BOTH_AMOUNTS = 'The Credit and Debit Amount both have values.';
export const BOTH_ZERO = 'The Credit and Debit Amounts are both zero.';
export const ONE_WORKTAG_PER_TYPE = 'Only one worktag of each type is allowed';
export const RETIRED_ACCOUNT =
  'At least one of the Ledger Accounts entered is retired. Only non retired accounts are allowed.';

/** "Decimal precision of [precision] for [currency] exceeded for Debit Amount: [amount]". */
export function decimalPrecisionExceeded(
  precision: number,
  currency: string,
  side: 'Debit' | 'Credit',
  amount: string,
): string {
  return `Decimal precision of ${precision} for ${currency} exceeded for ${side} Amount: ${amount}`;
}
