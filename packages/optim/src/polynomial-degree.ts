/**
 * A structural degree check for expressions: the degree of each additive term
 * as written (nothing is expanded or cancelled), or why it is not a polynomial.
 */
import { type Expr, evaluate, exprToTex, isConstant } from '@dnn/core';

/** A term's degree, or `null` with the reason when it is not a polynomial in the variables. */
export type Degree = { degree: number } | { degree: null; reason: string };

/** The degree of `e` read off its structure. */
export function degreeOf(e: Expr): Degree {
  switch (e.kind) {
    case 'number':
    case 'constant':
      return { degree: 0 };
    case 'variable':
      return { degree: 1 };
    case 'neg':
      return degreeOf(e.arg);
    case 'call':
      return isConstant(e) ? { degree: 0 } : { degree: null, reason: `${e.fn}(…) of a variable is not a polynomial` };
    case 'apply':
      return { degree: null, reason: `${e.name}(…) is an abstract function, not a polynomial` };
    case 'binary': {
      const left = degreeOf(e.left);
      if (left.degree === null) return left;
      const right = degreeOf(e.right);
      if (right.degree === null) return right;
      if (e.op === '+' || e.op === '-') return { degree: Math.max(left.degree, right.degree) };
      if (e.op === '*') return { degree: left.degree + right.degree };
      if (e.op === '/') {
        return isConstant(e.right) ? left : { degree: null, reason: 'dividing by a variable is not a polynomial' };
      }
      if (!isConstant(e.right)) return { degree: null, reason: 'a variable in an exponent is not a polynomial' };
      if (left.degree === 0) return { degree: 0 };
      const n = evaluate(e.right, {});
      if (!Number.isInteger(n) || n < 0) {
        return { degree: null, reason: `the power ${n} is not a whole number ≥ 0, so it is not a polynomial` };
      }
      return { degree: left.degree * n };
    }
  }
}

/** The additive terms of `e` as written: `a − b + c` gives a, b, c. */
export function additiveTerms(e: Expr): Expr[] {
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-'))
    return [...additiveTerms(e.left), ...additiveTerms(e.right)];
  if (e.kind === 'neg') return additiveTerms(e.arg);
  return [e];
}

/** The first additive term whose structural degree exceeds `max` (or is not polynomial), with a readable reason. */
export function firstTermAbove(e: Expr, max: number): { term: string; reason: string } | undefined {
  for (const term of additiveTerms(e)) {
    const d = degreeOf(term);
    const text = exprToTex(term).text;
    if (d.degree === null) return { term: text, reason: d.reason };
    if (d.degree > max) return { term: text, reason: `it has degree ${d.degree}` };
  }
  return undefined;
}
