/** Small dense linear algebra on row-major `number[][]`: ml-matrix for products and solves, capped iterations for eigenvalues. */
import { Matrix, determinant as mlDeterminant, solve as mlSolve } from 'ml-matrix';
import { eigenvalues } from './eigen.js';

export { type Complex, eigenvalues } from './eigen.js';

/** Matrix product A·B. */
export function matmul(A: number[][], B: number[][]): number[][] {
  return new Matrix(A).mmul(new Matrix(B)).to2DArray();
}

/** Transpose. */
export function transpose(A: number[][]): number[][] {
  return new Matrix(A).transpose().to2DArray();
}

/** Matrix-vector product A·x. */
export function matvec(A: number[][], x: number[]): number[] {
  return A.map((row) => row.reduce((s, a, j) => s + a * (x[j] ?? 0), 0));
}

/** Solves A·x = b for square, non-singular A (least squares otherwise). */
export function solveLinear(A: number[][], b: number[]): number[] {
  return mlSolve(new Matrix(A), Matrix.columnVector(b)).getColumn(0);
}

/** Determinant of a square matrix. */
export function determinant(A: number[][]): number {
  return mlDeterminant(new Matrix(A));
}

/**
 * Eigenvalues of a symmetric matrix, ascending, by cyclic Jacobi rotations
 * (robust where ml-matrix's symmetric solver throws, e.g. on subnormal entries).
 */
export function symmetricEigenvalues(A: readonly (readonly number[])[]): number[] {
  const n = A.length;
  const a = A.map((row) => [...row]);
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
  const m = Math.max(0, ...A.map((row) => Math.max(0, ...row.map(Math.abs))));
  if (m === 0) return 0;
  const B = A.map((row) => row.map((v) => v / m));
  const cols = B[0]?.length ?? 0;
  const gram = Array.from({ length: cols }, (_, i) =>
    Array.from({ length: cols }, (_, j) => B.reduce((sum, row) => sum + (row[i] as number) * (row[j] as number), 0)),
  );
  return m * Math.sqrt(Math.max(0, ...symmetricEigenvalues(gram)));
}

/** Integer matrix power A^k (k ≥ 0) by repeated squaring. */
export function matrixPower(A: number[][], k: number): number[][] {
  let result = Matrix.eye(A.length);
  let base = new Matrix(A);
  for (let e = k; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = result.mmul(base);
    base = base.mmul(base);
  }
  return result.to2DArray();
}
