/**
 * Input fields and checks shared by the expression-based solvers
 * (optim/gradient, optim/hessian, optim/learning-rate, optim/step): the
 * expression text, the point `at`, and the parse + coverage checks.
 */
import { DnnInputError, type Expr, eq, exprToTex, parseExpression, type Step, step, variables, vec } from '@dnn/core';
import * as z from 'zod/mini';

/** Longest accepted expression, in characters. */
export const EXPRESSION_MAX = 2000;
/** Most variables (keys of `at`, or parameters). */
export const VARIABLES_MAX = 50;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The expression field (grammar of SOLVERS.md). */
export function expressionField(description: string) {
  return z.string().check(z.maxLength(EXPRESSION_MAX), z.describe(description));
}

/** A map variable name → finite number, with at most {@link VARIABLES_MAX} entries and identifier names. */
export function pointField(description: string) {
  return z.record(z.string(), z.number()).check(
    z.superRefine((point, ctx) => {
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
    }),
    z.describe(description),
  );
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

/**
 * Size measures of a syntax tree: `nodes`; `traceCost`, the summed subtree sizes
 * (the work of one traced gradient, whose nodes carry printed labels); and
 * `evalCost`, nodes plus the summed sizes of every right operand (the work of
 * one evaluation, which checks each right operand for variables).
 */
export function exprSize(expr: Expr): { nodes: number; traceCost: number; evalCost: number } {
  let nodes = 0;
  let traceCost = 0;
  let evalCost = 0;
  const walk = (e: Expr): number => {
    let size = 1;
    if (e.kind === 'neg') size += walk(e.arg);
    else if (e.kind === 'binary') {
      const right = walk(e.right);
      size += walk(e.left) + right;
      evalCost += right;
    } else if (e.kind === 'call' || e.kind === 'apply') for (const a of e.args) size += walk(a);
    nodes++;
    traceCost += size;
    return size;
  };
  walk(expr);
  return { nodes, traceCost, evalCost: evalCost + nodes };
}

/** Work budget of traced gradients (summed subtree sizes × evaluations): about a second at most. */
export const TRACE_BUDGET = 3e6;

/** Throws an input error at `path` when `evaluations` traced gradients of `expr` would exceed {@link TRACE_BUDGET}. */
export function checkTraceWork(expr: Expr, evaluations: number, path: string, what: string): void {
  const work = evaluations * exprSize(expr).traceCost;
  if (work > TRACE_BUDGET) {
    throw new DnnInputError(
      path,
      `${what} needs about ${work.toExponential(1)} operations, above the budget of ${TRACE_BUDGET.toExponential(0)}; use a shorter expression${evaluations > 1 ? ' or fewer steps' : ''}`,
    );
  }
}

/** Work budget of one Hessian (evaluations × evaluation cost): well under a second. */
export const HESSIAN_BUDGET = 1e7;

/** Throws an input error at `path` when an exact n×n Hessian of `expr` would exceed {@link HESSIAN_BUDGET}. */
export function checkHessianWork(expr: Expr, n: number, path: string): void {
  const work = ((n * (n + 1)) / 2) * exprSize(expr).evalCost;
  if (work > HESSIAN_BUDGET) {
    throw new DnnInputError(
      path,
      `the Hessian of this expression in ${n} variables needs about ${work.toExponential(1)} operations, above the budget of ${HESSIAN_BUDGET.toExponential(0)}; use fewer variables or a shorter expression`,
    );
  }
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
