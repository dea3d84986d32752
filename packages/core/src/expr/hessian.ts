/**
 * Exact second derivatives by hyper-dual numbers: x = v + a·ε₁ + b·ε₂ + ab·ε₁ε₂
 * with ε₁² = ε₂² = 0. Seeding variable i in ε₁ and j in ε₂ gives ∂²f/∂xᵢ∂xⱼ in `ab`.
 *
 * One pass carries every pair (i, j) at once: `a` and `b` are both gradient entries (g[i], g[j]) and each pair
 * has its own `ab`, computed with exactly the operations, in the order, of a pass seeded with that pair alone
 * (so the numbers are those of n(n+1)/2 separate passes, bit for bit). The tree is compiled once into closures
 * over preallocated buffers and kept per expression, so a Newton search evaluating the same Hessian thousands
 * of times allocates only its result.
 */
import { type Expr, variables } from './ast.js';
import {
  abstractFunctionError,
  binaryValue,
  domainError,
  finite,
  lookup,
  power,
  type Site,
  selectIndex,
  sitesInOrder,
  type TreeSite,
  unaryValue,
} from './evaluate.js';
import { UNARY } from './functions.js';

/** A hyper-dual number for several pairs at once: value, gradient, and `ab` per pair. */
interface Duals {
  v: number;
  g: Float64Array;
  h: Float64Array;
}

/** The seeded pairs: pair p seeds variable `i[p]` in ε₁ and `j[p]` in ε₂ (indices into the gradient). */
interface Pairs {
  i: number[];
  j: number[];
}

/** Evaluates a compiled node for the values of the expression's variables (in `variables(expr)` order). */
type Node = (values: ArrayLike<number>) => Duals;

/** Compiles `expr` for `pairs` over a gradient of `width` entries: entry k is the derivative by `order[k]`. */
function compile(expr: Expr, order: readonly string[], width: number, pairs: Pairs, path: string): Node {
  const names = variables(expr);
  const P = pairs.i.length;
  const { i: pi, j: pj } = pairs;
  const duals = (): Duals => ({ v: 0, g: new Float64Array(width), h: new Float64Array(P) });
  /** r = f(x) with f(x.v) = v, f′ = d1, f″ = d2 (chain rule to second order), rejecting non-finite parts. */
  const chain = (r: Duals, x: Duals, v: number, d1: number, d2: number, site: Site): Duals => {
    r.v = v;
    for (let k = 0; k < width; k++) r.g[k] = d1 * (x.g[k] as number);
    for (let p = 0; p < P; p++)
      r.h[p] = d1 * (x.h[p] as number) + d2 * (x.g[pi[p] as number] as number) * (x.g[pj[p] as number] as number);
    for (let p = 0; p < P; p++) {
      if (!Number.isFinite(r.g[pi[p] as number]) || !Number.isFinite(r.g[pj[p] as number]) || !Number.isFinite(r.h[p]))
        domainError(site, 'the function is not twice differentiable here');
    }
    return r;
  };
  /** r = x·y with r.v = v. */
  const product = (r: Duals, x: Duals, y: Duals, v: number): Duals => {
    r.v = v;
    for (let k = 0; k < width; k++) r.g[k] = (x.g[k] as number) * y.v + x.v * (y.g[k] as number);
    for (let p = 0; p < P; p++) {
      const a = pi[p] as number;
      const b = pj[p] as number;
      r.h[p] =
        (x.h[p] as number) * y.v +
        (x.g[a] as number) * (y.g[b] as number) +
        (x.g[b] as number) * (y.g[a] as number) +
        x.v * (y.h[p] as number);
    }
    return r;
  };
  // `go` visits the nodes in the order of evaluateWith, so the tree's sites are read off in turn.
  const sites = sitesInOrder(expr, path);
  let next = 0;
  const go = (e: Expr): Node => {
    const site = sites[next++] as TreeSite;
    switch (e.kind) {
      case 'number':
      case 'constant': {
        const r = duals();
        r.v = e.value;
        return () => r;
      }
      case 'variable': {
        const r = duals();
        for (const [k, name] of order.entries()) if (name === e.name) r.g[k] = 1;
        const index = names.indexOf(e.name);
        return (values) => {
          r.v = values[index] as number;
          return r;
        };
      }
      case 'neg': {
        const arg = go(e.arg);
        const r = duals();
        return (values) => {
          const x = arg(values);
          r.v = -x.v;
          for (let k = 0; k < width; k++) r.g[k] = -(x.g[k] as number);
          for (let p = 0; p < P; p++) r.h[p] = -(x.h[p] as number);
          return r;
        };
      }
      case 'binary': {
        const left = go(e.left);
        const right = go(e.right);
        const r = duals();
        switch (e.op) {
          // Sums and differences add their parts directly (`finite` is binaryValue's check for them).
          case '+':
            return (values) => {
              const x = left(values);
              const y = right(values);
              r.v = finite(x.v + y.v, site);
              for (let k = 0; k < width; k++) r.g[k] = (x.g[k] as number) + (y.g[k] as number);
              for (let p = 0; p < P; p++) r.h[p] = (x.h[p] as number) + (y.h[p] as number);
              return r;
            };
          case '-':
            return (values) => {
              const x = left(values);
              const y = right(values);
              r.v = finite(x.v - y.v, site);
              for (let k = 0; k < width; k++) r.g[k] = (x.g[k] as number) - (y.g[k] as number);
              for (let p = 0; p < P; p++) r.h[p] = (x.h[p] as number) - (y.h[p] as number);
              return r;
            };
          case '*':
            return (values) => {
              const x = left(values);
              const y = right(values);
              return product(r, x, y, finite(x.v * y.v, site));
            };
          case '/': {
            const inv = duals();
            return (values) => {
              const x = left(values);
              const y = right(values);
              const v = binaryValue('/', x.v, y.v, site);
              chain(inv, y, 1 / y.v, -1 / power(y.v, 2), 2 / y.v ** 3, site);
              return product(r, x, inv, v);
            };
          }
          case '^': {
            if (site.constantExponent)
              return (values) => {
                const x = left(values);
                const c = right(values).v;
                const v = binaryValue('^', x.v, c, site);
                const d1 = c === 0 ? 0 : c === 1 ? 1 : c * power(x.v, c - 1);
                const d2 = c === 0 || c === 1 ? 0 : c === 2 ? 2 : c * (c - 1) * power(x.v, c - 2);
                return chain(r, x, v, d1, d2, site);
              };
            const lnx = duals();
            const prod = duals();
            return (values) => {
              const x = left(values);
              const y = right(values);
              const v = binaryValue('^', x.v, y.v, site);
              if (x.v <= 0) domainError(site, `a power with a variable exponent needs a positive base, not ${x.v}`);
              // x^y = exp(y·ln x)
              chain(lnx, x, Math.log(x.v), 1 / x.v, -1 / power(x.v, 2), site);
              product(prod, y, lnx, y.v * lnx.v);
              return chain(r, prod, v, v, v, site);
            };
          }
        }
        break;
      }
      case 'call': {
        if (e.fn === 'max' || e.fn === 'min') {
          const fn = e.fn;
          const args = e.args.map(go);
          return (values) => {
            const xs = args.map((arg) => arg(values));
            return xs[
              selectIndex(
                fn,
                xs.map((x) => x.v),
              )
            ] as Duals;
          };
        }
        const def = UNARY[e.fn];
        const fn = e.fn;
        const arg = go(e.args[0] as Expr);
        const r = duals();
        return (values) => {
          const x = arg(values);
          return chain(r, x, unaryValue(fn, x.v, site), def.d1(x.v), def.d2(x.v), site);
        };
      }
      case 'apply':
        return () => abstractFunctionError(site, e);
    }
  };
  return go(expr);
}

/** A Hessian compiled for one expression, order and path: `evaluate` takes the values of `names`, in that order. */
export interface CompiledHessian {
  order: readonly string[];
  path: string;
  /** The expression's variables (`variables(expr)`), the order of `evaluate`'s values. */
  names: string[];
  /** Value, gradient and Hessian (rows and columns follow `order`) for the values of `names`. */
  evaluate(values: ArrayLike<number>): { value: number; gradient: number[]; hessian: number[][] };
  /**
   * The same pass without building arrays, for loops that evaluate thousands of times: the value `v`, the gradient
   * in `g` (its first `order.length` entries) and the Hessian's upper triangle in `h` (row by row, c ≥ r), in
   * buffers that the next call overwrites. A failure throws the whole pass's error (`evaluate` replays the pairs
   * one by one to throw the first failing pair's).
   */
  evaluateRaw(values: ArrayLike<number>): HessianBuffers;
}

/** The buffers of {@link CompiledHessian.evaluateRaw}. */
export interface HessianBuffers {
  readonly v: number;
  readonly g: Float64Array;
  readonly h: Float64Array;
}

/** The compiled Hessian for the order and path last used with each expression. */
const compiled = new WeakMap<Expr, CompiledHessian>();

/** Every pair r ≤ c of `n` variables, row by row (the order of separate passes). */
function upperPairs(n: number): Pairs {
  const pairs: Pairs = { i: [], j: [] };
  for (let r = 0; r < n; r++) {
    for (let c = r; c < n; c++) {
      pairs.i.push(r);
      pairs.j.push(c);
    }
  }
  return pairs;
}

const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a === b || (a.length === b.length && a.every((name, k) => name === b[k]));

/** Compiles the pass of every pair of `order` (cached per expression for its last order and path). */
export function compileHessian(expr: Expr, order: readonly string[], path = 'expression'): CompiledHessian {
  const cached = compiled.get(expr);
  if (cached !== undefined && cached.path === path && sameOrder(cached.order, order)) return cached;
  const n = order.length;
  // With no variable to differentiate by, one pass seeded with none (a gradient entry no variable feeds).
  const width = Math.max(n, 1);
  const pairs = n === 0 ? { i: [0], j: [0] } : upperPairs(n);
  const all = compile(expr, order, width, pairs, path);
  const evaluate = (values: ArrayLike<number>) => {
    let out: Duals;
    try {
      out = all(values);
    } catch (e) {
      // Some pair failed: replay the pairs one by one, so the error is the one the first failing pair meets.
      const { i, j } = upperPairs(n);
      for (let p = 0; p < i.length; p++)
        compile(expr, order, width, { i: [i[p] as number], j: [j[p] as number] }, path)(values);
      throw e;
    }
    // Rows built by push (packed arrays of doubles): filling preallocated holey arrays cost a third more, per
    // Newton step. Row r takes its left part from the rows above (symmetry), the rest from pairs r ≤ c in order.
    const gradient: number[] = [];
    const H: number[][] = [];
    let p = 0;
    for (let r = 0; r < n; r++) {
      gradient.push(out.g[r] as number);
      const row: number[] = [];
      for (let c = 0; c < r; c++) row.push((H[c] as number[])[r] as number);
      for (let c = r; c < n; c++) row.push(out.h[p++] as number);
      H.push(row);
    }
    return { value: out.v, gradient, hessian: H };
  };
  const entry: CompiledHessian = { order, path, names: variables(expr), evaluate, evaluateRaw: all };
  compiled.set(expr, entry);
  return entry;
}

/** Value, gradient and Hessian of `expr` at `at`; rows and columns follow `order` (default: the keys of `at`). */
export function hessian(
  expr: Expr,
  at: Readonly<Record<string, number>>,
  order: readonly string[] = Object.keys(at),
  path = 'expression',
): { value: number; gradient: number[]; hessian: number[][] } {
  const entry = compileHessian(expr, order, path);
  // A Float64Array, as the Newton search passes: the compiled closures read one kind of array.
  return entry.evaluate(Float64Array.from(entry.names, (name) => lookup(at, name, { pos: 0, path, expr })));
}
