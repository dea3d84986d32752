/**
 * The conv solvers' own output caps (issue 16: at the catalog's 10⁷ output cells conv/pool took 2 s and 861 MB as
 * Markdown, conv/batchnorm 2.5 s at 2·10⁶ values, conv/backprop 2.7 s at 9.3·10⁶): 10⁶ output values for pool,
 * batch norm (zNorm and y) and design-kernel, 3·10⁶ answer values for backprop — each an input error naming the field.
 */
import { isDnnInputError } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backprop } from './backprop.js';
import { batchnorm } from './batchnorm.js';
import { designKernel } from './design-kernel.js';
import { pool } from './pool.js';

const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array(cols).fill(0));

describe('conv output caps', () => {
  it('conv/pool is refused exactly when C × H_out × W_out exceeds 10⁶ (a 1×1 map padded by p: (2p + 1)² per channel)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 200, max: 600 }), (C, p) => {
        const values = C * (2 * p + 1) ** 2;
        let outcome = 'solved';
        try {
          pool.run({ input: Array.from({ length: C }, () => [[1]]), kind: 'avg', kernel: 1, stride: 1, padding: p });
        } catch (e) {
          if (!isDnnInputError(e)) throw e;
          outcome = e.path;
          expect(e.reason).toContain(`above this solver's limit of 1,000,000 per request`);
        }
        expect(outcome).toBe(values > 1e6 ? 'input' : 'solved');
      }),
      { numRuns: 8 },
    );
  });

  it('conv/batchnorm: 501,000 values of z (1,002,000 output values: zNorm and y) is an error at z', () => {
    expect(() => batchnorm.run({ z: zeros(501, 1000) })).toThrow(
      "z: the number of output values (zNorm and y: two per value of z) is 1,002,000, above this solver's limit of 1,000,000 per request",
    );
  });

  it('conv/design-kernel: a 1×2 pattern on a 1001×1001 image (1001 × 1000 responses) is an error at image', () => {
    expect(() => designKernel.run({ pattern: [[0, 1]], image: zeros(1001, 1001) })).toThrow(
      "image: the number of output values is 1,001,000, above this solver's limit of 1,000,000 per request",
    );
  });

  it('conv/backprop: ReLU layers on a 500×500 map stop at the layer whose answer passes 3·10⁶ values', () => {
    try {
      backprop.run({
        input: zeros(500, 500),
        layers: Array.from({ length: 12 }, () => ({ type: 'relu' })),
        gradOutput: zeros(500, 500),
      });
      expect.unreachable();
    } catch (e) {
      expect(isDnnInputError(e) && e.path).toMatch(/^layers\[\d+\]$/);
      expect((e as Error).message).toMatch(/answer size .* above this solver's limit of 3,000,000 per request/);
    }
  });
});
