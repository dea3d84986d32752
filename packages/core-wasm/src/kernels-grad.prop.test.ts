/**
 * The backward kernels. The TypeScript references are checked against the forward kernels' references by the
 * adjoint identity ⟨f(x), g⟩ = ⟨x, ∂f(x)ᵀg⟩ (f linear in x, or in w; max pooling is linear in x around x, the winner
 * being fixed), an independent oracle; the WASM kernels must then equal the references exactly on dyadic inputs
 * (k/16: every product and partial sum is exact in float32, whatever the summation order) on random shapes — stride
 * above the kernel, asymmetric padding, dilation, ties in max pooling, sizes past the GEMM's K and N blocks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arr, dyadic, expectClose } from './close.test-util.js';
import { initSync } from './index.js';
import { outSize } from './params.js';
import { avgpool2dRef, conv2dRef, maxpool2dRef } from './reference.js';
import { avgpool2dGradRef, conv2dGradInputRef, conv2dGradWeightRef, maxpool2dGradRef } from './reference-grad.js';

const wasm = initSync({ backend: 'wasm' });
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
/** Exact equality, +0 and −0 alike (a float32 sum may end on either). */
const same = (got: ArrayLike<number>, want: ArrayLike<number>) =>
  expect(Array.from(got, (v) => v + 0)).toEqual(Array.from(want, (v) => v + 0));

const convGradCase = (big: boolean) =>
  fc
    .record({
      batch: fc.integer({ min: 1, max: 2 }),
      channels: big ? fc.integer({ min: 20, max: 32 }) : fc.integer({ min: 1, max: 4 }),
      height: fc.integer({ min: 1, max: big ? 30 : 10 }),
      width: fc.integer({ min: 1, max: big ? 30 : 12 }),
      outChannels: fc.integer({ min: 1, max: big ? 9 : 5 }),
      kernel: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
      stride: fc.tuple(fc.integer({ min: 1, max: big ? 2 : 5 }), fc.integer({ min: 1, max: big ? 2 : 5 })),
      padding: fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 4 }))) as fc.Arbitrary<
        [number, number, number, number]
      >,
      dilation: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    })
    .chain((p) => {
      const oh = outSize(p.height, p.kernel[0], p.stride[0], p.padding[0] + p.padding[1], p.dilation[0]);
      const ow = outSize(p.width, p.kernel[1], p.stride[1], p.padding[2] + p.padding[3], p.dilation[1]);
      return fc.record({
        p: fc.constant(p),
        x: arr(dyadic, p.batch * p.channels * p.height * p.width),
        w: arr(dyadic, p.outChannels * p.channels * p.kernel[0] * p.kernel[1]),
        gy: arr(dyadic, p.batch * p.outChannels * oh * ow),
      });
    });

describe('conv2d gradients', () => {
  it('the references are the adjoints of conv2d: ⟨conv(x, w), g⟩ = ⟨x, ∂X⟩ = ⟨w, ∂W⟩', () => {
    fc.assert(
      fc.property(convGradCase(false), ({ p, x, w, gy }) => {
        const y = conv2dRef(x, w, p).data;
        expect(dot(x, conv2dGradInputRef(gy, w, p).data)).toBe(dot(y, gy));
        expect(dot(w, conv2dGradWeightRef(x, gy, p).data)).toBe(dot(y, gy));
      }),
      { numRuns: 150 },
    );
  });

  it('WASM equals the reference exactly on dyadic inputs (stride > kernel, asymmetric padding, dilation)', () => {
    fc.assert(
      fc.property(convGradCase(false), ({ p, x, w, gy }) => {
        const gx = wasm.conv2dGradInput(gy, w, p);
        same(gx.data, conv2dGradInputRef(gy, w, p).data);
        expect(gx.shape).toEqual([p.batch, p.channels, p.height, p.width]);
        const gw = wasm.conv2dGradWeight(x, gy, p);
        same(gw.data, conv2dGradWeightRef(x, gy, p).data);
        expect(gw.shape).toEqual([p.outChannels, p.channels, ...p.kernel]);
      }),
      { numRuns: 200 },
    );
  });

  it('WASM equals the reference past the GEMM blocks (C·kH·kW > 256 rows, H′·W′ > 512 deep)', () => {
    fc.assert(
      fc.property(
        convGradCase(true).filter(({ gy, p }) => gy.length / p.batch / p.outChannels > 512),
        ({ p, x, w, gy }) => {
          same(wasm.conv2dGradInput(gy, w, p).data, conv2dGradInputRef(gy, w, p).data);
          same(wasm.conv2dGradWeight(x, gy, p).data, conv2dGradWeightRef(x, gy, p).data);
        },
      ),
      { numRuns: 4 },
    );
  });

  it('rejects a gradOutput of the wrong length on both backends', () => {
    const p = { channels: 1, height: 3, width: 3, outChannels: 1, kernel: 2 } as const;
    for (const k of [wasm, initSync({ backend: 'ts' })]) {
      expect(() => k.conv2dGradInput([1, 2, 3], [1, 1, 1, 1], p)).toThrow(/gradOutput has 3 numbers, expected 4/);
      expect(() => k.conv2dGradWeight(Array(9).fill(1), [1], p)).toThrow(/gradOutput has 1 numbers, expected 4/);
    }
  });
});

/** Pooling cases; small integers make ties in a max common. Under `ignore`, padding < kernel (no empty window). */
const poolGradCase = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    channels: fc.integer({ min: 1, max: 3 }),
    height: fc.integer({ min: 1, max: 12 }),
    width: fc.integer({ min: 1, max: 15 }),
    kernel: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
    stride: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
    padding: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
    padValue: fc.constantFrom('zero' as const, 'ignore' as const),
    ties: fc.boolean(),
  })
  .filter((p) => p.padValue === 'zero' || (p.padding[0] < p.kernel[0] && p.padding[1] < p.kernel[1]))
  .chain((p) => {
    const oh = outSize(p.height, p.kernel[0], p.stride[0], 2 * p.padding[0], 1);
    const ow = outSize(p.width, p.kernel[1], p.stride[1], 2 * p.padding[1], 1);
    const val = p.ties ? fc.integer({ min: -2, max: 2 }) : dyadic;
    return fc.record({
      p: fc.constant(p),
      x: arr(val, p.batch * p.channels * p.height * p.width),
      gy: arr(dyadic, p.batch * p.channels * oh * ow),
    });
  });

describe('pooling gradients', () => {
  it('the references are the adjoints of pooling: ⟨pool(x), g⟩ = ⟨x, ∂X⟩ (a padded max winner is 0 either way)', () => {
    fc.assert(
      fc.property(poolGradCase, ({ p, x, gy }) => {
        expect(dot(x, maxpool2dGradRef(x, gy, p).data)).toBe(dot(maxpool2dRef(x, p).data, gy));
        // an average divides by 1..16 cells: compare at f64 rounding, not exactly
        expect(dot(x, avgpool2dGradRef(gy, p).data)).toBeCloseTo(dot(avgpool2dRef(x, p).data, gy), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('max routes to the first maximum in row-major order: a tie sends everything to the earlier cell', () => {
    const p = { channels: 1, height: 2, width: 2, kernel: 2 } as const;
    // every cell ties at 1; the first (row 0, column 0) takes the whole gradient 5
    same(maxpool2dGradRef([1, 1, 1, 1], [5], p).data, [5, 0, 0, 0]);
    // all negative with zero padding: a padded cell (value 0) wins and the gradient is lost
    same(maxpool2dGradRef([-1], [5], { channels: 1, height: 1, width: 1, kernel: 2, padding: [1, 0, 1, 0] }).data, [0]);
  });

  it('WASM equals the reference exactly (ties, both padValue conventions)', () => {
    fc.assert(
      fc.property(poolGradCase, ({ p, x, gy }) => {
        const got = wasm.maxpool2dGrad(x, gy, p);
        same(got.data, maxpool2dGradRef(x, gy, p).data);
        expect(got.shape).toEqual([p.batch, p.channels, p.height, p.width]);
        const kh = p.kernel[0] * p.kernel[1];
        // exact only when every divisor is a power of two: compare the others at float32 rounding
        const avg = wasm.avgpool2dGrad(gy, p).data;
        const want = avgpool2dGradRef(gy, p).data;
        if ((kh & (kh - 1)) === 0 && p.padValue === 'zero') same(avg, want);
        else expectClose(avg, want, 'gx');
      }),
      { numRuns: 300 },
    );
  });
});
