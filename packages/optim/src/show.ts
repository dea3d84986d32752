/**
 * Step display helpers for vectors and matrices: exam-sized values are shown in
 * full, large ones are abbreviated so a step never becomes megabytes of text.
 */
import { DnnInputError, matrix, type Tex, tex, vec, words } from '@dnn/core';

/** Most vector entries, or matrix cells, written out in a step. */
export const SHOW_MAX = 64;

/** A vector for a step (`null` shows as "undefined"); long vectors show their first entries. */
export function showVec(values: readonly (number | Tex | null)[]): Tex {
  const cell = (x: number | Tex | null) => (x === null ? words('undefined') : x);
  // numbers only (the usual case): handed over as they are, without a mapped copy (vec lifts each number itself)
  if (values.length <= SHOW_MAX) return vec(values.includes(null) ? values.map(cell) : (values as (number | Tex)[]));
  const head = vec([...values.slice(0, 8).map(cell), tex('…', '\\ldots')]); // \ldots: fewer KaTeX expansions than \dots
  return tex(`${head.text} (${values.length} values)`, `${head.latex}\\ (${values.length}\\text{ values})`);
}

/** A matrix for a step; large matrices show as their shape. */
export function showMat(rows: readonly (readonly (number | Tex | null)[])[]): Tex {
  const cols = rows[0]?.length ?? 0;
  if (rows.length * cols <= SHOW_MAX) {
    // numbers only (the usual case): no mapped copy of every row, matrix lifts each number itself
    if (!rows.some((r) => r.includes(null))) return matrix(rows as (number | Tex)[][]);
    return matrix(rows.map((r) => r.map((x) => (x === null ? words('undefined') : x))));
  }
  return words(`${rows.length}×${cols} matrix (too large to list)`);
}

/** A grid shown as a vector when it has one row, as a matrix otherwise. */
export function showRows(rows: readonly (readonly (number | null)[])[]): Tex {
  return rows.length === 1 ? showVec(rows[0] ?? []) : showMat(rows);
}

/** Throws an input error at `path` when a computed number overflowed float64. */
export function assertFinite(values: Iterable<number> | number, path: string, what: string): void {
  const all = typeof values === 'number' ? [values] : values;
  for (const v of all) {
    if (!Number.isFinite(v)) {
      throw new DnnInputError(path, `${what} overflows double precision (${v}); use smaller numbers`);
    }
  }
}
