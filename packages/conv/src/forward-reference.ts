/**
 * The numeric core of conv/forward: a plain-TypeScript 2-D convolution over
 * flat row-major arrays (NCHW without N). It has no steps and no validation,
 * so a WASM kernel with the same signature can replace it for large inputs.
 */

/** Strides, dilation, padding and kernel orientation of {@link conv2dReference}. */
export interface Conv2dOptions {
  /** [sH, sW]. */
  stride: readonly [number, number];
  /** [dH, dW]; 1 = dense kernel. */
  dilation: readonly [number, number];
  /** Zeros added on each side. */
  pads: { top: number; bottom: number; left: number; right: number };
  /** True = true convolution (kernel rotated by 180°), false = cross-correlation (PyTorch, TensorFlow). */
  flip: boolean;
}

/** Output size of one axis: ⌊(in + p_before + p_after − d(k−1) − 1)/s⌋ + 1 (at least 0). */
export function slidingSize(size: number, kernel: number, stride: number, dilation: number, pads: number): number {
  const numerator = size + pads - dilation * (kernel - 1) - 1;
  return numerator < 0 ? 0 : Math.floor(numerator / stride) + 1;
}

/**
 * Y[o][y][x] = b[o] + Σ_c Σ_a Σ_b X[c][y·sH − top + a·dH][x·sW − left + b·dW] · W[o][c][a'][b'],
 * with a' = a, b' = b (or kH−1−a, kW−1−b when `flip`), padded cells 0.
 *
 * @param input  [C][H][W], flat.
 * @param shape  [C, H, W].
 * @param weight [Cout][C][kH][kW], flat.
 * @param wShape [Cout, C, kH, kW].
 * @param bias   [Cout] or null.
 * @returns the flat [Cout][H_out][W_out] output and its shape.
 */
export function conv2dReference(
  input: Float64Array,
  shape: readonly [number, number, number],
  weight: Float64Array,
  wShape: readonly [number, number, number, number],
  bias: Float64Array | null,
  opts: Conv2dOptions,
): { data: Float64Array; shape: [number, number, number] } {
  const [C, H, W] = shape;
  const [Cout, , kH, kW] = wShape;
  const [sH, sW] = opts.stride;
  const [dH, dW] = opts.dilation;
  const { top, left } = opts.pads;
  const Ho = slidingSize(H, kH, sH, dH, opts.pads.top + opts.pads.bottom);
  const Wo = slidingSize(W, kW, sW, dW, opts.pads.left + opts.pads.right);
  const out = new Float64Array(Cout * Ho * Wo);
  for (let o = 0; o < Cout; o++) {
    const b0 = bias ? bias[o]! : 0;
    for (let y = 0; y < Ho; y++) {
      for (let x = 0; x < Wo; x++) {
        let acc = b0;
        for (let c = 0; c < C; c++) {
          for (let a = 0; a < kH; a++) {
            const iy = y * sH - top + a * dH;
            if (iy < 0 || iy >= H) continue;
            const wa = opts.flip ? kH - 1 - a : a;
            const rowBase = (c * H + iy) * W;
            const wBase = ((o * C + c) * kH + wa) * kW;
            for (let b = 0; b < kW; b++) {
              const ix = x * sW - left + b * dW;
              if (ix < 0 || ix >= W) continue;
              const wb = opts.flip ? kW - 1 - b : b;
              acc += input[rowBase + ix]! * weight[wBase + wb]!;
            }
          }
        }
        out[(o * Ho + y) * Wo + x] = acc;
      }
    }
  }
  return { data: out, shape: [Cout, Ho, Wo] };
}
