/**
 * The numeric core of conv/forward and conv/pool above the size threshold: the @dnn/core-wasm kernels when their
 * float32 result is provably identical to the float64 loops (or when `precision: "single"` asks for them), else the
 * loops of forward-reference.ts and pool-reference.ts. Either way the result has the loops' layout.
 */
import { DnnInputError } from '@dnn/core';
import {
  averageExact,
  type Dispatched,
  dyadicRange,
  type Kernels,
  type Precision,
  kernels as sharedKernels,
  sumOfProductsExact,
  withKernels,
} from '@dnn/core-wasm';
import { type Conv2dOptions, conv2dReference, slidingSize } from './forward-reference.js';
import { type Pool2dOptions, pool2dReference } from './pool-reference.js';
import { arrayOf } from './tensor.js';

/** Which precision the user asked for, and the backend to use above the threshold (tests force one). */
export interface BackendChoice {
  precision: Precision;
  kernels?: () => Kernels;
}

/** A flat [C][H′][W′] result, as the reference loops return it. */
export type Flat3 = { data: Float64Array; shape: [number, number, number] };

/** Rotates every kH×kW kernel of a flat weight array by 180° (reverses its rows and columns). */
export function flipKernels(weight: Float64Array, kH: number, kW: number): Float64Array {
  const taps = kH * kW;
  const flipped = new Float64Array(weight.length);
  for (let i = 0; i < weight.length; i += taps) {
    for (let j = 0; j < taps; j++) flipped[i + j] = weight[i + taps - 1 - j]!;
  }
  return flipped;
}

/**
 * Rejects a float32 kernel result that overflowed (float32 ends near 3.4e38, float64 near 1.8e308): only
 * `precision: "single"` can get there, so the error points at that field. Other results pass unchanged.
 */
export function checkFloat32Range(d: Dispatched<Flat3>, what: string): Flat3 {
  if (d.backend === 'wasm' && !d.result.data.every(Number.isFinite)) {
    throw new DnnInputError(
      'precision',
      `${what} overflows the float32 range of precision "single" (about 3.4e38); use precision "double" for numbers this large`,
    );
  }
  return d.result;
}

const padding = (p: Conv2dOptions['pads']) => [p.top, p.bottom, p.left, p.right] as const;

/**
 * {@link conv2dReference}, or the conv2d kernel from Cout·H′·W′·Cin·kH·kW = KERNEL_THRESHOLD multiply-adds on.
 * Double precision takes the kernel only when every input, weight and bias is a float32 number and the largest
 * partial sum max|x|·max|w|·Cin·kH·kW + max|b| is exact in float32 (and no bias is −0, whose sign the kernel drops).
 */
export function convolve(
  input: Float64Array,
  shape: readonly [number, number, number],
  weight: Float64Array,
  wShape: readonly [number, number, number, number],
  bias: Float64Array | null,
  opts: Conv2dOptions,
  choice: BackendChoice,
): Dispatched<Flat3> {
  const [C, H, W] = shape;
  const [Cout, , kH, kW] = wShape;
  const Ho = slidingSize(H, kH, opts.stride[0], opts.dilation[0], opts.pads.top + opts.pads.bottom);
  const Wo = slidingSize(W, kW, opts.stride[1], opts.dilation[1], opts.pads.left + opts.pads.right);
  const taps = C * kH * kW;
  return withKernels(
    {
      work: Cout * Ho * Wo * taps,
      unit: 'multiply-adds',
      precision: choice.precision,
      exact: () => {
        const b = bias ? dyadicRange(bias) : undefined;
        return !b?.negativeZero && sumOfProductsExact(dyadicRange(input), dyadicRange(weight), taps, b);
      },
      why: 'every input, weight and bias is a float32 number and every product and partial sum is exact in float32',
      kernels: choice.kernels ?? sharedKernels,
    },
    (k) => {
      const y = k.conv2d(input, opts.flip ? flipKernels(weight, kH, kW) : weight, {
        channels: C,
        height: H,
        width: W,
        outChannels: Cout,
        kernel: [kH, kW],
        stride: opts.stride,
        padding: padding(opts.pads),
        dilation: opts.dilation,
        ...(bias ? { bias } : {}),
      });
      return { data: y.data, shape: [Cout, Ho, Wo] };
    },
    () => conv2dReference(input, shape, weight, wShape, bias, opts),
  );
}

/** Cells of each window along one axis that fall inside the input (0: the window lies in the padding). */
function insideCounts(size: number, kernel: number, stride: number, before: number, out: number): number[] {
  return arrayOf(out, (o) => {
    const start = o * stride - before;
    return Math.max(0, Math.min(start + kernel, size) - Math.max(start, 0));
  });
}

/**
 * {@link pool2dReference}, or the pooling kernels from C·H′·W′·kH·kW = KERNEL_THRESHOLD window cells on. Double
 * precision takes the kernel when every value is a float32 number other than −0 (a max only compares; the kernel's
 * max may keep −0 where Math.max gives +0) and, for an average, every window sum is exact in float32 and every
 * divisor a power of two. Windows without a real cell under `ignore` give NaN, as in the reference.
 */
export function poolChannels(
  input: Float64Array,
  shape: readonly [number, number, number],
  opts: Pool2dOptions,
  choice: BackendChoice,
): Dispatched<Flat3> {
  const [C, H, W] = shape;
  const [kH, kW] = opts.kernel;
  const Ho = slidingSize(H, kH, opts.stride[0], 1, opts.pads.top + opts.pads.bottom);
  const Wo = slidingSize(W, kW, opts.stride[1], 1, opts.pads.left + opts.pads.right);
  const max = opts.kind === 'max';
  const rows = insideCounts(H, kH, opts.stride[0], opts.pads.top, Ho);
  const cols = insideCounts(W, kW, opts.stride[1], opts.pads.left, Wo);
  const divisors = (): number[] => {
    if (opts.padValue === 'zero') return [kH * kW];
    const rs = [...new Set(rows)].filter((r) => r > 0);
    const cs = [...new Set(cols)].filter((c) => c > 0);
    return rs.flatMap((r) => cs.map((c) => r * c));
  };
  return withKernels(
    {
      work: C * Ho * Wo * kH * kW,
      unit: 'window cells',
      precision: choice.precision,
      exact: () => {
        const r = dyadicRange(input);
        if (!r || r.negativeZero) return false;
        return max || averageExact(r, kH * kW, divisors());
      },
      why: max
        ? 'a max only compares numbers and every input value is a float32 number'
        : 'every input value is a float32 number, every window sum is exact in float32 and every divisor is a power of two',
      kernels: choice.kernels ?? sharedKernels,
    },
    (k) => {
      const params = {
        channels: C,
        height: H,
        width: W,
        kernel: opts.kernel,
        stride: opts.stride,
        padding: padding(opts.pads),
        padValue: opts.padValue,
      };
      const { data } = max ? k.maxpool2d(input, params) : k.avgpool2d(input, params);
      if (opts.padValue === 'ignore' && (rows.includes(0) || cols.includes(0))) {
        // the kernels give −∞ (max) or 0 (average) where the reference gives NaN
        for (let c = 0; c < C; c++) {
          for (let y = 0; y < Ho; y++) {
            for (let x = 0; x < Wo; x++) if (rows[y] === 0 || cols[x] === 0) data[(c * Ho + y) * Wo + x] = Number.NaN;
          }
        }
      }
      return { data, shape: [C, Ho, Wo] };
    },
    () => pool2dReference(input, shape, opts),
  );
}
