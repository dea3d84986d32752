import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eigenvalues } from './eigen.js';
import { determinant, symmetricEigenvalues } from './linalg.js';

const entry = fc.double({ min: -5, max: 5, noNaN: true });
const matrixOf = (rows: number, cols: number) =>
  fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** Element-wise closeness of nested numbers within tol·(1 + |expected|). */
function expectClose(actual: unknown, expected: unknown, tol = 1e-9): void {
  if (typeof expected === 'number')
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol * (1 + Math.abs(expected)));
  else if (Array.isArray(expected)) {
    for (const [i, e] of expected.entries()) expectClose((actual as unknown[])[i], e, tol);
  } else
    for (const [k, e] of Object.entries(expected as object))
      expectClose((actual as Record<string, unknown>)[k], e, tol);
}

const square = fc.integer({ min: 1, max: 6 }).chain((n) => matrixOf(n, n));

describe('eigenvalues (capped complex QR)', () => {
  it('terminates on the matrix where ml-matrix loops forever', () => {
    const eig = eigenvalues(
      [
        [1, 0, 0],
        [-1e-15, 0, -1],
        [0, 1, 0],
      ],
      'Whh',
    );
    expectClose(eig, [
      { re: 0, im: -1 },
      { re: 0, im: 1 },
      { re: 1, im: 0 },
    ]);
  });

  it('a rotation by 90° has eigenvalues ±i; a Jordan block has a double eigenvalue', () => {
    expectClose(
      eigenvalues(
        [
          [0, -1],
          [1, 0],
        ],
        '',
      ),
      [
        { re: 0, im: -1 },
        { re: 0, im: 1 },
      ],
    );
    expectClose(
      eigenvalues(
        [
          [2, 1],
          [0, 2],
        ],
        '',
      ),
      [
        { re: 2, im: 0 },
        { re: 2, im: 0 },
      ],
    );
  });

  it('the eigenvalues sum to the trace and multiply to the determinant', () => {
    fc.assert(
      fc.property(square, (A) => {
        const eig = eigenvalues(A, '');
        expect(eig.length).toBe(A.length);
        const sum = eig.reduce((s, l) => ({ re: s.re + l.re, im: s.im + l.im }), { re: 0, im: 0 });
        const prod = eig.reduce((p, l) => ({ re: p.re * l.re - p.im * l.im, im: p.re * l.im + p.im * l.re }), {
          re: 1,
          im: 0,
        });
        const trace = A.reduce((s, r, i) => s + (r[i] as number), 0);
        expect(Math.abs(sum.re - trace)).toBeLessThan(1e-9);
        expect(Math.abs(sum.im)).toBeLessThan(1e-9);
        expect(Math.abs(prod.re - determinant(A))).toBeLessThan(1e-8);
        expect(Math.abs(prod.im)).toBeLessThan(1e-8);
      }),
    );
  });

  it('on symmetric matrices equals the symmetric solver of @dnn/core', () => {
    fc.assert(
      fc.property(square, (B) => {
        const S = B.map((r, i) => r.map((v, j) => v + (B[j]?.[i] as number)));
        const eig = eigenvalues(S, '');
        expectClose(
          eig.map((l) => l.re),
          symmetricEigenvalues(S),
          1e-9,
        );
        for (const l of eig) expect(l.im).toBe(0);
      }),
    );
  });
});
