/** A registry of solvers by id: how the CLI, the docs and `solve(id, input)` find solvers. */
import { type AnySolver, runSolver } from './define-solver.js';
import { DnnInputError } from './errors.js';
import type { Solution } from './solution.js';

/** A group of solvers published by one package. */
export interface SolverPackage {
  /** npm name, e.g. `@dnn/conv`. */
  name: string;
  solvers: readonly AnySolver[];
}

/** What `dnn list --json` prints for a solver. */
export interface SolverInfo {
  id: string;
  title: string;
  package: string;
}

/** Solvers by id. */
export interface Registry {
  /** Every solver, in package order then declaration order. */
  list(): SolverInfo[];
  /** The solver with this id; an unknown id is a {@link DnnInputError} at path `id`. */
  get(id: string): AnySolver;
  /** Validates `input` for solver `id` and solves it. */
  solve(id: string, input: unknown): Solution<Record<string, unknown>>;
}

/** Builds a registry; throws if two solvers share an id. */
export function createRegistry(packages: readonly SolverPackage[]): Registry {
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
    const hint = typeof id === 'string' ? closestId(id, [...byId.keys()]) : undefined;
    throw new DnnInputError(
      'id',
      `unknown solver id ${JSON.stringify(id)}${hint ? ` (did you mean ${hint}?)` : ''}; \`dnn list\` shows every id`,
    );
  };
  return {
    list: () => infos.map((i) => ({ ...i })),
    get,
    solve: (id, input) => runSolver(get(id), input),
  };
}

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
