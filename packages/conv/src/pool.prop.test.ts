import { runSolver } from '@dnn/core';
import { KERNEL_THRESHOLD } from '@dnn/core-wasm';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, featureMaps } from './assertions.test-util.js';
import { forward } from './forward.js';
import { EXACT_WASM_NOTE, ints, map3 } from './kernel-backend.test-util.js';
import { outputShape } from './output-shape.js';
import { pool } from './pool.js';
import { pool2dReference } from './pool-reference.js';

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

/**
 * A random pooling problem whose work C·H′·W′·kH·kW lies around KERNEL_THRESHOLD (H′ chosen within a few rows of
 * it), with both padding conventions; integers or binary fractions k/2^m (m ≤ 3).
 */
const nearThreshold = fc
  .record({
    c: fc.integer({ min: 1, max: 3 }),
    k: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
    s: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    padHalf: fc.tuple(fc.boolean(), fc.boolean()),
    padValue: fc.constantFrom('zero' as const, 'ignore' as const),
    kind: fc.constantFrom('max' as const, 'avg' as const),
    wo: fc.integer({ min: 32, max: 128 }),
    rowsOff: fc.integer({ min: -2, max: 2 }),
    fraction: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 1, max: 1 << 20 }),
  })
  .map((p) => {
    const perOutput = p.c * p.k[0] * p.k[1];
    const ho = Math.max(1, Math.round(KERNEL_THRESHOLD / perOutput / p.wo) + p.rowsOff);
    const pad = [0, 1].map((i) => (p.padHalf[i] ? Math.floor(p.k[i]! / 2) : 0)) as [number, number];
    const side = (o: number, i: 0 | 1) => (o - 1) * p.s[i] + p.k[i] - 2 * pad[i];
    const [h, w] = [side(ho, 0), side(p.wo, 1)];
    return {
      work: perOutput * ho * p.wo,
      h,
      input: {
        input: map3(p.c, h, w, (...i) => ints(1000, p.seed)(...i) / 2 ** p.fraction),
        kind: p.kind,
        kernel: p.k,
        stride: p.s,
        padding: pad,
        padValue: p.padValue,
      },
    };
  })
  .filter((q) => q.h >= 1 && q.h <= 4096);

describe('conv/pool around KERNEL_THRESHOLD (WASM kernels above it)', () => {
  it('random integer / binary-fraction problems give exactly the float64 reference answer; max is noted iff above', () => {
    fc.assert(
      fc.property(nearThreshold, ({ work, input }) => {
        const sol = runSolver(pool, input);
        const x = input.input;
        const [pt, pl] = input.padding;
        const ref = pool2dReference(Float64Array.from(x.flat(2)), [x.length, x[0]!.length, x[0]![0]!.length], {
          kind: input.kind,
          kernel: input.kernel,
          stride: input.stride,
          pads: { top: pt, bottom: pt, left: pl, right: pl },
          padValue: input.padValue,
        });
        expect(sol.answer.outputShape).toEqual(ref.shape);
        expect(sol.answer.output.flat(2)).toEqual(Array.from(ref.data));
        const noted = sol.notes.some((n) => EXACT_WASM_NOTE.test(n));
        // an average is noted only when its divisors are powers of two; below the threshold never
        if (input.kind === 'max' || work < KERNEL_THRESHOLD) expect(noted).toBe(work >= KERNEL_THRESHOLD);
      }),
      { numRuns: 80 },
    );
  });
});
