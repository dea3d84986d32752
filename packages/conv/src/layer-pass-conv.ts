/**
 * The conv layer of conv/backprop (cross-correlation, as conv/forward):
 * forward through the shared kernels, backward by float64 loops (or, from KERNEL_THRESHOLD multiply-adds when the
 * float32 result is provably identical, the WASM gradient kernels: kernel-backend-grad.ts) —
 * ∂L/∂W[o][c][a][b] = Σ ∂L/∂Y[o][y][x]·X_pad[c][y·s+a][x·s+b],
 * ∂L/∂b[o] = Σ ∂L/∂Y[o][y][x], ∂L/∂X = the output gradient sent back through every tap.
 */
import { add, eq, mul, type Step, step, sym, tex } from '@dnn/core';
import { readConvParams } from './conv-params.js';
import { type CellContext, convCellStep } from './forward.js';
import { convolve } from './kernel-backend.js';
import { convGradInput, convGradWeight } from './kernel-backend-grad.js';
import { gradSym, type LayerPass, layerSym, mapShape, type PassContext, type Value, valueSteps } from './layer-pass.js';
import { inside, tapCol, tapRow, type WindowGeometry, windowGeometry } from './sliding-window.js';
import { arrayOf, checkFinite, type Nested, numbers } from './tensor.js';
import { cellSteps, paddedMatrices } from './window-steps.js';

/** Most products written out in one weight's gradient sum. */
const MAX_TERMS = 16;
/** Most weights whose gradient sum is written out. */
const MAX_WEIGHT_SUMS = 27;

/** A validated conv layer spec. */
export interface ConvLayerSpec {
  weight: Nested[];
  bias?: number | number[] | undefined;
  stride: number | number[];
  padding: number | number[] | 'valid' | 'same';
}

/** Runs a conv layer forward; its `backward` gives ∂L/∂X, ∂L/∂W and ∂L/∂b. */
export function convPass(spec: ConvLayerSpec, x: Value, ctx: PassContext): LayerPass {
  const { n, path } = ctx;
  const xShape = mapShape(x, path, 'conv');
  const [C, H, W] = xShape;
  const { w, wShape, bias } = readConvParams(spec.weight, spec.bias, C, path, 'the input of this layer');
  const [Cout, , kH, kW] = wShape;
  const g = windowGeometry({
    size: [H, W],
    kernel: [kH, kW],
    stride: spec.stride,
    padding: spec.padding,
    kernelPath: `${path}.weight`,
    title: `Layer ${n} (conv): output size`,
  });
  const [Ho, Wo] = g.out;
  const macs = Cout * Ho * Wo * C * kH * kW;
  ctx.charge(3 * macs, 2 * Cout * Ho * Wo + C * H * W + 2 * (w.data.length + (bias?.length ?? 0)));
  const opts = { stride: g.stride, dilation: [1, 1] as const, pads: g.pads, flip: false };
  const out = convolve(x.data, xShape, w.data, wShape, bias, opts, { precision: 'double' }).result.data;
  checkFinite(out, `${path}.weight`, `an output value of layer ${n}`);
  const rank2 = x.shape.length === 2 && w.shape.length === 2;
  const outShape = rank2 ? [Ho, Wo] : [Cout, Ho, Wo];
  const cell: CellContext = { g, x: x.data, xShape, w: w.data, wShape, bias, flip: false, out, rank2 };
  const steps: Step[] = [
    step(`Layer ${n} (conv): ${Cout} filter(s) ${kH}×${kW} over ${C} channel(s), cross-correlation`),
    ...g.steps,
    ...paddedMatrices(g, x.data, xShape),
    ...cellSteps(g, Cout, (o, y, xo) => convCellStep(cell, o, y, xo)),
    ...valueSteps(`Layer ${n} output`, (c) => (c === null ? layerSym('Y', n) : layerSym('Y', n, c)), out, outShape),
  ];
  return {
    output: { data: out, shape: outShape },
    steps,
    notes: g.notes,
    params: {
      weight: { data: w.data, shape: w.shape },
      bias: bias ? { data: bias, shape: [bias.length] } : null,
    },
    backward: (gy) =>
      convBackward({
        g,
        x: x.data,
        xShape,
        w: w.data,
        wShape,
        bias,
        gy,
        ctx,
        xRank2: x.shape.length === 2,
        wRank2: w.shape.length === 2,
      }),
  };
}

interface BackwardArgs {
  g: WindowGeometry;
  x: Float64Array;
  xShape: [number, number, number];
  w: Float64Array;
  wShape: [number, number, number, number];
  bias: Float64Array | null;
  gy: Float64Array;
  ctx: PassContext;
  /** The input map was given as [H][W]. */
  xRank2: boolean;
  /** The weight was given as [kH][kW]. */
  wRank2: boolean;
}

/**
 * ∂L/∂X (`input`) or ∂L/∂W (`weight`) by the float64 loop over every output cell and tap (the kernels' fallback below
 * the threshold; both follow the same loop order).
 */
function gradientLoop(args: BackwardArgs, target: 'input' | 'weight'): Float64Array {
  const { g, x, xShape, w, wShape, gy } = args;
  const [C, H, W] = xShape;
  const [Cout, , kH, kW] = wShape;
  const [Ho, Wo] = g.out;
  const out = new Float64Array(target === 'input' ? x.length : w.length);
  for (let o = 0; o < Cout; o++) {
    for (let y = 0; y < Ho; y++) {
      for (let xo = 0; xo < Wo; xo++) {
        const d = gy[(o * Ho + y) * Wo + xo] as number;
        // tapRow / tapCol inlined (no allocation per tap): row y·s − top + a, column x·s − left + b
        const y0 = y * g.stride[0] - g.pads.top;
        const x0 = xo * g.stride[1] - g.pads.left;
        for (let c = 0; c < C; c++) {
          for (let a = 0; a < kH; a++) {
            const iy = y0 + a;
            if (iy < 0 || iy >= H) continue;
            for (let b = 0; b < kW; b++) {
              const ix = x0 + b;
              if (ix < 0 || ix >= W) continue;
              const xi = (c * H + iy) * W + ix;
              const wi = ((o * C + c) * kH + a) * kW + b;
              if (target === 'input') out[xi] = (out[xi] as number) + d * (w[wi] as number);
              else out[wi] = (out[wi] as number) + d * (x[xi] as number);
            }
          }
        }
      }
    }
  }
  return out;
}

/** The backward pass (the WASM gradient kernels from KERNEL_THRESHOLD multiply-adds when exact) and its steps. */
function convBackward(args: BackwardArgs) {
  const { g, x, xShape, w, wShape, bias, gy, ctx } = args;
  const [C, H, W] = xShape;
  const [Cout, , kH, kW] = wShape;
  const [Ho, Wo] = g.out;
  const geo = { x: xShape, w: wShape, out: g.out, stride: g.stride, pads: g.pads };
  const gx = convGradInput(geo, gy, w, () => gradientLoop(args, 'input'));
  const gw = convGradWeight(geo, x, gy, () => gradientLoop(args, 'weight'));
  const gb = new Float64Array(Cout);
  for (let o = 0; o < Cout; o++) {
    for (let i = o * Ho * Wo; i < (o + 1) * Ho * Wo; i++) gb[o] = (gb[o] as number) + (gy[i] as number);
  }
  const { n, path } = ctx;
  checkFinite(gw, `${path}.weight`, `a weight gradient of layer ${n}`);
  checkFinite(gx, `${path}.weight`, `an input gradient of layer ${n}`);
  const steps: Step[] = [
    step(
      `Layer ${n} (conv), local gradients: each output is a sum of window × kernel products, so ∂Y[o][y][x]/∂W[o][c][a][b] is the input under that tap, ∂Y/∂X the kernel weight on it, ∂Y/∂b = 1`,
      tex(
        '∂L/∂W[o][c][a][b] = Σ_(y,x) ∂L/∂Y[o][y][x]·X_pad[c][y·s+a][x·s+b]',
        '\\frac{\\partial L}{\\partial W_{o,c,a,b}} = \\sum_{y,x} \\frac{\\partial L}{\\partial Y_{o,y,x}}\\, X^{\\text{pad}}_{c,\\,y s+a,\\,x s+b}',
      ),
      tex(
        '∂L/∂X[c][i][j] = Σ over the taps on (i, j) of ∂L/∂Y[o][y][x]·W[o][c][a][b]',
        '\\frac{\\partial L}{\\partial X_{c,i,j}} = \\sum_{(o,y,x,a,b)\\,:\\,\\text{tap on } (i,j)} \\frac{\\partial L}{\\partial Y_{o,y,x}}\\, W_{o,c,a,b}',
      ),
    ),
    ...weightSumSteps(args, gw),
  ];
  const wRank = args.wRank2 ? [kH, kW] : [Cout * C, kH, kW];
  steps.push(
    ...valueSteps(
      `Layer ${n}: weight gradient`,
      (k) => (k === null ? gradSym('W', n) : gradSym('W', n, Math.floor(k / C), k % C)),
      gw,
      wRank,
      filterWords(C),
    ),
  );
  if (bias) {
    // The step shows the first 8 filters' sums: only those are typeset.
    const sums = arrayOf(Math.min(Cout, 8), (o) =>
      eq(
        gradSym('b', n, o),
        Ho * Wo <= MAX_TERMS ? add(...numbers(gy.subarray(o * Ho * Wo, (o + 1) * Ho * Wo))) : sym('∑ ∂L/∂Y'),
        gb[o] as number,
      ),
    );
    steps.push(step(`Layer ${n}: bias gradient, the sum of its filter's output gradients`, ...sums));
  }
  steps.push(
    ...valueSteps(
      `Layer ${n}: gradient sent back to its input`,
      (c) => (c === null ? gradSym('X', n) : gradSym('X', n, c)),
      gx,
      args.xRank2 ? [H, W] : xShape,
    ),
  );
  return { input: gx, weight: gw, ...(bias ? { bias: gb } : {}), steps };
}

/** One step per weight (when few): its gradient as the sum of output gradient × input under the tap. */
function weightSumSteps(args: BackwardArgs, gw: Float64Array): Step[] {
  const { g, x, xShape, wShape, gy, ctx } = args;
  const [C, H, W] = xShape;
  const [Cout, , kH, kW] = wShape;
  const [Ho, Wo] = g.out;
  if (gw.length > MAX_WEIGHT_SUMS || Ho * Wo > MAX_TERMS) return [];
  const lines = [];
  for (let o = 0; o < Cout; o++) {
    for (let c = 0; c < C; c++) {
      for (let a = 0; a < kH; a++) {
        for (let b = 0; b < kW; b++) {
          const terms = [];
          for (let y = 0; y < Ho; y++) {
            for (let xo = 0; xo < Wo; xo++) {
              const iy = tapRow(g, y, a);
              const ix = tapCol(g, xo, b);
              const v = inside(H, W, iy, ix) ? (x[(c * H + iy) * W + ix] as number) : 0;
              terms.push(mul(gy[(o * Ho + y) * Wo + xo] as number, v));
            }
          }
          const wi = ((o * C + c) * kH + a) * kW + b;
          const name = args.wRank2 ? gradSym('W', ctx.n, a, b) : gradSym('W', ctx.n, o, c, a, b);
          lines.push(eq(name, add(...terms), gw[wi] as number));
        }
      }
    }
  }
  return [
    step(`Layer ${ctx.n}: each weight's gradient, ∂L/∂Y × the input under that tap (padding counts 0)`, ...lines),
  ];
}

/** "filter o, input channel c" for kernel k of a [Cout·Cin][kH][kW] listing. */
export const filterWords = (channels: number) => (k: number) =>
  `filter ${Math.floor(k / channels)}, input channel ${k % channels}`;
