import { describe, expect, it } from 'vitest';
import { DnnInputError } from '../errors.js';
import { evaluate } from './evaluate.js';
import { hessian } from './hessian.js';
import { parseExpression } from './parse.js';
import { exprToTex } from './print.js';
import { traceGradient } from './trace.js';

const val = (src: string, at: Record<string, number> = {}) => evaluate(parseExpression(src), at);

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DnnInputError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('parser: the grammar of SOLVERS.md', () => {
  it.each([
    ['-x^2', { x: 3 }, -9],
    ['2^3^2', {}, 512],
    ['2^-1', {}, 0.5],
    ['1 - 2 - 3', {}, -4],
    ['12 / 3 / 2', {}, 2],
    ['2x^2 + 3(x + 1)', { x: 2 }, 17],
    ['x² + y³', { x: 3, y: 2 }, 17],
    ['2·x − 1', { x: 3 }, 5],
    ['e^0 + pi - pi', {}, 1],
    ['log(e) + ln(1) + log2(8) + log10(1000)', {}, 7],
    ['max(1, 5, 3) + min(2, -1)', {}, 4],
    ['relu(-2) + relu(3) + abs(-4)', {}, 7],
    ['sigmoid(0) + tanh(0) + softplus(0)', {}, 0.5 + Math.log(2)],
    ['1.5e2 + .5', {}, 150.5],
  ])('%s = %s', (src, at, expected) => {
    expect(val(src, at)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['x + (y', /missing "\)" at character 7: x \+ \(y▸/],
    ['x + )', /unexpected "\)" at character 5/],
    ['foo(x)', /unknown function "foo" \(known: exp, .*\) at character 1/],
    ['x $ y', /unexpected character "\$" at character 3/],
    ['sin(x, y)', /sin takes one argument/],
    ['max(x)', /max takes at least two arguments/],
    ['', /empty/],
    ['x +', /ends too early/],
  ])('parse error for %j points at the character', (src, message) => {
    expect(reason(() => parseExpression(src))).toMatch(message);
  });

  it.each([
    ['log(x)', { x: -2 }, /log\(-2\) is undefined: log needs a positive argument \(at character 1\)/],
    ['1/(x - 1)', { x: 1 }, /division by zero/],
    ['x^0.5', { x: -4 }, /non-integer power/],
    ['exp(x)', { x: 1000 }, /overflows/],
    ['x + y', { x: 1 }, /the variable "y" has no value/],
  ])('domain error for %s', (src, at, message) => {
    expect(reason(() => val(src, at))).toMatch(message);
  });

  it('prints back with minimal parentheses', () => {
    const t = exprToTex(parseExpression('-(a + b)^2 / (c*d) - sigmoid(x)'));
    expect(t.text).toBe('(−(a + b)^2)/(c·d) − sigmoid(x)');
    expect(t.latex).toBe('\\frac{-{\\left(a + b\\right)}^{2}}{c \\cdot d} - \\sigma\\left(x\\right)');
  });
});

describe('traced reverse-mode gradient', () => {
  it('f = relu(a·x + b·y + c) at a=3, b=2, c=−5, x=2, y=3 (by hand: z = 7 > 0, so ∂f/∂a = x = 2, ∂f/∂x = a = 3, …)', () => {
    const r = traceGradient(parseExpression('relu(a*x + b*y + c)'), { a: 3, b: 2, c: -5, x: 2, y: 3 });
    expect(r.value).toBe(7);
    expect(r.gradient).toEqual({ a: 2, x: 3, b: 3, y: 2, c: 1 });
    const last = r.graph.at(-1);
    expect(last).toMatchObject({ op: 'relu', value: 7, grad: 1, localGrads: [1] });
  });

  it('a variable used twice accumulates both paths: d(x·x)/dx = 2x', () => {
    const r = traceGradient(parseExpression('x*x'), { x: 3 });
    expect(r.gradient.x).toBe(6);
    expect(r.graph.filter((n) => n.op === 'var')).toHaveLength(1);
  });

  it('relu′(0) = 0 and max passes the gradient to its first argument on a tie', () => {
    expect(traceGradient(parseExpression('relu(x)'), { x: 0 }).gradient.x).toBe(0);
    expect(traceGradient(parseExpression('max(x, y)'), { x: 1, y: 1 }).gradient).toEqual({ x: 1, y: 0 });
  });

  it('sigmoid at 3: σ′ = σ(1 − σ) (by hand)', () => {
    const s = 1 / (1 + Math.exp(-3));
    const r = traceGradient(parseExpression('1/(1 + e^(-z))'), { z: 3 });
    expect(r.value).toBeCloseTo(s, 15);
    expect(r.gradient.z).toBeCloseTo(s * (1 - s), 15);
  });

  it('sqrt is not differentiable at 0: an input error, not Infinity', () => {
    expect(reason(() => traceGradient(parseExpression('sqrt(x)'), { x: 0 }))).toMatch(/not differentiable/);
  });
});

describe('exact Hessian by hyper-dual numbers', () => {
  it('x⁴ − 32x² + y⁴ − 18y² at (4, 3): H = diag(12x² − 64, 12y² − 36) = diag(128, 72) by hand', () => {
    const r = hessian(parseExpression('x^4 - 32x^2 + y^4 - 18y^2'), { x: 4, y: 3 });
    expect(r.gradient).toEqual([0, 0]);
    expect(r.hessian).toEqual([
      [128, 0],
      [0, 72],
    ]);
  });

  it('2·x1·x2 + 3·x1 + 4·x2: H = [[0, 2], [2, 0]] everywhere; gradient (2x2 + 3, 2x1 + 4)', () => {
    const r = hessian(parseExpression('2*x1*x2 + 3*x1 + 4*x2'), { x1: 1, x2: 1 });
    expect(r.gradient).toEqual([5, 6]);
    expect(r.hessian).toEqual([
      [0, 2],
      [2, 0],
    ]);
  });

  it('mixed partials of a variable power: f = x^y, ∂²f/∂x∂y = x^(y−1)(1 + y ln x)', () => {
    const r = hessian(parseExpression('x^y'), { x: 2, y: 3 });
    expect(r.hessian[0]?.[1]).toBeCloseTo(4 * (1 + 3 * Math.log(2)), 12);
  });
});
