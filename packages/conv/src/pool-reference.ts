/**
 * The numeric core of conv/pool: plain-TypeScript max and average pooling
 * over flat row-major [C][H][W] arrays, with both padding conventions. No
 * steps and no validation, so a WASM kernel can replace it for large inputs.
 */
import { slidingSize } from './forward-reference.js';

/** Kernel, stride, padding and padding convention of {@link pool2dReference}. */
export interface Pool2dOptions {
  kind: 'max' | 'avg';
  /** [kH, kW]. */
  kernel: readonly [number, number];
  /** [sH, sW]. */
  stride: readonly [number, number];
  pads: { top: number; bottom: number; left: number; right: number };
  /**
   * `zero`: padded cells take part with value 0 (counted in the average);
   * `ignore`: they never win a max and are not counted in an average.
   */
  padValue: 'zero' | 'ignore';
}

/**
 * Pools every channel separately. A window without any real cell under
 * `ignore` gives NaN (callers reject such geometries first).
 *
 * @returns the flat [C][H_out][W_out] output and its shape.
 */
export function pool2dReference(
  input: Float64Array,
  shape: readonly [number, number, number],
  opts: Pool2dOptions,
): { data: Float64Array; shape: [number, number, number] } {
  const [C, H, W] = shape;
  const [kH, kW] = opts.kernel;
  const [sH, sW] = opts.stride;
  const { top, left } = opts.pads;
  const Ho = slidingSize(H, kH, sH, 1, opts.pads.top + opts.pads.bottom);
  const Wo = slidingSize(W, kW, sW, 1, opts.pads.left + opts.pads.right);
  const zero = opts.padValue === 'zero';
  const max = opts.kind === 'max';
  const out = new Float64Array(C * Ho * Wo);
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < Ho; y++) {
      for (let x = 0; x < Wo; x++) {
        let acc = max ? Number.NEGATIVE_INFINITY : 0;
        let count = 0;
        for (let a = 0; a < kH; a++) {
          const iy = y * sH - top + a;
          for (let b = 0; b < kW; b++) {
            const ix = x * sW - left + b;
            const real = iy >= 0 && iy < H && ix >= 0 && ix < W;
            if (!real && !zero) continue;
            const v = real ? input[(c * H + iy) * W + ix]! : 0;
            acc = max ? Math.max(acc, v) : acc + v;
            count++;
          }
        }
        out[(c * Ho + y) * Wo + x] = count === 0 ? Number.NaN : max ? acc : acc / count;
      }
    }
  }
  return { data: out, shape: [C, Ho, Wo] };
}
