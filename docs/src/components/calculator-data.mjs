// What a calculator needs to show one solver, as JSON data: its title, presets,
// the JSON Schemas of its input and answer, and the outcome of its first input.
// The calculator-routes plugin writes this at build time for each calculator
// page (in plain Node: solver-ids.mjs), so those pages never load the solver
// library on the main thread; calculators embedded in guides build the same
// data in the browser from the registry (Calculator.tsx). Plain JavaScript
// (types in calculator-data.d.mts) because that Node script imports it too.
import { a, isDnnInputError, runSolver, s } from '@dnn/core';

/** Runs the solver; bad input becomes an error naming its field, never an exception. */
export function solveSafely(solver, value) {
  try {
    const clean = value === undefined ? {} : JSON.parse(JSON.stringify(value));
    return { kind: 'solved', solution: runSolver(solver, clean) };
  } catch (e) {
    if (isDnnInputError(e)) return { kind: 'input-error', path: e.path, message: e.message };
    return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
  }
}

/** The first input of a calculator: `input` when given, else example `example` (default the first). */
export function initialInput(solver, example, input) {
  if (input) return input;
  const ex = solver.examples[example ?? 0] ?? solver.examples[0];
  return ex?.input ?? {};
}

/** The calculator data of `solver`, starting from `input` or example `example`. */
export function calculatorData(solver, { example, input, pkg } = {}) {
  const first = initialInput(solver, example, input);
  return {
    id: solver.id,
    title: solver.title,
    description: solver.description ?? '',
    package: pkg,
    examples: solver.examples.map((ex) => ({ title: ex.title, source: ex.source, input: ex.input })),
    inputSchema: s.toJsonSchema(solver.input),
    answerSchema: a.answerJsonSchema(solver.answer),
    example: input ? undefined : (example ?? 0),
    input: first,
    outcome: solveSafely(solver, first),
  };
}
