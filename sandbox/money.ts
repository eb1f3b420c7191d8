const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Why an amount was refused, or its value in integer minor units. */
export type ParsedAmount = { ok: true; minor: bigint } | { ok: false; reason: 'format' | 'digits' };

/**
 * Parses a non-negative decimal (`100`, `100.5`, `100.50`) into integer minor units of a
 * currency with `minorDigits` decimals. BigInt keeps sums exact; floats never touch money.
 * Guess: negative amounts are refused (Workday's exact rule is not public).
 */
export function parseAmount(text: string, minorDigits: number): ParsedAmount {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return { ok: false, reason: 'format' };
  const whole = match[1]!;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > minorDigits) return { ok: false, reason: 'digits' };
  const scaled = whole + fraction.padEnd(minorDigits, '0');
  return { ok: true, minor: BigInt(scaled) };
}

/** Formats integer minor units with exactly `minorDigits` decimals (`12345n, 2` -> `123.45`). */
export function formatAmount(minor: bigint, minorDigits: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(minorDigits + 1, '0');
  const whole = digits.slice(0, digits.length - minorDigits);
  const fraction = minorDigits > 0 ? `.${digits.slice(digits.length - minorDigits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
