import { evaluate, parseExpression, runSolver } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivative } from './derivative.js';
import { centralDifference, randomExpr } from './random-expression.test-util.js';

/** A point in [−2, 2]³ shifted off the grid values fast-check favours. */
const point = fc
  .record({
    x: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
    y: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
    z: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  })
  .map(({ x, y, z }) => ({ x: x + 0.0123 * Math.SQRT2, y: y - 0.0111 * Math.PI, z: z + 0.007 * Math.E }));

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

describe('optim/derivative properties', () => {
  it('each derivative text, parsed back, agrees with central finite differences of f (definitions substituted)', () => {
    fc.assert(
      fc.property(randomExpr, randomExpr, point, (inner, outer, at) => {
        // f = outer(x, y, z) with x replaced by the definition u = inner(x, y, z): f(x) = outer(u, y, z).
        const src = outer.src.replace(/\bx\b/g, 'u');
        const input = { expression: src, definitions: { u: inner.src }, wrt: ['x', 'y', 'z'] };
        const solution = runSolver(derivative, input).answer;
        const f = (v: Record<string, number>) => outer.js({ ...v, x: inner.js(v) });
        for (const name of ['x', 'y', 'z']) {
          const text = solution.derivatives[name] as string;
          const env = { ...at, u: inner.js(at) };
          const symbolic = evaluate(parseExpression(text), env);
          const numeric = centralDifference(f, at, name);
          if (!near(symbolic, numeric, 1e-5)) throw new Error(`∂/∂${name} = ${text}: ${symbolic} vs ${numeric}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the Hessian texts, parsed back, agree with finite differences of the first derivatives', () => {
    fc.assert(
      fc.property(randomExpr, point, (e, at) => {
        const solution = runSolver(derivative, { expression: e.src, wrt: ['x', 'y'], order: 2 }).answer;
        const hessian = solution.hessian as string[][];
        ['x', 'y'].forEach((a, i) => {
          const first = parseExpression(solution.derivatives[a] as string);
          ['x', 'y'].forEach((b, j) => {
            const numeric = centralDifference((v) => evaluate(first, v), at, b);
            const symbolic = evaluate(parseExpression(hessian[i]?.[j] as string), at);
            expect(near(symbolic, numeric, 1e-5)).toBe(true);
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});
