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
  // Rows of doubles from the start, built by push: an array of small integers later given a double
  // (−0, or (a − c) / previous) changed its elements kind, and B.map's result is packed or holey
  // depending on whether the caller is optimized — each a "wrong map" deoptimization and a recompile.
  const M: Float64Array[] = [];
  for (let r = 0; r < R; r++) {
    const row = new Float64Array(R + 1);
    row.set(B[r] as readonly number[]);
    row[R] = b[r] as number;
    M.push(row);
  }
  let previous = 1;
  for (let k = 0; k < R; k++) {
    let p = k;
    while (p < R && (M[p] as Float64Array)[k] === 0) p++;
    if (p === R) return { kind: 'singular' };
    if (p !== k) {
      const swap = M[k] as Float64Array;
      M[k] = M[p] as Float64Array;
      M[p] = swap;
    }
    const pivotRow = M[k] as Float64Array;
    const pivot = pivotRow[k] as number;
    for (let i = 0; i < R; i++) {
      if (i === k) continue;
      const row = M[i] as Float64Array;
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
    const row = M[i] as Float64Array;
    if (row[i] === den) num.push(row[R] as number);
    else if (row[i] === -den) num.push(-(row[R] as number));
    else return { kind: 'overflow' };
  }
  return { kind: 'unique', num, den };
}
