/**
 * Number formatting for steps (never for answers): trims float noise such as
 * 0.30000000000000004 to 0.3 while keeping 12 significant digits.
 */

/** Formats a number for a step's text: safe integers (|x| < 2^53) exactly, others to 12 significant digits, trimmed. */
export function fmt(x: number): string {
  // Most numbers in steps are integers: test for them first (−0 is one, and String(−0) is "0").
  if (Number.isSafeInteger(x)) return String(x);
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  const rounded = x.toPrecision(12);
  // Without an exponent, the 12 digits are in fixed notation, and so is the shortest form of the double they round
  // to (1e-6 ≤ |x| < 1e12): that form is the digits without trailing zeros, so no parse and print is needed.
  if (!rounded.includes('e')) return rounded.includes('.') ? trimZeros(rounded) : rounded;
  const trimmed = Number(rounded);
  return Object.is(trimmed, -0) ? '0' : String(trimmed);
}

/** `0.500000000000` → `0.5`, `2.00000000000` → `2`: trailing zeros of a fraction, and a bare point, dropped. */
function trimZeros(fixed: string): string {
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--;
  if (fixed.charCodeAt(end - 1) === 46) end--;
  return fixed.slice(0, end);
}

/** Formats a number for LaTeX: like {@link fmt}, with `×10^{k}` for exponents. */
export function fmtLatex(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return '\\infty';
  if (x === Number.NEGATIVE_INFINITY) return '-\\infty';
  return latexOfFormatted(fmt(x));
}

/** LaTeX of a number already formatted by {@link fmt} (finite): `1e-8` becomes `10^{-8}`. */
export function latexOfFormatted(s: string): string {
  if (!s.includes('e')) return s;
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(s);
  if (!m) return s;
  const exponent = Number(m[2]);
  return m[1] === '1' ? `10^{${exponent}}` : `${m[1]} \\times 10^{${exponent}}`;
}
