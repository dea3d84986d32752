import { runSolver } from '@dnn/core';
import { KERNEL_THRESHOLD } from '@dnn/core-wasm';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, featureMaps } from './assertions.test-util.js';
import { forward } from './forward.js';
import { conv2dReference } from './forward-reference.js';
import { samePadding } from './geometry.js';
import { EXACT_WASM_NOTE, ints, map3 } from './kernel-backend.test-util.js';
import { outputShape } from './output-shape.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Map3 = number[][][];
type Kernel4 = number[][][][];

const value = fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true });
/** A random conv problem: input [C][H][W], weight [Cout][C][kH][kW], bias, stride, padding, dilation, flip. */
const problem = fc
  .record({
    c: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 1, max: 7 }),
    w: fc.integer({ min: 1, max: 7 }),
    cout: fc.integer({ min: 1, max: 3 }),
    kh: fc.integer({ min: 1, max: 4 }),
    kw: fc.integer({ min: 1, max: 4 }),
    stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
    padding: fc.oneof(
      fc.constant('same' as const),
      fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
    ),
    flip: fc.boolean(),
  })
  .filter((p) => {
    const pads = p.padding === 'same' ? [0, 0] : p.padding;
    return (
      p.padding === 'same' ||
      (p.dilation[0] * (p.kh - 1) + 1 <= p.h + 2 * (pads[0] as number) &&
        p.dilation[1] * (p.kw - 1) + 1 <= p.w + 2 * (pads[1] as number))
    );
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      input: featureMaps(p.c, p.h, p.w),
      weight: fc.array(featureMaps(p.c, p.kh, p.kw), { minLength: p.cout, maxLength: p.cout }),
      bias: fc.array(value, { minLength: p.cout, maxLength: p.cout }),
    }),
  );

/**
 * TensorFlow.js oracle: pad explicitly, tf.conv2d (NHWC, cross-correlation) with stride 1 and the
 * dilation, then keep every s-th row/column (tfjs refuses stride > 1 together with dilation > 1).
 */
function tfConv(
  input: Map3,
  weight: Kernel4,
  bias: number[],
  p: { stride: number[]; dilation: number[]; padding: 'same' | number[]; flip: boolean },
): Map3 {
  const [H, W] = [input[0]!.length, input[0]![0]!.length];
  const [Cout, kH, kW] = [weight.length, weight[0]![0]!.length, weight[0]![0]![0]!.length];
  const [sh, sw] = p.stride as [number, number];
  const [dh, dw] = p.dilation as [number, number];
  const pads =
    p.padding === 'same'
      ? [samePadding(H, kH, sh, dh), samePadding(W, kW, sw, dw)]
      : (p.padding as number[]).map((q) => ({ before: q, after: q }));
  return tf.tidy(() => {
    const x = tf.tensor3d(input).transpose([1, 2, 0]).expandDims(0) as tf.Tensor4D; // NHWC
    let k = tf.tensor4d(weight).transpose([2, 3, 1, 0]) as tf.Tensor4D; // [kH, kW, Cin, Cout]
    if (p.flip) k = tf.reverse(k, [0, 1]);
    const xp = tf.pad(x, [
      [0, 0],
      [pads[0]!.before, pads[0]!.after],
      [pads[1]!.before, pads[1]!.after],
      [0, 0],
    ]);
    const full = tf.conv2d(xp, k, 1, 'valid', 'NHWC', [dh, dw]).add(tf.tensor1d(bias));
    const y = (full.arraySync() as number[][][][])[0] as number[][][]; // [H1][W1][Cout]
    const out: Map3 = [];
    for (let o = 0; o < Cout; o++) {
      const rows: number[][] = [];
      for (let i = 0; i < y.length; i += sh) {
        const row: number[] = [];
        for (let j = 0; j < y[0]!.length; j += sw) row.push(y[i]![j]![o]!);
        rows.push(row);
      }
      out.push(rows);
    }
    return out;
  });
}

describe('conv/forward properties', () => {
  it('output equals TensorFlow.js tf.conv2d (CPU backend, NCHW ↔ NHWC) within 1e-5 of the largest possible sum', () => {
    fc.assert(
      fc.property(problem, ({ p, input, weight, bias }) => {
        const sol = runSolver(forward, {
          input,
          weight,
          bias,
          stride: p.stride,
          padding: p.padding,
          dilation: p.dilation,
          flip: p.flip,
        });
        // tfjs-cpu computes in float32: its rounding error scales with the terms' magnitude, not the result's
        const maxAbs = (a: unknown[]) => Math.max(0, ...(a.flat(3) as number[]).map(Math.abs));
        const bound = maxAbs(input) * maxAbs(weight) * p.c * p.kh * p.kw + maxAbs(bias);
        expectClose(sol.answer.output, tfConv(input, weight, bias, p), 1e-5 * Math.max(1, bound));
      }),
      { numRuns: 150 },
    );
  });

  it('output shape equals the shape conv/output-shape predicts', () => {
    fc.assert(
      fc.property(problem, ({ p, input, weight }) => {
        const opts = { stride: p.stride, padding: p.padding, dilation: p.dilation };
        const sol = runSolver(forward, { input, weight, ...opts });
        const predicted = runSolver(outputShape, {
          inputShape: [p.c, p.h, p.w],
          outChannels: p.cout,
          kernel: [p.kh, p.kw],
          ...opts,
        }).answer.outputShape;
        expect(sol.answer.outputShape).toEqual(predicted);
      }),
    );
  });

  it('true convolution equals cross-correlation with every kernel rotated by 180°', () => {
    fc.assert(
      fc.property(problem, ({ p, input, weight }) => {
        const opts = { stride: p.stride, padding: p.padding, dilation: p.dilation };
        const rotated = weight.map((f) => f.map((k) => [...k].reverse().map((row) => [...row].reverse())));
        const a = runSolver(forward, { input, weight, ...opts, flip: true }).answer.output;
        const b = runSolver(forward, { input, weight: rotated, ...opts }).answer.output;
        expect(a).toEqual(b);
      }),
    );
  });

  it('the bias shifts every value of its output channel and nothing else', () => {
    fc.assert(
      fc.property(problem, ({ p, input, weight, bias }) => {
        const opts = { stride: p.stride, padding: p.padding, dilation: p.dilation };
        const without = runSolver(forward, { input, weight, ...opts }).answer.output as Map3;
        const withBias = runSolver(forward, { input, weight, bias, ...opts }).answer.output as Map3;
        expectClose(
          withBias,
          without.map((m, o) => m.map((r) => r.map((v) => v + bias[o]!))),
          1e-9,
        );
      }),
    );
  });
});

/**
 * A random conv problem whose work Cout·H′·W′·Cin·kH·kW lies around KERNEL_THRESHOLD: the geometry is drawn, then H′
 * is chosen so the work lands within a few rows of the threshold, on either side. Values: integers or binary
 * fractions k/2^m (m ≤ 2), small enough for exact float32 sums.
 */
const nearThreshold = fc
  .record({
    c: fc.integer({ min: 1, max: 4 }),
    cout: fc.integer({ min: 1, max: 4 }),
    kh: fc.integer({ min: 1, max: 3 }),
    kw: fc.integer({ min: 1, max: 3 }),
    stride: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
    dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
    padding: fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })),
    wo: fc.integer({ min: 32, max: 128 }),
    rowsOff: fc.integer({ min: -2, max: 2 }),
    fraction: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 1, max: 1 << 20 }),
    flip: fc.boolean(),
    bias: fc.boolean(),
  })
  .map((p) => {
    const perOutput = p.cout * p.c * p.kh * p.kw;
    const ho = Math.max(1, Math.round(KERNEL_THRESHOLD / perOutput / p.wo) + p.rowsOff);
    const side = (o: number, i: 0 | 1, k: number) =>
      (o - 1) * p.stride[i] + p.dilation[i] * (k - 1) + 1 - 2 * p.padding[i];
    const scale = 2 ** p.fraction;
    const h = side(ho, 0, p.kh);
    const w = side(p.wo, 1, p.kw);
    return {
      work: perOutput * ho * p.wo,
      h,
      w,
      input: {
        input: map3(p.c, h, w, (...i) => ints(100, p.seed)(...i) / scale),
        weight: Array.from({ length: p.cout }, (_, o) =>
          map3(p.c, p.kh, p.kw, (...i) => ints(20, p.seed + 1)(o, ...i) / scale),
        ),
        ...(p.bias ? { bias: Array.from({ length: p.cout }, (_, o) => ints(50, p.seed + 2)(o) / scale) } : {}),
        stride: p.stride,
        dilation: p.dilation,
        padding: p.padding,
        flip: p.flip,
      },
    };
  })
  .filter((q) => q.h >= 1 && q.w >= 1 && q.h <= 4096);

describe('conv/forward around KERNEL_THRESHOLD (WASM kernel above it)', () => {
  it('random integer / binary-fraction problems give exactly the float64 reference answer, kernel note iff above', () => {
    fc.assert(
      fc.property(nearThreshold, ({ work, input }) => {
        const sol = runSolver(forward, input);
        const x = input.input;
        const w = input.weight;
        const wShape = [w.length, w[0]!.length, w[0]![0]!.length, w[0]![0]![0]!.length] as const;
        const ref = conv2dReference(
          Float64Array.from(x.flat(2)),
          [x.length, x[0]!.length, x[0]![0]!.length],
          Float64Array.from(w.flat(3)),
          wShape,
          input.bias ? Float64Array.from(input.bias) : null,
          {
            stride: input.stride,
            dilation: input.dilation,
            pads: { top: input.padding[0], bottom: input.padding[0], left: input.padding[1], right: input.padding[1] },
            flip: input.flip,
          },
        );
        expect(sol.answer.outputShape).toEqual(ref.shape);
        expect(sol.answer.output.flat(2)).toEqual(Array.from(ref.data));
        const noted = sol.notes.some((n) => EXACT_WASM_NOTE.test(n));
        expect(noted).toBe(work >= KERNEL_THRESHOLD);
      }),
      { numRuns: 60 },
    );
  });
});
