import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAs } from './logic.test-util.js';
import type { PerceptronTrainAnswer } from './perceptron-train.js';

const run = (input: unknown) => solveAs<PerceptronTrainAnswer>('logic/perceptron-train', input);

/** Samples labelled by a hidden integer unit with a half-integer bias, so no sample lies on its boundary. */
const separableData = fc.integer({ min: 1, max: 4 }).chain((d) =>
  fc.record({
    d: fc.constant(d),
    w: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }),
    b: fc.integer({ min: -4, max: 4 }),
    xs: fc.array(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: d, maxLength: d }), {
      minLength: 1,
      maxLength: 12,
    }),
    activation: fc.constantFrom('sign' as const, 'step' as const),
    lr: fc.constantFrom(1, 0.5, 0.25),
  }),
);

describe('logic/perceptron-train properties', () => {
  it('on linearly separable data, untilConverged converges and the final weights classify every sample (convergence theorem)', () => {
    fc.assert(
      fc.property(separableData, ({ w, b, xs, activation, lr }) => {
        const neg = activation === 'sign' ? -1 : 0;
        const samples = xs.map((x) => ({
          x,
          t: x.reduce((s, v, i) => s + v * (w[i] as number), b + 0.5) > 0 ? 1 : neg,
        }));
        const { answer } = run({ samples, weights: w.map(() => 0), lr, activation, untilConverged: true });
        expect(answer.converged).toBe(true);
        for (const smp of samples) {
          const z = smp.x.reduce((s, v, i) => s + v * (answer.weights[i] as number), answer.bias);
          const y = activation === 'sign' ? (z >= 0 ? 1 : -1) : z > 0 ? 1 : 0;
          expect(y).toBe(smp.t);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every row applies Δw = η(t − y)x and Δb = η(t − y) to the previous row’s weights', () => {
    fc.assert(
      fc.property(separableData, fc.integer({ min: 1, max: 4 }), ({ w, xs, activation, lr }, epochs) => {
        const samples = xs.map((x, k) => ({ x, t: activation === 'sign' ? (k % 2 ? 1 : -1) : k % 2 }));
        const { answer } = run({ samples, weights: w, bias: 0.3, lr, activation, epochs });
        let prevW = w;
        let prevB = 0.3;
        for (const epoch of answer.epochs) {
          for (const row of epoch.rows) {
            const z = row.x.reduce((s, v, i) => s + v * (prevW[i] as number), prevB);
            expect(row.z).toBeCloseTo(z, 9);
            expect(row.updated).toBe(row.y !== row.t);
            row.x.forEach((v, i) => {
              expect(row.dw[i]).toBeCloseTo(lr * (row.t - row.y) * v, 12);
              expect(row.weights[i]).toBeCloseTo(
                (prevW[i] as number) + (row.updated ? lr * (row.t - row.y) * v : 0),
                9,
              );
            });
            expect(row.bias).toBeCloseTo(prevB + (row.updated ? lr * (row.t - row.y) : 0), 9);
            prevW = row.weights;
            prevB = row.bias;
          }
        }
        expect(answer.epochs).toHaveLength(epochs);
      }),
      { numRuns: 150 },
    );
  });
});
