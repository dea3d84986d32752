/**
 * The one-pass compiled Hessian against the definition it replaced: one hyper-dual pass per pair (r, c) over
 * `evaluateWith`, written out here as the oracle. Values must agree bit for bit and errors word for word,
 * on expressions that use every operation and often leave their domain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Expr, variables } from './ast.js';
import {
  type Algebra,
  binaryValue,
  domainError,
  evaluateWith,
  lookup,
  type Site,
  selectIndex,
  unaryValue,
} from './evaluate.js';
import { UNARY } from './functions.js';
import { compileHessian, hessian } from './hessian.js';
import { parseExpression } from './parse.js';

interface HyperDual {
  v: number;
  a: number;
  b: number;
  ab: number;
}

function chain(x: HyperDual, v: number, d1: number, d2: number, site: Site): HyperDual {
  const r = { v, a: d1 * x.a, b: d1 * x.b, ab: d1 * x.ab + d2 * x.a * x.b };
  if (![r.a, r.b, r.ab].every(Number.isFinite)) domainError(site, 'the function is not twice differentiable here');
  return r;
}

/** The hyper-dual algebra seeded with variable i in ε₁ and j in ε₂. */
function pairAlgebra(at: Readonly<Record<string, number>>, i: string, j: string): Algebra<HyperDual> {
  const times = (x: HyperDual, y: HyperDual, v: number) => ({
    v,
    a: x.a * y.v + x.v * y.a,
    b: x.b * y.v + x.v * y.b,
    ab: x.ab * y.v + x.a * y.b + x.b * y.a + x.v * y.ab,
  });
  return {
    constant: (v) => ({ v, a: 0, b: 0, ab: 0 }),
    variable: (name, site) => ({ v: lookup(at, name, site), a: name === i ? 1 : 0, b: name === j ? 1 : 0, ab: 0 }),
    binary: (op, x, y, site) => {
      const v = binaryValue(op, x.v, y.v, site);
      switch (op) {
        case '+':
          return { v, a: x.a + y.a, b: x.b + y.b, ab: x.ab + y.ab };
        case '-':
          return { v, a: x.a - y.a, b: x.b - y.b, ab: x.ab - y.ab };
        case '*':
          return times(x, y, v);
        case '/':
          return times(x, chain(y, 1 / y.v, -1 / y.v ** 2, 2 / y.v ** 3, site), v);
        case '^': {
          if (site.constantExponent) {
            const c = y.v;
            const d1 = c === 0 ? 0 : c === 1 ? 1 : c * x.v ** (c - 1);
            const d2 = c === 0 || c === 1 ? 0 : c === 2 ? 2 : c * (c - 1) * x.v ** (c - 2);
            return chain(x, v, d1, d2, site);
          }
          if (x.v <= 0) domainError(site, `a power with a variable exponent needs a positive base, not ${x.v}`);
          const lnx = chain(x, Math.log(x.v), 1 / x.v, -1 / x.v ** 2, site);
          return chain(times(y, lnx, y.v * lnx.v), v, v, v, site);
        }
      }
    },
    neg: (x) => ({ v: -x.v, a: -x.a, b: -x.b, ab: -x.ab }),
    unary: (fn, x, site) => chain(x, unaryValue(fn, x.v, site), UNARY[fn].d1(x.v), UNARY[fn].d2(x.v), site),
    select: (fn, args) =>
      args[
        selectIndex(
          fn,
          args.map((x) => x.v),
        )
      ] as HyperDual,
  };
}

/** The oracle: a pass per pair r ≤ c, in row order. */
function pairwiseHessian(expr: Expr, at: Record<string, number>, order: readonly string[]) {
  const n = order.length;
  const H = Array.from({ length: n }, () => Array<number>(n).fill(0));
  const gradient = Array<number>(n).fill(0);
  let value = 0;
  for (let r = 0; r < n; r++) {
    for (let c = r; c < n; c++) {
      const out = evaluateWith(expr, pairAlgebra(at, order[r] as string, order[c] as string));
      value = out.v;
      gradient[r] = out.a;
      (H[r] as number[])[c] = out.ab;
      (H[c] as number[])[r] = out.ab;
    }
  }
  if (n === 0) value = evaluateWith(expr, pairAlgebra(at, '', '')).v;
  return { value, gradient, hessian: H };
}

/** Expressions in x, y, z with every operation, kinks and domain edges included. */
const anyExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', 'z', '0', '1', '2', '0.5', '-3', 'pi', '1e200'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom(...(Object.keys(UNARY) as string[])), tie('e')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(fc.constantFrom('max', 'min'), tie('e'), tie('e')).map(([f, a, b]) => `${f}(${a}, ${b})`),
    tie('e').map((a) => `-(${a})`),
    tie('e').map((a) => `(${a})^3`),
  ),
})).e;

const coordinate = fc.oneof(fc.constantFrom(0, 1, -1, 0.5), fc.double({ min: -4, max: 4, noNaN: true }));

/** The outcome of `f`: its value, or the error's message. */
function outcome<T>(f: () => T): { ok: T } | { error: string } {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('hessian (one compiled pass for every pair)', () => {
  it('equals a hyper-dual pass per pair bit for bit, and fails with the same error (hessian and compileHessian)', () => {
    const orders = fc.constantFrom(['x', 'y'], ['x', 'y', 'z'], ['y', 'x'], ['x'], [], ['x', 'x'], ['x', 'w']);
    fc.assert(
      fc.property(anyExpr, coordinate, coordinate, coordinate, orders, (src, x, y, z, order) => {
        const expr = parseExpression(src);
        const at = { x, y, z, w: 2 };
        const expected = outcome(() => pairwiseHessian(expr, at, order));
        // Twice: the second call runs the pass compiled by the first.
        for (let k = 0; k < 2; k++) expect(outcome(() => hessian(expr, at, order))).toStrictEqual(expected);
        // The compiled pass itself, fed the values of its names (the expression's variables) in order.
        const compiled = compileHessian(expr, order);
        expect(compiled.names).toEqual(variables(expr));
        const values = compiled.names.map((name) => at[name as keyof typeof at]);
        expect(outcome(() => compiled.evaluate(values))).toStrictEqual(expected);
        // The raw buffers: the same numbers (gradient first, then the upper triangle row by row), or a throw.
        const raw = outcome(() => {
          const out = compiled.evaluateRaw(Float64Array.from(values));
          const n = order.length;
          const upper = Array.from(out.h.subarray(0, (n * (n + 1)) / 2));
          return { value: out.v, gradient: Array.from(out.g.subarray(0, n)), upper };
        });
        if ('error' in expected) expect(raw).toHaveProperty('error');
        else
          expect(raw).toStrictEqual({
            ok: {
              value: expected.ok.value,
              gradient: expected.ok.gradient,
              upper: expected.ok.hessian.flatMap((row, r) => row.slice(r)),
            },
          });
      }),
      { numRuns: 3000 },
    );
  });

  it('fails for a missing variable and recompiles for another order or path', () => {
    const expr = parseExpression('x^2*y + log(y)');
    expect(() => hessian(expr, { x: 1 })).toThrow('the variable "y" has no value');
    expect(hessian(expr, { x: 1, y: 1 }, ['x', 'y']).hessian).toEqual([
      [2, 2],
      [2, -1],
    ]);
    expect(hessian(expr, { x: 1, y: 1 }, ['y', 'x']).hessian).toEqual([
      [-1, 2],
      [2, 2],
    ]);
    expect(() => hessian(expr, { x: 1, y: -1 }, ['x', 'y'], 'f')).toThrow(/^f: /);
  });

  it('reports the error the first pair meets, not the first error of any pair', () => {
    // At y = 0 the gradient by y overflows inside sin (pairs (x, y) and (y, y) fail there), while the pair (x, x)
    // gets past it and fails at log(−1), further right.
    const expr = parseExpression('sin(1e200*y*1e200) + log(x)');
    const at = { x: -1, y: 0 };
    expect(() => pairwiseHessian(expr, at, ['x', 'y'])).toThrow('log(-1) is undefined');
    expect(() => hessian(expr, at, ['x', 'y'])).toThrow('log(-1) is undefined');
    expect(() => hessian(expr, at, ['y', 'x'])).toThrow('not twice differentiable');
  });
});
