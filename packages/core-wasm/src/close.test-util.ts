/** Test helpers: element-wise closeness and generators shared by the core-wasm tests. */
import fc from 'fast-check';
import { expect } from 'vitest';

/** The tolerance: |a − b| ≤ abs + rel·|b| (1e-6 absolute, 1e-5 relative), plus an optional per-element slack. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  slack?: ArrayLike<number>,
  rel = 1e-5,
  abs = 1e-6,
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const b = expected[i]!;
    if (a === b) continue;
    const tol = abs + rel * Math.abs(b) + (slack ? slack[i]! : 0);
    if (!(Math.abs(a - b) <= tol)) {
      expect.fail(`${what}[${i}]: got ${a}, expected ${b} (|Δ| ${Math.abs(a - b)} > ${tol})`);
    }
  }
}

/** Dyadic numbers k/16 with |k| ≤ 32: products and sums of them are exact in f32, so linear kernels must agree exactly. */
export const dyadic = fc.integer({ min: -32, max: 32 }).map((k) => k / 16);

/** f32 values in [-lim, lim] (so the WASM backend sees exactly the numbers the reference sees). */
export const f32In = (lim: number) =>
  fc.double({ min: -lim, max: lim, noNaN: true, noDefaultInfinity: true }).map((v) => Math.fround(v));

/** An array of `len` values from `arb`. */
export const arr = (arb: fc.Arbitrary<number>, len: number) => fc.array(arb, { minLength: len, maxLength: len });

/** Worst-case f32 rounding slack of a dot product of `terms` terms whose |terms| sum to `absSum` (k·u·Σ|aᵢbᵢ|). */
export function dotSlack(absSum: ArrayLike<number>, terms: number): Float64Array {
  return Float64Array.from(absSum, (s) => (terms + 2) * 2 ** -24 * s);
}
