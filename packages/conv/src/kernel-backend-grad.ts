/**
 * The numeric core of conv/backprop's backward pass above the size threshold: the @dnn/core-wasm gradient kernels
 * when their float32 result is provably identical to the float64 loops (the rule of kernel-backend.ts), else the
 * loops the layer passes hand in. The note of a kernel run is dropped, as the forward pass drops its own: the
 * answer, steps and notes are the same on either side of the threshold.
 */
import {
  averageExact,
  dyadicRange,
  type Kernels,
  kernels as sharedKernels,
  sumOfProductsExact,
  withKernels,
} from '@dnn/core-wasm';
import type { Pads } from './sliding-window.js';

/** The geometry both conv gradients read. */
export interface ConvGradGeometry {
  /** Input [C, H, W]. */
  x: readonly [number, number, number];
  /** Weight [Cout, C, kH, kW]. */
  w: readonly [number, number, number, number];
  /** Output [H′, W′]. */
  out: readonly [number, number];
  stride: readonly [number, number];
  pads: Pads;
}

const convParams = (g: ConvGradGeometry) => ({
  channels: g.x[0],
  height: g.x[1],
  width: g.x[2],
  outChannels: g.w[0],
  kernel: [g.w[2], g.w[3]] as const,
  stride: g.stride,
  padding: [g.pads.top, g.pads.bottom, g.pads.left, g.pads.right] as const,
});

/**
 * A conv gradient: `own()` (the float64 loop) below KERNEL_THRESHOLD multiply-adds, or when some partial sum of at
 * most `terms` products of `a` and `b` may round in float32; else `run` on the kernels.
 */
function convGrad(
  g: ConvGradGeometry,
  [a, b]: [Float64Array, Float64Array],
  terms: number,
  what: string,
  run: (k: Kernels) => Float64Array,
  own: () => Float64Array,
  kernels: () => Kernels,
): Float64Array {
  return withKernels(
    {
      work: g.w[0] * g.out[0] * g.out[1] * g.w[1] * g.w[2] * g.w[3],
      unit: 'multiply-adds',
      precision: 'double',
      exact: () => sumOfProductsExact(dyadicRange(a), dyadicRange(b), terms),
      why: `every output gradient and ${what} is a float32 number and every product and partial sum is exact in float32`,
      kernels,
    },
    run,
    own,
  ).result;
}

/** ∂L/∂X of a conv layer: partial sums of at most Cout·kH·kW products ∂L/∂Y · W. */
export function convGradInput(
  g: ConvGradGeometry,
  gy: Float64Array,
  w: Float64Array,
  own: () => Float64Array,
  kernels: () => Kernels = sharedKernels,
): Float64Array {
  const run = (k: Kernels) => k.conv2dGradInput(gy, w, convParams(g)).data;
  return convGrad(g, [gy, w], g.w[0] * g.w[2] * g.w[3], 'weight', run, own, kernels);
}

/** ∂L/∂W of a conv layer: partial sums of at most H′·W′ products ∂L/∂Y · X. */
export function convGradWeight(
  g: ConvGradGeometry,
  x: Float64Array,
  gy: Float64Array,
  own: () => Float64Array,
  kernels: () => Kernels = sharedKernels,
): Float64Array {
  const run = (k: Kernels) => k.conv2dGradWeight(x, gy, convParams(g)).data;
  return convGrad(g, [gy, x], g.out[0] * g.out[1], 'input', run, own, kernels);
}

/** The pooling a gradient is routed through. */
export interface PoolGradGeometry {
  kind: 'max' | 'avg';
  /** Input [C, H, W]. */
  x: readonly [number, number, number];
  kernel: readonly [number, number];
  stride: readonly [number, number];
  pads: Pads;
  out: readonly [number, number];
  padValue: 'zero' | 'ignore';
  /** Max pooling at a tie (the kernel implements "first"; "split" always takes the loop). */
  maxTie: 'first' | 'split';
  /** Average pooling: the cell counts the windows divide by (powers of two only are exact). */
  counts: Iterable<number>;
}

/**
 * ∂L/∂X of a pooling layer: `own()` below KERNEL_THRESHOLD window cells, for max pooling with maxTie "split", or when
 * a float32 sum could round (an input cell collects at most ⌈kH/sH⌉·⌈kW/sW⌋ shares; an average's shares must be
 * exact: power-of-two counts); else the maxpool2dGrad / avgpool2dGrad kernel (first maximum in row-major order).
 */
export function poolGradInput(
  g: PoolGradGeometry,
  x: Float64Array,
  gy: Float64Array,
  own: () => Float64Array,
  kernels: () => Kernels = sharedKernels,
): Float64Array {
  const [kH, kW] = g.kernel;
  const overlap = Math.ceil(kH / g.stride[0]) * Math.ceil(kW / g.stride[1]);
  const max = g.kind === 'max';
  const params = {
    channels: g.x[0],
    height: g.x[1],
    width: g.x[2],
    kernel: g.kernel,
    stride: g.stride,
    padding: [g.pads.top, g.pads.bottom, g.pads.left, g.pads.right] as const,
    padValue: g.padValue,
  };
  if (max && g.maxTie === 'split') return own();
  return withKernels(
    {
      work: g.x[0] * g.out[0] * g.out[1] * kH * kW,
      unit: 'window cells',
      precision: 'double',
      exact: () => {
        const r = dyadicRange(gy);
        if (max) return dyadicRange(x) !== null && averageExact(r, overlap, [1]);
        return averageExact(r, overlap * kH * kW, g.counts);
      },
      why: 'every value is a float32 number and every routed sum is exact in float32',
      kernels,
    },
    (k) => (max ? k.maxpool2dGrad(x, gy, params) : k.avgpool2dGrad(gy, params)).data,
    own,
  ).result;
}
