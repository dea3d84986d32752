/** Test helpers shared by the rnn/* tests: example runner, tolerant deep match, input-error assertions. */
import { type AnySolver, DnnInputError } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';

/** Asserts that `actual` contains `expected` (a subset), numbers within `tol·(1 + |expected|)`. */
export function expectClose(actual: unknown, expected: unknown, tol = 1e-9, at = 'answer'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, at).toBe('number');
    expect(Math.abs((actual as number) - expected), `${at}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      tol * (1 + Math.abs(expected)),
    );
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), at).toBe(true);
    expect((actual as unknown[]).length, `${at}.length`).toBe(expected.length);
    expected.forEach((e, i) => {
      expectClose((actual as unknown[])[i], e, tol, `${at}[${i}]`);
    });
  } else if (expected !== null && typeof expected === 'object') {
    for (const [k, e] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[k], e, tol, `${at}.${k}`);
  } else {
    expect(actual, at).toEqual(expected);
  }
}

/** Runs every example of a solver and checks its answer subset (within 1e-9), and that every step's LaTeX is plain ASCII (no Unicode operators or Greek letters). */
export function describeExamples(solver: AnySolver): void {
  describe(`${solver.id}: exam cases (derivations in each example's source)`, () => {
    for (const example of solver.examples) {
      it(example.title, () => {
        const sol = solve(solver.id, example.input);
        expectClose(sol.answer, example.answer);
        for (const st of sol.steps) expect(st.latex, st.title).toMatch(/^[\x20-\x7e]*$/);
      });
    }
  });
}

/** The error thrown by solving `input`, asserted to be a DnnInputError. */
export function inputError(id: string, input: unknown): DnnInputError {
  let caught: unknown;
  try {
    solve(id, input);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DnnInputError);
  return caught as DnnInputError;
}

/** Bad-input table: each case must throw a DnnInputError with this path and a matching reason. */
export function describeBadInputs(id: string, cases: [string, unknown, string, RegExp][]): void {
  describe(`${id}: bad input is a DnnInputError naming the field`, () => {
    for (const [name, input, path, message] of cases) {
      it(name, () => {
        const err = inputError(id, input);
        expect(err.path).toBe(path);
        expect(err.reason).toMatch(message);
      });
    }
  });
}
