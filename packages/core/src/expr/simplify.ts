/**
 * A small computer-algebra form of the expression language: sums of terms, products of powers, function calls,
 * built by smart constructors that simplify as they build (constants folded, like terms and equal bases collected,
 * no `*1`, `+0`, `0*…`, `x^1`), and printed back into the language in the short forms an exam rubric uses
 * (`4*x^3 - 64*x`, `(w3*w2 + 1)*w1*x`, `step(y)*w`).
 *
 * Why our own and not mathjs: mathjs's `derivative` + `simplify` add 670 KB minified (190 KB gzipped, esbuild
 * 0.28, browser ESM, measured on mathjs 14) to every page that solves, and they know none of relu, step, sigmoid,
 * softplus, max/min or abstract functions `R(u)`, which would all need custom rules anyway. This file and
 * derive.ts are a few KB, reuse the parser, evaluator and printers of @dnn/core, and produce the rubric forms
 * directly (products are never expanded, so a chain rule stays a product of local derivatives).
 */
import type { Expr } from './ast.js';

/** A simplified expression. Build it only with the constructors below, which keep it canonical. */
export type Sym =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'const'; readonly name: 'e' | 'pi' }
  | { readonly k: 'var'; readonly name: string }
  /** At least two terms, like terms collected, the number term (if any) last. */
  | { readonly k: 'add'; readonly terms: readonly Sym[] }
  /** At least two factors, equal bases collected, the number factor (if any) first. */
  | { readonly k: 'mul'; readonly factors: readonly Sym[] }
  | { readonly k: 'pow'; readonly base: Sym; readonly exp: Sym }
  /** A built-in function (`primes` 0) or a declared abstract function and its derivatives (`R'`: primes 1). */
  | {
      readonly k: 'fn';
      readonly fn: string;
      readonly primes: number;
      readonly args: readonly Sym[];
      readonly abstract: boolean;
    };

/** Thrown when a folded constant overflows float64 (callers turn it into an input error). */
export class SymOverflowError extends RangeError {}

/**
 * What is worked out once per node and kept on the node itself (nodes never change): its key, its size, and the
 * rest of a product after its number. A WeakMap entry per node (the earlier form) cost more than building most
 * keys, and nodes are made by the thousand per request. Not part of the type: only this file reads them.
 */
type NodeCache = { key?: string; size?: number; rest?: Sym };

/** A canonical key: equal keys mean equal expressions (sums and products compare as multisets). */
export function symKey(s: Sym): string {
  let key = (s as NodeCache).key;
  if (key !== undefined) return key;
  switch (s.k) {
    case 'num':
      key = `#${s.v}`;
      break;
    case 'const':
      key = `@${s.name}`;
      break;
    case 'var':
      key = `$${s.name}`;
      break;
    case 'add':
      key = `+(${sortedKeys(s.terms)})`;
      break;
    case 'mul':
      key = `*(${sortedKeys(s.factors)})`;
      break;
    case 'pow':
      key = `^(${symKey(s.base)},${symKey(s.exp)})`;
      break;
    case 'fn':
      key = `${s.fn}${"'".repeat(s.primes)}(${s.args.map(symKey).join(',')})`;
      break;
  }
  (s as NodeCache).key = key;
  return key;
}

/**
 * The parts' keys in the order `Array#sort` gives strings (UTF-16 code units, which `>` compares), joined by
 * commas: an insertion sort, as a node has a handful of parts and the generic sort cost more than the rest.
 */
function sortedKeys(parts: readonly Sym[]): string {
  const keys: string[] = [];
  for (const part of parts) {
    const key = symKey(part);
    let i = keys.length;
    for (; i > 0 && (keys[i - 1] as string) > key; i--) keys[i] = keys[i - 1] as string;
    keys[i] = key;
  }
  return keys.join(',');
}

/** A number (must be finite). */
export function num(v: number): Sym {
  if (!Number.isFinite(v)) throw new SymOverflowError(`the constant ${v} overflows a float64`);
  return { k: 'num', v: Object.is(v, -0) ? 0 : v };
}
/** A variable (or a named definition). */
export const variable = (name: string): Sym => ({ k: 'var', name });
/** The constant e or π. */
export const constant = (name: 'e' | 'pi'): Sym => ({ k: 'const', name });

const ZERO = num(0);
const ONE = num(1);

/** True for the number `v`. */
export const isNum = (s: Sym, v?: number): s is { k: 'num'; v: number } =>
  s.k === 'num' && (v === undefined || s.v === v);

/** Splits a term into its number coefficient and the rest (`-64*x` → [−64, x]). */
function coefficient(s: Sym): [number, Sym] {
  if (s.k === 'num') return [s.v, ONE];
  if (s.k === 'mul' && s.factors[0]?.k === 'num') {
    // The same rest node each time, so its key is built once (sums ask for it of every term they collect).
    let rest = (s as NodeCache).rest;
    if (rest === undefined) {
      const factors = s.factors.slice(1);
      rest = factors.length === 1 ? (factors[0] as Sym) : { k: 'mul', factors };
      (s as NodeCache).rest = rest;
    }
    return [s.factors[0].v, rest];
  }
  return [1, s];
}

/** Splits a factor into base and exponent (`x^3` → [x, 3]). */
function baseExp(s: Sym): [Sym, Sym] {
  return s.k === 'pow' ? [s.base, s.exp] : [s, ONE];
}

/** The factors of a product, or the one factor. */
const factorsOf = (s: Sym): readonly Sym[] => (s.k === 'mul' ? s.factors : [s]);

/** A sum: flattened, constants folded, like terms collected (first appearance order), common factors pulled out. */
export function add(...items: Sym[]): Sym {
  // Groups in first-appearance order: a Map iterates in insertion order.
  const groups = new Map<string, { coef: number; rest: Sym }>();
  let constantTerm = 0;
  const push = (s: Sym): void => {
    if (s.k === 'add') {
      for (const t of s.terms) push(t);
      return;
    }
    const [c, rest] = coefficient(s);
    if (isNum(rest, 1)) {
      constantTerm += c;
      return;
    }
    const key = symKey(rest);
    const g = groups.get(key);
    if (g) g.coef += c;
    else groups.set(key, { coef: c, rest });
  };
  for (const s of items) push(s);
  const terms: Sym[] = [];
  for (const g of groups.values()) if (g.coef !== 0) terms.push(mul(num(g.coef), g.rest));
  if (constantTerm !== 0 || terms.length === 0) terms.push(num(constantTerm));
  if (terms.length === 1) return terms[0] as Sym;
  return factorCommon(terms) ?? { k: 'add', terms };
}

/**
 * Pulls out the factors every term shares (same base, same exponent) when at least two are shared and one term is
 * nothing but them — so a chain rule's `A*B*C + B*C` becomes `(A + 1)*B*C`, while `4*x^3 - 64*x`,
 * `w*x + x` and `σ(x)*(1 - σ(x))*x + σ(x)` stay as they are.
 */
function factorCommon(terms: readonly Sym[]): Sym | undefined {
  if (terms.some((t) => t.k === 'num')) return undefined;
  const parts = terms.map((t) => factorsOf(coefficient(t)[1]));
  // Most sums share nothing: stop as soon as fewer than two factors can be common (the set only shrinks).
  if ((parts[0] as readonly Sym[]).length < 2) return undefined;
  const common = new Map<string, Sym>();
  for (const f of parts[0] as readonly Sym[]) common.set(symKey(f), f);
  for (let i = 1; i < parts.length && common.size >= 2; i++) {
    const here = new Set((parts[i] as readonly Sym[]).map(symKey));
    for (const k of common.keys()) if (!here.has(k)) common.delete(k);
  }
  if (common.size < 2 || !parts.some((fs) => fs.length === common.size)) return undefined;
  const rests = terms.map((t) => {
    const [c, rest] = coefficient(t);
    return mul(num(c), ...factorsOf(rest).filter((f) => !common.has(symKey(f))));
  });
  return mul(add(...rests), ...common.values());
}

/** A product: flattened, numbers folded, equal bases collected (x·x² → x³), a number times a sum distributed. */
export function mul(...items: Sym[]): Sym {
  let coef = 1;
  // Groups in first-appearance order: a Map iterates in insertion order.
  const groups = new Map<string, { base: Sym; exps: Sym[] }>();
  const push = (s: Sym): void => {
    if (s.k === 'mul') {
      for (const f of s.factors) push(f);
      return;
    }
    if (s.k === 'num') {
      coef *= s.v;
      return;
    }
    const [base, exp] = baseExp(s);
    const key = symKey(base);
    const g = groups.get(key);
    if (g) g.exps.push(exp);
    else groups.set(key, { base, exps: [exp] });
  };
  for (const s of items) push(s);
  if (!Number.isFinite(coef)) throw new SymOverflowError('a constant overflows a float64');
  if (coef === 0) return ZERO;
  const factors: Sym[] = [];
  for (const g of groups.values()) {
    const f =
      g.exps.length === 1
        ? (s1(g.base, g.exps[0] as Sym) ?? pow(g.base, g.exps[0] as Sym))
        : pow(g.base, add(...g.exps));
    if (f.k === 'num') coef *= f.v;
    else if (f.k === 'mul') {
      for (const inner of f.factors) {
        if (inner.k === 'num') coef *= inner.v;
        else factors.push(inner);
      }
    } else factors.push(f);
  }
  if (coef === 0) return ZERO;
  if (factors.length === 0) return num(coef);
  if (factors.length === 1 && coef === 1) return factors[0] as Sym;
  if (factors.length === 1 && factors[0]?.k === 'add') return add(...factors[0].terms.map((t) => mul(num(coef), t)));
  return { k: 'mul', factors: coef === 1 ? factors : [num(coef), ...factors] };
}

/** A factor that needs no power (exponent 1). */
function s1(base: Sym, exp: Sym): Sym | undefined {
  return isNum(exp, 1) ? base : undefined;
}

/** An integer power of a number, folded only when exact enough to print (|result| < 1e15, no overflow). */
function foldPower(b: number, e: number): number | undefined {
  if (b === 0 && e < 0) return undefined;
  if (b < 0 && !Number.isInteger(e)) return undefined;
  const r = b ** e;
  if (!Number.isFinite(r) || r === 0) return undefined;
  if (Number.isInteger(e)) return Math.abs(r) < 1e15 ? r : undefined;
  return Number.isInteger(r) && r ** (1 / e) === b ? r : undefined; // 4^0.5 = 2, but 2^0.5 stays
}

/** A power: x^0 → 1, x^1 → x, numbers folded, (x^a)^n → x^(a·n) and (x·y)^n → xⁿ·yⁿ for whole n. */
export function pow(base: Sym, exp: Sym): Sym {
  if (isNum(exp, 0)) return ONE;
  if (isNum(exp, 1)) return base;
  if (isNum(base, 1)) return ONE;
  if (base.k === 'num' && exp.k === 'num') {
    const r = foldPower(base.v, exp.v);
    if (r !== undefined) return num(r);
  }
  if (exp.k === 'num' && Number.isInteger(exp.v)) {
    if (base.k === 'pow' && base.exp.k === 'num') return pow(base.base, num(base.exp.v * exp.v));
    if (base.k === 'mul') return mul(...base.factors.map((f) => pow(f, exp)));
    if (base.k === 'fn' && base.fn === 'step' && exp.v > 0) return base; // step² = step
  }
  if (base.k === 'const' && base.name === 'e') return fn('exp', exp);
  return { k: 'pow', base, exp };
}

/** Built-in functions folded to a value only when the value is a whole number (exp(0) = 1, step(2) = 1, sqrt(9) = 3). */
const FOLD: Record<string, (x: number) => number | undefined> = {
  exp: (x) => (x === 0 ? 1 : undefined),
  log: (x) => (x === 1 ? 0 : undefined),
  ln: (x) => (x === 1 ? 0 : undefined),
  log2: (x) => (x > 0 && Number.isInteger(Math.log2(x)) ? Math.log2(x) : undefined),
  log10: (x) => (x > 0 && Number.isInteger(Math.log10(x)) ? Math.log10(x) : undefined),
  sqrt: (x) => (x >= 0 && Number.isInteger(Math.sqrt(x)) ? Math.sqrt(x) : undefined),
  abs: Math.abs,
  sin: (x) => (x === 0 ? 0 : undefined),
  cos: (x) => (x === 0 ? 1 : undefined),
  tan: (x) => (x === 0 ? 0 : undefined),
  tanh: (x) => (x === 0 ? 0 : undefined),
  sigmoid: (x) => (x === 0 ? 0.5 : undefined),
  relu: (x) => Math.max(x, 0),
  step: (x) => (x > 0 ? 1 : 0),
  sign: Math.sign,
};

/** A built-in function call, folded where the value is exact; ln(e) = 1, log(exp(u)) = u. */
export function fn(name: string, ...args: Sym[]): Sym {
  const [a] = args;
  if (args.length === 1 && a) {
    if (a.k === 'num') {
      const v = FOLD[name]?.(a.v);
      if (v !== undefined) return num(v);
    }
    if ((name === 'ln' || name === 'log') && a.k === 'const' && a.name === 'e') return ONE;
    if ((name === 'ln' || name === 'log') && a.k === 'fn' && a.fn === 'exp') return a.args[0] as Sym;
  }
  if ((name === 'max' || name === 'min') && args.every((x) => x.k === 'num')) {
    const values = args.map((x) => (x as { v: number }).v);
    return num(name === 'max' ? Math.max(...values) : Math.min(...values));
  }
  return { k: 'fn', fn: name, primes: 0, args, abstract: false };
}

/** A declared abstract function of one argument, or its derivative of order `primes`. */
export function applyAbstract(name: string, primes: number, arg: Sym): Sym {
  return { k: 'fn', fn: name, primes, args: [arg], abstract: true };
}

/** `a − b`. */
export const sub = (a: Sym, b: Sym): Sym => add(a, mul(num(-1), b));
/** `a / b`. */
export const div = (a: Sym, b: Sym): Sym => mul(a, pow(b, num(-1)));
/** `−a`. */
export const neg = (a: Sym): Sym => mul(num(-1), a);

/** Converts a parsed expression into the simplified form. */
export function fromExpr(e: Expr): Sym {
  switch (e.kind) {
    case 'number':
      return num(e.value);
    case 'constant':
      return constant(e.name);
    case 'variable':
      return variable(e.name);
    case 'neg':
      return neg(fromExpr(e.arg));
    case 'binary': {
      const l = fromExpr(e.left);
      const r = fromExpr(e.right);
      if (e.op === '+') return add(l, r);
      if (e.op === '-') return sub(l, r);
      if (e.op === '*') return mul(l, r);
      if (e.op === '/') return div(l, r);
      return pow(l, r);
    }
    case 'call':
      return fn(e.fn, ...e.args.map(fromExpr));
    case 'apply':
      return applyAbstract(e.name, e.primes, fromExpr(e.args[0]));
  }
}

/** The simplified expression of `e`. */
export function simplify(e: Expr): Expr {
  return toExpr(fromExpr(e));
}

/** Number of nodes (for work limits). */
export function symSize(s: Sym): number {
  if (s.k === 'num' || s.k === 'const' || s.k === 'var') return 1;
  let size = (s as NodeCache).size;
  if (size === undefined) {
    // derive asks for the size of every derivative it builds, whose parts it has sized before.
    size = 1;
    if (s.k === 'pow') size += symSize(s.base) + symSize(s.exp);
    else for (const t of s.k === 'add' ? s.terms : s.k === 'mul' ? s.factors : s.args) size += symSize(t);
    (s as NodeCache).size = size;
  }
  return size;
}

/**
 * True when the expression contains none of `names` (its value does not depend on them). `known` caches the
 * answer per subtree for one `names` (derive asks about every node and then its parts again).
 */
export function freeOf(s: Sym, names: ReadonlySet<string>, known?: Map<Sym, boolean>): boolean {
  switch (s.k) {
    case 'var':
      return !names.has(s.name);
    case 'num':
    case 'const':
      return true;
  }
  let free = known?.get(s);
  if (free === undefined) {
    free = true;
    // Plain loops, not `every` with a closure: this runs for every node of every derivative.
    if (s.k === 'pow') free = freeOf(s.base, names, known) && freeOf(s.exp, names, known);
    else {
      const parts = s.k === 'add' ? s.terms : s.k === 'mul' ? s.factors : s.args;
      for (let i = 0; free && i < parts.length; i++) free = freeOf(parts[i] as Sym, names, known);
    }
    known?.set(s, free);
  }
  return free;
}

// Nodes written out with `pos: 0` (not `...at` spread from a shared object): the same shapes, in the same key
// order, as the parser's nodes, so the printers and the evaluator see one map per kind; a spread cost a clone.
const n = (value: number): Expr => ({ kind: 'number', value, pos: 0 });

/** A non-integer coefficient p/q with a whole q ≤ 1000 prints as a division (`2*x/3`, not `0.666666666667*x`). */
function smallFraction(c: number): [number, number] | undefined {
  if (Number.isInteger(c)) return undefined;
  for (let q = 2; q <= 1000; q++) {
    const p = Math.round(Math.abs(c) * q);
    if (p > 0 && p < 1e12 && Math.abs(Math.abs(c) * q - p) <= 1e-9 * p) return [p, q];
  }
  return undefined;
}

/** Back to a syntax tree, for the printers (`exprToText`, `exprToTex`) and the evaluator. */
export function toExpr(s: Sym): Expr {
  switch (s.k) {
    case 'num': {
      const pq = smallFraction(s.v);
      const abs: Expr = pq ? { kind: 'binary', op: '/', left: n(pq[0]), right: n(pq[1]), pos: 0 } : n(Math.abs(s.v));
      return s.v < 0 ? { kind: 'neg', arg: abs, pos: 0 } : abs;
    }
    case 'const':
      return { kind: 'constant', name: s.name, value: s.name === 'e' ? Math.E : Math.PI, pos: 0 };
    case 'var':
      return { kind: 'variable', name: s.name, pos: 0 };
    case 'add': {
      const terms = numberFirst(s.terms) ? [s.terms[1] as Sym, s.terms[0] as Sym] : s.terms;
      let out = toExpr(terms[0] as Sym);
      for (let i = 1; i < terms.length; i++) {
        const t = terms[i] as Sym;
        const [c, rest] = coefficient(t);
        out =
          c < 0
            ? { kind: 'binary', op: '-', left: out, right: toExpr(mul(num(-c), rest)), pos: 0 }
            : { kind: 'binary', op: '+', left: out, right: toExpr(t), pos: 0 };
      }
      return out;
    }
    case 'mul':
      return productExpr(s);
    case 'pow':
      if (s.exp.k === 'num' && s.exp.v < 0) return productExpr(s);
      return { kind: 'binary', op: '^', left: toExpr(s.base), right: toExpr(s.exp), pos: 0 };
    case 'fn':
      if (s.abstract) return { kind: 'apply', name: s.fn, primes: s.primes, args: [toExpr(s.args[0] as Sym)], pos: 0 };
      return { kind: 'call', fn: s.fn as 'exp', args: s.args.map(toExpr), pos: 0 };
  }
}

/** `1 - tanh(u)^2`, `1 + exp(-z)`: a number and one function term print number first (polynomials number last). */
function numberFirst(terms: readonly Sym[]): boolean {
  if (terms.length !== 2 || terms[1]?.k !== 'num') return false;
  const rest = coefficient(terms[0] as Sym)[1];
  const base = rest.k === 'pow' ? rest.base : rest;
  return base.k === 'fn';
}

/** A product as `c*a*b/(d*e)`: negative powers go below the line, a leading −1 becomes a minus sign. */
function productExpr(s: Sym): Expr {
  const [c, rest] = coefficient(s);
  const top: Expr[] = [];
  const bottom: Expr[] = [];
  for (const f of factorsOf(rest)) {
    const [base, exp] = baseExp(f);
    if (exp.k === 'num' && exp.v < 0) bottom.push(toExpr(pow(base, num(-exp.v))));
    else top.push(toExpr(f));
  }
  const pq = smallFraction(c);
  let coef = Math.abs(c);
  if (pq !== undefined) {
    bottom.unshift(n(pq[1]));
    coef = pq[0];
  }
  if (coef !== 1 || top.length === 0) top.unshift(n(coef));
  const product = (xs: Expr[]): Expr =>
    xs.slice(1).reduce((l, r) => ({ kind: 'binary', op: '*', left: l, right: r, pos: 0 }), xs[0] as Expr);
  let out = product(top);
  if (bottom.length) out = { kind: 'binary', op: '/', left: out, right: product(bottom), pos: 0 };
  return c < 0 ? { kind: 'neg', arg: out, pos: 0 } : out;
}
