/** Helpers shared by the conv/* tests: nested numbers within a tolerance, bad-input tables, random feature maps. */
import { DnnInputError } from '@dnn/core';
import fc from 'fast-check';
import { expect, it } from 'vitest';

/** Deep comparison of nested number arrays, each number within `tol`. */
export function expectClose(actual: unknown, expected: unknown, tol = 1e-9): void {
  if (typeof expected === 'number') {
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol);
    return;
  }
  expect(Array.isArray(actual)).toBe(true);
  expect((actual as unknown[]).length).toBe((expected as unknown[]).length);
  (expected as unknown[]).forEach((e, i) => {
    expectClose((actual as unknown[])[i], e, tol);
  });
}

/** One bad-input case: name, input, expected error path, expected reason. */
export type InputErrorCase = [name: string, input: unknown, path: string, reason: RegExp];

/** One test per case: solving must throw a DnnInputError with that path and a matching reason. */
export function itRejects(solve: (input: unknown) => unknown, cases: InputErrorCase[]): void {
  for (const [name, input, path, message] of cases) {
    it(name, () => {
      let caught: unknown;
      try {
        solve(input);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DnnInputError);
      expect((caught as DnnInputError).path).toBe(path);
      expect((caught as DnnInputError).reason).toMatch(message);
    });
  }
}

/** Random [C][H][W] feature maps with values in [−10, 10]. */
export function featureMaps(c: number, h: number, w: number): fc.Arbitrary<number[][][]> {
  const value = fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true });
  const row = fc.array(value, { minLength: w, maxLength: w });
  return fc.array(fc.array(row, { minLength: h, maxLength: h }), { minLength: c, maxLength: c });
}
