/**
 * @dnn/core — the solver model shared by every dnn-solvers package: solutions
 * and steps, the registry, input errors, exact fractions, number formatting,
 * the expression language with traced autodiff, and small linear algebra.
 * @packageDocumentation
 */

export type { AnswerKind, AnswerMeta } from './answer.js';
export * as a from './answer.js';
export {
  type AnySolver,
  type DefinedSolver,
  defineSolver,
  parseInput,
  runSolver,
  type Solver,
  type SolverExample,
} from './define-solver.js';
export { DnnInputError, formatPath, isDnnInputError, joinPath } from './errors.js';
export { type ExactSolveResult, Fraction, fractionString, solveExact, toFraction } from './exact.js';
export { type Expr, isConstant, UNARY_FUNCTIONS, VARIADIC_FUNCTIONS, variables } from './expr/ast.js';
export { DerivativeTooLargeError, type DeriveOptions, derive, RULES as DERIVATIVE_RULES } from './expr/derive.js';
export { evaluate } from './expr/evaluate.js';
export { type CompiledHessian, compileHessian, hessian } from './expr/hessian.js';
export { type ParseOptions, parseExpression } from './expr/parse.js';
export { exprToTex, exprToText, functionTex } from './expr/print.js';
export type { Sym } from './expr/simplify.js';
export * as cas from './expr/simplify.js';
export { type GraphNode, gradientAt, type TracedGradient, traceGradient } from './expr/trace.js';
export { fmt, fmtLatex } from './format.js';
export { describeValue, fromZodError, readableIssue } from './input-errors.js';
export { checkLimit, LIMITS, readableCount } from './limits.js';
export * from './linalg.js';
export {
  createRegistry,
  type Registry,
  type SolverAnswer,
  type SolverId,
  type SolverInfo,
  type SolverInput,
  type SolverPackage,
  type SolversOf,
  type SolverWithId,
  type TypedRegistry,
  type Unchecked,
} from './registry.js';
export * as s from './schema.js';
export type { Solution, Step } from './solution.js';
export { escapeMarkdown, type RenderFormat, renderSolution, step } from './steps.js';
export * from './tex.js';
/** zod's types and the schema constructors solvers use (see zod.ts: named re-exports keep bundles small). */
export * as z from './zod.js';
