/** Exact rational arithmetic (fraction.js) and its exact linear-system solver. */
import Fraction from 'fraction.js';

export { Fraction };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** Largest denominator {@link toFraction} recovers from a float that a fraction was rounded to. */
const RECOVER_DENOMINATOR = 1_000_000n;

/**
 * The exact fraction of the decimal a finite number prints as, whatever its
 * magnitude: 0.1 → 1/10, 1e-7 → 1/10000000, 5e-324 included — except a number
 * whose decimal runs to 15 or more significant digits and that is exactly the
 * float64 of a fraction p/q with q ≤ 10⁶: that is p/q (0.1111111111111111 → 1/9),
 * so a fraction given as text (`"1/9"`, read into a float) stays exact.
 */
export function toFraction(x: number): Fraction {
  const m = DECIMAL.exec(String(x));
  if (!m) throw new RangeError(`toFraction: ${x} is not a finite number`);
  const [, sign, whole, fractional = '', exponent = '0'] = m;
  const digits = BigInt(`${sign}${whole}${fractional}`);
  const scale = Number(exponent) - fractional.length;
  if (scale >= 0) return new Fraction(digits * 10n ** BigInt(scale), 1n);
  const d = 10n ** BigInt(-scale);
  if (`${whole}${fractional}`.replace(/^0+/, '').length >= 15) {
    const recovered = smallFractionOf(x, digits, d);
    if (recovered) return recovered;
  }
  return new Fraction(digits, d);
}

/**
 * The convergent p/q (q ≤ {@link RECOVER_DENOMINATOR}) of n/d whose float64 is exactly x, if any. Any such
 * fraction is a convergent: |x − p/q| < 2⁻⁵²·|x| < 1/(2q²) (Legendre), and n/d is within half an ulp of x.
 */
function smallFractionOf(x: number, n: bigint, d: bigint): Fraction | undefined {
  const negative = n < 0n;
  let a = negative ? -n : n;
  let b = d;
  let [p0, q0, p1, q1] = [0n, 1n, 1n, 0n];
  while (b !== 0n) {
    const t = a / b;
    [p0, p1] = [p1, t * p1 + p0];
    [q0, q1] = [q1, t * q1 + q0];
    if (q1 > RECOVER_DENOMINATOR) return undefined;
    const p = negative ? -p1 : p1;
    if (Number(p) / Number(q1) === x) return new Fraction(p, q1);
    [a, b] = [b, a - t * b];
  }
  return undefined;
}

/** The catalog's fraction string: `"14/3"`, integers as `"3"`. */
export function fractionString(f: Fraction): string {
  return f.toFraction();
}

/** Outcome of {@link solveExact}. */
export type ExactSolveResult =
  | { kind: 'unique'; x: Fraction[] }
  /** `free`: indices of unknowns left free (a solution exists but is not unique). */
  | { kind: 'underdetermined'; free: number[] }
  /** `conflicting`: indices of equations that contradict the others. */
  | { kind: 'inconsistent'; conflicting: number[] };

/**
 * Solves A·x = b exactly by Gauss–Jordan elimination over the rationals.
 * Reports free unknowns or contradicting equations instead of guessing.
 */
export function solveExact(A: Fraction[][], b: Fraction[]): ExactSolveResult {
  const rows = A.length;
  const cols = A[0]?.length ?? 0;
  // Augmented rows, each remembering which original equations were combined into it.
  const m = A.map((row, i) => ({ cells: [...row, b[i] ?? new Fraction(0)], origin: new Set([i]) }));
  const pivotCols: number[] = [];
  let r = 0;
  for (let c = 0; c < cols && r < rows; c++) {
    const p = m.findIndex((row, i) => i >= r && !row.cells[c]?.equals(0));
    if (p < 0) continue;
    [m[r], m[p]] = [m[p] as (typeof m)[number], m[r] as (typeof m)[number]];
    const pivotRow = m[r] as (typeof m)[number];
    const pivot = pivotRow.cells[c] as Fraction;
    pivotRow.cells = pivotRow.cells.map((v) => v.div(pivot));
    for (const [i, row] of m.entries()) {
      const factor = row.cells[c] as Fraction;
      if (i === r || factor.equals(0)) continue;
      row.cells = row.cells.map((v, j) => v.sub(factor.mul(pivotRow.cells[j] as Fraction)));
      for (const o of pivotRow.origin) row.origin.add(o);
    }
    pivotCols.push(c);
    r++;
  }
  const conflict = m.find((row, i) => i >= r && !row.cells[cols]?.equals(0));
  if (conflict) return { kind: 'inconsistent', conflicting: [...conflict.origin].sort((a, b) => a - b) };
  if (pivotCols.length < cols) {
    return { kind: 'underdetermined', free: [...Array(cols).keys()].filter((c) => !pivotCols.includes(c)) };
  }
  const x: Fraction[] = Array(cols);
  pivotCols.forEach((c, i) => {
    x[c] = m[i]?.cells[cols] as Fraction;
  });
  return { kind: 'unique', x };
}
