import { determinant, symmetricEigenvalues } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixOf } from './arbitraries.test-util.js';
import { expectClose } from './checks.test-util.js';
import { eigenvaluesOf } from './eigen.js';

const square = fc.integer({ min: 1, max: 6 }).chain((n) => matrixOf(n, n));

describe('eigenvaluesOf (capped complex QR)', () => {
  it('terminates on the matrix where ml-matrix loops forever', () => {
    const eig = eigenvaluesOf(
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
      eigenvaluesOf(
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
      eigenvaluesOf(
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
        const eig = eigenvaluesOf(A, '');
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
        const eig = eigenvaluesOf(S, '');
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
