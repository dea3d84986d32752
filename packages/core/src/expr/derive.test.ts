import { describe, expect, it } from 'vitest';
import { DnnInputError } from '../errors.js';
import { derive } from './derive.js';
import { evaluate } from './evaluate.js';
import { parseExpression } from './parse.js';
import { exprToText } from './print.js';
import { fromExpr, toExpr } from './simplify.js';

const d = (src: string, x: string, functions: string[] = []) =>
  exprToText(toExpr(derive(fromExpr(parseExpression(src, 'e', { functions })), x)));
const simplified = (src: string) => exprToText(toExpr(fromExpr(parseExpression(src))));

describe('derive: rubric short forms (each derived by hand)', () => {
  it.each([
    // exam line 2160: power rule term by term
    ['x^4 - 32*x^2 + y^4 - 18*y^2', 'x', '4*x^3 - 64*x'],
    // exam line 2523: max(u, 0) = relu(u), relu′ = step
    ['max(w*x, 0)', 'x', 'step(w*x)*w'],
    // exam line 2537: ∂(w·x + x)/∂x = w + 1
    ['max(w*x + x, 0)', 'x', 'step(w*x + x)*(w + 1)'],
    // exam line 3361: 3(w1 − w2)² − 4w1 + 2w1
    ['(w1 - w2)^3 - 2*(w1^2 - w2) + w1^2 + w2^2', 'w1', '3*(w1 - w2)^2 - 2*w1'],
    // σ′ = σ(1 − σ); the quotient 1/(1 + e^−z) gives e^−z/(1 + e^−z)²
    ['1/(1 + e^(-z))', 'z', 'exp(-z)/(1 + exp(-z))^2'],
    ['σ(a*x)', 'x', 'sigmoid(a*x)*(1 - sigmoid(a*x))*a'],
    ['tanh(x)', 'x', '1 - tanh(x)^2'],
    ['x³/9 + 2x/3', 'x', 'x^2/3 + 2/3'],
    ['abs(x) + step(x) + sign(x)', 'x', 'sign(x)'],
    ['ln(x) + sqrt(x)', 'x', '1/x + 1/(2*sqrt(x))'],
    ['x + R(x)', 'x', "1 + R'(x)"],
    ["R'(w*x)", 'x', "R''(w*x)*w"],
  ])('d/d%s: %s → %s', (src, x, expected) => {
    expect(d(src, x, ['R'])).toBe(expected);
  });

  it('keeps a chain rule factored: the skip connection of exam line 141 with relu′ = 1 is (w2*w3 + 1)*w1*x', () => {
    const definitions = new Map(
      Object.entries({
        F: 'w1*relu(w0*x)',
        yp: 'F + x',
        y: 'relu(yp)',
        G: 'relu(w2*y)*w3',
        zp: 'G + y',
        z: 'relu(zp)',
      }).map(([k, v]) => [k, fromExpr(parseExpression(v))]),
    );
    const out = (relu: 'step' | 'one') =>
      exprToText(toExpr(derive(fromExpr(parseExpression('z')), 'w0', { definitions, reluDerivative: relu })));
    expect(out('one')).toBe('(w2*w3 + 1)*w1*x');
    expect(out('step')).toBe('step(zp)*(step(w2*y)*w2*w3 + 1)*step(yp)*w1*step(w0*x)*x');
  });
});

describe('simplify', () => {
  it.each([
    ['x*1 + 0', 'x'],
    ['0*y + x^1', 'x'],
    ['x*x*x', 'x^3'],
    ['2*x + 3*x - x', '4*x'],
    ['-(a + b)', '-a - b'],
    ['(x*y)^2', 'x^2*y^2'],
    ['x/y', 'x/y'],
    ['2^3 + ln(e) + exp(0)', '10'],
    ['sqrt(2)', 'sqrt(2)'],
  ])('%s → %s', (src, expected) => {
    expect(simplified(src)).toBe(expected);
  });
});

describe('expression language v2 (SOLVERS.md “Expression language, v2”)', () => {
  it.each([
    ['step(2) + step(0) + step(-1)', 1],
    ['sign(-3) + sign(0) + sign(5)', 0],
    ['σ(0)', 0.5],
    ['2·3 × 4 − 5', 19],
    ['2²  + 2³ + 2⁴ + 2¹⁰', 4 + 8 + 16 + 1024],
    ['4⁻¹', 0.25],
    ['-2²', -4],
  ])('%s = %d', (src, value) => {
    expect(evaluate(parseExpression(src), {})).toBeCloseTo(value, 12);
  });

  it('a prime needs a declared abstract function; an abstract function has no value', () => {
    expect(() => parseExpression("x'")).toThrow(DnnInputError);
    expect(() => parseExpression("f'(x)")).toThrow(/prime/);
    expect(() => evaluate(parseExpression('R(x)', 'e', { functions: ['R'] }), { x: 1 })).toThrow(/abstract/);
  });

  it('exprToText output parses back to the same tree shape and value', () => {
    for (const src of ['-x^2', '(-x)^2', 'a - (b - c)', 'a/(b*c)', 'x^(1/3)', '2^-1', 'max(x, -y)']) {
      const e = parseExpression(src);
      expect(evaluate(parseExpression(exprToText(e)), { x: 1.3, a: 2, b: 5, c: 7, y: 0.4 })).toBeCloseTo(
        evaluate(e, { x: 1.3, a: 2, b: 5, c: 7, y: 0.4 }),
        12,
      );
    }
  });
});
