/** Properties of the float32-exactness test: what it accepts, float32 arithmetic really computes exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageExact, dyadicRange, lowBit, sumOfProductsExact } from './exact.js';

/** k/2^m with |k| ≤ bound (exam-like binary fractions up to integers near float32's 2^24 limit). */
const dyadicOf = (bound: number, m: number) => fc.integer({ min: -bound, max: bound }).map((k) => k / 2 ** m);
const dyadicValue = fc.oneof(dyadicOf(300, 2), dyadicOf(20000, 0));
/** A scale for a whole case, so that sums land on both sides of the 2^24 bound. */
const scale = fc.record({ bound: fc.constantFrom(4, 64, 1024, 4096, 20000), m: fc.integer({ min: 0, max: 4 }) });

/** Σ a_i·b_i + bias with every product and sum rounded to float32 (as the WASM kernels compute), in the given order. */
function f32Dot(a: number[], b: number[], bias: number, order: number[]): number {
  let acc = 0;
  for (const i of order) acc = Math.fround(acc + Math.fround(Math.fround(a[i]!) * Math.fround(b[i]!)));
  return Math.fround(acc + Math.fround(bias));
}

describe('exact.ts properties', () => {
  it('lowBit: v / 2^lowBit(v) is an odd integer (brute force over doubles)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        fc.pre(v !== 0);
        const e = lowBit(v);
        // scale in two halves so neither power of two overflows
        const q = v / 2 ** Math.trunc(e / 2) / 2 ** (e - Math.trunc(e / 2));
        expect(Number.isInteger(q) && Math.abs(q % 2) === 1).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('dyadicRange is null exactly when some value is not a normal float32 number', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(dyadicValue, fc.double({ noNaN: true })), { maxLength: 8 }), (vs) => {
        const ok = vs.every(
          (v) =>
            v === 0 ||
            (Math.fround(v) === v && Math.abs(v) >= 2 ** -126 && Math.abs(v) < 2 ** 126 && lowBit(v) >= -126),
        );
        expect(dyadicRange(vs) !== null).toBe(ok);
      }),
      { numRuns: 2000 },
    );
  });

  it('sumOfProductsExact ⇒ float32 sums of products in any order equal the float64 sum', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 40 }), scale, scale).chain(([n, sa, sb]) =>
          fc.record({
            a: fc.array(dyadicOf(sa.bound, sa.m), { minLength: n, maxLength: n }),
            b: fc.array(dyadicOf(sb.bound, sb.m), { minLength: n, maxLength: n }),
            bias: dyadicOf(sa.bound, sb.m),
            order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
          }),
        ),
        ({ a, b, bias, order }) => {
          fc.pre(sumOfProductsExact(dyadicRange(a), dyadicRange(b), a.length, dyadicRange([bias])));
          let f64 = bias;
          for (let i = 0; i < a.length; i++) f64 += a[i]! * b[i]!;
          expect(f32Dot(a, b, bias, order)).toBe(f64);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('averageExact ⇒ the float32 window sum divided in float32 equals the float64 average', () => {
    fc.assert(
      fc.property(
        fc.array(dyadicValue, { minLength: 1, maxLength: 16 }),
        fc.constantFrom(1, 2, 3, 4, 6, 8, 9, 16),
        (vs, d) => {
          fc.pre(averageExact(dyadicRange(vs), vs.length, [d]));
          let f32 = 0;
          let f64 = 0;
          for (const v of vs) {
            f32 = Math.fround(f32 + v);
            f64 += v;
          }
          expect(Math.fround(f32 / d)).toBe(f64 / d);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
