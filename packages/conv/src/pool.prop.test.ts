import { runSolver } from '@dnn/core';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, featureMaps } from './assertions.test-util.js';
import { forward } from './forward.js';
import { outputShape } from './output-shape.js';
import { pool } from './pool.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Map3 = number[][][];

/** Random pooling problem with PyTorch's constraint padding ≤ kernel/2 (so no window is all padding). */
const problem = fc
  .record({
    c: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 1, max: 8 }),
    w: fc.integer({ min: 1, max: 8 }),
    k: fc.integer({ min: 1, max: 4 }),
    s: fc.integer({ min: 1, max: 3 }),
    kind: fc.constantFrom('max' as const, 'avg' as const),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      pad: fc.integer({ min: 0, max: Math.floor(p.k / 2) }),
      input: featureMaps(p.c, p.h, p.w),
    }),
  )
  .filter(({ p, pad }) => p.k <= p.h + 2 * pad && p.k <= p.w + 2 * pad);

/** TensorFlow.js pooling (NHWC) back to [C][H][W]; `zeros` pads with tf.pad first (the exam convention). */
function tfPool(input: Map3, kind: 'max' | 'avg', k: number, s: number, pad: number, zeros: boolean): Map3 {
  return tf.tidy(() => {
    let x = tf.tensor3d(input).transpose([1, 2, 0]).expandDims(0) as tf.Tensor4D;
    if (zeros) {
      x = tf.pad(x, [
        [0, 0],
        [pad, pad],
        [pad, pad],
        [0, 0],
      ]);
    }
    const padding = zeros ? 'valid' : pad;
    const y = kind === 'max' ? tf.maxPool(x, k, s, padding) : tf.avgPool(x, k, s, padding);
    return (y.squeeze([0]).transpose([2, 0, 1]) as tf.Tensor3D).arraySync();
  });
}

describe('conv/pool properties', () => {
  it('padValue "ignore" equals TensorFlow.js tf.maxPool / tf.avgPool with the same padding, within 1e-5', () => {
    fc.assert(
      fc.property(problem, ({ p, pad, input }) => {
        const sol = runSolver(pool, {
          input,
          kind: p.kind,
          kernel: p.k,
          stride: p.s,
          padding: pad,
          padValue: 'ignore',
        });
        expectClose(sol.answer.output, tfPool(input, p.kind, p.k, p.s, pad, false), 1e-5);
      }),
      { numRuns: 150 },
    );
  });

  it('padValue "zero" equals TensorFlow.js pooling of the input padded with zeros (tf.pad), within 1e-5', () => {
    fc.assert(
      fc.property(problem, ({ p, pad, input }) => {
        const sol = runSolver(pool, { input, kind: p.kind, kernel: p.k, stride: p.s, padding: pad });
        expectClose(sol.answer.output, tfPool(input, p.kind, p.k, p.s, pad, true), 1e-5);
      }),
      { numRuns: 150 },
    );
  });

  it('average pooling with padValue "zero" equals conv/forward with a kernel of 1/(k·k) per channel', () => {
    fc.assert(
      fc.property(problem, ({ p, pad, input }) => {
        const avg = runSolver(pool, { input, kind: 'avg', kernel: p.k, stride: p.s, padding: pad }).answer
          .output as Map3;
        const box = Array.from({ length: p.k }, () => Array(p.k).fill(1 / (p.k * p.k)));
        input.forEach((channel, c) => {
          const conv = runSolver(forward, { input: channel, weight: box, stride: p.s, padding: pad }).answer.output;
          expectClose(avg[c], conv, 1e-9);
        });
      }),
    );
  });

  it('output shape equals the shape conv/output-shape predicts for the pooling layer', () => {
    fc.assert(
      fc.property(problem, ({ p, pad, input }) => {
        const sol = runSolver(pool, { input, kind: p.kind, kernel: p.k, stride: p.s, padding: pad });
        const predicted = runSolver(outputShape, {
          inputShape: [p.c, p.h, p.w],
          kind: p.kind === 'max' ? 'maxpool' : 'avgpool',
          kernel: p.k,
          stride: p.s,
          padding: pad,
        }).answer.outputShape;
        expect(sol.answer.outputShape).toEqual(predicted);
      }),
    );
  });

  it('a max-pooled value is one of its window values, or 0 only when padding took part', () => {
    fc.assert(
      fc.property(problem, ({ p, pad, input }) => {
        const out = runSolver(pool, { input, kind: 'max', kernel: p.k, stride: p.s, padding: pad }).answer
          .output as Map3;
        const all = new Set(input.flat(2));
        for (const v of out.flat(2)) expect(all.has(v) || (pad > 0 && v === 0)).toBe(true);
      }),
    );
  });
});
