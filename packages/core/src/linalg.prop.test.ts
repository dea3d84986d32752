import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from './linalg.js';

describe('symmetric eigenvalues (Jacobi) against the characteristic polynomial', () => {
  it('random symmetric 3×3: eigenvalues sum to the trace, multiply to the determinant, and det(H − λI) = 0', () => {
    const entry = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(entry, entry, entry, entry, entry, entry, (a, b, c, d, e, f) => {
        const H = [
          [a, b, c],
          [b, d, e],
          [c, e, f],
        ];
        const det3 = (M: number[][]) => {
          const [[p, q, r], [s, t, u], [v, w, x]] = M as [
            [number, number, number],
            [number, number, number],
            [number, number, number],
          ];
          return p * (t * x - u * w) - q * (s * x - u * v) + r * (s * w - t * v);
        };
        const ls = symmetricEigenvalues(H);
        const scale = Math.max(1, ...H.flat().map(Math.abs));
        expect(ls[0]).toBeLessThanOrEqual(ls[1] as number);
        expect(ls[1]).toBeLessThanOrEqual(ls[2] as number);
        expect(Math.abs(ls.reduce((x, y) => x + y, 0) - (a + d + f))).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(ls.reduce((x, y) => x * y, 1) - det3(H))).toBeLessThanOrEqual(1e-8 * scale ** 3);
        for (const l of ls) {
          const shifted = H.map((row, i) => row.map((v, j) => (i === j ? v - l : v)));
          expect(Math.abs(det3(shifted))).toBeLessThanOrEqual(1e-8 * scale ** 3);
        }
      }),
    );
  });

  it('subnormal entries do not crash (ml-matrix throws on this Hessian)', () => {
    expect(() =>
      symmetricEigenvalues([
        [0, 1e-323, 0],
        [1e-323, 2, 5e-324],
        [0, 5e-324, -1],
      ]),
    ).not.toThrow();
  });
});
