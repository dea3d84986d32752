/** Eigenvalues of a small symmetric matrix (a Hessian) with their worked steps. */
import {
  add,
  eq,
  frac,
  mul,
  num,
  pow,
  type Step,
  step,
  sub,
  sym,
  symmetricEigenvalues,
  type Tex,
  tex,
  vec,
} from '@dnn/core';

/** True when every off-diagonal entry is 0. */
function isDiagonal(H: readonly (readonly number[])[]): boolean {
  return H.every((row, i) => row.every((v, j) => i === j || v === 0));
}

/**
 * Eigenvalues of a symmetric matrix, ascending: read off a diagonal, the
 * closed form tr/2 ± √(((a − d)/2)² + b²) for 2×2 (exact where the numbers
 * allow), a numerical solver otherwise.
 */
export function symmetricEigen(H: readonly (readonly number[])[]): number[] {
  if (isDiagonal(H)) return H.map((row, i) => row[i] as number).sort((x, y) => x - y);
  if (H.length === 2) {
    const [[a = 0, b = 0] = [], [, d = 0] = []] = H;
    const r = Math.hypot((a - d) / 2, b);
    return [(a + d) / 2 - r, (a + d) / 2 + r];
  }
  return symmetricEigenvalues(H);
}

const sqrtTex = (x: Tex): Tex => tex(`√(${x.text})`, `\\sqrt{${x.latex}}`);

/** Steps deriving `eigenvalues` (ascending, from {@link symmetricEigen}) of the symmetric matrix `H`. */
export function eigenvalueSteps(H: readonly (readonly number[])[], eigenvalues: readonly number[]): Step[] {
  const n = H.length;
  const lambdas = vec(eigenvalues.map((l) => num(l)));
  if (n === 0) return [];
  if (isDiagonal(H)) {
    return [step('H is diagonal, so its eigenvalues are its diagonal entries (ascending)', eq(sym('λ'), lambdas))];
  }
  if (n === 2) {
    const [[a = 0, b = 0] = [], [, d = 0] = []] = H;
    const half = (a - d) / 2;
    const radius = Math.hypot(half, b);
    const pm = (x: Tex, y: Tex) => tex(`${x.text} ± ${y.text}`, `${x.latex} \\pm ${y.latex}`, 'sum');
    return [
      step(
        'Characteristic equation det(H − λI) = (a − λ)(d − λ) − b² = 0, so λ = (a + d)/2 ± √(((a − d)/2)² + b²)',
        eq(
          sym('λ'),
          pm(frac(add(a, d), 2), sqrtTex(add(pow(frac(sub(a, d), 2), 2), pow(b, 2)))),
          pm(num((a + d) / 2), sqrtTex(add(mul(half, half), mul(b, b)))),
          pm(num((a + d) / 2), num(radius)),
          lambdas,
        ),
      ),
    ];
  }
  return [step('Eigenvalues of the symmetric matrix H (computed numerically, ascending)', eq(sym('λ'), lambdas))];
}
