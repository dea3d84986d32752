/**
 * Exact second derivatives by hyper-dual numbers: x = v + a·ε₁ + b·ε₂ + ab·ε₁ε₂
 * with ε₁² = ε₂² = 0. Seeding variable i in ε₁ and j in ε₂ gives ∂²f/∂xᵢ∂xⱼ in `ab`.
 */
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

interface HyperDual {
  v: number;
  a: number;
  b: number;
  ab: number;
}

const C = (v: number): HyperDual => ({ v, a: 0, b: 0, ab: 0 });

/** Applies f with derivatives d1, d2 at x.v (chain rule to second order). */
function chain(x: HyperDual, v: number, d1: number, d2: number, site: Site): HyperDual {
  const r = { v, a: d1 * x.a, b: d1 * x.b, ab: d1 * x.ab + d2 * x.a * x.b };
  if (![r.a, r.b, r.ab].every(Number.isFinite)) domainError(site, 'the function is not twice differentiable here');
  return r;
}

function algebra(at: Readonly<Record<string, number>>, i: string, j: string): Algebra<HyperDual> {
  return {
    constant: (v) => C(v),
    variable: (name, site) => ({ v: lookup(at, name, site), a: name === i ? 1 : 0, b: name === j ? 1 : 0, ab: 0 }),
    binary: (op, x, y, site) => {
      const v = binaryValue(op, x.v, y.v, site);
      switch (op) {
        case '+':
          return { v, a: x.a + y.a, b: x.b + y.b, ab: x.ab + y.ab };
        case '-':
          return { v, a: x.a - y.a, b: x.b - y.b, ab: x.ab - y.ab };
        case '*':
          return {
            v,
            a: x.a * y.v + x.v * y.a,
            b: x.b * y.v + x.v * y.b,
            ab: x.ab * y.v + x.a * y.b + x.b * y.a + x.v * y.ab,
          };
        case '/': {
          const inv = chain(y, 1 / y.v, -1 / y.v ** 2, 2 / y.v ** 3, site);
          return {
            v,
            a: x.a * inv.v + x.v * inv.a,
            b: x.b * inv.v + x.v * inv.b,
            ab: x.ab * inv.v + x.a * inv.b + x.b * inv.a + x.v * inv.ab,
          };
        }
        case '^': {
          if (site.constantExponent) {
            const c = y.v;
            const d1 = c === 0 ? 0 : c === 1 ? 1 : c * x.v ** (c - 1);
            const d2 = c === 0 || c === 1 ? 0 : c === 2 ? 2 : c * (c - 1) * x.v ** (c - 2);
            return chain(x, v, d1, d2, site);
          }
          if (x.v <= 0) domainError(site, `a power with a variable exponent needs a positive base, not ${x.v}`);
          // x^y = exp(y·ln x)
          const lnx = chain(x, Math.log(x.v), 1 / x.v, -1 / x.v ** 2, site);
          const prod = {
            v: y.v * lnx.v,
            a: y.a * lnx.v + y.v * lnx.a,
            b: y.b * lnx.v + y.v * lnx.b,
            ab: y.ab * lnx.v + y.a * lnx.b + y.b * lnx.a + y.v * lnx.ab,
          };
          return chain(prod, v, v, v, site);
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

/** Value, gradient and Hessian of `expr` at `at`; rows and columns follow `order` (default: the keys of `at`). */
export function hessian(
  expr: Expr,
  at: Readonly<Record<string, number>>,
  order: readonly string[] = Object.keys(at),
  path = 'expression',
): { value: number; gradient: number[]; hessian: number[][] } {
  for (const name of variables(expr)) lookup(at, name, { pos: 0, path, expr });
  const n = order.length;
  const H: number[][] = Array.from({ length: n }, () => Array<number>(n).fill(0));
  const gradient = Array<number>(n).fill(0);
  let value = 0;
  for (let r = 0; r < n; r++) {
    for (let c = r; c < n; c++) {
      const out = evaluateWith(expr, algebra(at, order[r] as string, order[c] as string), path);
      value = out.v;
      gradient[r] = out.a;
      (H[r] as number[])[c] = out.ab;
      (H[c] as number[])[r] = out.ab;
    }
  }
  if (n === 0) value = evaluateWith(expr, algebra(at, '', ''), path).v;
  return { value, gradient, hessian: H };
}
