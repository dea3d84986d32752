/**
 * Symbolic differentiation on the simplified form of simplify.ts (see there why not mathjs). Products are
 * differentiated factor by factor in place and never expanded, so a chain rule reads as the product of local
 * derivatives a rubric writes: d relu(w·x)/dx = step(w*x)*w.
 *
 * Named definitions (`{"r": "relu(w1*x)", "H": "x + r"}`) stay names in the result: d r/dx is
 * differentiated once and reused wherever r occurs.
 */
import { add, applyAbstract, fn, freeOf, isNum, mul, neg, num, pow, type Sym, sub, symSize } from './simplify.js';

/** Options of {@link derive}. */
export interface DeriveOptions {
  /** Named definitions, in order (a definition may use earlier ones): differentiated by the chain rule. */
  definitions?: ReadonlyMap<string, Sym>;
  /** `step` (default): relu′(u) = step(u), 0 at u = 0. `one`: the exam simplification relu′ = 1. */
  reluDerivative?: 'step' | 'one';
  /**
   * Work left (nodes built) before {@link DerivativeTooLargeError}; share one object between calls to bound them
   * together. Default: 200,000 for this call.
   */
  budget?: { left: number };
  /** Called with the name of every rule applied (for the steps). */
  onRule?: (rule: string) => void;
}

/** Thrown when a derivative grows past the budget (callers turn it into an input error). */
export class DerivativeTooLargeError extends RangeError {}

/** The rules, as the steps name them. */
export const RULES = {
  sum: 'sum rule: (u + v)′ = u′ + v′',
  constantFactor: 'constant factor: (c·u)′ = c·u′',
  product: 'product rule: (u·v)′ = u′·v + u·v′',
  power: 'power rule: (uⁿ)′ = n·uⁿ⁻¹·u′',
  exponential: 'exponential rule: (aᵘ)′ = aᵘ·ln(a)·u′',
  generalPower: 'general power rule: (uᵛ)′ = uᵛ·(v′·ln(u) + v·u′/u)',
  chain: 'chain rule: f(u)′ = f′(u)·u′',
  definition: 'chain rule through a definition: d(name)/dx = d(its expression)/dx',
  abstract: 'abstract function: R(u)′ = R′(u)·u′',
} as const;

/** The relu rule by default. */
const RELU_STEP = 'relu′(u) = step(u) (0 at u = 0)';
/** The relu rule under the `one` option. */
const RELU_ONE = 'relu′(u) = 1 (the exam’s simplification)';

/** The derivative of each built-in function of one argument, as an expression in that argument. */
const DERIVATIVES: Record<string, [string, (u: Sym, relu: 'step' | 'one') => Sym]> = {
  exp: ['exp′(u) = exp(u)', (u) => fn('exp', u)],
  log: ['log′(u) = 1/u', (u) => pow(u, num(-1))],
  ln: ['ln′(u) = 1/u', (u) => pow(u, num(-1))],
  log2: ['log2′(u) = 1/(u·ln 2)', (u) => pow(mul(u, fn('ln', num(2))), num(-1))],
  log10: ['log10′(u) = 1/(u·ln 10)', (u) => pow(mul(u, fn('ln', num(10))), num(-1))],
  sqrt: ['sqrt′(u) = 1/(2·sqrt(u))', (u) => pow(mul(num(2), fn('sqrt', u)), num(-1))],
  abs: ['abs′(u) = sign(u) (0 at u = 0)', (u) => fn('sign', u)],
  sin: ['sin′(u) = cos(u)', (u) => fn('cos', u)],
  cos: ['cos′(u) = −sin(u)', (u) => neg(fn('sin', u))],
  tan: ['tan′(u) = 1 + tan(u)^2', (u) => add(num(1), pow(fn('tan', u), num(2)))],
  tanh: ['tanh′(u) = 1 − tanh(u)^2', (u) => sub(num(1), pow(fn('tanh', u), num(2)))],
  sigmoid: ['σ′(u) = σ(u)·(1 − σ(u))', (u) => mul(fn('sigmoid', u), sub(num(1), fn('sigmoid', u)))],
  relu: [RELU_STEP, (u, relu) => (relu === 'one' ? num(1) : fn('step', u))],
  softplus: ['softplus′(u) = σ(u)', (u) => fn('sigmoid', u)],
  step: ['step′(u) = 0 (for u ≠ 0)', () => num(0)],
  sign: ['sign′(u) = 0 (for u ≠ 0)', () => num(0)],
};

/**
 * ∂s/∂x, simplified. Definitions are differentiated through (each once); abstract functions give `R'(u)·u′`.
 * max/min: d max(a, b) = step(a − b)·a′ + (1 − step(a − b))·b′ (at a tie the second argument’s), and max(u, 0)
 * or max(0, u) is relu(u).
 */
export function derive(s: Sym, x: string, options: DeriveOptions = {}): Sym {
  const definitions = options.definitions ?? new Map<string, Sym>();
  const relu = options.reluDerivative ?? 'step';
  const budget = options.budget ?? { left: 200_000 };
  const rule = options.onRule ?? (() => {});
  // Names whose value depends on x: x itself and the definitions that use it (transitively).
  const dependent = new Set([x]);
  for (const [name, body] of definitions) if (!freeOf(body, dependent)) dependent.add(name);
  // Whether each subtree is free of x, asked of every node and again of its parts: computed once per node.
  const freeness = new Map<Sym, boolean>();
  const constant = (e: Sym): boolean => freeOf(e, dependent, freeness);
  const memo = new Map<Sym, Sym>();
  const definitionMemo = new Map<string, Sym>();
  const spend = (n: number): void => {
    budget.left -= n;
    if (budget.left < 0) throw new DerivativeTooLargeError('the derivative grows too large');
  };

  const d = (e: Sym): Sym => {
    if (constant(e)) return num(0);
    const known = memo.get(e);
    if (known) return known;
    spend(1);
    const out = rawDerivative(e);
    spend(symSize(out) > 1000 ? 100 : 1);
    memo.set(e, out);
    return out;
  };

  const chain = (outer: Sym, inner: Sym): Sym => {
    if (!(inner.k === 'var' && inner.name === x)) rule(RULES.chain);
    return mul(outer, d(inner));
  };

  const rawDerivative = (e: Sym): Sym => {
    switch (e.k) {
      case 'var': {
        if (e.name === x) return num(1);
        let dd = definitionMemo.get(e.name);
        if (!dd) {
          rule(RULES.definition);
          dd = d(definitions.get(e.name) as Sym);
          definitionMemo.set(e.name, dd);
        }
        return dd;
      }
      case 'add':
        rule(RULES.sum);
        return add(...e.terms.map(d));
      case 'mul': {
        const varying = e.factors.filter((f) => !constant(f));
        rule(varying.length === 1 ? RULES.constantFactor : RULES.product);
        spend(varying.length * e.factors.length);
        const terms = e.factors.map((f, i) =>
          constant(f) ? num(0) : mul(...e.factors.map((g, j) => (i === j ? d(f) : g))),
        );
        return add(...terms);
      }
      case 'pow':
        if (constant(e.exp)) {
          rule(RULES.power);
          return mul(e.exp, pow(e.base, sub(e.exp, num(1))), chainOf(e.base));
        }
        if (constant(e.base)) {
          rule(RULES.exponential);
          return mul(e, fn('ln', e.base), d(e.exp));
        }
        rule(RULES.generalPower);
        return mul(e, add(mul(d(e.exp), fn('ln', e.base)), mul(e.exp, d(e.base), pow(e.base, num(-1)))));
      case 'fn':
        return callDerivative(e);
      default:
        return num(0);
    }
  };

  const chainOf = (inner: Sym): Sym => {
    if (!(inner.k === 'var' && inner.name === x)) rule(RULES.chain);
    return d(inner);
  };

  const callDerivative = (e: Extract<Sym, { k: 'fn' }>): Sym => {
    const u = e.args[0] as Sym;
    if (e.abstract) {
      rule(RULES.abstract);
      return mul(applyAbstract(e.fn, e.primes + 1, u), chainOf(u));
    }
    if (e.fn === 'max' || e.fn === 'min') return selectDerivative(e.fn, e.args);
    const [name, derivative] = DERIVATIVES[e.fn] as [string, (u: Sym, r: 'step' | 'one') => Sym];
    rule(e.fn === 'relu' && relu === 'one' ? RELU_ONE : name);
    return chain(derivative(u, relu), u);
  };

  const selectDerivative = (which: 'max' | 'min', args: readonly Sym[]): Sym => {
    const a = args[0] as Sym;
    const b = args.length > 2 ? fn(which, ...args.slice(1)) : (args[1] as Sym);
    if (which === 'max' && (isNum(b, 0) || isNum(a, 0))) {
      // max(u, 0) = relu(u)
      const u = isNum(b, 0) ? a : b;
      rule(`max(u, 0) = relu(u): ${relu === 'one' ? RELU_ONE : RELU_STEP}`);
      return chain(relu === 'one' ? num(1) : fn('step', u), u);
    }
    rule(
      which === 'max'
        ? 'max′: d max(a, b) = step(a − b)·a′ + (1 − step(a − b))·b′'
        : 'min′: d min(a, b) = step(b − a)·a′ + (1 − step(b − a))·b′',
    );
    const first = fn('step', which === 'max' ? sub(a, b) : sub(b, a));
    return add(mul(first, d(a)), mul(sub(num(1), first), d(b)));
  };

  return d(s);
}
