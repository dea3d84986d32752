import { Fraction } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerWeights } from './answer-blanks.js';

describe('integerWeights', () => {
  const shares = fc.array(fc.record({ n: fc.integer({ min: 1, max: 50 }), d: fc.integer({ min: 1, max: 60 }) }), {
    minLength: 1,
    maxLength: 12,
  });

  it('keeps the exact proportions of the shares in whole numbers', () => {
    fc.assert(
      fc.property(shares, fc.integer({ min: 0, max: 20 }), (parts, total) => {
        const weights = integerWeights(
          parts.map((p) => new Fraction(p.n, p.d)),
          total,
        );
        expect(weights.every((w) => Number.isInteger(w) && w > 0)).toBe(true);
        // w_i / w_0 = share_i / share_0, checked as integer cross-products
        for (let i = 1; i < parts.length; i++) {
          const [a, b] = [parts[0], parts[i]] as [{ n: number; d: number }, { n: number; d: number }];
          expect(BigInt(weights[i] ?? 0) * BigInt(a.n) * BigInt(b.d)).toBe(
            BigInt(weights[0] ?? 0) * BigInt(b.n) * BigInt(a.d),
          );
        }
      }),
    );
  });

  it('sums to the question’s points when whole numbers can, else to the smallest whole numbers', () => {
    // 3 points over blanks of 1/2, 1/4, 1/4: smallest whole weights 2, 1, 1 (sum 4) cannot make 3
    expect(integerWeights([new Fraction(1, 2), new Fraction(1, 4), new Fraction(1, 4)], 3)).toEqual([2, 1, 1]);
    // 8 points: 2, 1, 1 scaled by 2
    expect(integerWeights([new Fraction(1, 2), new Fraction(1, 4), new Fraction(1, 4)], 8)).toEqual([4, 2, 2]);
    // 2/3 and 1/3 of a 1.5-point question: not whole, the smallest are 2 and 1
    expect(integerWeights([new Fraction(2, 3), new Fraction(1, 3)], 1.5)).toEqual([2, 1]);
    expect(integerWeights([], 5)).toEqual([]);
  });
});
