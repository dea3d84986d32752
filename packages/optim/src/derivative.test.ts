import { runSolver } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { derivative } from './derivative.js';
import { itRejects } from './input-errors.test-util.js';

const solveD = (input: unknown) => runSolver(derivative, input).answer;

describe('optim/derivative — exam lines', () => {
  it('line 2160: f = x⁴ − 32x² + y⁴ − 18y² — ∂f/∂x = 4x³ − 64x and a 2×2 Hessian of expressions (power rule by hand)', () => {
    const a = solveD({ expression: 'x^4 - 32*x^2 + y^4 - 18*y^2', order: 2 });
    expect(a.derivatives).toEqual({ x: '4*x^3 - 64*x', y: '4*y^3 - 36*y' });
    expect(a.hessian).toEqual([
      ['12*x^2 - 64', '0'],
      ['0', '12*y^2 - 36'],
    ]);
  });

  it('line 2160 at (2, 2): ∂f/∂x = 32 − 128 = −96, ∂f/∂y = 32 − 72 = −40 (by hand)', () => {
    const a = solveD({ expression: 'x⁴ − 32x² + y⁴ − 18y²', at: { x: 2, y: 2 } });
    expect(a.values).toEqual({ x: -96, y: -40 });
    expect(a.value).toBe(16 - 128 + 16 - 72);
  });

  it('line 141: with relu as written, the chain keeps each relu′ as step(·) and factors the skip term', () => {
    const a = solveD({
      expression: 'z',
      wrt: ['w0'],
      definitions: { F: 'w1*relu(w0*x)', yp: 'F + x', y: 'relu(yp)', G: 'relu(w2*y)*w3', zp: 'G + y', z: 'relu(zp)' },
    });
    expect(a.derivatives.w0).toBe('step(zp)*(step(w2*y)*w2*w3 + 1)*step(yp)*w1*step(w0*x)*x');
  });

  it('line 87: H = x + R(x) with R abstract gives 1 + R′(x); the LaTeX shows the prime', () => {
    const a = solveD({ expression: 'x + R(x)', functions: ['R'] });
    expect(a.derivatives.x).toBe("1 + R'(x)");
    expect(a.latex.x).toBe("1 + R'\\left(x\\right)");
  });

  it('line 2523: the derivative at a point agrees with the chain rule by hand (w = 2, x = 3: step(6)·2 = 2)', () => {
    expect(solveD({ expression: 'max(w*x, 0)', at: { w: 2, x: 3 } }).values).toEqual({ w: 3, x: 2 });
  });
});

describe('optim/derivative — bad input', () => {
  itRejects('optim/derivative', [
    ['an abstract function with a point', { expression: 'R(x)', functions: ['R'], at: { x: 1 } }, 'at', /abstract/],
    [
      'a definition that uses a later one',
      { expression: 'a', definitions: { a: 'b + 1', b: 'x' } },
      'definitions.a',
      /later/,
    ],
    ['a self-referencing definition', { expression: 'a', definitions: { a: 'a + x' } }, 'definitions.a', /itself/],
    ['a built-in as a function name', { expression: 'x', functions: ['exp'] }, 'functions[0]', /built-in/],
    ['wrt a definition', { expression: 'a', definitions: { a: 'x^2' }, wrt: ['a'] }, 'wrt[0]', /definition/],
    ['wrt twice', { expression: 'x', wrt: ['x', 'x'] }, 'wrt[1]', /twice/],
    ['a missing value in at', { expression: 'x*y', at: { x: 1 } }, 'at', /"y"/],
    ['a derivative undefined at the point', { expression: 'ln(x)', at: { x: 0 } }, 'expression', /ln\(0\)/],
    ['order 3', { expression: 'x', order: 3 }, 'order', /./],
    ['a prime on an undeclared function', { expression: "f'(x)" }, 'expression', /prime/],
  ]);

  it('a large product (60 factors, 8 variables, order 2) is solved or rejected within seconds, never hangs', () => {
    const big = Array.from({ length: 60 }, (_, i) => `sin(x${i % 7}*x)`).join('*');
    const t = Date.now();
    try {
      solveD({ expression: big, order: 2 });
    } catch (err) {
      expect((err as Error).name).toBe('DnnInputError');
    }
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('a deeply nested product is rejected as too large (budget), not computed for minutes', () => {
    const nested = Array.from({ length: 25 }, (_, i) => `(x${i % 5} + sin(x*y`).join('*') + ')'.repeat(50);
    const t = Date.now();
    try {
      solveD({ expression: nested, order: 2 });
    } catch (err) {
      expect((err as Error).name).toBe('DnnInputError');
    }
    expect(Date.now() - t).toBeLessThan(5000);
  });
});
