/**
 * Eigenvalues and determinants at extreme magnitudes (1e-300 … 1e300, subnormals), against an independent oracle:
 * the same small-integer matrix M unscaled, whose determinant is exact (BigInt) and whose characteristic polynomial
 * det(M − μI) is evaluated directly at μ = λ/s for each eigenvalue λ of s·M.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eigenvalues } from './eigen.js';
import { determinant, spectralNorm, symmetricEigenvalues } from './linalg.js';
import { ldexp } from './scale.js';

/** det of a 2×2 or 3×3 matrix by the explicit formula, exactly, on integers. */
function exactDet(M: readonly (readonly number[])[]): bigint {
  const e = (i: number, j: number) => BigInt((M[i] as number[])[j] as number);
  if (M.length === 2) return e(0, 0) * e(1, 1) - e(0, 1) * e(1, 0);
  return (
    e(0, 0) * (e(1, 1) * e(2, 2) - e(1, 2) * e(2, 1)) -
    e(0, 1) * (e(1, 0) * e(2, 2) - e(1, 2) * e(2, 0)) +
    e(0, 2) * (e(1, 0) * e(2, 1) - e(1, 1) * e(2, 0))
  );
}

/** det(M − μI) in floats on the unscaled M (entries ≤ 9, so no overflow). */
function charPoly(M: readonly (readonly number[])[], mu: number): number {
  const shifted = M.map((row, i) => row.map((v, j) => (i === j ? v - mu : v)));
  const e = (i: number, j: number) => (shifted[i] as number[])[j] as number;
  if (M.length === 2) return e(0, 0) * e(1, 1) - e(0, 1) * e(1, 0);
  return (
    e(0, 0) * (e(1, 1) * e(2, 2) - e(1, 2) * e(2, 1)) -
    e(0, 1) * (e(1, 0) * e(2, 2) - e(1, 2) * e(2, 0)) +
    e(0, 2) * (e(1, 0) * e(2, 1) - e(1, 1) * e(2, 0))
  );
}

const digit = fc.integer({ min: -9, max: 9 });
const symmetric = fc
  .integer({ min: 2, max: 3 })
  .chain((n) =>
    fc
      .array(digit, { minLength: n * n, maxLength: n * n })
      .map((d) =>
        Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => d[Math.min(i, j) * n + Math.max(i, j)] as number),
        ),
      ),
  );
const square = fc
  .integer({ min: 2, max: 3 })
  .chain((n) => fc.array(fc.array(digit, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));
/** A decimal scale 10^k (not a power of two, so the algorithm's own exact scaling is not the oracle). */
const scale = fc.oneof(fc.integer({ min: -300, max: -150 }), fc.integer({ min: 150, max: 300 })).map((k) => 10 ** k);

describe('eigenvalues at extreme magnitudes', () => {
  it('[[1, 2, 0], [2, 1, 0], [0, 0, 0]]·1e160 has eigenvalues −1e160, 0, 3e160 (by hand: 1 ± 2 and 0); Jacobi gave [0, 1e160, 1e160]', () => {
    const A = [
      [1e160, 2e160, 0],
      [2e160, 1e160, 0],
      [0, 0, 0],
    ];
    const expected = [-1e160, 0, 3e160];
    for (const got of [symmetricEigenvalues(A), eigenvalues(A).map((z) => z.re)]) {
      for (const [i, l] of expected.entries())
        expect(Math.abs((got[i] as number) - l)).toBeLessThanOrEqual(1e-12 * 3e160);
    }
  });

  it('each eigenvalue λ of s·M (symmetric, s = 10^±150…300) is a root of M’s characteristic polynomial at λ/s, and they sum to s·trace', () => {
    fc.assert(
      fc.property(symmetric, scale, (M, s) => {
        const A = M.map((r) => r.map((v) => v * s));
        const trace = M.reduce((t, r, i) => t + (r[i] as number), 0);
        for (const ls of [symmetricEigenvalues(A), eigenvalues(A).map((z) => z.re)]) {
          expect(ls.length).toBe(M.length);
          for (const l of ls) {
            expect(Number.isFinite(l)).toBe(true);
            // |p(μ)| ≤ tol·(scale of p's terms): entries ≤ 9, |μ| ≤ 27, so terms ≤ 36³.
            expect(Math.abs(charPoly(M, l / s))).toBeLessThanOrEqual(1e-9 * 36 ** 3);
          }
          expect(Math.abs(ls.reduce((a, b) => a + b, 0) / s - trace)).toBeLessThanOrEqual(1e-9 * 27);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('subnormal multiples s·M (s = 2^−1074 … 2^−1060) have the eigenvalues of M times s, to within the subnormal spacing', () => {
    // The eigenvalues of M itself are checked against its characteristic polynomial above; at s·M only about
    // log2(9·s/2^−1074) bits survive, so the tolerance is an absolute number of subnormal steps.
    fc.assert(
      fc.property(symmetric, fc.integer({ min: 0, max: 14 }), (M, k) => {
        const s = ldexp(Number.MIN_VALUE, k);
        const A = M.map((r) => r.map((v) => v * s));
        const expected = symmetricEigenvalues(M).map((l) => l * s);
        const got = symmetricEigenvalues(A);
        for (const [i, l] of expected.entries()) {
          expect(Math.abs((got[i] as number) - l)).toBeLessThanOrEqual(4 * Number.MIN_VALUE + 1e-9 * Math.abs(l));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('an eigenvalue beyond the float range is ±Infinity, never a wrong finite number', () => {
    // [[1, 1], [1, 1]]·1e308 has eigenvalues 0 and 2e308 (> Number.MAX_VALUE).
    const ls = symmetricEigenvalues([
      [1e308, 1e308],
      [1e308, 1e308],
    ]);
    expect(ls[0]).toBe(0);
    expect(ls[1]).toBe(Number.POSITIVE_INFINITY);
  });

  it('the spectral norm of s·M is s times that of M', () => {
    fc.assert(
      fc.property(square, scale, (M, s) => {
        const A = M.map((r) => r.map((v) => v * s));
        expect(Math.abs(spectralNorm(A) / s - spectralNorm(M))).toBeLessThanOrEqual(1e-9 * (1 + spectralNorm(M)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('determinants at extreme magnitudes', () => {
  it('diag(1e200, 1e-200) has determinant 1, and a 4×4 with rows of 1e300 … 1e-300 too (was Infinity or 0)', () => {
    expect(
      determinant([
        [1e200, 0],
        [0, 1e-200],
      ]),
    ).toBeCloseTo(1, 12);
    expect(
      determinant([
        [1e300, 1, 2, 3],
        [0, 1e-300, 0, 0],
        [0, 0, 1e200, 5],
        [0, 0, 0, 1e-200],
      ]),
    ).toBeCloseTo(1, 12);
  });

  it('det of rows scaled by s_i = 10^k_i is det(M)·∏s_i (exact BigInt det of M), whenever that is a float', () => {
    const rowScale = fc.integer({ min: -200, max: 200 }).map((k) => 10 ** k);
    fc.assert(
      fc.property(
        square,
        fc.array(rowScale, { minLength: 3, maxLength: 3 }),
        fc.array(fc.array(digit, { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 }),
        (M, scales, M4) => {
          for (const N of [M, M4]) {
            const A = N.map((r, i) => r.map((v) => v * (scales[i % 3] as number)));
            const d = Number(N.length === 4 ? exactDet4(N) : exactDet(N));
            // ∏ s_i as mantissa and decimal exponent, so the expected value is formed without overflow.
            const logS = N.reduce((t, _, i) => t + Math.log10(scales[i % 3] as number), 0);
            const got = determinant(A);
            if (d === 0) {
              expect(Math.abs(got)).toBeLessThanOrEqual(1e-9 * 10 ** Math.min(300, logS) * 9 ** N.length);
              continue;
            }
            if (Math.abs(logS + Math.log10(Math.abs(d))) > 300) continue;
            expect(Math.abs(got / 10 ** logS - d)).toBeLessThanOrEqual(1e-9 * 9 ** N.length * 24);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** det of a 4×4 integer matrix exactly, by cofactor expansion along the first row. */
function exactDet4(M: readonly (readonly number[])[]): bigint {
  let det = 0n;
  for (let j = 0; j < 4; j++) {
    const minor = M.slice(1).map((r) => r.filter((_, c) => c !== j));
    const term = BigInt((M[0] as number[])[j] as number) * exactDet(minor);
    det += j % 2 === 0 ? term : -term;
  }
  return det;
}
