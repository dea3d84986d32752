/** Prints an expression tree as text and LaTeX (for steps and graph labels). */
import { fmt } from '../format.js';
import { add, call, frac, mul, num, operatorName, pow, sub, type Tex, tex } from '../tex.js';
import type { Expr } from './ast.js';

const LATEX_FUNCTIONS: Record<string, string> = {
  exp: '\\exp',
  log: '\\log',
  ln: '\\ln',
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  tanh: '\\tanh',
  max: '\\max',
  min: '\\min',
  log2: '\\log_2',
  log10: '\\log_{10}',
  sqrt: operatorName('sqrt'),
  abs: operatorName('abs'),
  sigmoid: '\\sigma',
  relu: operatorName('relu'),
  softplus: operatorName('softplus'),
  step: operatorName('step'),
  sign: operatorName('sign'),
};

/** The expression as {@link Tex}, parenthesised only where precedence needs it. */
export function exprToTex(e: Expr): Tex {
  const children =
    e.kind === 'neg'
      ? [e.arg]
      : e.kind === 'binary'
        ? [e.left, e.right]
        : e.kind === 'call' || e.kind === 'apply'
          ? e.args
          : [];
  return nodeTex(e, children.map(exprToTex));
}

/** One node as {@link Tex}, given its operands already printed (lets callers print bottom-up in linear time). */
export function nodeTex(e: Expr, children: readonly Tex[]): Tex {
  switch (e.kind) {
    case 'number':
      return num(e.value);
    case 'constant':
      return e.name === 'pi' ? tex('π', '\\pi') : tex('e');
    case 'variable':
      return tex(e.name, e.name.length > 1 ? `\\mathit{${e.name.replace(/_/g, '\\_')}}` : e.name);
    case 'neg': {
      const inner = children[0] as Tex;
      const wrapped = inner.prec === 'sum' ? tex(`(${inner.text})`, `\\left(${inner.latex}\\right)`) : inner;
      return tex(`−${wrapped.text}`, `-${wrapped.latex}`, 'sum');
    }
    case 'binary': {
      const [l, r] = children as [Tex, Tex];
      if (e.op === '+') return add(l, r);
      if (e.op === '-') return sub(l, r);
      if (e.op === '*') return mul(l, r);
      if (e.op === '/') return frac(l, r);
      return pow(l, r);
    }
    case 'call':
      return functionTex(e.fn, children);
    case 'apply': {
      const primes = "'".repeat(e.primes);
      const name = e.name.length > 1 ? `\\mathit{${e.name.replace(/_/g, '\\_')}}` : e.name;
      return call(`${e.name}${primes}`, [...children], `${name}${primes}`);
    }
  }
}

/** A built-in function applied to arguments, with its LaTeX name (`\\exp`, `\\sigma`, `\\log_2`, …). */
export function functionTex(name: string, args: readonly Tex[]): Tex {
  return call(name, [...args], LATEX_FUNCTIONS[name]);
}

/** Binding strength in the grammar: a sum < a product < unary minus < a power < an atom. */
const LEVEL = { sum: 1, product: 2, neg: 3, power: 4, atom: 5 } as const;

function level(e: Expr): number {
  if (e.kind === 'binary') return e.op === '^' ? LEVEL.power : e.op === '*' || e.op === '/' ? LEVEL.product : LEVEL.sum;
  if (e.kind === 'neg' || (e.kind === 'number' && (e.value < 0 || Object.is(e.value, -0)))) return LEVEL.neg;
  return LEVEL.atom;
}

/**
 * The expression as text in the expression language itself (ASCII `* / ^ -`, parenthesised only where the
 * grammar needs it), so that `parseExpression(exprToText(e))` evaluates like `e`: `4*x^3 - 64*x`, `step(y)*w`.
 * Numbers print with {@link fmt} (12 significant digits).
 */
export function exprToText(e: Expr): string {
  const wrap = (child: Expr, min: number): string => {
    const t = exprToText(child);
    return level(child) < min ? `(${t})` : t;
  };
  switch (e.kind) {
    case 'number':
      return fmt(e.value);
    case 'constant':
      return e.name;
    case 'variable':
      return e.name;
    case 'neg':
      return `-${wrap(e.arg, LEVEL.product)}`; // -a*b reads (−a)·b: the same value
    case 'binary':
      if (e.op === '+' || e.op === '-') {
        return `${wrap(e.left, LEVEL.sum)} ${e.op} ${wrap(e.right, LEVEL.product)}`;
      }
      if (e.op === '*' || e.op === '/') return `${wrap(e.left, LEVEL.product)}${e.op}${wrap(e.right, LEVEL.neg)}`;
      return `${wrap(e.left, LEVEL.atom)}^${wrap(e.right, e.right.kind === 'number' ? LEVEL.atom : LEVEL.neg)}`;
    case 'call':
      return `${e.fn}(${e.args.map(exprToText).join(', ')})`;
    case 'apply':
      return `${e.name}${"'".repeat(e.primes)}(${exprToText(e.args[0])})`;
  }
}
