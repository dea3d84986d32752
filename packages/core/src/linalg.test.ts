import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fraction, fractionString, solveExact, toFraction } from './exact.js';
import {
  determinant,
  eigenvalues,
  matrixPower,
  solveLinear,
  spectralNorm,
  spectralRadius,
  symmetricEigenvalues,
} from './linalg.js';

const F = (rows: number[][]) => rows.map((r) => r.map((x) => new Fraction(x)));

describe('exact linear systems', () => {
  it('solves a unique system in fractions: x + y = 3, x − y = 1/3 → x = 5/3, y = 4/3', () => {
    const r = solveExact(
      F([
        [1, 1],
        [1, -1],
      ]),
      [new Fraction(3), new Fraction(1, 3)],
    );
    expect(r.kind).toBe('unique');
    if (r.kind === 'unique') expect(r.x.map(fractionString)).toEqual(['5/3', '4/3']);
  });

  it('reports free unknowns of an under-determined system', () => {
    expect(solveExact(F([[1, 1]]), [new Fraction(2)])).toEqual({ kind: 'underdetermined', free: [1] });
  });

  it('reports the equations that contradict each other', () => {
    const r = solveExact(
      F([
        [1, 0],
        [0, 1],
        [1, 0],
      ]),
      [1, 2, 3].map((v) => new Fraction(v)),
    );
    expect(r).toEqual({ kind: 'inconsistent', conflicting: [0, 2] });
  });

  it('toFraction keeps the decimal the user typed', () => {
    expect(fractionString(toFraction(0.1))).toBe('1/10');
    expect(fractionString(toFraction(-2))).toBe('-2');
    expect(fractionString(toFraction(1e-7))).toBe('1/10000000');
    expect(fractionString(toFraction(-2.5e21))).toBe('-2500000000000000000000');
    expect(toFraction(5e-324).d).toBe(2n * 10n ** 323n);
  });
});

describe('floating-point linear algebra', () => {
  it('solve and determinant', () => {
    expect(
      solveLinear(
        [
          [2, 0],
          [0, 4],
        ],
        [2, 2],
      ),
    ).toEqual([1, 0.5]);
    expect(
      determinant([
        [1, 2],
        [3, 4],
      ]),
    ).toBeCloseTo(-2, 12);
  });

  it('solve pivots past a zero diagonal, rejects a singular matrix, and fits an over-determined system', () => {
    // x·0 + y = 2, x = 3 (by hand): the first column's pivot is in the second row.
    expect(
      solveLinear(
        [
          [0, 1],
          [1, 0],
        ],
        [2, 3],
      ),
    ).toEqual([3, 2]);
    expect(() =>
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toThrow('singular matrix');
    // Least squares of x = 1, x = 2, x = 6 is their mean, 3.
    expect(solveLinear([[1], [1], [1]], [1, 2, 6])).toEqual([3]);
  });

  it('solve matches the exact rational solution on random integer systems (row swaps at every column)', () => {
    const system = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.tuple(
        fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }), {
          minLength: n,
          maxLength: n,
        }),
        fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }),
      ),
    );
    fc.assert(
      fc.property(system, ([A, b]) => {
        const exact = solveExact(
          F(A),
          b.map((v) => new Fraction(v)),
        );
        fc.pre(exact.kind === 'unique');
        if (exact.kind !== 'unique') return;
        const want = exact.x.map((f) => f.valueOf());
        const scale = Math.max(1, ...want.map(Math.abs));
        const got = solveLinear(A, b);
        expect(got).toHaveLength(want.length);
        got.forEach((v, i) => {
          expect(Math.abs(v - (want[i] as number))).toBeLessThanOrEqual(1e-9 * scale);
        });
      }),
    );
  });

  it('eigenvalues of a rotation are complex: ±i', () => {
    const ev = eigenvalues([
      [0, -1],
      [1, 0],
    ]);
    expect(ev.map((z) => [Math.round(z.re * 1e12) / 1e12 + 0, Math.round(z.im * 1e12) / 1e12])).toEqual([
      [0, -1],
      [0, 1],
    ]);
    expect(
      spectralRadius([
        [0, -1],
        [1, 0],
      ]),
    ).toBeCloseTo(1, 12);
  });

  it('symmetric eigenvalues ascend; spectral norm is the largest singular value', () => {
    expect(
      symmetricEigenvalues([
        [2, 1],
        [1, 2],
      ]).map((x) => Math.round(x * 1e12) / 1e12),
    ).toEqual([1, 3]);
    // [[1, 1], [0, 1]] has singular values (√5 ± 1)/2.
    expect(
      spectralNorm([
        [1, 1],
        [0, 1],
      ]),
    ).toBeCloseTo((Math.sqrt(5) + 1) / 2, 12);
  });

  it('matrix power by squaring', () => {
    expect(
      matrixPower(
        [
          [1, 1],
          [0, 1],
        ],
        5,
      ),
    ).toEqual([
      [1, 5],
      [0, 1],
    ]);
    expect(matrixPower([[2]], 0)).toEqual([[1]]);
  });
});
