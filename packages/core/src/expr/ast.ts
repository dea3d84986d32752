/** Syntax tree of the expression language (SOLVERS.md, "Expression grammar"). */

/** Functions of one argument. */
export const UNARY_FUNCTIONS = [
  'exp',
  'log',
  'ln',
  'log2',
  'log10',
  'sqrt',
  'abs',
  'sin',
  'cos',
  'tan',
  'tanh',
  'sigmoid',
  'relu',
  'softplus',
  'step',
  'sign',
] as const;
/** Functions of two or more arguments. */
export const VARIADIC_FUNCTIONS = ['max', 'min'] as const;

export type UnaryFunction = (typeof UNARY_FUNCTIONS)[number];
export type VariadicFunction = (typeof VARIADIC_FUNCTIONS)[number];
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** A node of the syntax tree; `pos` is the 0-based character index in the source. */
export type Expr =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'constant'; name: 'e' | 'pi'; value: number; pos: number }
  | { kind: 'variable'; name: string; pos: number }
  | { kind: 'neg'; arg: Expr; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { kind: 'call'; fn: UnaryFunction | VariadicFunction; args: Expr[]; pos: number }
  /**
   * A declared abstract function of one argument (`R(u)`), or its derivative of order `primes` (`R'(u)`):
   * only parsed when the caller declares the name (see `parseExpression`'s `functions`); it has no value.
   */
  | { kind: 'apply'; name: string; primes: number; args: [Expr]; pos: number };

/** Variable names in order of first appearance. */
export function variables(expr: Expr): string[] {
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.kind === 'variable') seen.add(e.name);
    else if (e.kind === 'neg') walk(e.arg);
    else if (e.kind === 'binary') {
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'call' || e.kind === 'apply') e.args.forEach(walk);
  };
  walk(expr);
  return [...seen];
}

/** True when the subtree contains no variable. */
export function isConstant(expr: Expr): boolean {
  return variables(expr).length === 0;
}
