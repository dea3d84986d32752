/**
 * Numeric search for critical points (∇f = 0) of any smooth expression: damped Newton steps on the gradient,
 * with the exact hyper-dual Hessian, from a deterministic spread of starting points in a box. Finds maxima and
 * saddles as well as minima; proves nothing about completeness (optim/critical-points says so).
 */
import { DnnInputError, type Expr, hessian, solveLinear } from '@dnn/core';
import { exprSize, HESSIAN_BUDGET } from './expression-input.js';

/** Starting points at most; iterations per start. */
const STARTS = 64;
const ITERATIONS = 60;

/** The i-th point of the Halton sequence in [0, 1)^n. */
function halton(i: number, n: number): number[] {
  const primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71];
  return Array.from({ length: n }, (_, d) => {
    const base = primes[d % primes.length] as number;
    let f = 1;
    let r = 0;
    let k = i + 1;
    while (k > 0) {
      f /= base;
      r += f * (k % base);
      k = Math.floor(k / base);
    }
    return r;
  });
}

/** Critical points found from starts spread over `box` (rows: [lo, hi] per variable of `vars`). */
export function newtonSearch(
  expr: Expr,
  vars: readonly string[],
  box: readonly (readonly [number, number])[],
): number[][] {
  const n = vars.length;
  const perEvaluation = ((n * (n + 1)) / 2) * exprSize(expr).evalCost;
  const starts = Math.min(STARTS, Math.floor((30 * HESSIAN_BUDGET) / (ITERATIONS * perEvaluation)));
  if (starts < 1) {
    throw new DnnInputError(
      'expression',
      'a numeric search for critical points of this expression would take too long; use fewer variables or a shorter expression',
    );
  }
  const found: number[][] = [];
  const centre = box.map(([lo, hi]) => (lo + hi) / 2);
  const width = Math.max(...box.map(([lo, hi]) => hi - lo));
  for (let s = 0; s < starts; s++) {
    let x =
      s === 0
        ? centre
        : halton(s, n).map((u, i) => (box[i]?.[0] as number) + u * ((box[i]?.[1] as number) - (box[i]?.[0] as number)));
    for (let it = 0; it < ITERATIONS; it++) {
      let h: ReturnType<typeof hessian>;
      try {
        h = hessian(expr, Object.fromEntries(vars.map((v, i) => [v, x[i] as number])), vars);
      } catch {
        break; // left the domain (log of a negative, …): abandon this start
      }
      const g = h.gradient;
      const norm = Math.hypot(...g);
      if (!Number.isFinite(norm)) break;
      if (norm <= 1e-12 * (1 + Math.abs(h.value))) {
        if (box.every(([lo, hi], i) => (x[i] as number) >= lo - 1e-9 && (x[i] as number) <= hi + 1e-9)) found.push(x);
        break;
      }
      let delta: number[];
      try {
        delta = solveLinear(
          h.hessian,
          g.map((v) => -v),
        );
      } catch {
        break;
      }
      const size = Math.hypot(...delta);
      if (!Number.isFinite(size)) break;
      const scale = size > width / 4 ? width / 4 / size : 1;
      x = x.map((v, i) => v + scale * (delta[i] as number));
    }
  }
  const unique: number[][] = [];
  for (const p of found) {
    if (!unique.some((q) => q.every((v, i) => Math.abs(v - (p[i] as number)) <= 1e-6 * (1 + Math.abs(v)))))
      unique.push(p);
  }
  return unique;
}
