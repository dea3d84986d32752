/** Exact rational arithmetic (fraction.js) and its exact linear-system solver. */
import Fraction from 'fraction.js';

export { Fraction };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The exact fraction of the decimal a finite number prints as, whatever its
 * magnitude: 0.1 → 1/10, 1e-7 → 1/10000000, 5e-324 included.
 */
export function toFraction(x: number): Fraction {
  const m = DECIMAL.exec(String(x));
  if (!m) throw new RangeError(`toFraction: ${x} is not a finite number`);
  const [, sign, whole, fractional = '', exponent = '0'] = m;
  const digits = BigInt(`${sign}${whole}${fractional}`);
  const scale = Number(exponent) - fractional.length;
  return scale >= 0 ? new Fraction(digits * 10n ** BigInt(scale), 1n) : new Fraction(digits, 10n ** BigInt(-scale));
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
