/**
 * Gordan's alternative, decided exactly: for integer vectors a₁…a_m either some
 * u has aᵢ·u > 0 for every i, or some λ ≥ 0, λ ≠ 0 has Σ λᵢ aᵢ = 0 — never both.
 *
 * Method: phase 1 of the simplex method on λ ≥ 0, Σ λᵢ aᵢ = 0, Σ λᵢ = 1
 * (Bland's rule, so it terminates). The pivoting runs in floating point for
 * speed; the final basis is then re-solved in exact rationals (fractions) and
 * the resulting u or λ is checked exactly in integers. If that check fails
 * (round-off chose a wrong basis), the float pivoting is retried on a
 * perturbed right-hand side, and only then is the whole simplex rerun in
 * fractions. Cost: a float pivot is O(rows · (d + 1)); the fraction rerun is
 * the slow path (≈ 20 s at 2¹² rows), reached by no table seen in testing
 * once the perturbation is tried.
 */
import { Fraction, solveExact } from '@dnn/core';
import { solveIntegerSystem } from './integer-solve.js';

/** Outcome of {@link gordan}: integer `u` with every aᵢ·u > 0, or integer multipliers λ ≥ 0 with Σ λᵢ aᵢ = 0. */
export type GordanResult = { kind: 'solution'; u: number[] } | { kind: 'certificate'; lambda: number[] };

/** A row of the simplex tableau: a Float64Array for floats (one elements kind from the start), an array of fractions. */
type Vec<T> = { [j: number]: T; readonly length: number };

interface Field<T> {
  of(x: number): T;
  /** A row of n entries, to be filled. */
  vector(n: number): Vec<T>;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  /** −1, 0 or 1 (floating point: within a tolerance). */
  sign(a: T): number;
  /**
   * row[j] −= factor · pivot[j] for every j ≤ last where pivot[j] is not zero by sign(): the pivoting's inner
   * loop, written out per field so that floats run it without a call per entry.
   */
  eliminate(row: Vec<T>, factor: T, pivot: Readonly<Vec<T>>, last: number): void;
}

const EPS = 1e-9;
/** Right-hand-side offsets tried, in turn, when the unperturbed float basis does not verify. */
const PERTURBATIONS = [1e-7, 1e-5];
const floats: Field<number> = {
  of: (x) => x,
  vector: (n) => new Float64Array(n),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  sign: (a) => (a > EPS ? 1 : a < -EPS ? -1 : 0),
  eliminate(row, factor, pivot, last) {
    for (let j = 0; j <= last; j++) {
      const p = pivot[j] as number;
      if (p > EPS || p < -EPS) row[j] = (row[j] as number) - factor * p;
    }
  },
};
const fractions: Field<Fraction> = {
  of: (x) => new Fraction(x),
  vector: (n) => new Array<Fraction>(n),
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  sign: (a) => a.compare(0),
  eliminate(row, factor, pivot, last) {
    for (let j = 0; j <= last; j++) {
      const p = pivot[j] as Fraction;
      if (p.compare(0) !== 0) row[j] = (row[j] as Fraction).sub(factor.mul(p));
    }
  },
};

/**
 * Phase-1 simplex (Bland's rule) for A·x = rhs, x ≥ 0, with rhs ≥ 0 and one
 * artificial variable per row (columns m … m+R−1). Returns the final basis.
 */
function phaseOneBasis<T>(F: Field<T>, A: readonly Float64Array[], rhs: Float64Array): number[] {
  const R = A.length;
  const m = A[0]?.length ?? 0;
  const width = m + R;
  // Rows and cost filled by index into F.vector rows (Float64Array for floats), not built from spreads
  // of maps: small integers first and doubles later changed the elements kind, and a map is packed or
  // holey depending on the caller's tier — "wrong map" deoptimizations, phaseOneBasis compiled 3×.
  const rows: Vec<T>[] = [];
  for (let r = 0; r < R; r++) {
    const a = A[r] as Float64Array;
    const row = F.vector(width + 1);
    for (let j = 0; j < m; j++) row[j] = F.of(a[j] as number);
    for (let k = 0; k < R; k++) row[m + k] = F.of(k === r ? 1 : 0);
    row[width] = F.of(rhs[r] as number);
    rows.push(row);
  }
  // Reduced costs of the phase-1 objective Σ artificials (c_B = 1 for every starting basic).
  const cost = F.vector(width + 1);
  for (let j = 0; j <= width; j++) {
    if (j >= m && j < width) {
      cost[j] = F.of(0);
      continue;
    }
    let sum = F.of(0);
    for (let r = 0; r < R; r++) sum = F.add(sum, (rows[r] as Vec<T>)[j] as T);
    cost[j] = j === width ? sum : F.sub(F.of(0), sum);
  }
  const basis = Array.from({ length: R }, (_, r) => m + r);
  for (let iteration = 0; iteration < 100000; iteration++) {
    let enter = -1;
    for (let j = 0; j < width; j++) {
      if (F.sign(cost[j] as T) < 0) {
        enter = j;
        break;
      }
    }
    if (enter < 0) break;
    let leave = -1;
    let best: T | undefined;
    for (let r = 0; r < R; r++) {
      const a = (rows[r] as Vec<T>)[enter] as T;
      if (F.sign(a) <= 0) continue;
      const ratio = F.div((rows[r] as Vec<T>)[width] as T, a);
      const cmp = best === undefined ? -1 : F.sign(F.sub(ratio, best));
      if (cmp < 0 || (cmp === 0 && (basis[r] as number) < (basis[leave] as number))) {
        best = ratio;
        leave = r;
      }
    }
    if (leave < 0) break; // unbounded cannot happen for a phase-1 objective bounded below by 0
    const pivotRow = rows[leave] as Vec<T>;
    const pivot = pivotRow[enter] as T;
    for (let j = 0; j <= width; j++) pivotRow[j] = F.div(pivotRow[j] as T, pivot);
    for (let r = 0; r < R; r++) {
      const row = rows[r] as Vec<T>;
      const factor = row[enter] as T;
      if (row !== pivotRow && F.sign(factor) !== 0) F.eliminate(row, factor, pivotRow, width);
    }
    F.eliminate(cost, cost[enter] as T, pivotRow, width);
    basis[leave] = enter;
  }
  return basis;
}

/** Least common multiple of the denominators, then scaled to coprime integers. */
function toIntegers(values: Fraction[]): number[] {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  let lcm = 1n;
  for (const v of values) lcm = (lcm / gcd(lcm, v.d)) * v.d;
  const ints = values.map((v) => v.s * v.n * (lcm / v.d));
  const g = ints.reduce((acc, x) => gcd(acc, x), 0n);
  return ints.map((x) => Number(g === 0n ? x : x / g));
}

/** The coprime integer vector with the same direction as the integers `values` (all zero stays zero). */
function primitive(values: readonly number[]): number[] {
  const gcd = (x: number, y: number): number => (y === 0 ? Math.abs(x) : gcd(y, x % y));
  const g = values.reduce((acc, x) => gcd(acc, x), 0);
  return values.map((x) => (g === 0 ? x : x / g) + 0);
}

/** λ (or u) checked exactly in integers: a certificate, a separating solution, or undefined. */
function checked(vectors: number[][], kind: 'certificate' | 'solution', ints: number[]): GordanResult | undefined {
  if (kind === 'certificate') {
    const d = vectors[0]?.length ?? 0;
    const sumOk = Array.from({ length: d }, (_, c) =>
      vectors.reduce((s, a, i) => s + (ints[i] as number) * (a[c] as number), 0),
    );
    return ints.some((x) => x > 0) && sumOk.every((s) => s === 0) ? { kind: 'certificate', lambda: ints } : undefined;
  }
  const ok = vectors.every((a) => a.reduce((s, v, c) => s + v * (ints[c] as number), 0) > 0);
  return ok && ints.every(Number.isSafeInteger) ? { kind: 'solution', u: ints } : undefined;
}

/**
 * {@link fromBasis} in safe integers (fraction-free elimination): the same
 * rationals, so the same coprime λ or u. `overflow` when the integers do not
 * suffice (then the fraction version decides).
 */
function fromBasisIntegers(
  A: readonly Float64Array[],
  vectors: number[][],
  basis: readonly number[],
): GordanResult | undefined | 'overflow' {
  const R = A.length;
  const m = vectors.length;
  const B = A.map((row, r) => basis.map((j) => (j < m ? (row[j] as number) : j - m === r ? 1 : 0)));
  const primal = solveIntegerSystem(
    B,
    A.map((_, r) => (r === R - 1 ? 1 : 0)),
  );
  if (primal.kind === 'overflow') return 'overflow';
  if (primal.kind !== 'unique') return undefined;
  // x = num / den: scale by the sign of den so that signs are those of x.
  const sign = Math.sign(primal.den);
  const lambda = new Array<number>(m).fill(0);
  let artificial = false;
  primal.num.forEach((v, k) => {
    const j = basis[k] as number;
    if (j < m) lambda[j] = v * sign;
    else if (v !== 0) artificial = true;
  });
  if (!artificial && lambda.every((v) => v >= 0)) return checked(vectors, 'certificate', primitive(lambda));
  const BT = Array.from({ length: R }, (_, k) => Array.from({ length: R }, (_, r) => (B[r] as number[])[k] as number));
  const dual = solveIntegerSystem(
    BT,
    basis.map((j) => (j >= m ? 1 : 0)),
  );
  if (dual.kind === 'overflow') return 'overflow';
  if (dual.kind !== 'unique') return undefined;
  const dualSign = Math.sign(dual.den);
  return checked(vectors, 'solution', primitive(dual.num.slice(0, R - 1).map((y) => -y * dualSign)));
}

/** Reads u or λ off a basis exactly and checks it; undefined when the basis does not prove either. */
function fromBasis(A: readonly Float64Array[], vectors: number[][], basis: number[]): GordanResult | undefined {
  const fast = fromBasisIntegers(A, vectors, basis);
  if (fast !== 'overflow') return fast;
  const R = A.length;
  const m = vectors.length;
  const B = A.map((row, r) => basis.map((j) => new Fraction(j < m ? (row[j] as number) : j - m === r ? 1 : 0)));
  const rhs = A.map((_, r) => new Fraction(r === R - 1 ? 1 : 0));
  const primal = solveExact(B, rhs);
  if (primal.kind !== 'unique') return undefined;
  const lambda = Array.from({ length: m }, () => new Fraction(0));
  let artificial = new Fraction(0);
  primal.x.forEach((v, k) => {
    const j = basis[k] as number;
    if (j < m) lambda[j] = v;
    else artificial = artificial.add(v.abs());
  });
  if (artificial.equals(0) && lambda.every((v) => v.compare(0) >= 0)) {
    return checked(vectors, 'certificate', toIntegers(lambda));
  }
  // Infeasible: the phase-1 duals y solve Bᵀy = c_B; u = −y (without the last row's entry) separates.
  const BT = Array.from({ length: R }, (_, k) =>
    Array.from({ length: R }, (_, r) => (B[r] as Fraction[])[k] as Fraction),
  );
  const cB = basis.map((j) => new Fraction(j >= m ? 1 : 0));
  const dual = solveExact(BT, cB);
  if (dual.kind !== 'unique') return undefined;
  return checked(vectors, 'solution', toIntegers(dual.x.slice(0, R - 1).map((y) => y.neg())));
}

/**
 * Decides Gordan's alternative for integer vectors (all of one length d ≥ 1):
 * returns integer u with aᵢ·u > 0 for all i, or integer λ ≥ 0 (not all 0)
 * with Σ λᵢ aᵢ = 0. Both are verified exactly before they are returned.
 */
export function gordan(vectors: number[][]): GordanResult {
  const d = vectors[0]?.length ?? 0;
  // Rows: the d coordinates of Σ λᵢ aᵢ = 0, then Σ λᵢ = 1.
  const A: Float64Array[] = [];
  for (let c = 0; c <= d; c++) {
    const row = new Float64Array(vectors.length);
    for (let i = 0; i < vectors.length; i++) row[i] = c === d ? 1 : ((vectors[i] as number[])[c] as number);
    A.push(row);
  }
  const rhs = new Float64Array(d + 1);
  rhs[d] = 1;
  const fast = fromBasis(A, vectors, phaseOneBasis(floats, A, rhs));
  if (fast) return fast;
  // Degenerate tables (many rows on one face) can end the float pivoting in a basis that does not
  // verify: perturb the right-hand side (distinct small offsets, the classical anti-degeneracy
  // device) and try again, before the slow simplex in fractions (seconds per pivot-hundred at 2¹² rows).
  for (const eps of PERTURBATIONS) {
    const perturbed = fromBasis(
      A,
      vectors,
      phaseOneBasis(
        floats,
        A,
        rhs.map((v, r) => v + eps * 1.37 ** r),
      ),
    );
    if (perturbed) return perturbed;
  }
  const exact = fromBasis(A, vectors, phaseOneBasis(fractions, A, rhs));
  if (exact) return exact;
  throw new Error('internal error: the exact simplex ended in a basis that proves neither alternative');
}
