/**
 * Every WASM kernel equals its plain-TypeScript reference (f64) within 1e-5 relative / 1e-6 absolute, on random
 * shapes: 1×1, odd widths, sizes that are not multiples of 4, stride > kernel, large padding, and sizes past the
 * GEMM's blocking (K > 256, N > 512).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arr, dotSlack, dyadic, expectClose, f32In } from './close.test-util.js';
import { initSync } from './index.js';
import { outSize } from './params.js';
import {
  avgpool2dRef,
  batchnormRef,
  conv2dRef,
  lstmRef,
  matmulRef,
  maxpool2dRef,
  reluRef,
  sigmoidRef,
  softmaxRef,
  tanhRef,
} from './reference.js';

const wasm = initSync({ backend: 'wasm' });
const abs = (a: ArrayLike<number>) => Array.from(a, Math.abs);

const matmulCase = (val: fc.Arbitrary<number>, maxM: number, maxK: number, maxN: number) =>
  fc
    .record({
      m: fc.integer({ min: 1, max: maxM }),
      k: fc.integer({ min: 0, max: maxK }),
      n: fc.integer({ min: 1, max: maxN }),
    })
    .chain(({ m, k, n }) =>
      fc.record({ m: fc.constant(m), k: fc.constant(k), n: fc.constant(n), a: arr(val, m * k), b: arr(val, k * n) }),
    );

describe('matmul', () => {
  it('equals the reference exactly on dyadic inputs (any m, k, n; edges not multiples of 4 or 8)', () => {
    fc.assert(
      fc.property(matmulCase(dyadic, 13, 19, 37), ({ m, k, n, a, b }) => {
        expectClose(wasm.matmul(a, b, m, k, n), matmulRef(a, b, m, k, n), 'C');
      }),
      { numRuns: 200 },
    );
  });

  it('equals the reference within f32 dot-product rounding on real-valued inputs', () => {
    fc.assert(
      fc.property(matmulCase(f32In(2), 9, 40, 21), ({ m, k, n, a, b }) => {
        const slack = dotSlack(matmulRef(abs(a), abs(b), m, k, n), k);
        expectClose(wasm.matmul(a, b, m, k, n), matmulRef(a, b, m, k, n), 'C', slack);
      }),
      { numRuns: 100 },
    );
  });

  it('equals the reference across K and N blocks (k > 256, n > 512)', () => {
    fc.assert(
      fc.property(
        matmulCase(dyadic, 5, 400, 700).filter(({ k, n }) => k > 256 || n > 512),
        ({ m, k, n, a, b }) => {
          expectClose(wasm.matmul(a, b, m, k, n), matmulRef(a, b, m, k, n), 'C');
        },
      ),
      { numRuns: 8 },
    );
  });

  it('equals the reference for 1–3 rows (the streamed GEMV) across its 1024-column blocks and n mod 32, n mod 4 tails', () => {
    fc.assert(
      fc.property(
        matmulCase(dyadic, 3, 11, 2100).filter(({ n }) => n > 1024),
        ({ m, k, n, a, b }) => {
          expectClose(wasm.matmul(a, b, m, k, n), matmulRef(a, b, m, k, n), 'C');
        },
      ),
      { numRuns: 12 },
    );
  });

  it('forms every sum of the 1–3-row GEMV in p order, as float32 ((0 + a₀b₀) + a₁b₁) + …, bit for bit (rows of B narrower and wider than 256)', () => {
    // oracle: the sequential float32 dot product, rounded after each multiply and each add (Math.fround)
    const sequential = (a: number[], b: number[], m: number, k: number, n: number) =>
      Float32Array.from({ length: m * n }, (_, o) => {
        const [i, j] = [Math.floor(o / n), o % n];
        let c = 0;
        for (let p = 0; p < k; p++) c = Math.fround(c + Math.fround(a[i * k + p]! * b[p * n + j]!));
        return c;
      });
    fc.assert(
      fc.property(matmulCase(f32In(2), 3, 30, 1100), ({ m, k, n, a, b }) => {
        expect(Array.from(wasm.matmul(a, b, m, k, n))).toEqual(Array.from(sequential(a, b, m, k, n)));
      }),
      { numRuns: 100 },
    );
  });
});

/** A conv2d case; `big` makes K = Cin·kH·kW and Hout·Wout cross the GEMM blocks. */
const convCase = (val: fc.Arbitrary<number>, big = false) =>
  fc
    .record({
      batch: fc.integer({ min: 1, max: 2 }),
      channels: big ? fc.integer({ min: 20, max: 40 }) : fc.integer({ min: 1, max: 5 }),
      height: fc.integer({ min: 1, max: big ? 30 : 11 }),
      width: fc.integer({ min: 1, max: big ? 30 : 13 }),
      outChannels: fc.integer({ min: 1, max: big ? 9 : 6 }),
      kernel: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
      stride: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      padding: fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 5 }))) as fc.Arbitrary<
        [number, number, number, number]
      >,
      dilation: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      withBias: fc.boolean(),
      relu: fc.boolean(),
    })
    .chain((p) => {
      const xs = p.batch * p.channels * p.height * p.width;
      const ws = p.outChannels * p.channels * p.kernel[0] * p.kernel[1];
      return fc.record({
        p: fc.constant(p),
        x: arr(val, xs),
        w: arr(val, ws),
        bias: arr(val, p.outChannels),
      });
    });

describe('conv2d', () => {
  it('equals the reference exactly on dyadic inputs (stride > kernel, large and asymmetric padding, dilation)', () => {
    fc.assert(
      fc.property(convCase(dyadic), ({ p, x, w, bias }) => {
        const params = { ...p, bias: p.withBias ? bias : undefined };
        const got = wasm.conv2d(x, w, params);
        const want = conv2dRef(x, w, params);
        expectClose(got.data, want.data, 'y');
        expectClose(got.shape, want.shape, 'shape');
      }),
      { numRuns: 250 },
    );
  });

  it('equals the reference within f32 rounding on real-valued inputs', () => {
    fc.assert(
      fc.property(convCase(f32In(2)), ({ p, x, w }) => {
        const params = { ...p, relu: false };
        const slack = dotSlack(conv2dRef(abs(x), abs(w), params).data, p.channels * p.kernel[0] * p.kernel[1]);
        expectClose(wasm.conv2d(x, w, params).data, conv2dRef(x, w, params).data, 'y', slack);
      }),
      { numRuns: 100 },
    );
  });

  it('equals the reference when Cin·kH·kW > 256 or Hout·Wout > 512 (blocked implicit im2col)', () => {
    fc.assert(
      fc.property(convCase(dyadic, true), ({ p, x, w, bias }) => {
        const params = { ...p, batch: 1, bias, x: undefined };
        const xs = x.slice(0, p.channels * p.height * p.width);
        expectClose(wasm.conv2d(xs, w, params).data, conv2dRef(xs, w, params).data, 'y');
      }),
      { numRuns: 10 },
    );
  });

  it('1×1 kernels with stride 1 and no padding (the direct GEMM path) equal the reference', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            c: fc.integer({ min: 1, max: 9 }),
            h: fc.integer({ min: 1, max: 9 }),
            w: fc.integer({ min: 1, max: 9 }),
            oc: fc.integer({ min: 1, max: 9 }),
          })
          .chain((s) => fc.record({ s: fc.constant(s), x: arr(dyadic, s.c * s.h * s.w), wt: arr(dyadic, s.oc * s.c) })),
        ({ s, x, wt }) => {
          const p = { channels: s.c, height: s.h, width: s.w, outChannels: s.oc, kernel: 1 };
          expectClose(wasm.conv2d(x, wt, p).data, conv2dRef(x, wt, p).data, 'y');
        },
      ),
      { numRuns: 60 },
    );
  });
});

const poolCase = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    channels: fc.integer({ min: 1, max: 3 }),
    height: fc.integer({ min: 1, max: 12 }),
    width: fc.integer({ min: 1, max: 17 }),
    kernel: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
    stride: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
    padding: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })),
    padValue: fc.constantFrom('zero' as const, 'ignore' as const),
  })
  .chain((p) => fc.record({ p: fc.constant(p), x: arr(f32In(3), p.batch * p.channels * p.height * p.width) }));

describe('pooling', () => {
  it('maxpool2d equals the reference for both padValue conventions (windows wholly in the padding included)', () => {
    fc.assert(
      fc.property(poolCase, ({ p, x }) => {
        const got = wasm.maxpool2d(x, p);
        expectClose(got.data, maxpool2dRef(x, p).data, 'y');
        expectClose(
          got.shape,
          [
            p.batch,
            p.channels,
            outSize(p.height, p.kernel[0], p.stride[0], 2 * p.padding[0], 1),
            outSize(p.width, p.kernel[1], p.stride[1], 2 * p.padding[1], 1),
          ],
          'shape',
        );
      }),
      { numRuns: 300 },
    );
  });

  it('avgpool2d equals the reference for both padValue conventions', () => {
    fc.assert(
      fc.property(poolCase, ({ p, x }) => {
        expectClose(wasm.avgpool2d(x, p).data, avgpool2dRef(x, p).data, 'y');
      }),
      { numRuns: 300 },
    );
  });
});

describe('batchnorm', () => {
  it('equals the reference (population, sample and inference statistics; constant channels)', () => {
    const mode = fc.constantFrom('population' as const, 'sample' as const, 'inference' as const);
    fc.assert(
      fc.property(
        fc
          .record({
            batch: fc.integer({ min: 1, max: 4 }),
            channels: fc.integer({ min: 1, max: 5 }),
            spatial: fc.integer({ min: 1, max: 9 }),
            mode,
            eps: fc.constantFrom(0, 1e-5, 0.1),
            constant: fc.boolean(),
          })
          .chain((p) =>
            fc.record({
              p: fc.constant(p),
              x: arr(f32In(3), p.batch * p.channels * p.spatial),
              gamma: arr(f32In(2), p.channels),
              beta: arr(f32In(2), p.channels),
              mean: arr(f32In(1), p.channels),
              variance: arr(fc.double({ min: 0.01, max: 4, noNaN: true }).map(Math.fround), p.channels),
            }),
          ),
        ({ p, x, gamma, beta, mean, variance }) => {
          const xs = p.constant ? x.map(() => x[0]!) : x;
          const params = { ...p, gamma, beta, mean, variance };
          const got = wasm.batchnorm(xs, params);
          const want = batchnormRef(xs, params);
          expectClose(got.y, want.y, 'y');
          expectClose(got.mean, want.mean, 'mean');
          expectClose(got.variance, want.variance, 'variance');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('lstm', () => {
  it('equals the reference: h, c and the gates of every step, any activations', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            steps: fc.integer({ min: 1, max: 6 }),
            batch: fc.integer({ min: 1, max: 3 }),
            inputSize: fc.integer({ min: 0, max: 7 }),
            hiddenSize: fc.integer({ min: 1, max: 9 }),
            candidateActivation: fc.constantFrom('tanh' as const, 'sigmoid' as const),
            cellActivation: fc.constantFrom('tanh' as const, 'sigmoid' as const, 'linear' as const),
            withBias: fc.boolean(),
            withState: fc.boolean(),
          })
          .chain((p) => {
            const h = p.hiddenSize;
            return fc.record({
              p: fc.constant(p),
              x: arr(dyadic, p.steps * p.batch * p.inputSize),
              w: arr(
                dyadic.map((v) => v / 2),
                p.inputSize * 4 * h,
              ),
              r: arr(
                dyadic.map((v) => v / 2),
                h * 4 * h,
              ),
              b: arr(dyadic, 4 * h),
              h0: arr(f32In(1), p.batch * h),
              c0: arr(f32In(1), p.batch * h),
            });
          }),
        ({ p, x, w, r, b, h0, c0 }) => {
          const params = {
            ...p,
            w,
            r,
            b: p.withBias ? b : undefined,
            h0: p.withState ? h0 : undefined,
            c0: p.withState ? c0 : undefined,
          };
          const got = wasm.lstm(x, params);
          const want = lstmRef(x, params);
          expectClose(got.gates, want.gates, 'gates');
          expectClose(got.c, want.c, 'c');
          expectClose(got.h, want.h, 'h');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equals the reference at a realistic size (128 → 64, 20 steps, packed recurrent weights)', () => {
    const rand = (n: number, s: number) =>
      Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i * 12.9898 + s) * 0.1));
    const p = {
      steps: 20,
      inputSize: 128,
      hiddenSize: 64,
      w: rand(128 * 256, 1),
      r: rand(64 * 256, 2),
      b: rand(256, 3),
    };
    const x = rand(20 * 128, 4);
    const got = wasm.lstm(x, p);
    const want = lstmRef(x, p);
    expectClose(got.h, want.h, 'h');
    expectClose(got.c, want.c, 'c');
  });
});

describe('activations', () => {
  const values = fc.array(fc.oneof(f32In(20), fc.constantFrom(0, -0, 1e-7, -1e-7, 90, -90, 1000, -1000)), {
    maxLength: 23,
  });
  it('relu, sigmoid and tanh equal the reference (any length, tails not multiples of 4, saturated inputs)', () => {
    fc.assert(
      fc.property(values, (x) => {
        expectClose(wasm.relu(x), reluRef(x), 'relu');
        expectClose(wasm.sigmoid(x), sigmoidRef(x), 'sigmoid');
        expectClose(wasm.tanh(x), tanhRef(x), 'tanh');
      }),
      { numRuns: 300 },
    );
  });

  it('softmax equals the reference row by row', () => {
    fc.assert(
      fc.property(
        fc
          .record({ rows: fc.integer({ min: 0, max: 4 }), cols: fc.integer({ min: 1, max: 13 }) })
          .chain((s) => fc.record({ s: fc.constant(s), x: arr(f32In(30), s.rows * s.cols) })),
        ({ s, x }) => {
          expectClose(wasm.softmax(x, s.rows, s.cols), softmaxRef(x, s.rows, s.cols), 'softmax');
        },
      ),
      { numRuns: 200 },
    );
  });
});
