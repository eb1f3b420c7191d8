import { ConnectorError } from '../sdk/errors';

/**
 * ISO 4217 minor-unit digits for currencies that differ from the usual 2. Any code not listed
 * uses {@link DEFAULT_MINOR_DIGITS}.
 */
export const CURRENCY_MINOR_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
};

/** Minor-unit digits of currencies missing from {@link CURRENCY_MINOR_DIGITS}. */
export const DEFAULT_MINOR_DIGITS = 2;

/** Largest number of digits before the decimal point we accept (a guess at Workday's limit). */
export const MAX_INTEGER_DIGITS = 18;

// Exponents only appear because JavaScript prints 1e-7 or 1e21 that way; far beyond the
// digit limits they can only be mistakes (and would make huge strings).
const MAX_EXPONENT = 40;

/** Significant decimal digits every double reproduces exactly (DBL_DIG). */
const MAX_EXACT_NUMBER_DIGITS = 15;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The one grammar of an amount written as text, as the messages say: digits, then optionally a
 * point and more digits; a leading minus is recognised only to say negatives go in the other
 * column. `1e3`, `+10`, `.5` and `10.` are refused. (Numbers are printed by JavaScript, which
 * may use an exponent, so they go through DECIMAL.)
 */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

const PLAIN_MESSAGE =
  'must be a plain decimal amount such as 1234.56: digits with an optional fraction (no currency symbols, separators, signs or exponents)';

/** Minor-unit digits of an ISO 4217 code (case-insensitive), e.g. 2 for USD, 0 for JPY. */
export function minorDigitsFor(currency: string): number {
  return CURRENCY_MINOR_DIGITS[currency.toUpperCase()] ?? DEFAULT_MINOR_DIGITS;
}

/** The outcome of {@link checkAmount}: minor units, or why the value is refused. */
export type AmountCheck = { ok: true; units: bigint } | { ok: false; message: string };

/** Options of {@link checkAmount}. */
export interface CheckAmountOptions {
  /** Currency code named in messages about decimal places. */
  currency?: string;
}

/**
 * Converts a positive decimal amount to integer minor units without floating-point arithmetic.
 * Numbers go through their shortest round-trip decimal string (`String(0.1)` is `"0.1"`), so
 * `0.1` is exactly 10 cents; a float such as `0.1 + 0.2` (`0.30000000000000004`) is refused for
 * having too many decimals rather than silently rounded, and a number with more significant
 * digits than a double holds exactly is refused: send large amounts as strings.
 */
export function checkAmount(
  value: unknown,
  minorDigits: number,
  options: CheckAmountOptions = {},
): AmountCheck {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      return { ok: false, message: `must be a finite number, not ${String(value)}` };
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
    if (text === '') return { ok: false, message: 'must not be empty' };
  } else {
    return { ok: false, message: 'must be a decimal amount such as 100.25' };
  }
  if (typeof value === 'string' && !PLAIN_DECIMAL.test(text))
    return { ok: false, message: PLAIN_MESSAGE };
  const match = DECIMAL.exec(text);
  const [, sign = '', intDigits = '', fracDigits = '', exponentText] = match ?? [];
  if (match === null || intDigits + fracDigits === '') return { ok: false, message: PLAIN_MESSAGE };
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT)
    return { ok: false, message: 'has an exponent out of range' };

  // Move the decimal point by the exponent, on the digit string.
  const digits = intDigits + fracDigits;
  const point = intDigits.length + exponent;
  const padded = point < 0 ? '0'.repeat(-point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 0);
  const integerPart = padded.slice(0, at).replace(/^0+/, '');
  const fractionPart = padded.slice(at).replace(/0+$/, '');

  if (integerPart === '' && fractionPart === '')
    return { ok: false, message: 'must be greater than zero' };
  if (sign === '-') {
    return {
      ok: false,
      message: 'must be positive; put a negative amount in the other column (debit or credit)',
    };
  }
  if (fractionPart.length > minorDigits) {
    const currency = options.currency === undefined ? '' : ` for ${options.currency}`;
    return {
      ok: false,
      message:
        minorDigits === 0
          ? `must be a whole number${currency} (no decimal places)`
          : `has ${fractionPart.length} decimal places; at most ${minorDigits} are allowed${currency}`,
    };
  }
  // A JSON number reaches us as a double: beyond 15 significant digits (DBL_DIG) its shortest
  // form may already differ from what the sender wrote (12345678901234567.89 arrives as
  // 12345678901234568), so such an amount is refused instead of booked changed.
  if (
    typeof value === 'number' &&
    digits.replace(/^0+/, '').replace(/0+$/, '').length > MAX_EXACT_NUMBER_DIGITS
  ) {
    return {
      ok: false,
      message: `has more than ${MAX_EXACT_NUMBER_DIGITS} significant digits, more than a JSON number carries exactly; send it as a string such as "12345678901234567.89"`,
    };
  }
  if (integerPart.length > MAX_INTEGER_DIGITS)
    return {
      ok: false,
      message: `is too large (at most ${MAX_INTEGER_DIGITS} digits before the decimal point)`,
    };
  return { ok: true, units: BigInt(integerPart + fractionPart.padEnd(minorDigits, '0')) };
}

/**
 * Parses a positive amount into integer minor units.
 * @param field dotted path of the field, used in the error (`lines.2.debit`)
 * @throws ConnectorError `invalid_input` with one issue naming `field` and what was expected
 * @example parseAmount('100.5', 2, 'amount') // 10050n
 */
export function parseAmount(value: string | number, minorDigits: number, field: string): bigint {
  const checked = checkAmount(value, minorDigits);
  if (checked.ok) return checked.units;
  throw new ConnectorError('invalid_input', `The amount "${field}" ${checked.message}.`, {
    details: { issues: [{ path: field, message: checked.message }] },
  });
}

/**
 * Renders minor units as a canonical decimal string with exactly `minorDigits` decimals.
 * @example formatAmount(10050n, 2) // '100.50'; formatAmount(-5n, 2) // '-0.05'; formatAmount(7n, 0) // '7'
 */
export function formatAmount(units: bigint, minorDigits: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(minorDigits + 1, '0');
  const split = digits.length - minorDigits;
  const text = minorDigits === 0 ? digits : `${digits.slice(0, split)}.${digits.slice(split)}`;
  return negative ? `-${text}` : text;
}

/** The exact sum of minor-unit amounts. */
export function sumAmounts(units: readonly bigint[]): bigint {
  return units.reduce((total, unit) => total + unit, 0n);
}
