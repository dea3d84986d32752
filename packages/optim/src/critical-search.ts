/**
 * Numeric search for critical points (∇f = 0) of any smooth expression: damped Newton steps on the gradient,
 * with the exact hyper-dual Hessian, from a deterministic spread of starting points in a box. Finds maxima and
 * saddles as well as minima; proves nothing about completeness (optim/critical-points says so).
 */
import { compileHessian, DnnInputError, type Expr, solveAugmented } from '@dnn/core';
import { exprSize, HESSIAN_BUDGET } from './expression-input.js';

/** Starting points at most; iterations per start. */
const STARTS = 64;
const ITERATIONS = 60;

/** The Halton sequence's bases, one per dimension (cycled). */
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71];

/** Writes the i-th point of the Halton sequence in [0, 1)^n, scaled into `box`, to `x`. */
function haltonInto(x: Float64Array, i: number, box: readonly (readonly [number, number])[]): void {
  for (let d = 0; d < x.length; d++) {
    const base = PRIMES[d % PRIMES.length] as number;
    let f = 1;
    let r = 0;
    let k = i + 1;
    while (k > 0) {
      f /= base;
      r += f * (k % base);
      k = Math.floor(k / base);
    }
    const [lo, hi] = box[d] as readonly [number, number];
    x[d] = lo + r * (hi - lo);
  }
}

/**
 * `Math.hypot` of a vector's first `n` entries: the same call with the entries as separate arguments up to three (a
 * spread call per Newton step cost more than the 2×2 solve it measures).
 */
function hypot(v: Float64Array, n: number): number {
  if (n === 2) return Math.hypot(v[0] as number, v[1] as number);
  if (n === 3) return Math.hypot(v[0] as number, v[1] as number, v[2] as number);
  if (n === 1) return Math.hypot(v[0] as number);
  return Math.hypot(...v.subarray(0, n));
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
  // The Hessian compiled once, fed the coordinates directly: building a name → value record per step and looking
  // each name up in it cost as much as the evaluation. A name outside `vars` has no value: every start stops there.
  const { names, evaluateRaw } = compileHessian(expr, vars);
  const slots = Int32Array.from(names, (name) => vars.indexOf(name)); // one map (an SMI array from map() was two)
  if (slots.includes(-1)) return [];
  // Every step works in buffers made once per search: the point, the variables' values, the augmented system
  // [H | −∇f] (filled from the Hessian's raw buffers, solved in place) and the step. Building gradient and Hessian
  // arrays and solving on copies were half a step's time in allocation and GC; a centre such as [0, 0] that was
  // an SMI array, then written doubles, deopted this function ("wrong map", compiled 3× per batch thread).
  const x = new Float64Array(n);
  const values = new Float64Array(names.length);
  const w = n + 1;
  const system = new Float64Array(n * w);
  const delta = new Float64Array(n);
  const found: number[][] = [];
  const width = Math.max(...box.map(([lo, hi]) => hi - lo));
  for (let s = 0; s < starts; s++) {
    // Updated in place by each step (a start's point is copied out only when it stops moving).
    if (s === 0)
      for (let i = 0; i < n; i++)
        x[i] = ((box[i] as readonly [number, number])[0] + (box[i] as readonly [number, number])[1]) / 2;
    else haltonInto(x, s, box);
    for (let it = 0; it < ITERATIONS; it++) {
      let h: ReturnType<typeof evaluateRaw>;
      try {
        for (let k = 0; k < slots.length; k++) values[k] = x[slots[k] as number] as number;
        h = evaluateRaw(values);
      } catch {
        break; // left the domain (log of a negative, …): abandon this start
      }
      const norm = hypot(h.g, n);
      if (!Number.isFinite(norm)) break;
      if (norm <= 1e-12 * (1 + Math.abs(h.v))) {
        if (box.every(([lo, hi], i) => (x[i] as number) >= lo - 1e-9 && (x[i] as number) <= hi + 1e-9))
          found.push(Array.from(x));
        break;
      }
      // H is symmetric: `h` holds its upper triangle row by row.
      for (let r = 0, p = 0; r < n; r++) {
        for (let c = r; c < n; c++) {
          const v = h.h[p++] as number;
          system[r * w + c] = v;
          system[c * w + r] = v;
        }
        system[r * w + n] = -(h.g[r] as number);
      }
      try {
        solveAugmented(system, n, delta);
      } catch {
        break;
      }
      const size = hypot(delta, n);
      if (!Number.isFinite(size)) break;
      const scale = size > width / 4 ? width / 4 / size : 1;
      for (let i = 0; i < n; i++) x[i] = (x[i] as number) + scale * (delta[i] as number);
    }
  }
  const unique: number[][] = [];
  for (const p of found) {
    if (!unique.some((q) => q.every((v, i) => Math.abs(v - (p[i] as number)) <= 1e-6 * (1 + Math.abs(v)))))
      unique.push(p);
  }
  return unique;
}
