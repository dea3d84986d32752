/**
 * Reading the symbolic solvers' input (optim/derivative, optim/critical-points): the expression with its named
 * definitions and abstract functions, checked and converted to @dnn/core's simplified form (`cas`).
 */
import {
  cas,
  DerivativeTooLargeError,
  type DeriveOptions,
  DnnInputError,
  derive,
  type Expr,
  evaluate,
  parseExpression,
  type Sym,
  UNARY_FUNCTIONS,
  VARIADIC_FUNCTIONS,
  variables,
} from '@dnn/core';
import * as z from 'zod/mini';
import { EXPRESSION_MAX, VARIABLES_MAX } from './expression-input.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names the expression language reserves: its constants and functions (@dnn/core's lists). */
const BUILT_INS = new Set<string>(['e', 'pi', ...UNARY_FUNCTIONS, ...VARIADIC_FUNCTIONS]);

/** Most definitions or abstract functions. */
export const DEFINITIONS_MAX = 50;
/** Largest derivative, in nodes, that a solver prints. */
export const PRINT_MAX = 20_000;
/** Work budget of all the derivatives of one request (nodes built). */
export const DERIVE_BUDGET = 400_000;

/** Checks that `name` can name a variable, definition or function; `what` says which. */
function checkName(name: string, path: string, what: string): void {
  if (!NAME.test(name)) throw new DnnInputError(path, `${JSON.stringify(name)} is not a name (letters, digits and _)`);
  if (BUILT_INS.has(name)) {
    throw new DnnInputError(path, `${JSON.stringify(name)} is a built-in of the expression language, not a ${what}`);
  }
}

/** The `definitions` field. */
export const definitionsField = z
  .optional(z.record(z.string(), z.string().check(z.maxLength(EXPRESSION_MAX))))
  .check(
    z.describe(
      'Named sub-expressions, in order: name → expression, e.g. {"r": "relu(w1*x)", "H": "x + r"}. A definition may use earlier ones and the expression may use them all; derivatives keep the names and go through them by the chain rule.',
    ),
  );

/** The `functions` field. */
export const functionsField = z
  .optional(z.array(z.string()).check(z.maxLength(DEFINITIONS_MAX)))
  .check(
    z.describe(
      'Names of abstract functions of one argument, e.g. ["R"]: R(u) differentiates to R\'(u)*u\' (the derivative is written with a prime). They have no value, so `at` cannot be used with them.',
    ),
  );

/** A parsed symbolic problem. */
export interface SymbolicProblem {
  expr: Expr;
  sym: Sym;
  /** Definition name → parsed expression, in order. */
  definitionExprs: Map<string, Expr>;
  definitions: Map<string, Sym>;
  functions: string[];
  /** Free variables (not definitions), in order of first appearance through the definitions. */
  variables: string[];
}

/** Converts to the simplified form, turning overflow into an input error at `path`. */
export function toSym(expr: Expr, path: string): Sym {
  try {
    return cas.fromExpr(expr);
  } catch (err) {
    if (err instanceof cas.SymOverflowError) throw new DnnInputError(path, `${err.message}; use smaller numbers`);
    throw err;
  }
}

/** Parses the expression, the definitions and the declared functions, with their checks. */
export function readProblem(
  expression: string,
  definitions: Record<string, string> | undefined,
  functions: readonly string[] | undefined,
): SymbolicProblem {
  const fns = [...(functions ?? [])];
  const seenFns = new Set<string>();
  fns.forEach((name, i) => {
    checkName(name, `functions[${i}]`, 'function name');
    if (seenFns.has(name)) throw new DnnInputError(`functions[${i}]`, `${JSON.stringify(name)} is listed twice`);
    seenFns.add(name);
  });
  const entries = Object.entries(definitions ?? {});
  if (entries.length > DEFINITIONS_MAX) {
    throw new DnnInputError('definitions', `has ${entries.length} entries; at most ${DEFINITIONS_MAX} are allowed`);
  }
  const definitionExprs = new Map<string, Expr>();
  const defined = new Set<string>();
  const later = new Set(entries.map(([name]) => name));
  for (const [name, source] of entries) {
    const path = `definitions.${name}`;
    checkName(name, path, 'definition name');
    if (seenFns.has(name)) throw new DnnInputError(path, `${JSON.stringify(name)} is also declared as a function`);
    const expr = parseExpression(source, path, { functions: fns });
    later.delete(name);
    for (const v of variables(expr)) {
      if (v === name) throw new DnnInputError(path, `${name} is defined in terms of itself`);
      if (later.has(v)) {
        throw new DnnInputError(
          path,
          `uses ${v}, which is defined later: order the definitions so each uses only earlier ones`,
        );
      }
    }
    definitionExprs.set(name, expr);
    defined.add(name);
  }
  const expr = parseExpression(expression, 'expression', { functions: fns });
  const definitionsSym = new Map<string, Sym>();
  for (const [name, e] of definitionExprs) definitionsSym.set(name, toSym(e, `definitions.${name}`));
  const free: string[] = [];
  const seen = new Set<string>();
  const collect = (e: Expr): void => {
    for (const v of variables(e)) {
      if (seen.has(v)) continue;
      seen.add(v);
      const def = definitionExprs.get(v);
      if (def) collect(def);
      else free.push(v);
    }
  };
  collect(expr);
  return {
    expr,
    sym: toSym(expr, 'expression'),
    definitionExprs,
    definitions: definitionsSym,
    functions: fns,
    variables: free,
  };
}

/** Checks a `wrt`-like list: names, no repeats, not a definition, at most {@link VARIABLES_MAX}. */
export function checkVariableList(names: readonly string[], path: string, problem: SymbolicProblem): void {
  if (names.length > VARIABLES_MAX)
    throw new DnnInputError(path, `has ${names.length} names; at most ${VARIABLES_MAX}`);
  const seen = new Set<string>();
  names.forEach((name, i) => {
    checkName(name, `${path}[${i}]`, 'variable');
    if (problem.definitions.has(name)) {
      throw new DnnInputError(`${path}[${i}]`, `${name} is a definition; differentiate with respect to its variables`);
    }
    if (problem.functions.includes(name)) throw new DnnInputError(`${path}[${i}]`, `${name} is a declared function`);
    if (seen.has(name)) throw new DnnInputError(`${path}[${i}]`, `${JSON.stringify(name)} is listed twice`);
    seen.add(name);
  });
}

/** ∂s/∂x with the request's shared budget; too large a derivative is an input error at `path`. */
export function deriveChecked(s: Sym, x: string, options: DeriveOptions, path: string): Sym {
  try {
    const out = derive(s, x, options);
    if (cas.symSize(out) > PRINT_MAX) throw new DerivativeTooLargeError('too large');
    return out;
  } catch (err) {
    if (err instanceof DerivativeTooLargeError) {
      throw new DnnInputError(path, 'the derivative grows too large to print; use a shorter expression or definitions');
    }
    if (err instanceof cas.SymOverflowError) throw new DnnInputError(path, `${err.message}; use smaller numbers`);
    throw err;
  }
}

/** The values of the definitions at a point (each may use earlier ones), added to a copy of the point. */
export function withDefinitionValues(
  problem: SymbolicProblem,
  at: Readonly<Record<string, number>>,
): Record<string, number> {
  const env: Record<string, number> = { ...at };
  for (const [name, e] of problem.definitionExprs) env[name] = evaluate(e, env, `definitions.${name}`);
  return env;
}
