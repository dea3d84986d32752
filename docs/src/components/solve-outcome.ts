/**
 * Solving a calculator's input without ever throwing: the one function the
 * solve worker and the page's fallback (no Worker) share, so both give the
 * same outcome for the same input. Loads the solver library and KaTeX: the
 * calculator pages import it only lazily (see use-solution.ts).
 */

import { findSolver } from '../registry';
import { type Outcome, solveSafely } from './calculator-data.mjs';
import { stepsHtml } from './steps-html';

export type { Outcome } from './calculator-data.mjs';
export { solveSafely } from './calculator-data.mjs';

/** {@link solveSafely} for a solver id; an unregistered id is an `internal` outcome. */
export function solveById(id: string, value: unknown): Outcome {
  const solver = findSolver(id);
  if (!solver) return { kind: 'internal', message: `no solver "${id}" is registered` };
  return solveSafely(solver, value);
}

/** A solved outcome with each step's maths rendered to KaTeX HTML; other outcomes as they are. */
export function withStepsHtml(outcome: Outcome): Outcome {
  return outcome.kind === 'solved' ? { ...outcome, html: stepsHtml(outcome.solution) } : outcome;
}

/** {@link solveById} with each step's maths rendered (what the page's fallback without a worker gives). */
export function solveAndRender(id: string, value: unknown): Outcome {
  return withStepsHtml(solveById(id, value));
}
