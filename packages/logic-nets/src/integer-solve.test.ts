import { Fraction, solveExact } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveIntegerSystem } from './integer-solve.js';

const system = fc.integer({ min: 1, max: 8 }).chain((R) =>
  fc.record({
    B: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: R, maxLength: R }), {
      minLength: R,
      maxLength: R,
    }),
    b: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: R, maxLength: R }),
  }),
);

describe('solveIntegerSystem (fraction-free Gauss–Jordan)', () => {
  it('agrees with the exact fraction solver: the same unique solution, singular exactly when it is not unique', () => {
    fc.assert(
      fc.property(system, ({ B, b }) => {
        const got = solveIntegerSystem(B, b);
        const exact = solveExact(
          B.map((row) => row.map((v) => new Fraction(v))),
          b.map((v) => new Fraction(v)),
        );
        if (got.kind === 'overflow') return;
        expect(got.kind).toBe(exact.kind === 'unique' ? 'unique' : 'singular');
        if (got.kind === 'unique' && exact.kind === 'unique') {
          got.num.forEach((num, i) => {
            expect(new Fraction(num, got.den).equals(exact.x[i] as Fraction)).toBe(true);
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('solves a 2×2 system by hand: x + y = 3, x − y = 1 gives x = 2, y = 1', () => {
    const r = solveIntegerSystem(
      [
        [1, 1],
        [1, -1],
      ],
      [3, 1],
    );
    expect(r.kind).toBe('unique');
    if (r.kind === 'unique') expect(r.num.map((v) => v / r.den)).toEqual([2, 1]);
  });

  it('reports overflow instead of losing precision', () => {
    const big = 2 ** 40;
    expect(
      solveIntegerSystem(
        [
          [big, 1],
          [1, big],
        ],
        [1, 1],
      ).kind,
    ).toBe('overflow');
  });
});
