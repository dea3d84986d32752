/**
 * floatRoots against the plain form it was rewritten from (reduceRight Horner, f(lo) evaluated again per step,
 * always 200 bisection steps), written out here as the oracle: the roots must agree bit for bit, since the
 * critical points and their steps print them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatRoots } from './polynomial.js';

const horner = (c: readonly number[], x: number) => c.reduceRight((acc, a) => acc * x + a, 0);

function oracleRoots(c: readonly number[]): number[] {
  const n = c.length - 1;
  if (n < 1) return [];
  if (n === 1) return [-(c[0] as number) / (c[1] as number)];
  const lead = c[n] as number;
  const bound = 1 + Math.max(...c.slice(0, n).map((a) => Math.abs(a / lead)));
  const crit = oracleRoots(c.slice(1).map((a, k) => a * (k + 1))).filter((x) => Math.abs(x) < bound);
  const points = [-bound, ...crit.sort((a, b) => a - b), bound];
  const scale = (x: number) => c.reduce((s, a, k) => s + Math.abs(a) * Math.abs(x) ** k, 0);
  const roots: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    let lo = points[i] as number;
    let hi = points[i + 1] as number;
    const flo = horner(c, lo);
    if (Math.abs(flo) <= 1e-12 * scale(lo)) roots.push(lo);
    if (flo * horner(c, hi) < 0) {
      for (let k = 0; k < 200; k++) {
        const mid = (lo + hi) / 2;
        const fm = horner(c, mid);
        if (fm === 0) {
          lo = hi = mid;
          break;
        }
        if (fm * horner(c, lo) < 0) hi = mid;
        else lo = mid;
      }
      roots.push((lo + hi) / 2);
    }
  }
  const last = points[points.length - 1] as number;
  if (Math.abs(horner(c, last)) <= 1e-12 * scale(last)) roots.push(last);
  return roots
    .sort((a, b) => a - b)
    .filter((x, i, xs) => i === 0 || Math.abs(x - (xs[i - 1] as number)) > 1e-9 * (1 + Math.abs(x)));
}

describe('floatRoots', () => {
  it('equals the plain 200-step bisection bit for bit on random polynomials', () => {
    const coefficient = fc.oneof(
      fc.integer({ min: -64, max: 64 }),
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.constantFrom(0, 1e-300, -1e300),
    );
    const nonZero = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.double({ min: 0.001, max: 50, noNaN: true }));
    const poly = fc
      .tuple(fc.array(coefficient, { minLength: 1, maxLength: 6 }), nonZero, fc.boolean())
      .map(([low, lead, negative]) => [...low, negative ? -lead : lead]);
    fc.assert(
      fc.property(poly, (c) => {
        expect(floatRoots(Float64Array.from(c))).toStrictEqual(oracleRoots(c));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the roots of x³ − 16x = x(x − 4)(x + 4) (by hand: −4, 0, 4)', () => {
    expect(floatRoots(Float64Array.from([0, -16, 0, 1]))).toEqual([-4, 0, 4]);
  });
});
