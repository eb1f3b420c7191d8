import fc from 'fast-check';
import { ConnectorError } from '../../sdk/errors';
import {
  checkAmount,
  formatAmount,
  minorDigitsFor,
  parseAmount,
  sumAmounts,
} from '../../workday/money';

const PLAIN =
  'must be a plain decimal amount such as 1234.56: digits with an optional fraction (no currency symbols, separators, signs or exponents)';

describe('parseAmount()', () => {
  it.each([
    ['100', 2, 10000n],
    ['100.5', 2, 10050n],
    ['0.01', 2, 1n],
    ['  7.250 ', 2, 725n], // trailing zeros beyond the minor digits change nothing
    ['1.234', 3, 1234n],
  ] as const)('reads %j with %i minor digits as %s units', (value, digits, units) => {
    expect(parseAmount(value, digits, 'amount')).toBe(units);
  });

  it('reads numbers through their shortest decimal string, without float arithmetic', () => {
    expect(parseAmount(0.1, 2, 'a')).toBe(10n);
    expect(parseAmount(0.2, 2, 'a')).toBe(20n);
    expect(parseAmount(1234.56, 2, 'a')).toBe(123456n);
    expect(parseAmount(1e-2, 2, 'a')).toBe(1n);
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point: refused, never rounded.
    expect(() => parseAmount(0.1 + 0.2, 2, 'a')).toThrow(
      'has 17 decimal places; at most 2 are allowed',
    );
  });

  it.each([
    [Number.NaN, 'must be a finite number, not NaN'],
    [Number.POSITIVE_INFINITY, 'must be a finite number, not Infinity'],
    [-5, 'must be positive; put a negative amount in the other column (debit or credit)'],
    ['-0.01', 'must be positive; put a negative amount in the other column (debit or credit)'],
    [0, 'must be greater than zero'],
    ['0.00', 'must be greater than zero'],
    ['-0', 'must be greater than zero'],
    ['1.005', 'has 3 decimal places; at most 2 are allowed'],
    // One grammar for text, as the message says: no exponent, sign, or bare point.
    ['1e400', PLAIN],
    ['1e3', PLAIN],
    ['25E-2', PLAIN],
    ['+10', PLAIN],
    ['.5', PLAIN],
    ['10.', PLAIN],
    [1e-7, 'has 7 decimal places; at most 2 are allowed'],
    [1e21, 'is too large (at most 18 digits before the decimal point)'],
    ['1,000.00', PLAIN],
    ['$5', PLAIN],
    ['', 'must not be empty'],
    ['.', PLAIN],
  ] as const)('refuses %j: %s', (value, message) => {
    let caught: unknown;
    try {
      parseAmount(value, 2, 'lines.2.debit');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConnectorError);
    expect(caught).toMatchObject({
      code: 'invalid_input',
      message: `The amount "lines.2.debit" ${message}.`,
      details: { issues: [{ path: 'lines.2.debit', message }] },
    });
  });

  it('refuses decimals for a currency without minor units and names the currency', () => {
    expect(checkAmount('100.5', minorDigitsFor('JPY'), { currency: 'JPY' })).toEqual({
      ok: false,
      message: 'must be a whole number for JPY (no decimal places)',
    });
    expect(checkAmount('100', 0)).toEqual({ ok: true, units: 100n });
  });

  it('refuses values that are neither strings nor numbers', () => {
    expect(checkAmount(true, 2)).toEqual({
      ok: false,
      message: 'must be a decimal amount such as 100.25',
    });
  });
});

describe('minorDigitsFor()', () => {
  it('knows zero- and three-digit currencies and defaults to two', () => {
    expect(minorDigitsFor('JPY')).toBe(0);
    expect(minorDigitsFor('kwd')).toBe(3);
    expect(minorDigitsFor('BHD')).toBe(3);
    expect(minorDigitsFor('USD')).toBe(2);
    expect(minorDigitsFor('XYZ')).toBe(2);
  });
});

describe('formatAmount()', () => {
  it('renders exactly the minor digits', () => {
    expect(formatAmount(10050n, 2)).toBe('100.50');
    expect(formatAmount(5n, 2)).toBe('0.05');
    expect(formatAmount(-5n, 2)).toBe('-0.05');
    expect(formatAmount(7n, 0)).toBe('7');
    expect(formatAmount(1n, 3)).toBe('0.001');
    expect(formatAmount(0n, 2)).toBe('0.00');
  });

  it('round-trips with parseAmount for any positive unit count', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }),
        fc.constantFrom(0, 2, 3),
        (units, digits) => {
          expect(parseAmount(formatAmount(units, digits), digits, 'a')).toBe(units);
        },
      ),
    );
  });
});

describe('sumAmounts()', () => {
  it('adds exactly', () => {
    expect(sumAmounts([10n, 20n])).toBe(30n);
    expect(sumAmounts([])).toBe(0n);
    expect(sumAmounts([10n ** 18n, 10n ** 18n])).toBe(2n * 10n ** 18n);
  });
});

describe('checkAmount() on JSON numbers beyond double precision', () => {
  it('refuses a number whose digits a double cannot carry, instead of booking it changed', () => {
    // JSON.parse turns this text into 12345678901234568: the cents are already gone.
    const parsed: unknown = JSON.parse('12345678901234567.89');
    const check = checkAmount(parsed, 2);
    expect(check).toEqual({
      ok: false,
      message: expect.stringContaining('more than 15 significant digits'),
    });
    expect(checkAmount(2 ** 53 + 1, 0)).toMatchObject({ ok: false });
  });

  it('keeps accepting the same amount as a string, exactly', () => {
    expect(checkAmount('12345678901234567.89', 2)).toEqual({
      ok: true,
      units: 1234567890123456789n,
    });
  });

  it('accepts numbers up to 15 significant digits, and round ones beyond', () => {
    expect(checkAmount(9999999999999.99, 2)).toEqual({ ok: true, units: 999999999999999n });
    expect(checkAmount(1e17, 2)).toEqual({ ok: true, units: 10000000000000000000n });
  });
});
