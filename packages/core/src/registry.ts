/** A registry of solvers by id: how the CLI, the docs and `solve(id, input)` find solvers. */
import type * as z from 'zod/mini';
import { type AnySolver, runSolver, type Solver } from './define-solver.js';
import { clip, DnnInputError } from './errors.js';
import { readableCount } from './limits.js';
import type { Solution } from './solution.js';

/** A group of solvers published by one package. */
export interface SolverPackage<T extends readonly AnySolver[] = readonly AnySolver[]> {
  /** npm name, e.g. `@dnn/conv`. */
  name: string;
  solvers: T;
}

/** What `dnn list --json` prints for a solver. */
export interface SolverInfo<Id extends string = string> {
  id: Id;
  title: string;
  package: string;
}

/** The ids of a list of solvers: a union of string literals (`string` for an untyped list). */
export type SolverId<T extends readonly AnySolver[]> = T[number]['id'];

/** The solver of `T` whose id is `Id` (every solver of `T` when the ids are plain strings). */
export type SolverWithId<T extends readonly AnySolver[], Id extends string> = T[number] extends infer U
  ? U extends { id: infer I }
    ? Id extends I
      ? U
      : never
    : never
  : never;

/** What `solve(id, input)` accepts for `Id`: the input schema's input type (defaults optional); `unknown` when untyped. */
export type SolverInput<T extends readonly AnySolver[], Id extends string> =
  string extends SolverId<T>
    ? unknown
    : SolverWithId<T, Id> extends Solver<infer S, z.ZodMiniType, string>
      ? z.input<S>
      : never;

/** What `solve(id, input).answer` holds for `Id`: the answer schema's output type; a plain record when untyped. */
export type SolverAnswer<T extends readonly AnySolver[], Id extends string> =
  string extends SolverId<T>
    ? Record<string, unknown>
    : SolverWithId<T, Id> extends Solver<z.ZodMiniType, infer A, string>
      ? z.output<A>
      : never;

/** Solvers by id, untyped: any id string, `unknown` input (what tools such as the CLI take). */
export interface Registry {
  /** Every solver, in package order then declaration order. */
  list(): SolverInfo[];
  /** Whether `id` names a solver of this registry. */
  has(id: string): boolean;
  /** The solver with this id; an unknown id is a {@link DnnInputError} at path `id`. */
  get(id: string): AnySolver;
  /** Validates `input` for solver `id` (a {@link DnnInputError} names a bad field) and solves it. */
  solve(id: string, input: unknown): Solution<Record<string, unknown>>;
}

/**
 * Solvers by id, typed per id: what {@link createRegistry} returns. A wrong id, a misspelt or missing field
 * is a compile error; the answer has the answer schema's type. Assignable to the untyped {@link Registry}.
 */
export interface TypedRegistry<T extends readonly AnySolver[]> {
  /** Every solver, in package order then declaration order. */
  list(): SolverInfo<SolverId<T>>[];
  /** Whether `id` names a solver of this registry. */
  has(id: string): id is SolverId<T>;
  /** The solver with this id; an unknown id is a {@link DnnInputError} at path `id`. */
  get<Id extends SolverId<T>>(id: Id): SolverWithId<T, Id>;
  /** Validates `input` for solver `id` (a {@link DnnInputError} names a bad field) and solves it. */
  solve<Id extends SolverId<T>>(id: Id, input: SolverInput<T, Id>): Solution<SolverAnswer<T, Id>>;
  /**
   * Input whose shape is not known statically (`unknown`, or a `Record<string, unknown>` built at run time) is
   * accepted and validated at run time; an object whose fields are known must match the schema (first overload).
   */
  solve<Id extends SolverId<T>, I>(id: Id, input: Unchecked<I>): Solution<SolverAnswer<T, Id>>;
  /**
   * An id typed `string` (read from a file, a command line, a loop over solvers) is not known statically either:
   * it is checked at run time (an unknown id is a {@link DnnInputError} at path `id`). A string literal that is
   * not an id of this registry is still a compile error.
   */
  solve<Id extends string>(id: string extends Id ? Id : never, input: unknown): Solution<Record<string, unknown>>;
}

/**
 * `I` when its fields are not known statically (`unknown`, `any`, `object`, a string-keyed record, parsed JSON,
 * or a value that may be `undefined` such as `examples[0]?.input`); otherwise `never`.
 */
export type Unchecked<I> = unknown extends I
  ? I
  : undefined extends I
    ? I
    : null extends I
      ? I
      : object extends I
        ? I
        : string extends keyof I
          ? I
          : never;

/** The solvers of a tuple of packages, concatenated in order (`AnySolver[]` for a list whose length is not known). */
export type SolversOf<P extends readonly SolverPackage[]> = P extends readonly [
  infer H extends SolverPackage,
  ...infer R extends readonly SolverPackage[],
]
  ? [...H['solvers'], ...SolversOf<R>]
  : P extends readonly []
    ? []
    : P[number]['solvers'][number][];

/**
 * Builds a registry from packages of solvers; throws if two solvers share an id. Typed per id when the
 * solver lists are tuples (`[outputShape, summary] as const`): `solve('conv/output-shape', {...})` checks the
 * input against that solver's schema type and returns its answer type. Cheap and side-effect free, so a
 * module-level call can be marked `/* @__PURE__ *\/` and dropped by bundlers when unused.
 */
export function createRegistry<const P extends readonly SolverPackage[]>(packages: P): TypedRegistry<SolversOf<P>> {
  type T = SolversOf<P>;
  const byId = new Map<string, AnySolver>();
  const infos: SolverInfo[] = [];
  for (const pkg of packages) {
    for (const solver of pkg.solvers) {
      if (byId.has(solver.id)) throw new Error(`duplicate solver id ${solver.id}`);
      byId.set(solver.id, solver);
      infos.push({ id: solver.id, title: solver.title, package: pkg.name });
    }
  }
  const get = (id: string): AnySolver => {
    const solver = typeof id === 'string' ? byId.get(id) : undefined;
    if (solver) return solver;
    if (typeof id === 'string' && id.length > MAX_ID_COMPARED) {
      throw new DnnInputError(
        'id',
        `unknown solver id ${clip(JSON.stringify(id), 60)}, ${readableCount(id.length)} characters long; \`dnn list\` shows every id`,
      );
    }
    const hint = typeof id === 'string' ? closestId(id, [...byId.keys()]) : undefined;
    throw new DnnInputError(
      'id',
      `unknown solver id ${JSON.stringify(id)}${hint ? ` (did you mean ${hint}?)` : ''}; \`dnn list\` shows every id`,
    );
  };
  const registry: Registry = {
    list: () => infos.map((i) => ({ ...i })),
    has: (id) => typeof id === 'string' && byId.has(id),
    get,
    solve: (id, input) => runSolver(get(id), input),
  };
  return registry as unknown as TypedRegistry<T>;
}

/**
 * Unknown ids longer than this get no did-you-mean search (its cost is the id's length times every id's) and are
 * echoed shortened: the longest id is far shorter, so such an id is no typo.
 */
export const MAX_ID_COMPARED = 100;

function closestId(id: string, ids: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of ids) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best ?? ids.find((c) => c.endsWith(`/${id}`));
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
