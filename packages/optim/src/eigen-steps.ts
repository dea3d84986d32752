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
  return jacobiEigenvalues(H);
}

/**
 * Eigenvalues of a symmetric matrix by cyclic Jacobi rotations, ascending.
 * Used instead of @dnn/core's symmetricEigenvalues (ml-matrix), which throws a
 * TypeError on some matrices with subnormal entries.
 */
export function jacobiEigenvalues(H: readonly (readonly number[])[]): number[] {
  const n = H.length;
  const a = H.map((row) => [...row]);
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
          const akp = at(k, p);
          const akq = at(k, q);
          set(k, p, c * akp - sn * akq);
          set(k, q, sn * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
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
