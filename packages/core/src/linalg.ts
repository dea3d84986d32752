/**
 * Small dense linear algebra on row-major `number[][]`, for hand-sized exam matrices: products, solves and
 * determinants in a few lines each (ml-matrix did these five operations for 1.4 MB installed and ~70 KB in a
 * bundle that used one `matmul`), capped iterations for eigenvalues.
 */
import { eigenvalues } from './eigen.js';
import { binaryExponent, ldexp, unitScaled } from './scale.js';

export { type Complex, eigenvalues } from './eigen.js';

/** Matrix product A·B (each entry summed in index order). */
export function matmul(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): number[][] {
  const inner = B.length;
  const cols = B[0]?.length ?? 0;
  return A.map((row) => {
    const out = new Array<number>(cols).fill(0);
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let k = 0; k < inner; k++) sum += (row[k] as number) * ((B[k] as readonly number[])[j] as number);
      out[j] = sum;
    }
    return out;
  });
}

/** Transpose. */
export function transpose(A: readonly (readonly number[])[]): number[][] {
  const cols = A[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => A.map((row) => row[j] as number));
}

/** Matrix-vector product A·x. */
export function matvec(A: number[][], x: number[]): number[] {
  // Plain loops (same left-to-right sums as a reduce): the recurrent solvers call this 10⁸ times at their limits.
  const out = new Array<number>(A.length);
  for (let i = 0; i < A.length; i++) {
    const row = A[i] as number[];
    let s = 0;
    for (let j = 0; j < row.length; j++) s += (row[j] as number) * (x[j] ?? 0);
    out[i] = s;
  }
  return out;
}

/**
 * Solves A·x = b by Gaussian elimination with partial pivoting for square A (throws on an exactly singular
 * matrix); an over-determined A (more rows than columns) is solved in the least-squares sense (AᵀA·x = Aᵀb).
 */
export function solveLinear(A: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = A[0]?.length ?? 0;
  if (A.length !== n) {
    const At = transpose(A);
    return solveLinear(matmul(At, A), matvec(At, [...b]));
  }
  // The augmented matrix in one Float64Array and the result a double array from its creation: copied rows
  // (`[...row, b[i]]`) were SMI or double arrays by their values, and each new kind deopted this function
  // ("wrong map", compiled 3× per batch thread).
  const w = n + 1;
  const m = new Float64Array(n * w);
  for (let r = 0; r < n; r++) {
    const row = A[r] as readonly number[];
    for (let k = 0; k < n; k++) m[r * w + k] = row[k] as number;
    m[r * w + n] = b[r] as number;
  }
  const x = new Array<number>(n).fill(Number.NaN); // every entry written by solveAugmented
  solveAugmented(m, n, x);
  return x;
}

/**
 * Solves the n×n system whose augmented rows [A | b] fill `m` row-major (n + 1 entries a row; overwritten) by
 * Gaussian elimination with partial pivoting, writing the solution to `x`; throws on an exactly singular matrix.
 * {@link solveLinear} is this on a copy; a loop solving thousands of small systems (a Newton search) calls it on
 * buffers of its own and allocates nothing per solve.
 */
export function solveAugmented(m: Float64Array, n: number, x: number[] | Float64Array): void {
  const w = n + 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * w + c] as number) > Math.abs(m[p * w + c] as number)) p = r;
    if (m[p * w + c] === 0) throw new Error('singular matrix');
    // Columns left of c are never read again: only c..n change places.
    if (p !== c)
      for (let k = c; k <= n; k++) {
        const t = m[c * w + k] as number;
        m[c * w + k] = m[p * w + k] as number;
        m[p * w + k] = t;
      }
    const pivot = c * w;
    for (let r = c + 1; r < n; r++) {
      const row = r * w;
      const f = (m[row + c] as number) / (m[pivot + c] as number);
      if (f !== 0) for (let k = c; k <= n; k++) m[row + k] = (m[row + k] as number) - f * (m[pivot + k] as number);
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const row = i * w;
    let sum = m[row + n] as number;
    for (let k = i + 1; k < n; k++) sum -= (m[row + k] as number) * (x[k] as number);
    x[i] = sum / (m[row + i] as number);
  }
}

/**
 * Determinant of a square matrix: the explicit formula up to 3×3, else elimination with partial pivoting. Each row is
 * first scaled by a power of two to max |entry| ≈ 1 and the powers are added as integers, so entries such as 1e200 or
 * 1e-200 give the right determinant whenever it is itself a float (±Infinity or 0 only when it is out of range).
 */
export function determinant(A: readonly (readonly number[])[]): number {
  const n = A.length;
  if (n === 0) return 1;
  let exponent = 0;
  const rows = A.map((row) => {
    const { scaled, exponent: k } = unitScaled([row]);
    exponent += k;
    return scaled[0] as number[];
  });
  return ldexp(unitDeterminant(rows), exponent);
}

/** The determinant of a matrix whose rows have max |entry| ≤ 1: the mantissa times 2^(exponent) kept apart. */
function unitDeterminant(m: number[][]): number {
  const n = m.length;
  const e = (i: number, j: number) => (m[i] as number[])[j] as number;
  if (n === 1) return e(0, 0);
  if (n === 2) return e(0, 0) * e(1, 1) - e(0, 1) * e(1, 0);
  if (n === 3) {
    return (
      e(0, 0) * (e(1, 1) * e(2, 2) - e(1, 2) * e(2, 1)) -
      e(0, 1) * (e(1, 0) * e(2, 2) - e(1, 2) * e(2, 0)) +
      e(0, 2) * (e(1, 0) * e(2, 1) - e(1, 1) * e(2, 0))
    );
  }
  let det = 1;
  let exponent = 0;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(e(r, c)) > Math.abs(e(p, c))) p = r;
    const pivot = m[p] as number[];
    if (pivot[c] === 0) return 0;
    if (p !== c) {
      [m[c], m[p]] = [pivot, m[c] as number[]];
      det = -det;
    }
    det *= pivot[c] as number;
    // Keep the running product near 1: its power of two moves into `exponent`.
    const k = binaryExponent(det);
    det = ldexp(det, -k);
    exponent += k;
    for (let r = c + 1; r < n; r++) {
      const row = m[r] as number[];
      const f = (row[c] as number) / (pivot[c] as number);
      for (let k2 = c; k2 < n; k2++) row[k2] = (row[k2] as number) - f * (pivot[k2] as number);
    }
  }
  return ldexp(det, exponent);
}

/**
 * Eigenvalues of a symmetric matrix, ascending, by cyclic Jacobi rotations on the matrix scaled by a power of two
 * (robust on subnormal and huge entries; an eigenvalue beyond the float range is ±Infinity).
 */
export function symmetricEigenvalues(A: readonly (readonly number[])[]): number[] {
  // Run on A/2^k with max |entry| ≈ 1: the squares below neither overflow (1e160 entries) nor underflow (1e-200).
  const { scaled, exponent } = unitScaled(A);
  return unitSymmetricEigenvalues(scaled).map((l) => ldexp(l, exponent));
}

function unitSymmetricEigenvalues(a: number[][]): number[] {
  const n = a.length;
  const at = (i: number, j: number) => (a[i] as number[])[j] as number;
  const set = (i: number, j: number, v: number) => {
    (a[i] as number[])[j] = v;
  };
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += at(i, i) ** 2;
      for (let j = i + 1; j < n; j++) off += at(i, j) ** 2;
    }
    if (off <= 1e-30 * diag || off < Number.MIN_VALUE) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (!Number.isFinite(t) || t === 0) {
          set(p, q, 0);
          set(q, p, 0);
          continue;
        }
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const [akp, akq] = [at(k, p), at(k, q)];
          set(k, p, c * akp - sn * akq);
          set(k, q, sn * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const [apk, aqk] = [at(p, k), at(q, k)];
          set(p, k, c * apk - sn * aqk);
          set(q, k, sn * apk + c * aqk);
        }
        set(p, q, 0);
        set(q, p, 0);
      }
    }
  }
  return a.map((row, i) => row[i] as number).sort((x, y) => x - y);
}

/** Spectral radius: the largest |eigenvalue|. */
export function spectralRadius(A: number[][]): number {
  return Math.max(0, ...eigenvalues(A).map((z) => Math.hypot(z.re, z.im)));
}

/** Spectral norm: the largest singular value, √λmax(AᵀA) (scaled so that no square overflows). */
export function spectralNorm(A: readonly (readonly number[])[]): number {
  const { scaled: B, exponent } = unitScaled(A);
  const cols = B[0]?.length ?? 0;
  const gram = Array.from({ length: cols }, (_, i) =>
    Array.from({ length: cols }, (_, j) => B.reduce((sum, row) => sum + (row[i] as number) * (row[j] as number), 0)),
  );
  return ldexp(Math.sqrt(Math.max(0, ...symmetricEigenvalues(gram))), exponent);
}

/** Integer matrix power A^k (k ≥ 0) by repeated squaring. */
export function matrixPower(A: number[][], k: number): number[][] {
  let result: number[][] = A.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  let base = A;
  for (let e = k; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = matmul(result, base);
    base = matmul(base, base);
  }
  return result;
}
