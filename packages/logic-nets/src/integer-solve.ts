/**
 * Exact solution of a small square integer system without fractions:
 * fraction-free Gauss–Jordan elimination (Bareiss), every intermediate value
 * a minor of the matrix, kept in safe integers or given up on.
 */

/** Outcome of {@link solveIntegerSystem}: x = num / den exactly (den ≠ 0), or why not. */
export type IntegerSolveResult = { kind: 'unique'; num: number[]; den: number } | { kind: 'singular' | 'overflow' };

/**
 * Solves B·x = b for a square matrix of integers: `unique` with x = num / den,
 * `singular` when B is, `overflow` when an intermediate value would leave the
 * safe integers (the caller then solves in arbitrary-precision fractions).
 */
export function solveIntegerSystem(B: readonly (readonly number[])[], b: readonly number[]): IntegerSolveResult {
  const R = B.length;
  const M = B.map((row, r) => [...row, b[r] as number]);
  let previous = 1;
  for (let k = 0; k < R; k++) {
    let p = k;
    while (p < R && (M[p] as number[])[k] === 0) p++;
    if (p === R) return { kind: 'singular' };
    if (p !== k) [M[k], M[p]] = [M[p] as number[], M[k] as number[]];
    const pivotRow = M[k] as number[];
    const pivot = pivotRow[k] as number;
    for (let i = 0; i < R; i++) {
      if (i === k) continue;
      const row = M[i] as number[];
      const factor = row[k] as number;
      for (let j = 0; j <= R; j++) {
        if (j === k) continue;
        const a = pivot * (row[j] as number);
        const c = factor * (pivotRow[j] as number);
        const v = (a - c) / previous;
        if (
          !Number.isSafeInteger(a) ||
          !Number.isSafeInteger(c) ||
          !Number.isSafeInteger(a - c) ||
          !Number.isInteger(v)
        )
          return { kind: 'overflow' };
        row[j] = v;
      }
      row[k] = 0;
    }
    previous = pivot;
  }
  // Every diagonal entry is now ±det(B); x_i = M[i][R] / M[i][i], written over the last pivot.
  const den = previous;
  const num: number[] = [];
  for (let i = 0; i < R; i++) {
    const row = M[i] as number[];
    if (row[i] === den) num.push(row[R] as number);
    else if (row[i] === -den) num.push(-(row[R] as number));
    else return { kind: 'overflow' };
  }
  return { kind: 'unique', num, den };
}
