import { evaluate, parseExpression, runSolver, traceGradient } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPoints } from './critical-points.js';

/** A separable polynomial Σ over x, y of c4·v⁴ + c3·v³ + c2·v² + c1·v with small integer coefficients. */
const separable = fc
  .array(fc.integer({ min: -4, max: 4 }), { minLength: 8, maxLength: 8 })
  .map((c) =>
    ['x', 'y']
      .map((v, k) => `${c[4 * k]}*${v}^4 + ${c[4 * k + 1]}*${v}^3 + ${c[4 * k + 2]}*${v}^2 + ${c[4 * k + 3]}*${v}`)
      .join(' + '),
  );

/** Brute force: the smallest value of f on a grid of step 0.05 over [−6, 6]². */
function gridMinimum(src: string): number {
  const e = parseExpression(src);
  let best = Number.POSITIVE_INFINITY;
  for (let i = -120; i <= 120; i++)
    for (let j = -120; j <= 120; j++) best = Math.min(best, evaluate(e, { x: i / 20, y: j / 20 }));
  return best;
}

describe('optim/critical-points properties', () => {
  it('every listed point has a zero gradient by traced autodiff (an independent differentiation)', () => {
    fc.assert(
      fc.property(separable, (src) => {
        const answer = runSolver(criticalPoints, { expression: src }).answer;
        for (const p of answer.points) {
          const g = traceGradient(parseExpression(src), p.at).gradient;
          const scale = 1 + Math.max(...Object.values(p.at).map((v) => Math.abs(v) ** 3));
          for (const v of Object.values(g)) expect(Math.abs(v)).toBeLessThanOrEqual(1e-8 * scale);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a separable polynomial bounded below has its global minimum at or below the brute-force grid minimum', () => {
    fc.assert(
      fc.property(separable, (src) => {
        const answer = runSolver(criticalPoints, { expression: src }).answer;
        if (answer.boundedBelow !== true || !answer.globalMinimum) return;
        const min = evaluate(parseExpression(src), answer.globalMinimum);
        expect(min).toBeLessThanOrEqual(gridMinimum(src) + 1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it('unbounded below means the grid finds ever smaller values along the witness axis (f(±1000·e_i) < every critical value)', () => {
    fc.assert(
      fc.property(separable, (src) => {
        const answer = runSolver(criticalPoints, { expression: src }).answer;
        if (answer.boundedBelow !== false) return;
        const m = /as (\w+) → ([+−])∞/.exec(answer.reason);
        if (!m) return;
        const at = { x: 0, y: 0, [m[1] as string]: m[2] === '+' ? 1000 : -1000 };
        const far = evaluate(parseExpression(src), at);
        for (const p of answer.points) expect(far).toBeLessThan(p.value);
      }),
      { numRuns: 200 },
    );
  });
});
