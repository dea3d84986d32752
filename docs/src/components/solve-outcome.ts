/**
 * Solving a calculator's input without ever throwing: the one function the
 * page (first render, fallback) and the solve worker share, so both give the
 * same outcome for the same input.
 */
import { type AnySolver, isDnnInputError, runSolver, type Solution } from '@dnn/core';
import { findSolver } from '../registry';

/** What solving one input gave: a solution, an input error naming its field, or a solver bug. */
export type Outcome =
  | { kind: 'solved'; solution: Solution<Record<string, unknown>> }
  | { kind: 'input-error'; path: string; message: string }
  | { kind: 'internal'; message: string };

/** Runs the solver; bad input becomes an error naming its field, never an exception. */
export function solveSafely(solver: AnySolver, value: unknown): Outcome {
  try {
    const clean = value === undefined ? {} : JSON.parse(JSON.stringify(value));
    return { kind: 'solved', solution: runSolver(solver, clean) };
  } catch (e) {
    if (isDnnInputError(e)) return { kind: 'input-error', path: e.path, message: e.message };
    return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
  }
}

/** {@link solveSafely} for a solver id; an unregistered id is an `internal` outcome. */
export function solveById(id: string, value: unknown): Outcome {
  const solver = findSolver(id);
  if (!solver) return { kind: 'internal', message: `no solver "${id}" is registered` };
  return solveSafely(solver, value);
}
