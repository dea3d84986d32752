import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDnnInputError } from '../errors.js';
import { derive } from './derive.js';
import { evaluate } from './evaluate.js';
import { hessian } from './hessian.js';
import { parseExpression } from './parse.js';
import { exprToText } from './print.js';
import { fromExpr, toExpr } from './simplify.js';
import { traceGradient } from './trace.js';

/** Random expressions in x and y: smooth functions, powers, quotients, and kinks (relu, abs, max) away from ties. */
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', '2', '0.5', '3', '-1', 'pi'),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e'))
      .map(([a, op, b]) => (op === '/' ? `(${a}) / (2 + (${b})^2)` : `(${a} ${op} ${b})`)),
    fc
      .tuple(fc.constantFrom('sin', 'cos', 'tanh', 'sigmoid', 'σ', 'exp', 'softplus', 'relu', 'abs', 'step'), tie('e'))
      .map(([f, a]) => `${f}(${a} / 4)`),
    fc.tuple(tie('e'), fc.constantFrom('^2', '^3', '²', '³')).map(([a, p]) => `(${a})${p}`),
    tie('e').map((a) => `max(${a}, 0)`),
    tie('e').map((a) => `sqrt(1 + (${a})^2)`),
  ),
})).e;

/**
 * Random points, shifted by irrational offsets so that no relu/abs/max/step argument is exactly 0 (a kink, where
 * the symbolic form and the traced gradient follow different documented tie conventions).
 */
const point = fc
  .record({
    x: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
    y: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  })
  .map(({ x, y }) => ({ x: x + 0.0123456789 * Math.SQRT2, y: y - 0.0098765 * Math.PI }));

/** The derivative as text (the solver's output form), parsed back. */
function derivativeText(src: string, x: string): string {
  return exprToText(toExpr(derive(fromExpr(parseExpression(src)), x)));
}

/**
 * Runs a property body, discarding the case (fc.pre) when the expression overflows float64 — nested cubes of pi
 * inside exp reach e^7458 — since then there is no value to compare (the evaluator and parser say so).
 */
function unlessOverflow(body: () => void): void {
  try {
    body();
  } catch (e) {
    if (isDnnInputError(e) && /overflows/.test(e.reason)) fc.pre(false);
    throw e;
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-7 * (1 + Math.abs(b));

describe('symbolic derivative (derive + simplify + exprToText)', () => {
  it('the derivative text, parsed back, equals the traced reverse-mode gradient at random points (kinks excepted)', () => {
    fc.assert(
      fc.property(expression, point, (src, at) => {
        unlessOverflow(() => {
          const traced = traceGradient(parseExpression(src), at);
          for (const x of ['x', 'y']) {
            const text = derivativeText(src, x);
            const value = evaluate(parseExpression(text), at);
            if (!close(value, traced.gradient[x] ?? 0)) {
              throw new Error(`∂/∂${x} of ${src} = ${text}: ${value} vs traced ${traced.gradient[x]}`);
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the printed simplified expression has the same value as the original', () => {
    fc.assert(
      fc.property(expression, point, (src, at) => {
        unlessOverflow(() => {
          const printed = exprToText(toExpr(fromExpr(parseExpression(src))));
          expect(close(evaluate(parseExpression(printed), at), evaluate(parseExpression(src), at))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('second derivatives, printed and parsed back, equal the hyper-dual Hessian', () => {
    fc.assert(
      fc.property(expression, point, (src, at) => {
        unlessOverflow(() => {
          const h = hessian(parseExpression(src), at, ['x', 'y']).hessian;
          const first = derive(fromExpr(parseExpression(src)), 'x');
          const dxy = evaluate(parseExpression(exprToText(toExpr(derive(first, 'y')))), at);
          const dxx = evaluate(parseExpression(exprToText(toExpr(derive(first, 'x')))), at);
          expect(close(dxy, h[0]?.[1] as number)).toBe(true);
          expect(close(dxx, h[0]?.[0] as number)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
