/** optim/regularization against a 1-D numeric minimiser and finite differences. */
import { runSolver } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularization } from './regularization.js';

const run = (input: unknown) => runSolver(regularization, input);

/** Golden-section search for the minimum of a convex f on [lo, hi]. */
function goldenMin(f: (x: number) => number, lo: number, hi: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let [a, b] = [lo, hi];
  for (let i = 0; i < 200; i++) {
    const c = b - r * (b - a);
    const d = a + r * (b - a);
    if (f(c) <= f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

const value = fc.double({ min: -5, max: 5, noNaN: true });
const problem = fc.record({
  kind: fc.constantFrom('l1', 'l2'),
  alpha: fc.double({ min: 0, max: 5, noNaN: true }),
  quadraticForm: fc.constantFrom('half', 'full'),
  penaltyForm: fc.constantFrom('alpha', 'full-l2'),
  rows: fc.array(fc.record({ h: fc.double({ min: 0.1, max: 10, noNaN: true }), t: value }), {
    minLength: 1,
    maxLength: 5,
  }),
});

/** The per-weight objective, written straight from the forms' definitions. */
function objective(kind: string, alpha: number, qf: string, pf: string, h: number, t: number) {
  const c = qf === 'half' ? 0.5 : 1;
  return (x: number) =>
    c * h * (x - t) ** 2 + (kind === 'l1' ? alpha * Math.abs(x) : (pf === 'alpha' ? alpha / 2 : alpha) * x * x);
}

describe('optim/regularization properties', () => {
  it('the closed form equals a golden-section minimisation of each 1-D objective', () => {
    fc.assert(
      fc.property(problem, ({ kind, alpha, quadraticForm, penaltyForm, rows }) => {
        const pf = kind === 'l1' ? 'alpha' : penaltyForm;
        const a = run({
          kind,
          alpha,
          quadraticForm,
          penaltyForm: pf,
          hessianDiagonal: rows.map((r) => r.h),
          optimum: rows.map((r) => r.t),
        }).answer;
        for (const [i, { h, t }] of rows.entries()) {
          const f = objective(kind, alpha, quadraticForm, pf, h, t);
          const x = goldenMin(f, -Math.abs(t) - 1, Math.abs(t) + 1);
          const got = a.solution?.[i] as number;
          expect(Math.abs(got - x)).toBeLessThan(1e-6);
          expect(f(got)).toBeLessThanOrEqual(f(x) + 1e-12);
        }
      }),
    );
  });

  it('L1: at α = threshold the weight is 0, just below it the minimiser is not 0', () => {
    fc.assert(
      fc.property(problem, ({ quadraticForm, rows }) => {
        const base = {
          kind: 'l1' as const,
          quadraticForm,
          hessianDiagonal: rows.map((r) => r.h),
          optimum: rows.map((r) => r.t),
        };
        const threshold = run({ ...base, alpha: 0 }).answer.threshold as number[];
        for (const [i, { h, t }] of rows.entries()) {
          const th = threshold[i] as number;
          if (th < 1e-3) continue;
          const at = run({ ...base, alpha: th }).answer.solution?.[i];
          expect(at).toBe(0);
          const below = 0.9 * th;
          const x = goldenMin(objective('l1', below, quadraticForm, 'alpha', h, t), -Math.abs(t) - 1, Math.abs(t) + 1);
          expect(Math.abs(x)).toBeGreaterThan(1e-6);
        }
      }),
    );
  });

  it('the step view equals w − lr·(central finite difference of loss + penalty)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('l1', 'l2'),
        fc.constantFrom('alpha', 'full-l2'),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.array(fc.record({ w: value.filter((v) => Math.abs(v) > 1e-3), g: value }), { minLength: 1, maxLength: 5 }),
        (kind, penaltyForm, alpha, lr, rows) => {
          const pf = kind === 'l1' ? 'alpha' : penaltyForm;
          const w = rows.map((r) => r.w);
          const g = rows.map((r) => r.g);
          // The loss is linear with gradient g at w; the penalty from its definition.
          const total = (x: number[]) =>
            x.reduce((s, xi, i) => s + (g[i] as number) * xi, 0) +
            (kind === 'l1'
              ? alpha * x.reduce((s, xi) => s + Math.abs(xi), 0)
              : (pf === 'alpha' ? alpha / 2 : alpha) * x.reduce((s, xi) => s + xi * xi, 0));
          const a = run({ kind, alpha, penaltyForm: pf, weights: w, gradient: g, lr }).answer;
          const eps = 1e-6;
          for (let i = 0; i < w.length; i++) {
            const plus = w.map((v, j) => (j === i ? v + eps : v));
            const minus = w.map((v, j) => (j === i ? v - eps : v));
            const fd = (total(plus) - total(minus)) / (2 * eps);
            expect(Math.abs((a.updated?.[i] as number) - ((w[i] as number) - lr * fd))).toBeLessThan(1e-6);
          }
        },
      ),
    );
  });
});
