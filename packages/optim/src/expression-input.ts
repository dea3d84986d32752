/**
 * Input fields and checks shared by the expression-based solvers
 * (optim/gradient, optim/hessian, optim/learning-rate, optim/step): the
 * expression text, the point `at`, and the parse + coverage checks.
 */
import {
  DnnInputError,
  type Expr,
  eq,
  exprToTex,
  parseExpression,
  type Step,
  step,
  variables,
  vec,
  z,
} from '@dnn/core';

/** Longest accepted expression, in characters. */
export const EXPRESSION_MAX = 2000;
/** Most variables (keys of `at`, or parameters). */
export const VARIABLES_MAX = 50;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The expression field (grammar of SOLVERS.md). */
export function expressionField(description: string) {
  return z.string().max(EXPRESSION_MAX).describe(description);
}

/** A map variable name → finite number, with at most {@link VARIABLES_MAX} entries and identifier names. */
export function pointField(description: string) {
  return z
    .record(z.string(), z.number())
    .superRefine((point, ctx) => {
      const keys = Object.keys(point);
      if (keys.length > VARIABLES_MAX) {
        ctx.addIssue({ code: 'custom', message: `has ${keys.length} variables; at most ${VARIABLES_MAX} are allowed` });
        return;
      }
      for (const key of keys) {
        if (!NAME.test(key) || key === 'e' || key === 'pi') {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message:
              key === 'e' || key === 'pi'
                ? `${key} is a constant of the expression language, not a variable`
                : 'is not a variable name (letters, digits and _, starting with a letter or _)',
          });
          return;
        }
      }
    })
    .describe(description);
}

/** Parses `source` and checks that every variable of it has a value in `point` (error at `pointPath`). */
export function parseCovered(source: string, path: string, point: Record<string, number>, pointPath: string): Expr {
  const expr = parseExpression(source, path);
  const missing = variables(expr).filter((name) => !Object.hasOwn(point, name));
  if (missing.length) {
    const list = missing.map((m) => JSON.stringify(m)).join(', ');
    throw new DnnInputError(
      pointPath,
      `needs a value for ${list}: ${missing.length === 1 ? 'it is a variable' : 'they are variables'} of the expression`,
    );
  }
  return expr;
}

/** Number of nodes of the syntax tree, and the summed subtree sizes (the cost of one traced gradient with labels). */
export function exprSize(expr: Expr): { nodes: number; traceCost: number } {
  let nodes = 0;
  let traceCost = 0;
  const walk = (e: Expr): number => {
    let size = 1;
    if (e.kind === 'neg') size += walk(e.arg);
    else if (e.kind === 'binary') size += walk(e.left) + walk(e.right);
    else if (e.kind === 'call') for (const a of e.args) size += walk(a);
    nodes++;
    traceCost += size;
    return size;
  };
  walk(expr);
  return { nodes, traceCost };
}

/** Throws an input error at `path` unless every number is finite (a result overflowed float64). */
export function requireFinite(values: readonly number[], path: string, what: string): void {
  if (values.some((v) => !Number.isFinite(v))) {
    throw new DnnInputError(path, `${what} overflows a float64 at this point; use smaller numbers`);
  }
}

/** The opening steps: the function and the point. */
export function functionSteps(expr: Expr, at: Record<string, number>, fName = 'f'): Step[] {
  const steps = [step('The function', eq(fName, exprToTex(expr)))];
  const entries = Object.entries(at);
  if (entries.length) steps.push(step('The point', vec(entries.map(([k, v]) => eq(k, v)))));
  return steps;
}
