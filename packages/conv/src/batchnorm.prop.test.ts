import { runSolver } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchnorm } from './batchnorm.js';

const value = fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true });
const matrixOf = (rows: number, cols: number) =>
  fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

const dense = fc.record({ b: fc.integer({ min: 2, max: 8 }), f: fc.integer({ min: 1, max: 5 }) }).chain(({ b, f }) =>
  fc.record({
    z: matrixOf(b, f),
    gamma: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: f, maxLength: f }),
    beta: fc.array(value, { minLength: f, maxLength: f }),
    eps: fc.constantFrom(0, 1e-5, 0.5),
    variance: fc.constantFrom('population' as const, 'sample' as const),
  }),
);

const spatial = fc
  .record({
    n: fc.integer({ min: 1, max: 3 }),
    c: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 1, max: 3 }),
    w: fc.integer({ min: 1, max: 3 }),
  })
  .filter(({ n, h, w }) => n * h * w >= 2)
  .chain(({ n, c, h, w }) =>
    fc.record({
      z: fc.array(fc.array(matrixOf(h, w), { minLength: c, maxLength: c }), { minLength: n, maxLength: n }),
      eps: fc.constantFrom(0, 1e-3),
      variance: fc.constantFrom('population' as const, 'sample' as const),
    }),
  );

/** Brute force: collect each group's values, then the textbook formulas. */
function bruteForce(groups: number[][], sample: boolean, eps: number) {
  return groups.map((vals) => {
    const m = vals.length;
    const mean = vals.reduce((a, b) => a + b, 0) / m;
    const variance = vals.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (sample ? m - 1 : m);
    return { mean, std: Math.sqrt(variance + eps) };
  });
}

/** The answer fields of a [batch][features] input. */
interface Dense {
  mean: number[];
  std: number[];
  zNorm: number[][];
  y: number[][];
}

const bn = (input: unknown) => runSolver(batchnorm, input).answer as unknown as Dense;

const close = (a: number, b: number, scale: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));

describe('conv/batchnorm properties', () => {
  it('mean, std, z_norm and y equal a brute-force computation per feature', () => {
    fc.assert(
      fc.property(dense, ({ z, gamma, beta, eps, variance }) => {
        const sol = { answer: bn({ z, gamma, beta, eps, variance }) };
        const cols = (z[0] as number[]).map((_, j) => z.map((r) => r[j] as number));
        bruteForce(cols, variance === 'sample', eps).forEach(({ mean, std }, j) => {
          close(sol.answer.mean[j]!, mean, 100);
          close(sol.answer.std[j]!, std, 100);
          z.forEach((row, i) => {
            const zn = sol.answer.std[j] === 0 ? 0 : ((row[j] as number) - mean) / std;
            if (std > 1e-6) close(sol.answer.zNorm[i]![j]!, zn, Math.abs(zn));
            close(sol.answer.y[i]![j]!, (gamma[j] as number) * sol.answer.zNorm[i]![j]! + (beta[j] as number), 300);
          });
        });
      }),
    );
  });

  it('spatial batch norm uses one mean and std per channel over N, H and W (brute force)', () => {
    fc.assert(
      fc.property(spatial, ({ z, eps, variance }) => {
        const sol = { answer: bn({ z, eps, variance }) };
        const groups = (z[0] as number[][][]).map((_, c) =>
          z.flatMap((sampleMaps) => (sampleMaps[c] as number[][]).flat()),
        );
        bruteForce(groups, variance === 'sample', eps).forEach(({ mean, std }, c) => {
          close(sol.answer.mean[c]!, mean, 100);
          close(sol.answer.std[c]!, std, 100);
        });
      }),
    );
  });

  it('each output feature has mean β and population std |γ| whenever its σ > 0 (ε = 0)', () => {
    fc.assert(
      fc.property(dense, ({ z, gamma, beta }) => {
        const sol = { answer: bn({ z, gamma, beta }) };
        const y = sol.answer.y;
        (z[0] as number[]).forEach((_, j) => {
          if (sol.answer.std[j]! < 1e-6) return;
          const col = y.map((r) => r[j] as number);
          const mean = col.reduce((a, b) => a + b, 0) / col.length;
          const sd = Math.sqrt(col.reduce((a, v) => a + (v - mean) ** 2, 0) / col.length);
          close(mean, beta[j] as number, 300);
          expect(Math.abs(sd - Math.abs(gamma[j] as number))).toBeLessThanOrEqual(1e-6);
        });
      }),
    );
  });
});
