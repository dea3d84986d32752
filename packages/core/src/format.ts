/**
 * Number formatting for steps (never for answers): trims float noise such as
 * 0.30000000000000004 to 0.3 while keeping 12 significant digits.
 */

/** Formats a number for a step's text: safe integers (|x| < 2^53) exactly, others to 12 significant digits, trimmed. */
export function fmt(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  if (Object.is(x, -0) || x === 0) return '0';
  if (Number.isSafeInteger(x)) return String(x);
  const trimmed = Number(x.toPrecision(12));
  return Object.is(trimmed, -0) ? '0' : String(trimmed);
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
