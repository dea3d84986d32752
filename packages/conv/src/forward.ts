/**
 * conv/forward — a convolution layer's output by hand: every window's
 * products and sum, over all input channels, with stride, padding, dilation,
 * bias and an optional kernel flip (true convolution).
 */
import { a, add, checkLimit, defineSolver, eq, mul, type Step, s, step, sym, type Tex, vec } from '@dnn/core';
import { PRECISIONS, precisionDescription } from '@dnn/core-wasm';
import * as z from 'zod/mini';
import { featureMap, featureMapShape, featureMapValue } from './answer-fields.js';
import { readConvParams } from './conv-params.js';
import { dilationField, paddingField, strideField } from './geometry.js';
import { checkFloat32Range, convolve, flipKernels } from './kernel-backend.js';
import { indexed, inside, tapCol, tapRow, type WindowGeometry, windowGeometry } from './sliding-window.js';
import { checkFinite, MAX_AXIS, nestedNumbers, OUTPUT_VALUES, toTensor } from './tensor.js';
import { cellRange, cellSteps, matrixSteps, paddedMatrices } from './window-steps.js';

/** Most products written out in one output value's step; beyond, per-channel sums are shown. */
const MAX_TERMS = 27;

// Cost model: Cout·H_out·W_out·C·kH·kW multiply-adds (≤ 2·10⁸) and Cout·H_out·W_out answer values (≤ OUTPUT_VALUES).

const input = s.object({
  input: nestedNumbers(
    [2, 3],
    'Input feature map: [H][W] for one channel, or [C][H][W]. At most 10⁶ output values (Cout × H_out × W_out) per request.',
  ),
  weight: nestedNumbers(
    [2, 4],
    'Kernel: [kH][kW] (one filter on a one-channel input), or [Cout][Cin][kH][kW] (one kernel per filter and input channel).',
  ),
  bias: z
    .optional(z.union([z.number(), z.array(z.number()).check(z.minLength(1), z.maxLength(MAX_AXIS))]))
    .check(z.describe('Bias: one number per filter ([Cout]), or a number for a single filter. Default: no bias.')),
  stride: z._default(strideField, 1),
  padding: z._default(paddingField, 0),
  dilation: z._default(dilationField, 1),
  flip: z
    ._default(z.boolean(), false)
    .check(
      z.describe(
        'false (default): cross-correlation, the kernel slides as written (PyTorch, TensorFlow, most exams); true: true convolution, the kernel is rotated by 180° first.',
      ),
    ),
  precision: z._default(s.oneOf(PRECISIONS, precisionDescription('multiply-adds')), 'double'),
});

const RANK2 = 'input and weight are 2-D';

const answer = a.answer({
  output: featureMap(
    RANK2,
    'The convolution’s output: one map per filter, each value the sum of a window’s products over all input channels plus the bias.',
  ),
  outputShape: featureMapShape(RANK2),
});

/** The answer of conv/forward. */
export type ForwardAnswer = z.output<typeof answer>;

type Shape3 = [number, number, number];
type Shape4 = [number, number, number, number];

/** Brings input and weight to [C][H][W] and [Cout][Cin][kH][kW]; mismatched channels are input errors. */
function normalise(inp: z.output<typeof input>) {
  const x = toTensor(inp.input, 'input');
  const xShape = (x.shape.length === 2 ? [1, ...x.shape] : x.shape) as Shape3;
  const { w, wShape, bias } = readConvParams(inp.weight, inp.bias, xShape[0], '');
  return { x: x.data, xShape, w: w.data, wShape, bias, rank2: x.shape.length === 2 && w.shape.length === 2 };
}

/** What {@link convCellStep} reads: geometry, flat input and weight with their shapes, bias, flip, the output. */
export interface CellContext {
  g: WindowGeometry;
  x: Float64Array;
  xShape: Shape3;
  w: Float64Array;
  wShape: Shape4;
  bias: Float64Array | null;
  flip: boolean;
  out: Float64Array;
  rank2: boolean;
}

/** The worked sum of one output value: products of window and kernel, then the result (also used by conv/backprop). */
export function convCellStep(ctx: CellContext, o: number, y: number, xo: number): Step {
  const { g, xShape, wShape } = ctx;
  const [C, H, W] = xShape;
  const [, , kH, kW] = wShape;
  const products: Tex[] = [];
  const partials: number[] = [];
  for (let c = 0; c < C; c++) {
    let partial = 0;
    for (let a = 0; a < kH; a++) {
      for (let b = 0; b < kW; b++) {
        const iy = tapRow(g, y, a);
        const ix = tapCol(g, xo, b);
        const v = inside(H, W, iy, ix) ? (ctx.x[(c * H + iy) * W + ix] as number) : 0;
        const wa = ctx.flip ? kH - 1 - a : a;
        const wb = ctx.flip ? kW - 1 - b : b;
        const k = ctx.w[((o * C + c) * kH + wa) * kW + wb] as number;
        partial += v * k;
        if (C * kH * kW <= MAX_TERMS) products.push(mul(v, k));
      }
    }
    partials.push(partial);
  }
  const [Ho, Wo] = g.out;
  const value = ctx.out[(o * Ho + y) * Wo + xo] as number;
  const name = ctx.rank2 ? indexed('Y', y, xo) : indexed('Y', o, y, xo);
  const biasTerm = ctx.bias ? [ctx.bias[o] as number] : [];
  const where = cellRange(g, y, xo);
  if (products.length > 0) {
    return step(
      `Window at ${where}, times the kernel${C > 1 ? ', summed over the channels' : ''}${biasTerm.length ? ', plus the bias' : ''}`,
      eq(name, add(...products, ...biasTerm), value),
    );
  }
  if (C > 1 && C <= MAX_TERMS) {
    return step(
      `Window at ${where}; one term per channel: the sum of that channel's window·kernel products${biasTerm.length ? ', plus the bias' : ''}`,
      eq(name, add(...partials, ...biasTerm), value),
    );
  }
  return step(
    `Window at ${where}`,
    eq(name, add(sym(`Σ window·kernel (${C * kH * kW} products)`), ...biasTerm), value),
  );
}

/** conv/forward: a convolution layer's output, window by window. */
export const forward = defineSolver({
  id: 'conv/forward',
  title: 'Convolution by hand',
  description:
    'Output of a convolution (cross-correlation, or true convolution with flip) of a [H][W] or [C][H][W] input with one or more kernels, with stride, padding ("same" too), dilation and bias; each output value worked out as the sum of window × kernel products. Limits: 4096 per axis, 10^7 output values and 2·10^8 multiply-adds per request.',
  input,
  answer,
  solveParsed(inp) {
    const { x, xShape, w, wShape, bias, rank2 } = normalise(inp);
    const [C, H, W] = xShape;
    const [Cout, , kH, kW] = wShape;
    const g = windowGeometry({
      size: [H, W],
      kernel: [kH, kW],
      stride: inp.stride,
      dilation: inp.dilation,
      padding: inp.padding,
      kernelPath: 'weight',
      title: 'Convolution output size',
    });
    const [Ho, Wo] = g.out;
    checkLimit(
      'input',
      'outputCells',
      Cout * Ho * Wo,
      'the number of output values (Cout × H_out × W_out)',
      OUTPUT_VALUES,
    );
    checkLimit('weight', 'multiplyAdds', Cout * Ho * Wo * C * kH * kW, 'the number of multiply-adds');
    const opts = { stride: g.stride, dilation: g.dilation, pads: g.pads, flip: inp.flip };
    const computed = convolve(x, xShape, w, wShape, bias, opts, { precision: inp.precision });
    const result = checkFloat32Range(computed, 'an output value');
    checkFinite(result.data, 'input', 'an output value');
    const outShape: [number, number] | [number, number, number] = rank2 ? [Ho, Wo] : [Cout, Ho, Wo];
    const steps: Step[] = [...g.steps];
    steps.push(
      step(
        rank2 ? 'Output shape' : 'Output shape: one channel per filter',
        eq(rank2 ? '[H_out, W_out]' : '[C_out, H_out, W_out]', vec(outShape)),
      ),
    );
    if (inp.flip) {
      const flipped = flipKernels(w, kH, kW);
      steps.push(step('True convolution: rotate each kernel by 180° (reverse rows and columns), then slide it'));
      steps.push(...matrixSteps('Rotated kernel', 'K_rot', flipped, [Cout * C, kH, kW], 4));
    }
    steps.push(...paddedMatrices(g, x, xShape));
    const ctx: CellContext = { g, x, xShape, w, wShape, bias, flip: inp.flip, out: result.data, rank2 };
    steps.push(...cellSteps(g, Cout, (o, y, xo) => convCellStep(ctx, o, y, xo)));
    steps.push(...matrixSteps('Output', 'Y', result.data, [Cout, Ho, Wo], 8, rank2));
    const notes: string[] = [
      inp.flip
        ? 'flip: true — true convolution, the kernel is rotated by 180° before sliding; PyTorch and TensorFlow do not flip (cross-correlation).'
        : 'Cross-correlation, as PyTorch, TensorFlow and most exams compute "convolution": the kernel is not flipped (flip: true rotates it by 180°).',
      ...g.notes,
    ];
    if (g.pads.top + g.pads.bottom + g.pads.left + g.pads.right > 0) notes.push('Padded cells are zeros.');
    if (C > 1) {
      notes.push(
        `Each output value sums the products over all ${C} input channels${kH * kW === 1 ? ' (a 1×1 convolution is a weighted sum of the channels)' : ''}.`,
      );
    }
    if (computed.note) notes.push(computed.note);
    return {
      answer: { output: featureMapValue(result.data, outShape), outputShape: outShape } satisfies ForwardAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'TUM I2DL: 1×1 convolution (weights 1, no bias) over a 3×2×2 input',
      source:
        'Exam problem (backpropagation and convolutional layers, a). By hand: each output is the sum of the three channels: 1 − 2 + 1 = 0, −0.5 + 1 + 0 = 0.5, 2 − 1.5 + 0 = 0.5, −2 + 1 + 0 = −1.',
      input: {
        input: [
          [
            [1, -0.5],
            [2, -2],
          ],
          [
            [-2, 1],
            [-1.5, 1],
          ],
          [
            [1, 0],
            [0, 0],
          ],
        ],
        weight: [[[[1]], [[1]], [[1]]]],
      },
      answer: {
        output: [
          [
            [0, 0.5],
            [0.5, -1],
          ],
        ],
      },
    },
    {
      title: 'Laplacian kernel on a 3×3 image with zero padding 1',
      source:
        'By hand: Y[i][j] = up + down + left + right − 4·centre with zeros outside, e.g. Y[0][0] = 2 + 4 − 4·1 = 2, Y[1][1] = 2 + 4 + 6 + 8 − 4·5 = 0, Y[2][2] = 6 + 8 − 4·9 = −22.',
      input: {
        input: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        weight: [
          [0, 1, 0],
          [1, -4, 1],
          [0, 1, 0],
        ],
        padding: 1,
      },
      answer: {
        output: [
          [2, 1, -4],
          [-3, 0, -7],
          [-16, -11, -22],
        ],
      },
    },
    {
      title: 'True convolution flips the kernel: 2×2 image and kernel',
      source:
        'By hand: cross-correlation 1·1 + 2·2 + 3·3 + 4·4 = 30; with the kernel rotated by 180°: 1·4 + 2·3 + 3·2 + 4·1 = 20.',
      input: {
        input: [
          [1, 2],
          [3, 4],
        ],
        weight: [
          [1, 2],
          [3, 4],
        ],
        flip: true,
      },
      answer: { output: [[20]] },
    },
    {
      title: 'Stride 2 and a bias: 4×4 image, 2×2 diagonal-difference kernel, bias 1',
      source:
        'By hand: windows start at rows/columns 0 and 2; each gives top-left − bottom-right + 1: 1 − 6 + 1 = −4, 3 − 8 + 1 = −4, 9 − 14 + 1 = −4, 11 − 16 + 1 = −4.',
      input: {
        input: [
          [1, 2, 3, 4],
          [5, 6, 7, 8],
          [9, 10, 11, 12],
          [13, 14, 15, 16],
        ],
        weight: [
          [1, 0],
          [0, -1],
        ],
        bias: 1,
        stride: 2,
      },
      answer: {
        output: [
          [-4, -4],
          [-4, -4],
        ],
      },
    },
  ],
});
