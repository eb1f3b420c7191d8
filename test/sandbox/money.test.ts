import fc from 'fast-check';
import { formatAmount, parseAmount } from '../../sandbox/money';

describe('parseAmount()', () => {
  it.each([
    ['100', 2, 10000n],
    ['100.5', 2, 10050n],
    ['100.50', 2, 10050n],
    ['0.1', 2, 10n],
    ['1500', 0, 1500n],
    ['1500.000', 0, 1500n],
    ['12345678901234567890.12', 2, 1234567890123456789012n],
  ])('reads %s with %i minor digits as %s', (text, digits, minor) => {
    expect(parseAmount(text, digits)).toEqual({ ok: true, minor });
  });

  it.each([
    ['1.001', 2, 'digits'],
    ['1.5', 0, 'digits'],
    ['-1', 2, 'format'],
    ['1e3', 2, 'format'],
    ['', 2, 'format'],
    ['1.', 2, 'format'],
  ])('refuses %s with %i minor digits (%s)', (text, digits, reason) => {
    expect(parseAmount(text, digits)).toEqual({ ok: false, reason });
  });

  it('round-trips through formatAmount for any amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.integer({ min: 0, max: 4 }),
        (minor, digits) => {
          expect(parseAmount(formatAmount(minor, digits), digits)).toEqual({ ok: true, minor });
        },
      ),
    );
  });
});

describe('formatAmount()', () => {
  it('pads to the minor digits', () => {
    expect(formatAmount(5n, 2)).toBe('0.05');
    expect(formatAmount(15050n, 2)).toBe('150.50');
    expect(formatAmount(1500n, 0)).toBe('1500');
  });
});
