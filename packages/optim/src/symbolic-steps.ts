/**
 * The symbolic derivatives that optim/gradient and optim/hessian show before substituting the point
 * (∂f/∂x = 4x³ − 64x = −96): @dnn/core's `derive` on the simplified form, with the rules it applied. These steps
 * only explain — the answers still come from the traced graph and the hyper-dual Hessian — so a derivative too
 * large to read, or one that cannot be built, is left out of the steps rather than turned into an error.
 */
import {
  cas,
  DerivativeTooLargeError,
  DnnInputError,
  derive,
  type Expr,
  eq,
  evaluate,
  exprToTex,
  exprToText,
  matrix,
  type Step,
  type Sym,
  step,
  type Tex,
  tex,
  vec,
} from '@dnn/core';

/** Work budget of the symbolic steps of one request (nodes built), a small part of optim/derivative's. */
const STEP_BUDGET = 50_000;
/** Largest derivative, in nodes, printed in a step. */
const SHOW_MAX = 400;
/** Most variables for which optim/hessian prints the Hessian of expressions. */
export const HESSIAN_SHOW_MAX = 6;

/** `∂f/∂x` (`\frac{\partial f}{\partial x}`), names of several letters in `\mathit`. */
export function partialTex(f: string, x: string): Tex {
  const latexName = x.length > 1 ? `\\mathit{${x.replace(/_/g, '\\_')}}` : x;
  return tex(`∂${f}/∂${x}`, `\\frac{\\partial ${f}}{\\partial ${latexName}}`);
}

/** A simplified expression as step maths. */
export const symTex = (x: Sym): Tex => exprToTex(cas.toExpr(x));
/** A simplified expression as text in the expression language (parses back). */
export const symText = (x: Sym): string => exprToText(cas.toExpr(x));

/** One first derivative: the expression, and the rules applied to build it. */
export interface SymbolicPartial {
  name: string;
  derivative: Sym;
  rules: string[];
}

/** Runs `build`, returning undefined when the algebra overflows or grows past the budget or {@link SHOW_MAX}. */
function attempt<T>(build: () => T): T | undefined {
  try {
    return build();
  } catch (err) {
    if (err instanceof DerivativeTooLargeError || err instanceof cas.SymOverflowError) return undefined;
    throw err;
  }
}

const small = (d: Sym): Sym => {
  if (cas.symSize(d) > SHOW_MAX) throw new DerivativeTooLargeError('too large to show');
  return d;
};

/** ∂f/∂name for every name of `wrt`, or undefined when one cannot be shown. */
export function symbolicPartials(
  expr: Expr,
  wrt: readonly string[],
  budget = { left: STEP_BUDGET },
): SymbolicPartial[] | undefined {
  return attempt(() => {
    const f = cas.fromExpr(expr);
    return wrt.map((name) => {
      const rules = new Set<string>();
      const derivative = small(derive(f, name, { budget, onRule: (r) => rules.add(r) }));
      return { name, derivative, rules: [...rules] };
    });
  });
}

/** The value of a symbolic derivative (as a tree) at the point, or undefined where it is undefined there. */
export function valueAt(d: Expr, at: Readonly<Record<string, number>>): number | undefined {
  try {
    const v = evaluate(d, at, 'derivative');
    return Number.isFinite(v) ? v : undefined;
  } catch (err) {
    if (err instanceof DnnInputError) return undefined;
    throw err;
  }
}

/** True when a and b agree within 1e-9 relative. */
const agrees = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The steps "∂f/∂x — rules: ∂f/∂x = <expression> = <value>", one per partial. The value is the symbolic
 * derivative evaluated at the point; where it differs from `numeric` (the traced value — a max/min tie, which
 * optim/derivative resolves the other way), the step shows the expression and says so instead.
 */
export function partialSteps(
  partials: readonly SymbolicPartial[],
  at: Readonly<Record<string, number>>,
  numeric: readonly number[],
): Step[] {
  return partials.map(({ name, derivative, rules }, i) => {
    const tree = cas.toExpr(derivative); // evaluated, then printed
    const value = valueAt(tree, at);
    const expected = numeric[i] as number;
    const shown = value !== undefined && agrees(value, expected);
    const why = rules.length ? rules.join('; ') : 'f does not depend on it: 0';
    const title = shown
      ? `Symbolic derivative, then the point substituted — ${why}`
      : `Symbolic derivative — ${why} (not substituted: f has a kink or a max/min tie at this point, where the graph below applies its own rule)`;
    return step(
      title,
      shown ? eq(partialTex('f', name), exprToTex(tree), expected) : eq(partialTex('f', name), exprToTex(tree)),
    );
  });
}

/**
 * The Hessian of expressions, ∂²f/∂xᵢ∂xⱼ (rows and columns in `names` order), or undefined when there are more
 * than {@link HESSIAN_SHOW_MAX} names or a cell cannot be shown.
 */
export function symbolicHessian(
  partials: readonly SymbolicPartial[],
  budget = { left: STEP_BUDGET },
): Sym[][] | undefined {
  if (partials.length > HESSIAN_SHOW_MAX) return undefined;
  return attempt(() => {
    const cells: Sym[][] = partials.map(() => []);
    partials.forEach((row, i) => {
      partials.forEach((col, j) => {
        (cells[i] as Sym[])[j] =
          j < i ? ((cells[j] as Sym[])[i] as Sym) : small(derive(row.derivative, col.name, { budget }));
      });
    });
    return cells;
  });
}

/** The step showing the Hessian of expressions before the point is substituted. */
export function hessianExpressionStep(cells: readonly (readonly Sym[])[]): Step {
  return step(
    'Hessian of expressions: differentiate each first derivative again (∂²f/∂xᵢ∂xⱼ = ∂²f/∂xⱼ∂xᵢ), then substitute the point',
    eq(tex('H'), matrix(cells.map((row) => row.map(symTex)))),
  );
}

/** The step showing the gradient of expressions ∇f = [∂f/∂x, …] before the point is substituted. */
export function gradientExpressionStep(partials: readonly SymbolicPartial[]): Step {
  const why = [...new Set(partials.flatMap((p) => p.rules))].join('; ');
  return step(
    `Gradient of expressions${why ? ` — ${why}` : ''}`,
    eq(
      tex('∇f', '\\nabla f'),
      vec(partials.map((p) => partialTex('f', p.name))),
      vec(partials.map((p) => symTex(p.derivative))),
    ),
  );
}
