import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { hessian } from './hessian.js';
import { parseExpression } from './parse.js';
import { exprToTex, exprToText } from './print.js';
import { traceGradient } from './trace.js';

/** Random smooth expressions in x and y (no kinks, no domain errors near the sample points). */
const smooth: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', '2', '0.5', '3'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc
      .tuple(fc.constantFrom('sin', 'cos', 'tanh', 'sigmoid', 'exp', 'softplus'), tie('e'))
      .map(([f, a]) => `${f}(${a} / 4)`),
    tie('e').map((a) => `(${a})^2`),
  ),
})).e;

const point = fc.record({
  x: fc.double({ min: -1, max: 1, noNaN: true }),
  y: fc.double({ min: -1, max: 1, noNaN: true }),
});

function centralDifference(src: string, at: Record<string, number>, name: string, h = 1e-5): number {
  const e = parseExpression(src);
  return (
    (evaluate(e, { ...at, [name]: (at[name] ?? 0) + h }) - evaluate(e, { ...at, [name]: (at[name] ?? 0) - h })) /
    (2 * h)
  );
}

/** Skips points where the expression overflows or is too steep for finite differences (e.g. exp(3^16/4)). */
function usable(src: string, at: Record<string, number>): boolean {
  try {
    return Math.abs(evaluate(parseExpression(src), at)) < 1e6;
  } catch {
    return false;
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * (1 + Math.abs(a) + Math.abs(b));

describe('expression properties', () => {
  it('the traced gradient equals central finite differences', () => {
    fc.assert(
      fc.property(smooth, point, (src, at) => {
        fc.pre(usable(src, at));
        const r = traceGradient(parseExpression(src), at);
        for (const [name, g] of Object.entries(r.gradient))
          expect(close(g, centralDifference(src, at, name))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the Hessian is symmetric and its gradient equals the traced one', () => {
    fc.assert(
      fc.property(smooth, point, (src, at) => {
        fc.pre(usable(src, at));
        const e = parseExpression(src);
        const h = hessian(e, at, ['x', 'y']);
        expect(h.hessian[0]?.[1]).toBe(h.hessian[1]?.[0]);
        const t = traceGradient(e, at);
        expect(close(h.gradient[0] ?? 0, t.gradient.x ?? 0)).toBe(true);
        expect(close(h.value, t.value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the Hessian equals finite differences of the traced gradient', () => {
    fc.assert(
      fc.property(smooth, point, (src, at) => {
        fc.pre(usable(src, at));
        const e = parseExpression(src);
        const h = hessian(e, at, ['x', 'y']).hessian;
        const step = 1e-5;
        const g = (dx: number) => traceGradient(e, { ...at, x: at.x + dx }).gradient;
        const fdxx = ((g(step).x ?? 0) - (g(-step).x ?? 0)) / (2 * step);
        const fdxy = ((g(step).y ?? 0) - (g(-step).y ?? 0)) / (2 * step);
        expect(close(h[0]?.[0] ?? 0, fdxx)).toBe(true);
        expect(close(h[0]?.[1] ?? 0, fdxy)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('printing then re-parsing gives the same value', () => {
    fc.assert(
      fc.property(smooth, point, (src, at) => {
        fc.pre(usable(src, at));
        const e = parseExpression(src);
        const again = parseExpression(exprToTex(e).text.replace(/−/g, '-').replace(/·/g, '*'));
        expect(close(evaluate(again, at), evaluate(e, at))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the parser never throws anything but an input error, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'xy1.e+-*/^()², abcsinmax'.split('')), maxLength: 30 }),
        (src) => {
          try {
            parseExpression(src);
          } catch (e) {
            expect((e as Error).name).toBe('DnnInputError');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('superscript exponents', () => {
  const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const superscript = (n: number) => [...String(n)].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');

  it('a run of superscript digits (with an optional ⁻) is one exponent: x²² is x^22, x⁻¹⁰ is x^-10, x⁴ is x^4', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000_000 }),
        fc.boolean(),
        fc.constantFrom('x', 'w_1', '(x + 1)', '2'),
        (n, neg, base) => {
          const written = `${base}${neg ? '⁻' : ''}${superscript(n)}`;
          // Same tree as the caret form (compared as printed, which spells out every node).
          expect(exprToText(parseExpression(written))).toBe(
            exprToText(parseExpression(`${base}^${neg ? '-' : ''}${n}`)),
          );
        },
      ),
      { numRuns: 200 },
    );
    expect(exprToText(parseExpression('x²²'))).toBe('x^22');
    expect(exprToText(parseExpression('x⁴ + y³'))).toBe('x^4 + y^3');
  });
});
