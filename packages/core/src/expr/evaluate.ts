/**
 * Evaluation of an expression tree over any number-like algebra: plain numbers,
 * hyper-dual numbers (exact second derivatives) or traced graph nodes (reverse mode).
 * Domain errors (log of a negative, division by zero, overflow) are input errors
 * that point at the character.
 */
import { DnnInputError } from '../errors.js';
import { fmt } from '../format.js';
import type { BinaryOp, Expr, UnaryFunction, VariadicFunction } from './ast.js';
import { UNARY } from './functions.js';

/** Where an operation sits in the source, for error messages. */
export interface Site {
  pos: number;
  path: string;
  /** The operation's own subtree. */
  expr: Expr;
}

/** The arithmetic an evaluation runs on. */
export interface Algebra<T> {
  constant(value: number, site: Site): T;
  variable(name: string, site: Site): T;
  /** `constantExponent` is true when the exponent of `^` has no variable. */
  binary(op: BinaryOp, a: T, b: T, site: Site & { constantExponent: boolean }): T;
  neg(a: T, site: Site): T;
  unary(fn: UnaryFunction, a: T, site: Site): T;
  /** max/min: the first argument wins a tie. */
  select(fn: VariadicFunction, args: T[], site: Site): T;
}

/** The site of a node; for a binary operation, also whether its right operand (a power's exponent) has no variable. */
export type TreeSite = Site & { constantExponent: boolean };

/**
 * The site of every node of a tree under a path, in the order {@link evaluateWith} visits them (pre-order),
 * for the path last used with each tree: sites are read-only, so one array serves every evaluation (an optimizer
 * evaluates the same tree thousands of times, and allocating a site per node per evaluation was a quarter of its
 * time in garbage collection).
 */
const treeSites = new WeakMap<Expr, { path: string; sites: TreeSite[] }>();

/**
 * The sites of `expr`'s nodes in visiting order. One pass over the tree, which also finds which subtrees have no
 * variable (a cache per node, tried before, cost more than the pass: most trees are evaluated once).
 */
export function sitesInOrder(expr: Expr, path: string): TreeSite[] {
  let entry = treeSites.get(expr);
  if (entry === undefined || entry.path !== path) {
    const sites: TreeSite[] = [];
    /** Appends the sites of `e`'s subtree; true when it has no variable. */
    const visit = (e: Expr): boolean => {
      const site: TreeSite = { pos: e.pos, path, expr: e, constantExponent: false };
      sites.push(site);
      switch (e.kind) {
        case 'number':
        case 'constant':
          return true;
        case 'variable':
        case 'apply':
          return false;
        case 'neg':
          return visit(e.arg);
        case 'binary': {
          const left = visit(e.left);
          site.constantExponent = visit(e.right);
          return left && site.constantExponent;
        }
        case 'call': {
          if (e.fn !== 'max' && e.fn !== 'min') return visit(e.args[0] as Expr);
          let constant = true;
          for (const arg of e.args) constant = visit(arg) && constant;
          return constant;
        }
      }
    };
    visit(expr);
    entry = { path, sites };
    treeSites.set(expr, entry);
  }
  return entry.sites;
}

/** Evaluates `expr` over `algebra`. */
export function evaluateWith<T>(expr: Expr, algebra: Algebra<T>, path = 'expression'): T {
  const sites = sitesInOrder(expr, path);
  let next = 0;
  const go = (e: Expr): T => {
    const site = sites[next++] as TreeSite;
    switch (e.kind) {
      case 'number':
      case 'constant':
        return algebra.constant(e.value, site);
      case 'variable':
        return algebra.variable(e.name, site);
      case 'neg':
        return algebra.neg(go(e.arg), site);
      case 'binary':
        return algebra.binary(e.op, go(e.left), go(e.right), site);
      case 'call':
        if (e.fn === 'max' || e.fn === 'min') return algebra.select(e.fn, e.args.map(go), site);
        return algebra.unary(e.fn, go(e.args[0] as Expr), site);
      case 'apply':
        return abstractFunctionError(site, e);
    }
  };
  return go(expr);
}

/** Throws an input error pointing at the operation. */
export function domainError(site: Site, message: string): never {
  throw new DnnInputError(site.path, `${message} (at character ${site.pos + 1})`);
}

/** Throws the input error of evaluating a declared abstract function (`R(u)`), which has no value. */
export function abstractFunctionError(site: Site, e: Extract<Expr, { kind: 'apply' }>): never {
  return domainError(site, `${e.name}${"'".repeat(e.primes)} is an abstract function: it has no value`);
}

/** The value of `a op b`, with the grammar's domain rules. */
export function binaryValue(op: BinaryOp, a: number, b: number, site: Site): number {
  let r: number;
  switch (op) {
    case '+':
      r = a + b;
      break;
    case '-':
      r = a - b;
      break;
    case '*':
      r = a * b;
      break;
    case '/':
      if (b === 0) domainError(site, `division by zero (${fmt(a)}/0)`);
      r = a / b;
      break;
    case '^':
      if (a === 0 && b < 0) domainError(site, `0 raised to the negative power ${fmt(b)} is undefined`);
      if (a < 0 && !Number.isInteger(b))
        domainError(site, `a negative base (${fmt(a)}) raised to the non-integer power ${fmt(b)} is undefined`);
      r = power(a, b);
      break;
  }
  return finite(r, site);
}

/**
 * `a ** b`, with the exponents 1 and 2 done inline: V8's pow (fdlibm's) returns exactly `a` and `a * a` for them
 * (its own special cases; checked on 3·10⁷ random doubles in both tiers), and the call was a fifth of a Newton
 * step of the critical-point search (nine pows per Hessian of a cubic).
 */
export function power(a: number, b: number): number {
  return b === 2 ? a * a : b === 1 ? a : a ** b;
}

/** The value of a unary built-in, with its domain check. */
export function unaryValue(fn: UnaryFunction, x: number, site: Site): number {
  const def = UNARY[fn];
  const why = def.domain?.(x);
  if (why) domainError(site, `${fn}(${fmt(x)}) is undefined: ${why}`);
  return finite(def.f(x), site);
}

/** Rejects overflow to ±Infinity. */
export function finite(x: number, site: Site): number {
  if (!Number.isFinite(x)) domainError(site, 'the value overflows (it is too large for a float64)');
  return x;
}

/** Index of the argument max/min selects (the first on a tie). */
export function selectIndex(fn: VariadicFunction, values: number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    const b = values[best] as number;
    if (fn === 'max' ? v > b : v < b) best = i;
  });
  return best;
}

/** Evaluates to a number; `at` gives every variable's value (a missing one is an input error). */
export function evaluate(expr: Expr, at: Readonly<Record<string, number>>, path = 'expression'): number {
  return evaluateWith<number>(
    expr,
    {
      constant: (v) => v,
      variable: (name, site) => lookup(at, name, site),
      binary: (op, a, b, site) => binaryValue(op, a, b, site),
      neg: (a) => -a,
      unary: (fn, a, site) => unaryValue(fn, a, site),
      select: (fn, args) => args[selectIndex(fn, args)] as number,
    },
    path,
  );
}

/** A variable's value, or an input error naming it. */
export function lookup(at: Readonly<Record<string, number>>, name: string, site: Site): number {
  const v = Object.hasOwn(at, name) ? at[name] : undefined;
  if (v === undefined) domainError(site, `the variable ${JSON.stringify(name)} has no value`);
  return v;
}
