/**
 * Depthwise conv2d: the reference (each channel alone through conv2dRef) against a direct float64 loop written here,
 * and the WASM kernel against the reference exactly on dyadic inputs (k/16: every product and partial sum is exact in
 * float32), on random shapes: stride 1, 2 and above the kernel (the three vector paths), padding, dilation, bias.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arr, dyadic } from './close.test-util.js';
import { initSync } from './index.js';
import { outSize } from './params.js';
import { depthwiseConv2dRef } from './reference.js';

const wasm = initSync({ backend: 'wasm' });

/** Random depthwise cases; `kernel` and `dilation` default to any of 1–4 and 1–2 per axis. */
const dwCases = (
  kernel = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
  dilation = fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
) =>
  fc
    .record({
      batch: fc.integer({ min: 1, max: 2 }),
      channels: fc.integer({ min: 1, max: 5 }),
      height: fc.integer({ min: 1, max: 12 }),
      width: fc.integer({ min: 1, max: 19 }),
      kernel,
      stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      padding: fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 3 }))) as fc.Arbitrary<
        [number, number, number, number]
      >,
      dilation,
      withBias: fc.boolean(),
    })
    .chain((p) =>
      fc.record({
        p: fc.constant(p),
        x: arr(dyadic, p.batch * p.channels * p.height * p.width),
        w: arr(dyadic, p.channels * p.kernel[0] * p.kernel[1]),
        bias: arr(dyadic, p.channels),
      }),
    );

/** The direct loop: y[n][c][i][j] = b[c] + Σ w[c][a][b]·x[n][c][i·s + a·d − pad][j·s + b·d − pad] over inside taps. */
const dwCase = dwCases();
type DwCase = typeof dwCase extends fc.Arbitrary<infer T> ? T : never;

function direct(x: number[], w: number[], bias: number[] | undefined, p: DwCase['p']) {
  const [kh, kw] = p.kernel;
  const [pt, pb, pl, pr] = p.padding;
  const oh = outSize(p.height, kh, p.stride[0], pt + pb, p.dilation[0]);
  const ow = outSize(p.width, kw, p.stride[1], pl + pr, p.dilation[1]);
  const y: number[] = [];
  for (let n = 0; n < p.batch; n++) {
    for (let c = 0; c < p.channels; c++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          let s = bias ? bias[c]! : 0;
          for (let a = 0; a < kh; a++) {
            for (let b = 0; b < kw; b++) {
              const iy = i * p.stride[0] + a * p.dilation[0] - pt;
              const ix = j * p.stride[1] + b * p.dilation[1] - pl;
              if (iy >= 0 && iy < p.height && ix >= 0 && ix < p.width) {
                s += w[(c * kh + a) * kw + b]! * x[((n * p.channels + c) * p.height + iy) * p.width + ix]!;
              }
            }
          }
          y.push(s);
        }
      }
    }
  }
  return { y, shape: [p.batch, p.channels, oh, ow] };
}

/** The reference against the direct loop, and WASM against both, exactly (−0 read as 0). */
function check({ p, x, w, bias }: DwCase) {
  const params = { ...p, bias: p.withBias ? bias : undefined };
  const want = direct(x, w, params.bias, p);
  const ref = depthwiseConv2dRef(x, w, params);
  expect(ref.shape).toEqual(want.shape);
  expect(Array.from(ref.data, (v) => v + 0)).toEqual(want.y.map((v) => v + 0));
  const got = wasm.depthwiseConv2d(x, w, params);
  expect(got.shape).toEqual(want.shape);
  expect(Array.from(got.data, (v) => v + 0)).toEqual(want.y.map((v) => v + 0));
}

describe('depthwise conv2d', () => {
  it('the reference equals the direct loop, and WASM equals the reference exactly on dyadic inputs', () => {
    fc.assert(fc.property(dwCase, check), { numRuns: 300 });
  });

  it('3×3 kernels (the register-tiled one- and two-row paths, split rows at stride 2) equal them too', () => {
    const k3 = fc.constant<[number, number]>([3, 3]);
    const d = fc.tuple(fc.integer({ min: 1, max: 2 }), fc.constant(1));
    fc.assert(fc.property(dwCases(k3, d), check), { numRuns: 200 });
  });

  it('rejects weights that are not [C][kH][kW] on both backends', () => {
    const p = { channels: 2, height: 3, width: 3, kernel: 2 } as const;
    for (const k of [wasm, initSync({ backend: 'ts' })]) {
      expect(() => k.depthwiseConv2d(Array(18).fill(1), [1, 2, 3, 4], p)).toThrow(/weight has 4 numbers, expected 8/);
    }
  });
});
