import { DnnInputError, matrixPower, spectralNorm } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixOf } from './arbitraries.test-util.js';
import { expectClose } from './checks.test-util.js';
import { solve } from './index.js';

/** A random orthogonal matrix: the product of two Householder reflections I − 2vvᵀ/(vᵀv). */
const orthogonal = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    )
    .map(([u, v]) => {
      const norm2 = (w: number[]) => w.reduce((s, x) => s + x * x, 0);
      const reflect = (w: number[]) => {
        const ww = norm2(w);
        return w.map((wi, i) => w.map((wj, j) => (i === j ? 1 : 0) - (2 * wi * wj) / ww));
      };
      const A = reflect(u);
      const B = reflect(norm2(v) > 1e-6 ? v : u);
      return A.map((row) => B[0]?.map((_, j) => row.reduce((s, a, k) => s + a * (B[k]?.[j] ?? 0), 0)) ?? []);
    }),
);

describe('rnn/gradient-flow properties', () => {
  it('a scaled orthogonal matrix a·Q has spectral radius |a|, the matching verdict and gain |a|^T', () => {
    fc.assert(
      fc.property(
        orthogonal,
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (Q, a, T) => {
          fc.pre(Math.abs(Math.abs(a) - 1) > 1e-6);
          const { answer } = solve('rnn/gradient-flow', { Whh: Q.map((r) => r.map((v) => a * v)), steps: T });
          expectClose(answer.spectralRadius, Math.abs(a), 1e-9);
          expect(answer.verdict).toBe(Math.abs(a) > 1 ? 'exploding' : 'vanishing');
          expectClose(answer.gain, Math.abs(a) ** T, 1e-8);
        },
      ),
    );
  });

  it('an orthogonal matrix is stable with gain 1', () => {
    fc.assert(
      fc.property(orthogonal, fc.integer({ min: 1, max: 200 }), (Q, T) => {
        const { answer } = solve('rnn/gradient-flow', { Whh: Q, steps: T });
        expect(answer.verdict).toBe('stable');
        expectClose(answer.gain, 1, 1e-8);
      }),
    );
  });

  it("the gain equals the spectral norm of @dnn/core's matrixPower(J, T) and is at least ρ^T", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => matrixOf(n, n)),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (W, T, a) => {
          const { answer } = solve('rnn/gradient-flow', { Whh: W, steps: T, activationGrad: a });
          const direct = spectralNorm(
            matrixPower(
              W.map((r) => r.map((v) => a * v)),
              T,
            ),
          );
          expect(Math.abs((answer.gain as number) - direct)).toBeLessThanOrEqual(1e-9 * (1 + direct));
          expect(answer.gain as number).toBeGreaterThanOrEqual(
            (answer.spectralRadius as number) ** T * (1 - 1e-6) - 1e-12,
          );
        },
      ),
    );
  });

  it('entries from 1e-300 to 1e308: an answer with finite numbers and no NaN or ∞ in any step, or an input error naming Whh', () => {
    const magnitude = fc.oneof(
      fc.constantFrom(0, 1e308, -1e308, 8e307, 1e200, 1e154, 1e-200, 5e-324),
      fc.double({ min: -1e308, max: 1e308, noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((n) => fc.array(fc.array(magnitude, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })),
        fc.integer({ min: 1, max: 50 }),
        (Whh, steps) => {
          let sol: ReturnType<typeof solve>;
          try {
            sol = solve('rnn/gradient-flow', { Whh, steps });
          } catch (e) {
            expect(e).toBeInstanceOf(DnnInputError);
            expect((e as DnnInputError).path).toBe('Whh');
            return;
          }
          expect(Number.isFinite(sol.answer.spectralRadius)).toBe(true);
          for (const st of sol.steps) {
            expect(`${st.text} ${st.latex ?? ''}`).not.toMatch(/NaN|Infinity|∞|\\infty/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the 1e200 all-ones 2×2 case: finite eigenvalues 2e200 and 0, and the characteristic step says its coefficients overflow', () => {
    // By hand: [[1,1],[1,1]] has eigenvalues 2 and 0; times 1e200 they are 2e200 and 0, but det = 1e400 − 1e400 is ∞ − ∞ in float64.
    const sol = solve('rnn/gradient-flow', {
      Whh: [
        [1e200, 1e200],
        [1e200, 1e200],
      ],
      steps: 1,
    });
    expect(sol.answer.spectralRadius).toBeCloseTo(2e200, -190);
    expect(sol.steps.map((s) => s.text).join(' ')).toMatch(/coefficients overflow float64/);
  });
});
