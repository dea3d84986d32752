/**
 * The backward kernels' TypeScript reference (float64): the test oracle of the WASM gradient kernels and their
 * fallback. Plain loops over every output cell and tap, written independently of the WASM's GEMM + col2im form.
 */
import {
  type Conv2dParams,
  convGradGeometry,
  type Floats,
  type Geometry,
  type Pool2dParams,
  poolGradGeometry,
  type Tensor,
} from './params.js';

/** Calls `f(outIndex, inIndex, tapIndex)` for every output cell of every filter/plane and every tap inside the image. */
function forEachTap(
  g: Geometry,
  outChannels: number,
  f: (
    o: number,
    img: number,
    oy: number,
    ox: number,
    ci: number,
    iy: number,
    ix: number,
    ky: number,
    kx: number,
  ) => void,
): void {
  for (let img = 0; img < g.n; img++) {
    for (let o = 0; o < outChannels; o++) {
      for (let oy = 0; oy < g.oh; oy++) {
        for (let ox = 0; ox < g.ow; ox++) {
          for (let ci = 0; ci < g.c; ci++) {
            for (let ky = 0; ky < g.kh; ky++) {
              const iy = oy * g.sh - g.pt + ky * g.dh;
              if (iy < 0 || iy >= g.h) continue;
              for (let kx = 0; kx < g.kw; kx++) {
                const ix = ox * g.sw - g.pl + kx * g.dw;
                if (ix >= 0 && ix < g.w) f(o, img, oy, ox, ci, iy, ix, ky, kx);
              }
            }
          }
        }
      }
    }
  }
}

/** ∂L/∂X of conv2d: `gradOutput` [N][Cout][H′][W′] and the weights → [N][Cin][H][W] (`bias`, `relu` are ignored). */
export function conv2dGradInputRef(gradOutput: Floats, weight: Floats, p: Conv2dParams): Tensor {
  const g = convGradGeometry(p, gradOutput, { weight });
  const gx = new Float64Array(g.n * g.c * g.h * g.w);
  forEachTap(g, g.oc, (o, img, oy, ox, ci, iy, ix, ky, kx) => {
    const d = gradOutput[((img * g.oc + o) * g.oh + oy) * g.ow + ox]!;
    gx[((img * g.c + ci) * g.h + iy) * g.w + ix]! += d * weight[((o * g.c + ci) * g.kh + ky) * g.kw + kx]!;
  });
  return { data: gx, shape: [g.n, g.c, g.h, g.w] };
}

/** ∂L/∂W of conv2d: the input x and `gradOutput` [N][Cout][H′][W′] → [Cout][Cin][kH][kW], summed over the batch. */
export function conv2dGradWeightRef(x: Floats, gradOutput: Floats, p: Conv2dParams): Tensor {
  const g = convGradGeometry(p, gradOutput, { x });
  const gw = new Float64Array(g.oc * g.c * g.kh * g.kw);
  forEachTap(g, g.oc, (o, img, oy, ox, ci, iy, ix, ky, kx) => {
    const d = gradOutput[((img * g.oc + o) * g.oh + oy) * g.ow + ox]!;
    gw[((o * g.c + ci) * g.kh + ky) * g.kw + kx]! += d * x[((img * g.c + ci) * g.h + iy) * g.w + ix]!;
  });
  return { data: gw, shape: [g.oc, g.c, g.kh, g.kw] };
}

/**
 * ∂L/∂X of max pooling: each output gradient goes to its window's first maximum in row-major order (a later cell
 * replaces it only when strictly greater). Under `padValue: "zero"` padded cells take part as 0 and may win: their
 * share is lost. Under `ignore` they never take part.
 */
export function maxpool2dGradRef(x: Floats, gradOutput: Floats, p: Pool2dParams): Tensor {
  const g = poolGradGeometry(p, gradOutput, x);
  const planes = g.n * g.c;
  const zero = (p.padValue ?? 'zero') === 'zero';
  const gx = new Float64Array(x.length);
  for (let pl = 0; pl < planes; pl++) {
    for (let oy = 0; oy < g.oh; oy++) {
      for (let ox = 0; ox < g.ow; ox++) {
        let best = -1; // the winner's index in x, −1 for a padded cell (or none yet)
        let bv = 0;
        let any = false;
        for (let a = 0; a < g.kh; a++) {
          for (let b = 0; b < g.kw; b++) {
            const iy = oy * g.sh - g.pt + a;
            const ix = ox * g.sw - g.pl + b;
            const real = iy >= 0 && iy < g.h && ix >= 0 && ix < g.w;
            if (!real && !zero) continue;
            const at = (pl * g.h + iy) * g.w + ix;
            const v = real ? x[at]! : 0;
            if (!any || v > bv) [any, bv, best] = [true, v, real ? at : -1];
          }
        }
        if (best >= 0) gx[best]! += gradOutput[(pl * g.oh + oy) * g.ow + ox]!;
      }
    }
  }
  return { data: gx, shape: [g.n, g.c, g.h, g.w] };
}

/**
 * ∂L/∂X of average pooling: each output gradient divided by its window's count (kH·kW under `padValue: "zero"`, the
 * padded cells' shares being lost; the cells inside the image under `ignore`) goes to every cell inside the image.
 */
export function avgpool2dGradRef(gradOutput: Floats, p: Pool2dParams): Tensor {
  const g = poolGradGeometry(p, gradOutput);
  const planes = g.n * g.c;
  const zero = (p.padValue ?? 'zero') === 'zero';
  const gx = new Float64Array(planes * g.h * g.w);
  const span = (o: number, s: number, pad: number, k: number, size: number): [number, number] => {
    const start = o * s - pad;
    return [Math.max(start, 0), Math.max(Math.min(start + k, size), Math.max(start, 0))];
  };
  for (let pl = 0; pl < planes; pl++) {
    for (let oy = 0; oy < g.oh; oy++) {
      const [y0, y1] = span(oy, g.sh, g.pt, g.kh, g.h);
      for (let ox = 0; ox < g.ow; ox++) {
        const [x0, x1] = span(ox, g.sw, g.pl, g.kw, g.w);
        const count = zero ? g.kh * g.kw : (y1 - y0) * (x1 - x0);
        if (count === 0) continue;
        const d = gradOutput[(pl * g.oh + oy) * g.ow + ox]! / count;
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) gx[(pl * g.h + iy) * g.w + ix]! += d;
        }
      }
    }
  }
  return { data: gx, shape: [g.n, g.c, g.h, g.w] };
}
