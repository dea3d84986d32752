import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDnnInputError } from '../errors.js';
import { evaluate } from './evaluate.js';
import { parseExpression } from './parse.js';
import { gradientAt, traceGradient } from './trace.js';

/** Random expressions in x and y with kinks and domain edges (√, ln, /, x^y, relu, abs, max) to hit every error. */
const rough: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', '0', '1', '-1', '2'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('sqrt', 'ln', 'abs', 'relu', 'exp', 'tanh'), tie('e')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `max(${a}, ${b})`),
  ),
})).e;

const point = fc.record({ x: fc.constantFrom(-1, 0, 0.5, 2), y: fc.constantFrom(-2, 0, 1, 3) });

/** The error `f` throws, or null. */
function thrown(f: () => unknown): Error | null {
  try {
    f();
    return null;
  } catch (e) {
    if (!isDnnInputError(e)) throw e;
    return e;
  }
}

describe('gradientAt', () => {
  it('gives traceGradient’s value and gradient, or its error; without derivativeOnly, evaluate fails the same way', () => {
    fc.assert(
      fc.property(rough, point, (src, at) => {
        const e = parseExpression(src);
        const r = gradientAt(e, at, 'f');
        const traceError = thrown(() => traceGradient(e, at, 'f'));
        if (traceError === null) {
          const t = traceGradient(e, at, 'f');
          expect(r.error).toBeUndefined();
          if (r.error) return;
          expect(Object.is(r.value, t.value)).toBe(true);
          expect(r.gradient).toEqual(t.gradient);
          return;
        }
        expect(r.error?.message).toBe(traceError.message);
        if (r.error && !r.derivativeOnly) expect(thrown(() => evaluate(e, at, 'f'))?.message).toBe(traceError.message);
      }),
      { numRuns: 1500 },
    );
  });

  it('tells a derivative’s error from a value’s', () => {
    // √x at 0: the value is 0, the derivative 1/(2√0) is not finite.
    const sqrt = gradientAt(parseExpression('sqrt(x)'), { x: 0 });
    expect(sqrt.error && sqrt.derivativeOnly).toBe(true);
    expect(sqrt.error?.message).toMatch(/is not differentiable here/);
    // x^y at x = 0: 0^2 = 0, but ∂/∂y = 0²·ln 0 needs a positive base.
    const power = gradientAt(parseExpression('x^y'), { x: 0, y: 2 });
    expect(power.error && power.derivativeOnly).toBe(true);
    // ln(−1) has no value: evaluate fails too.
    const ln = gradientAt(parseExpression('ln(x)'), { x: -1 });
    expect(ln.error && !ln.derivativeOnly).toBe(true);
    expect(() => evaluate(parseExpression('ln(x)'), { x: -1 })).toThrow(ln.error?.reason ?? 'no error');
  });
});
