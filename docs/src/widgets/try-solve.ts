/** Widgets call solvers by id through the registry, and degrade gracefully when one is not published yet. */
import { isDnnInputError, runSolver, type Solution } from '@dnn/core';
import { findSolver } from '../registry';

/** The result of {@link trySolve}. */
export type TrySolve =
  | { kind: 'solved'; solution: Solution<Record<string, unknown>> }
  | { kind: 'missing'; id: string }
  | { kind: 'error'; message: string };

/** Solves `input` with solver `id` if it is registered; never throws. */
export function trySolve(id: string, input: unknown): TrySolve {
  const solver = findSolver(id);
  if (!solver) return { kind: 'missing', id };
  try {
    return { kind: 'solved', solution: runSolver(solver, input) };
  } catch (e) {
    return { kind: 'error', message: isDnnInputError(e) || e instanceof Error ? e.message : String(e) };
  }
}
