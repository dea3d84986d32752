/** Prints an expression tree as text and LaTeX (for steps and graph labels). */
import { add, call, frac, mul, num, pow, sub, type Tex, tex } from '../tex.js';
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
  sqrt: '\\operatorname{sqrt}',
  abs: '\\operatorname{abs}',
  sigmoid: '\\sigma',
  relu: '\\operatorname{relu}',
  softplus: '\\operatorname{softplus}',
};

/** The expression as {@link Tex}, parenthesised only where precedence needs it. */
export function exprToTex(e: Expr): Tex {
  const children =
    e.kind === 'neg' ? [e.arg] : e.kind === 'binary' ? [e.left, e.right] : e.kind === 'call' ? e.args : [];
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
  }
}

/** A built-in function applied to arguments, with its LaTeX name (`\\exp`, `\\sigma`, `\\log_2`, …). */
export function functionTex(name: string, args: readonly Tex[]): Tex {
  return call(name, [...args], LATEX_FUNCTIONS[name]);
}
