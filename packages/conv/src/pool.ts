/**
 * conv/pool — max or average pooling by hand, per channel, with both
 * conventions for padded cells (the exam's zeros, or PyTorch's "ignore").
 */
import {
  a,
  add,
  call,
  checkLimit,
  defineSolver,
  eq,
  frac,
  num,
  type Step,
  s,
  step,
  type Tex,
  tex,
  vec,
} from '@dnn/core';
import { PRECISIONS, precisionDescription } from '@dnn/core-wasm';
import * as z from 'zod/mini';
import { featureMap, featureMapShape, featureMapValue } from './answer-fields.js';
import { kernelField, paddingField, strideField } from './geometry.js';
import { checkFloat32Range, poolChannels } from './kernel-backend.js';
import {
  checkPaddingBelowKernel,
  indexed,
  inside,
  tapCol,
  tapRow,
  type WindowGeometry,
  windowGeometry,
} from './sliding-window.js';
import { checkFinite, nestedNumbers, OUTPUT_VALUES, toTensor } from './tensor.js';
import { cellRange, cellSteps, matrixSteps, paddedMatrices } from './window-steps.js';

const input = s.object({
  input: nestedNumbers(
    [2, 3],
    'Input feature map: [H][W] for one channel, or [C][H][W] (each channel pooled alone). At most 10⁶ output values (C × H_out × W_out) per request.',
  ),
  kind: s.oneOf(['max', 'avg'], 'max: the largest value of each window; avg: the mean of each window.'),
  kernel: kernelField,
  stride: z
    .optional(strideField)
    .check(z.describe('Stride s, or [sH, sW]. Default: the kernel size (PyTorch and Keras).')),
  padding: z._default(paddingField, 0),
  padValue: z._default(
    s.oneOf(
      ['zero', 'ignore'],
      'zero (default, the exam convention): padded cells take part as the value 0; ignore: padded cells never win a max and are not counted in an average (PyTorch max pooling, TensorFlow "same" pooling).',
    ),
    'zero',
  ),
  precision: z._default(s.oneOf(PRECISIONS, precisionDescription('window cells')), 'double'),
});

const RANK2 = 'the input is [H][W]';

const answer = a.answer({
  output: featureMap(
    RANK2,
    'The pooled map, same rank as the input: each channel pooled alone, each value the max or mean of one window (padded cells per padValue).',
  ),
  outputShape: featureMapShape(RANK2),
});

/** The answer of conv/pool. */
export type PoolAnswer = z.output<typeof answer>;

type Shape3 = [number, number, number];

/** The worked value of one output cell: the window's values, then max(…) or (sum)/count (also used by conv/backprop). */
export function poolCellStep(
  g: WindowGeometry,
  x: Float64Array,
  xShape: Shape3,
  inp: { kind: 'max' | 'avg'; padValue: 'zero' | 'ignore' },
  out: Float64Array,
  c: number,
  y: number,
  xo: number,
  rank2: boolean,
): Step {
  const [, H, W] = xShape;
  const values: number[] = [];
  let padded = 0;
  for (let a = 0; a < g.kernel[0]; a++) {
    for (let b = 0; b < g.kernel[1]; b++) {
      const iy = tapRow(g, y, a);
      const ix = tapCol(g, xo, b);
      if (inside(H, W, iy, ix)) values.push(x[(c * H + iy) * W + ix] as number);
      else {
        padded++;
        if (inp.padValue === 'zero') values.push(0);
      }
    }
  }
  const value = out[(c * g.out[0] + y) * g.out[1] + xo] as number;
  const name = rank2 ? indexed('Y', y, xo) : indexed('Y', c, y, xo);
  const rhs: Tex =
    inp.kind === 'max'
      ? call('max', values, '\\max')
      : frac(values.length > 1 ? add(...values) : (values[0] ?? 0), values.length);
  const paddingWords =
    padded === 0
      ? ''
      : inp.padValue === 'zero'
        ? `; ${padded} padded cell(s) count as 0`
        : `; ${padded} padded cell(s) left out`;
  return step(`Window at ${cellRange(g, y, xo)}${paddingWords}`, eq(name, rhs, value));
}

/** Describes where the other padding convention would change the output, or that it would not. */
function conventionNote(
  inp: { kind: 'max' | 'avg'; padValue: 'zero' | 'ignore' },
  out: Float64Array,
  other: Float64Array,
  shape: Shape3,
  rank2: boolean,
): string {
  const [, Ho, Wo] = shape;
  const otherName = inp.padValue === 'zero' ? 'ignore' : 'zero';
  const diffs: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const o = other[i] as number;
    if (!Number.isNaN(o) && Math.abs(o - (out[i] as number)) > 1e-12 * Math.max(1, Math.abs(o))) diffs.push(i);
  }
  if (diffs.length === 0) return `Here padValue "${otherName}" gives the same output.`;
  const i = diffs[0] as number;
  const idx = rank2 ? [Math.floor(i / Wo) % Ho, i % Wo] : [Math.floor(i / (Ho * Wo)), Math.floor(i / Wo) % Ho, i % Wo];
  const name = `Y${idx.map((k) => `[${k}]`).join('')}`;
  return `The convention changes the result here: with padValue "${otherName}", ${diffs.length} value(s) differ, e.g. ${name} would be ${num(other[i] as number).text} instead of ${num(out[i] as number).text}.`;
}

/** The exam's pooling layer (2×2, stride 2, padding 1) on the 1×1-convolution output. */
const EXAM_POOLING = {
  input: [
    [0, 0.5],
    [0.5, -1],
  ],
  kind: 'max',
  kernel: 2,
  stride: 2,
  padding: 1,
} as const;

/** A 4×4 map for the textbook 2×2 pooling examples. */
const FOUR_BY_FOUR = [
  [1, 3, 2, 1],
  [4, 6, 5, 2],
  [7, 2, 1, 0],
  [3, 8, 4, 9],
];

/** conv/pool: max or average pooling, window by window. */
export const pool = defineSolver({
  id: 'conv/pool',
  title: 'Max or average pooling by hand',
  description:
    'Output of max or average pooling on a [H][W] or [C][H][W] input with kernel, stride (default = kernel) and padding, padded cells counted as zeros (exam) or ignored (PyTorch); each window worked out. Limits: 4096 per axis, 10^7 output values per request.',
  input,
  answer,
  solveParsed(inp) {
    const t = toTensor(inp.input, 'input');
    const rank2 = t.shape.length === 2;
    const xShape = (rank2 ? [1, ...t.shape] : t.shape) as Shape3;
    const [C, H, W] = xShape;
    const g = windowGeometry({
      size: [H, W],
      kernel: inp.kernel,
      stride: inp.stride ?? inp.kernel,
      padding: inp.padding,
      kernelPath: 'kernel',
      title: 'Pooling output size (same formula as a convolution)',
    });
    if (inp.padValue === 'ignore') {
      checkPaddingBelowKernel(
        g,
        'padding',
        'with padValue "ignore" such a window has no value (PyTorch requires padding ≤ kernel/2)',
      );
    }
    const [Ho, Wo] = g.out;
    checkLimit('input', 'outputCells', C * Ho * Wo, 'the number of output values (C × H_out × W_out)', OUTPUT_VALUES);
    checkLimit('kernel', 'multiplyAdds', C * Ho * Wo * g.kernel[0] * g.kernel[1], 'the number of window reads');
    const opts = { kind: inp.kind, kernel: g.kernel, stride: g.stride, pads: g.pads, padValue: inp.padValue };
    const choice = { precision: inp.precision };
    const computed = poolChannels(t.data, xShape, opts, choice);
    const result = checkFloat32Range(computed, inp.kind === 'max' ? 'a maximum' : 'an average');
    checkFinite(result.data, 'input', 'an average');
    const outShape: [number, number] | [number, number, number] = rank2 ? [Ho, Wo] : [C, Ho, Wo];
    const steps: Step[] = [...g.steps];
    steps.push(
      step(
        rank2 ? 'Output shape' : 'Output shape: pooling works on each channel alone, so the channels are kept',
        eq(rank2 ? '[H_out, W_out]' : '[C, H_out, W_out]', vec(outShape)),
      ),
    );
    const padded = g.pads.top + g.pads.bottom + g.pads.left + g.pads.right > 0;
    steps.push(
      ...(inp.padValue === 'zero'
        ? paddedMatrices(g, t.data, xShape)
        : paddedMatrices(g, t.data, xShape, tex('∅', '\\varnothing'), 'Padded input (∅: padding, left out)')),
    );
    steps.push(...cellSteps(g, C, (c, y, xo) => poolCellStep(g, t.data, xShape, inp, result.data, c, y, xo, rank2)));
    steps.push(...matrixSteps('Output', 'Y', result.data, [C, Ho, Wo], 8, rank2));

    const notes: string[] = [...g.notes];
    if (inp.stride === undefined)
      notes.push(`The stride defaults to the kernel size (${g.kernel.join('×')}), as in PyTorch and Keras.`);
    if (padded) {
      if (inp.kind === 'max') {
        notes.push(
          inp.padValue === 'zero'
            ? 'padValue "zero" (the exam convention): padded cells take part in the max as 0. PyTorch max pooling and TensorFlow "same" pooling pad with −∞ instead (padValue "ignore").'
            : 'padValue "ignore": padded cells never win the max (PyTorch and TensorFlow pad with −∞). The exam convention counts them as 0 (padValue "zero").',
        );
      } else {
        notes.push(
          inp.padValue === 'zero'
            ? 'padValue "zero": padded zeros are counted in the average (PyTorch AvgPool2d default, count_include_pad=True). TensorFlow "same" pooling and count_include_pad=False leave them out (padValue "ignore").'
            : 'padValue "ignore": padded cells are not counted, each average divides by the real cells of its window (TensorFlow "same", PyTorch count_include_pad=False). PyTorch\'s default counts them as zeros (padValue "zero").',
        );
      }
      const otherValue = inp.padValue === 'zero' ? 'ignore' : 'zero';
      const { result: other } = poolChannels(t.data, xShape, { ...opts, padValue: otherValue }, choice);
      notes.push(conventionNote(inp, result.data, other.data, [C, Ho, Wo], rank2));
    }
    if (computed.note) notes.push(computed.note);
    return {
      answer: { output: featureMapValue(result.data, outShape), outputShape: outShape } satisfies PoolAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'TUM I2DL: 2×2 max pooling, stride 2, one zero-padding, after the 1×1 convolution',
      source:
        'Exam problem (backpropagation and convolutional layers, a); input = the conv/forward output [[0, 0.5], [0.5, −1]]. By hand: each window holds one real cell and three padded zeros: max(0,0,0,0) = 0, max(0,0,0,0.5) = 0.5, max(0,0,0.5,0) = 0.5, max(−1,0,0,0) = 0.',
      input: {
        ...EXAM_POOLING,
      },
      answer: {
        output: [
          [0, 0.5],
          [0.5, 0],
        ],
      },
    },
    {
      title: 'The same pooling with PyTorch\'s padding (padValue "ignore")',
      source: 'By hand: padded cells never win, so each window gives its only real cell: 0, 0.5, 0.5, −1.',
      input: {
        ...EXAM_POOLING,
        padValue: 'ignore',
      },
      answer: {
        output: [
          [0, 0.5],
          [0.5, -1],
        ],
      },
    },
    {
      title: '2×2 max pooling (stride 2) of a 4×4 map',
      source: 'By hand: max(1,3,4,6) = 6, max(2,1,5,2) = 5, max(7,2,3,8) = 8, max(1,0,4,9) = 9.',
      input: {
        input: FOUR_BY_FOUR,
        kind: 'max',
        kernel: 2,
      },
      answer: {
        output: [
          [6, 5],
          [8, 9],
        ],
      },
    },
    {
      title: '2×2 average pooling (stride 2) of the same 4×4 map',
      source: 'By hand: (1+3+4+6)/4 = 3.5, (2+1+5+2)/4 = 2.5, (7+2+3+8)/4 = 5, (1+0+4+9)/4 = 3.5.',
      input: {
        input: FOUR_BY_FOUR,
        kind: 'avg',
        kernel: 2,
      },
      answer: {
        output: [
          [3.5, 2.5],
          [5, 3.5],
        ],
      },
    },
  ],
});
