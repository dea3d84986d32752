import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { centralDifference, randomExpr, randomPoint, VARS } from './random-expression.test-util.js';

interface HessianOut {
  gradient: Record<string, number>;
  hessian: number[][];
  eigenvalues: number[];
  classification: string;
}
const hessianOf = (expression: string, at: Record<string, number>) =>
  solve('optim/hessian', { expression, at }).answer as unknown as HessianOut;
const gradientOf = (expression: string, at: Record<string, number>) =>
  solve('optim/gradient', { expression, at }).answer.gradient as Record<string, number>;

describe('optim/hessian properties', () => {
  it('the Hessian is symmetric', () => {
    fc.assert(
      fc.property(randomExpr, randomPoint, (e, at) => {
        const H = hessianOf(e.src, at).hessian;
        for (const [i, row] of H.entries()) for (const [j, v] of row.entries()) expect(v).toBe(H[j]?.[i]);
      }),
      { numRuns: 150 },
    );
  });

  it('the Hessian equals central differences of the (reverse-mode) gradient', () => {
    fc.assert(
      fc.property(randomExpr, randomPoint, (e, at) => {
        const H = hessianOf(e.src, at).hessian;
        VARS.forEach((row, i) => {
          VARS.forEach((col, j) => {
            const fd = centralDifference((p) => gradientOf(e.src, p)[row] as number, at, col);
            expect(Math.abs((H[i]?.[j] as number) - fd)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(fd)));
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the gradient equals optim/gradient’s', () => {
    fc.assert(
      fc.property(randomExpr, randomPoint, (e, at) => {
        const a = hessianOf(e.src, at).gradient;
        const b = gradientOf(e.src, at);
        for (const n of VARS)
          expect(Math.abs((a[n] as number) - (b[n] as number))).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(b[n] as number)),
          );
      }),
      { numRuns: 100 },
    );
  });

  it('eigenvalues are ascending, sum to the trace and multiply to the determinant (2×2)', () => {
    const entry = fc.integer({ min: -20, max: 20 });
    fc.assert(
      fc.property(entry, entry, entry, (a, b, d) => {
        // f = a/2·x² + b·x·y + d/2·y² has H = [[a, b], [b, d]] everywhere.
        const out = hessianOf(`${a}/2*x^2 + ${b}*x*y + ${d}/2*y^2`, { x: 0, y: 0 });
        const [l1, l2] = out.eigenvalues as [number, number];
        expect(l1).toBeLessThanOrEqual(l2);
        expect(l1 + l2).toBeCloseTo(a + d, 9);
        expect(l1 * l2).toBeCloseTo(a * d - b * b, 8);
      }),
    );
  });

  it('at the origin of a quadratic form the verdict follows the determinant and trace (Sylvester)', () => {
    const entry = fc.integer({ min: -20, max: 20 });
    fc.assert(
      fc.property(entry, entry, entry, (a, b, d) => {
        const det = a * d - b * b;
        const expected = det < 0 ? 'saddle' : det === 0 ? 'degenerate' : a > 0 ? 'minimum' : 'maximum';
        expect(hessianOf(`${a}/2*x^2 + ${b}*x*y + ${d}/2*y^2`, { x: 0, y: 0 }).classification).toBe(expected);
      }),
    );
  });
});
