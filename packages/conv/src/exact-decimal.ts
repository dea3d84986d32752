/**
 * Exact fractions from JSON numbers, for any magnitude. @dnn/core's
 * `toFraction` rejects numbers that print in exponent notation (1e-7,
 * 5e-324); this reads the shortest decimal of the number instead.
 */
import { Fraction } from '@dnn/core';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** The decimal a finite number prints as, as an exact fraction: 0.1 → 1/10, 1e-7 → 1/10000000. */
export function decimalFraction(x: number): Fraction {
  const m = DECIMAL.exec(String(x));
  if (!m) throw new RangeError(`decimalFraction: ${x} is not a finite number`);
  const [, sign, whole, fractional = '', exponent = '0'] = m;
  const digits = BigInt(`${sign}${whole}${fractional}`);
  const scale = Number(exponent) - fractional.length;
  return scale >= 0 ? new Fraction(digits * 10n ** BigInt(scale), 1n) : new Fraction(digits, 10n ** BigInt(-scale));
}
