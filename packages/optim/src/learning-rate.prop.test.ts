import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';

const coef = fc.integer({ min: -10, max: 10 });
const positive = fc.integer({ min: 1, max: 50 });

/** Runs gradient descent on ½·a·x² + b·x from x* + 1 and returns |x − x*| after n steps. */
function gdError(a: number, b: number, eta: number, n: number): number {
  let x = -b / a + 1; // one unit away from the minimum
  for (let k = 0; k < n; k++) x -= eta * (a * x + b);
  return Math.abs(x + b / a);
}

describe('optim/learning-rate properties', () => {
  it('gradient descent converges just below maxConvergent and diverges just above it (1-D, brute force)', () => {
    fc.assert(
      fc.property(positive, coef, (a, b) => {
        const { maxConvergent } = solve('optim/learning-rate', { expression: `${a}/2*x^2 + ${b}*x` }).answer as {
          maxConvergent: number;
        };
        expect(gdError(a, b, 0.95 * maxConvergent, 400)).toBeLessThan(1e-6);
        expect(gdError(a, b, 1.05 * maxConvergent, 400)).toBeGreaterThan(1);
      }),
    );
  });

  it('one step with the optimal rate reaches the minimum in 1-D', () => {
    fc.assert(
      fc.property(positive, coef, (a, b) => {
        const { optimal } = solve('optim/learning-rate', { expression: `${a}/2*x^2 + ${b}*x + 7` }).answer as {
          optimal: number;
        };
        expect(gdError(a, b, optimal, 1)).toBeLessThan(1e-12 * Math.max(1, Math.abs(b / a)));
      }),
    );
  });

  it('optimal and maxConvergent are 1/λmax and 2/λmax of the Hessian eigenvalues (2-D, ascending)', () => {
    fc.assert(
      fc.property(positive, coef, positive, (a, b, d) => {
        const ans = solve('optim/learning-rate', { expression: `${a}/2*x^2 + ${b}*x*y + ${d}/2*y^2` }).answer as {
          hessianEigenvalues: number[];
          optimal: number | null;
          maxConvergent: number | null;
        };
        const [l1, l2] = ans.hessianEigenvalues as [number, number];
        expect(l1).toBeLessThanOrEqual(l2);
        expect(l1 + l2).toBeCloseTo(a + d, 9);
        expect(ans.optimal).toBeCloseTo(1 / l2, 12);
        expect(ans.maxConvergent).toBeCloseTo(2 / l2, 12);
      }),
    );
  });

  it('every term of degree ≥ 3 is rejected, whatever the rest of the expression', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), coef, (n, c) => {
        expect(() => solve('optim/learning-rate', { expression: `x^2 + ${c}*y + 2*x^${n}` })).toThrow(
          new RegExp(`degree ${n}`),
        );
      }),
    );
  });
});
