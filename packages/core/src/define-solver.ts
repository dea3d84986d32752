/** The solver model: one solver = one `defineSolver({...})` value. */
import type * as z from 'zod/mini';
import { DnnInputError } from './errors.js';
import { fractionsToNumbers } from './fraction-input.js';
import { checkStructure, fromZodError, readableIssue } from './input-errors.js';
import type { Solution } from './solution.js';

/** An exam-style input with the answer fields it must produce (derived by hand; `source` says how). */
export interface SolverExample<I = unknown> {
  /** Short name shown in the docs presets and `dnn` help. */
  title: string;
  /** Where the numbers come from and how the answer was derived. */
  source: string;
  /** The input, as a user would type it (defaults may be omitted). */
  input: I;
  /** The answer fields this input must yield (a subset of the answer; numbers compared within 1e-9). */
  answer: Record<string, unknown>;
}

/** A solver: validated input in, worked {@link Solution} out. */
export interface Solver<
  S extends z.ZodMiniType = z.ZodMiniType,
  A extends z.ZodMiniType = z.ZodMiniType,
  Id extends string = string,
> {
  /** Catalog id, `package/name` (public API); a string literal type, so registries are typed per id. */
  id: Id;
  /** One-line title. */
  title: string;
  /** What the solver answers, in a sentence or two (docs and `dnn list`). */
  description: string;
  /** Input schema: validates, applies defaults, documents every field. */
  input: S;
  /**
   * Answer schema, built with `@dnn/core`'s answer builders (`a.answer({...})`):
   * types the answer and gives each field a title, a description and a display kind.
   */
  answer: A;
  /**
   * Computes the solution from input already parsed by the schema (defaults applied, types checked): the inner
   * function, which trusts its input. Callers use {@link DefinedSolver.run | run} or a registry's `solve(id, input)`,
   * which validate first. Throws only {@link DnnInputError} for bad input.
   */
  solveParsed: (input: z.output<S>) => Solution<z.output<A>>;
  /** Exam-style inputs with their hand-derived answers, used by tests, docs and the CLI. */
  examples: SolverExample<z.input<S>>[];
}

/** Any solver, whatever its schema (for registries and tooling). */
// biome-ignore lint/suspicious/noExplicitAny: registries hold solvers of every input type
export type AnySolver = Solver<any, any>;

/** A solver as {@link defineSolver} returns it: the declaration plus {@link DefinedSolver.run | run}, the validated call. */
export type DefinedSolver<
  S extends z.ZodMiniType = z.ZodMiniType,
  A extends z.ZodMiniType = z.ZodMiniType,
  Id extends string = string,
> = Solver<S, A, Id> & {
  /**
   * Validates `input` (applying defaults; a bad field is a {@link DnnInputError} naming it) and solves:
   * `outputShape.run({ inputShape: [3, 32, 32], outChannels: 8, kernel: 3 })`. This is the call to use;
   * `solveParsed` is the inner function, which trusts its input.
   */
  run(input: z.input<S>): Solution<z.output<A>>;
};

/** Declares a solver, keeping its id as a literal type, and adds {@link DefinedSolver.run | run}, the validated call. */
export function defineSolver<S extends z.ZodMiniType, A extends z.ZodMiniType, const Id extends string = string>(
  solver: Solver<S, A, Id>,
): DefinedSolver<S, A, Id> {
  return { ...solver, run: (input: z.input<S>) => runSolver(solver, input) };
}

/** Validates raw input against the solver's schema, applying defaults; throws {@link DnnInputError}. */
export function parseInput<S extends z.ZodMiniType>(solver: Solver<S, z.ZodMiniType>, input: unknown): z.output<S> {
  // Before the schema: absurd nesting would overflow the stack of error formatting, and a schema drops `__proto__` keys.
  checkStructure(input);
  const result = solver.input.safeParse(input);
  if (result.success) return result.data;
  // Only after a failure: fraction strings ("1/9") where the schema wants a number, read as numbers.
  const converted = fractionsToNumbers(solver.input, input);
  if (converted !== input) {
    const again = solver.input.safeParse(converted);
    if (again.success) return again.data;
  }
  // Parse again, only on failure, with the inputs reported and the readable error map (5× slower).
  const explained = solver.input.safeParse(converted, { reportInput: true, error: readableIssue });
  throw fromZodError(explained.success ? result.error : explained.error);
}

/**
 * Validates and solves. Input errors are {@link DnnInputError} — an answer that overflowed to ±Infinity too, naming
 * the answer field; anything else (a NaN in the answer included) is a bug in the solver.
 */
export function runSolver<S extends z.ZodMiniType, A extends z.ZodMiniType>(
  solver: Solver<S, A>,
  input: unknown,
): Solution<z.output<A>> {
  const solution = solver.solveParsed(parseInput(solver, input));
  const bad = nonFinitePath(solution.answer);
  if (bad !== undefined && Number.isNaN(bad.value)) {
    throw new Error(
      `internal error: ${solver.id} answer${bad.path} is NaN; non-finite results must be null with a reason`,
    );
  }
  if (bad !== undefined) {
    // The safety net under the solvers' own overflow checks: an infinite result is the input's magnitudes, not a bug.
    throw new DnnInputError(
      'input',
      `the result ${bad.path.replace(/^\./, '')} overflows double precision (beyond ±1.8e308): the input's numbers are too large in magnitude for this computation`,
    );
  }
  return solution;
}

/** Where the first NaN or ±Infinity sits in a JSON-like value (path built only when one is found). */
function nonFinitePath(value: unknown): { path: string; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path: '', value };
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = nonFinitePath(value[i]);
      if (bad) return { path: `[${i}]${bad.path}`, value: bad.value };
    }
    return undefined;
  }
  for (const key in value) {
    const bad = nonFinitePath((value as Record<string, unknown>)[key]);
    if (bad) return { path: `.${key}${bad.path}`, value: bad.value };
  }
  return undefined;
}
