/** Small dense linear algebra on row-major `number[][]`, backed by ml-matrix. */
import {
  EigenvalueDecomposition,
  Matrix,
  determinant as mlDeterminant,
  solve as mlSolve,
  SingularValueDecomposition,
} from 'ml-matrix';

/** A complex number (eigenvalues of non-symmetric matrices). */
export interface Complex {
  re: number;
  im: number;
}

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

/** Eigenvalues, complex in general, sorted by real part then imaginary part. */
export function eigenvalues(A: number[][]): Complex[] {
  const e = new EigenvalueDecomposition(new Matrix(A));
  return e.realEigenvalues
    .map((re, i) => ({ re, im: e.imaginaryEigenvalues[i] ?? 0 }))
    .sort((a, b) => a.re - b.re || a.im - b.im);
}

/** Eigenvalues of a symmetric matrix, ascending. */
export function symmetricEigenvalues(A: number[][]): number[] {
  const e = new EigenvalueDecomposition(new Matrix(A), { assumeSymmetric: true });
  return [...e.realEigenvalues].sort((a, b) => a - b);
}

/** Spectral radius: the largest |eigenvalue|. */
export function spectralRadius(A: number[][]): number {
  return Math.max(0, ...eigenvalues(A).map((z) => Math.hypot(z.re, z.im)));
}

/** Spectral norm: the largest singular value. */
export function spectralNorm(A: number[][]): number {
  if (A.length === 0) return 0;
  return new SingularValueDecomposition(new Matrix(A), { autoTranspose: true }).norm2;
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
