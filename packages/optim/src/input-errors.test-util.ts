/** Test helpers: examples must reproduce their answers; bad inputs must be DnnInputErrors naming the field. */
import { type AnySolver, DnnInputError } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';

/** One bad-input case: name, input, the expected error path, a pattern of its reason. */
export type InputErrorCase = [name: string, input: unknown, path: string, reason: RegExp];

/** Registers one `it` per case asserting solver `id` throws a DnnInputError at `path` matching `reason`. */
export function itRejects(id: string, cases: readonly InputErrorCase[]): void {
  for (const [name, input, path, reason] of cases) {
    it(name, () => {
      let caught: unknown;
      try {
        solve(id, input);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DnnInputError);
      expect((caught as DnnInputError).path).toBe(path);
      expect((caught as DnnInputError).reason).toMatch(reason);
    });
  }
}

/** Compares numbers (deeply) within a relative tolerance. */
export function expectNear(actual: unknown, expected: unknown, tol = 1e-9, where = 'answer'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    expect(Math.abs((actual as number) - expected), where).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), where).toBe(true);
    expect((actual as unknown[]).length, where).toBe(expected.length);
    for (const [i, e] of expected.entries()) expectNear((actual as unknown[])[i], e, tol, `${where}[${i}]`);
  } else if (expected !== null && typeof expected === 'object') {
    for (const [k, e] of Object.entries(expected))
      expectNear((actual as Record<string, unknown>)?.[k], e, tol, `${where}.${k}`);
  } else {
    expect(actual, where).toEqual(expected);
  }
}

/** Registers one `it` per example of `solver`: its answer must contain the example's answer (numbers within `tol`). */
export function itSolvesExamples(solver: AnySolver, tol = 1e-12): void {
  describe(`${solver.id}: exam cases (derived by hand in each example source)`, () => {
    for (const example of solver.examples) {
      it(example.title, () => {
        expectNear(solve(solver.id, example.input).answer, example.answer, tol);
      });
    }
  });
}
