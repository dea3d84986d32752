/** Numbers written for LMS import files: plain decimals, never exponent notation. */

/**
 * `x` as a plain decimal with every digit JavaScript keeps (`3e-8` as
 * `0.00000003`), since Moodle's Cloze and GIFT number syntaxes are safest
 * without an exponent. `x` must be finite.
 */
export function decimalText(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const s = String(x);
  const match = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(s);
  if (!match) return s;
  const [, sign, lead, frac = '', exp] = match;
  const digits = lead + frac;
  const point = 1 + Number(exp); // position of the decimal point within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
