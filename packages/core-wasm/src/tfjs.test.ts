/**
 * The WASM kernels equal @tensorflow/tfjs (CPU backend, an independent implementation) on random conv / pool / matmul
 * cases. Inputs are dyadic (k/16), so both sides compute exactly in f32 apart from the average's one division.
 * tfjs works in NHWC with filters [kH][kW][Cin][Cout]: inputs are transposed there and outputs back to NCHW.
 * tfjs pools ignore padded cells (our `padValue: 'ignore'`); the `zero` convention is checked against tfjs pooling
 * of the input explicitly zero-padded with tf.pad.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { arr, dyadic, expectClose } from './close.test-util.js';
import { initSync } from './index.js';

const wasm = initSync({ backend: 'wasm' });

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const nchwToNhwc = (x: number[], s: [number, number, number, number]) =>
  tf.tidy(() => tf.tensor4d(x, s).transpose([0, 2, 3, 1]));
const nhwcToNchw = (t: tf.Tensor4D) => tf.tidy(() => t.transpose([0, 3, 1, 2]).dataSync() as Float32Array);

describe('equals @tensorflow/tfjs (cpu)', () => {
  it('matmul', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            m: fc.integer({ min: 1, max: 12 }),
            k: fc.integer({ min: 1, max: 20 }),
            n: fc.integer({ min: 1, max: 17 }),
          })
          .chain((s) => fc.record({ s: fc.constant(s), a: arr(dyadic, s.m * s.k), b: arr(dyadic, s.k * s.n) })),
        ({ s, a, b }) => {
          const want = tf.tidy(
            () => tf.matMul(tf.tensor2d(a, [s.m, s.k]), tf.tensor2d(b, [s.k, s.n])).dataSync() as Float32Array,
          );
          expectClose(wasm.matmul(a, b, s.m, s.k, s.n), want, 'C');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('conv2d with stride, dilation (one of them 1, as tfjs requires), asymmetric padding and bias', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            n: fc.integer({ min: 1, max: 2 }),
            c: fc.integer({ min: 1, max: 4 }),
            h: fc.integer({ min: 1, max: 10 }),
            w: fc.integer({ min: 1, max: 11 }),
            oc: fc.integer({ min: 1, max: 5 }),
            kh: fc.integer({ min: 1, max: 4 }),
            kw: fc.integer({ min: 1, max: 4 }),
            strided: fc.boolean(),
            s: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
            pad: fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 3 }))) as fc.Arbitrary<
              [number, number, number, number]
            >,
          })
          .map((g) => ({
            ...g,
            stride: (g.strided ? g.s : [1, 1]) as [number, number],
            dilation: (g.strided ? [1, 1] : g.s.map((v) => Math.min(v, 3))) as [number, number],
          }))
          .filter(
            (g) =>
              g.h + g.pad[0] + g.pad[1] >= g.dilation[0] * (g.kh - 1) + 1 &&
              g.w + g.pad[2] + g.pad[3] >= g.dilation[1] * (g.kw - 1) + 1,
          )
          .chain((g) =>
            fc.record({
              g: fc.constant(g),
              x: arr(dyadic, g.n * g.c * g.h * g.w),
              wt: arr(dyadic, g.oc * g.c * g.kh * g.kw),
              bias: arr(dyadic, g.oc),
            }),
          ),
        ({ g, x, wt, bias }) => {
          const want = tf.tidy(() => {
            const filt = tf.tensor4d(wt, [g.oc, g.c, g.kh, g.kw]).transpose([2, 3, 1, 0]) as tf.Tensor4D;
            const padding = [
              [0, 0],
              [g.pad[0], g.pad[1]],
              [g.pad[2], g.pad[3]],
              [0, 0],
            ] as [[number, number], [number, number], [number, number], [number, number]];
            const y = tf
              .conv2d(nchwToNhwc(x, [g.n, g.c, g.h, g.w]) as tf.Tensor4D, filt, g.stride, padding, 'NHWC', g.dilation)
              .add(tf.tensor1d(bias)) as tf.Tensor4D;
            return nhwcToNchw(y);
          });
          const got = wasm.conv2d(x, wt, {
            batch: g.n,
            channels: g.c,
            height: g.h,
            width: g.w,
            outChannels: g.oc,
            kernel: [g.kh, g.kw],
            stride: g.stride,
            dilation: g.dilation,
            padding: g.pad,
            bias,
          });
          expectClose(got.data, want, 'y');
        },
      ),
      { numRuns: 80 },
    );
  });

  it('max and average pooling, padValue ignore (tfjs padding) and zero (tfjs on a zero-padded input)', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            c: fc.integer({ min: 1, max: 3 }),
            h: fc.integer({ min: 1, max: 10 }),
            w: fc.integer({ min: 1, max: 11 }),
            kh: fc.integer({ min: 1, max: 4 }),
            kw: fc.integer({ min: 1, max: 4 }),
            sh: fc.integer({ min: 1, max: 4 }),
            sw: fc.integer({ min: 1, max: 4 }),
            ph: fc.integer({ min: 0, max: 2 }),
            pw: fc.integer({ min: 0, max: 2 }),
          })
          // a window must always hold an input cell for tfjs: padding < kernel
          .filter((g) => g.ph < g.kh && g.pw < g.kw && g.h + 2 * g.ph >= g.kh && g.w + 2 * g.pw >= g.kw)
          .chain((g) => fc.record({ g: fc.constant(g), x: arr(dyadic, g.c * g.h * g.w) })),
        ({ g, x }) => {
          const p = {
            channels: g.c,
            height: g.h,
            width: g.w,
            kernel: [g.kh, g.kw] as [number, number],
            stride: [g.sh, g.sw] as [number, number],
            padding: [g.ph, g.pw] as [number, number],
          };
          const explicit = [
            [0, 0],
            [g.ph, g.ph],
            [g.pw, g.pw],
            [0, 0],
          ] as [[number, number], [number, number], [number, number], [number, number]];
          const run = (op: 'max' | 'avg', zero: boolean) =>
            tf.tidy(() => {
              let t = nchwToNhwc(x, [1, g.c, g.h, g.w]) as tf.Tensor4D;
              if (zero) t = tf.pad(t, explicit);
              const pool = op === 'max' ? tf.maxPool : tf.avgPool;
              return nhwcToNchw(
                pool(t, [g.kh, g.kw], [g.sh, g.sw], zero ? 'valid' : (explicit as never)) as tf.Tensor4D,
              );
            });
          expectClose(wasm.maxpool2d(x, { ...p, padValue: 'ignore' }).data, run('max', false), 'max ignore');
          expectClose(wasm.avgpool2d(x, { ...p, padValue: 'ignore' }).data, run('avg', false), 'avg ignore');
          expectClose(wasm.maxpool2d(x, { ...p, padValue: 'zero' }).data, run('max', true), 'max zero');
          expectClose(wasm.avgpool2d(x, { ...p, padValue: 'zero' }).data, run('avg', true), 'avg zero');
        },
      ),
      { numRuns: 80 },
    );
  });
});
