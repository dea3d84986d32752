/**
 * conv/output-shape — the output shape of one convolution, pooling or
 * transposed-convolution layer, with the size formula worked per axis.
 */
import { a, add, ceil, DnnInputError, defineSolver, eq, floor, frac, type Step, s, step, sym, vec } from '@dnn/core';
import * as z from 'zod/mini';
import {
  type Axis,
  type AxisPadding,
  type AxisResult,
  dilationField,
  kernelField,
  paddingField,
  samePadding,
  samePaddingSteps,
  slidingOutput,
  slidingSize,
  strideField,
  toPair,
  transposedOutput,
  transposedSize,
} from './geometry.js';
import {
  CHANNELS_LAST_NOTE,
  channelsLastWarning,
  layoutField,
  looksChannelsLast,
  toChannelsFirst,
  toChannelsLast,
} from './layout.js';

const dimension = z.number().check(z.int(), z.minimum(1), z.maximum(1e9));

const input = s.object({
  inputShape: z
    .array(dimension)
    .check(
      z.minLength(2),
      z.maxLength(3),
      z.describe(
        'Input feature-map shape [C, H, W] (PyTorch order; [H, W, C] with layout "channels-last"), or [H, W] for a single channel.',
      ),
    ),
  layout: layoutField,
  kind: z._default(
    s.oneOf(
      ['conv', 'maxpool', 'avgpool', 'conv-transpose'],
      'Layer kind: convolution, max pooling, average pooling, or transposed convolution.',
    ),
    'conv',
  ),
  outChannels: s.when(
    z.optional(
      s
        .positiveInt(
          'Number of filters (output channels); required for conv and conv-transpose with a [C, H, W] input.',
        )
        .check(z.maximum(1e9)),
    ),
    { kind: ['conv', 'conv-transpose'] },
  ),
  kernel: kernelField,
  stride: z
    .optional(strideField)
    .check(z.describe('Stride s, or [sH, sW]. Default 1 for convolutions, the kernel size for pooling.')),
  padding: z._default(paddingField, 0),
  dilation: s.when(z._default(dilationField, 1), { kind: ['conv', 'maxpool', 'conv-transpose'] }),
  outputPadding: s.when(
    z._default(
      s.numberOrPair(
        z.number().check(z.int(), z.minimum(0)),
        'conv-transpose only: extra rows/columns added to one side of the output (PyTorch output_padding).',
      ),
      0,
    ),
    { kind: ['conv-transpose'] },
  ),
  ceilMode: s.when(
    z
      ._default(z.boolean(), false)
      .check(z.describe('Pooling only: round the division up instead of down (PyTorch ceil_mode).')),
    { kind: ['maxpool', 'avgpool'] },
  ),
});

const answer = a.answer({
  outputShape: a.shape(
    'Output shape',
    'Same rank and order as the input shape: [C, H, W] ([H, W, C] with layout "channels-last"), or [H, W] for a [H, W] input.',
  ),
  divisible: a.flag(
    'Stride divides evenly',
    'True when (in + 2p − d(k−1) − 1) was divisible by the stride on every axis (always true for conv-transpose).',
  ),
  padding: a.record(
    {
      top: a.count('Top'),
      bottom: a.count('Bottom'),
      left: a.count('Left'),
      right: a.count('Right'),
    },
    'Padding',
    'Zeros added on each side (the `same` rule may pad one more at the bottom/right).',
  ),
});

/** The answer of conv/output-shape. */
export type OutputShapeAnswer = z.output<typeof answer>;

/** Resolves `padding` per axis; `same` uses TensorFlow's rule. */
function resolvePadding(
  padding: z.output<typeof input>['padding'],
  sizes: [number, number],
  kernel: [number, number],
  stride: [number, number],
  dilation: [number, number],
): [AxisPadding, AxisPadding] {
  if (padding === 'same') {
    return [0, 1].map((i) =>
      samePadding(sizes[i] as number, kernel[i] as number, stride[i] as number, dilation[i] as number),
    ) as [AxisPadding, AxisPadding];
  }
  const [ph, pw] = toPair(padding === 'valid' ? 0 : padding);
  return [
    { before: ph, after: ph },
    { before: pw, after: pw },
  ];
}

/** Rejects field combinations that do not belong to the layer kind. */
function checkKind(inp: z.output<typeof input>): void {
  const pooling = inp.kind === 'maxpool' || inp.kind === 'avgpool';
  const [channels] = inp.inputShape;
  if (!pooling && inp.inputShape.length === 3 && inp.outChannels === undefined) {
    throw new DnnInputError('outChannels', `is required for a ${inp.kind} layer: it is the number of filters`);
  }
  if (!pooling && inp.inputShape.length === 2 && inp.outChannels !== undefined && inp.outChannels !== 1) {
    throw new DnnInputError(
      'outChannels',
      `a [H, W] input has one channel and gives a [H, W] output; write inputShape as [1, H, W] to get ${inp.outChannels} output channels`,
    );
  }
  if (pooling && inp.inputShape.length === 3 && inp.outChannels !== undefined && inp.outChannels !== channels) {
    throw new DnnInputError('outChannels', `pooling keeps the ${channels} input channels; leave outChannels out`);
  }
  if (inp.kind !== 'conv-transpose' && toPair(inp.outputPadding).some((p) => p > 0)) {
    throw new DnnInputError('outputPadding', 'applies to conv-transpose only');
  }
  if (pooling ? false : inp.ceilMode) throw new DnnInputError('ceilMode', 'applies to pooling only');
  if (inp.kind === 'avgpool' && toPair(inp.dilation).some((d) => d > 1)) {
    throw new DnnInputError(
      'dilation',
      'average pooling has no dilation (PyTorch AvgPool2d and Keras AveragePooling2D take none)',
    );
  }
}

function channelStep(kind: string, cin: number, cout: number): Step {
  return kind === 'conv' || kind === 'conv-transpose'
    ? step('Output channels = number of filters', eq('C_out', cout))
    : step('Pooling works per channel, so the channel count is kept', eq('C_out', 'C_in', cin));
}

/** 2⁵³: beyond it float64 integers have gaps, so a size formula would return an inexact shape. */
const EXACT = 2 ** 53;

/**
 * Every quantity of the size formulas along each axis — each field, d(k−1), the padded input,
 * (in − 1)·s, the transposed output, in·s for "same" — must stay below 2⁵³ (exact integers);
 * else an input error names the field that drives it (a shape such as 18014398509481988 for
 * …987 was returned before). Cost: O(1).
 */
function checkExact(
  sizes: readonly [number, number],
  f: Record<'kernel' | 'stride' | 'dilation' | 'outputPadding', readonly number[]>,
  padding: z.output<typeof input>['padding'],
  transposed: boolean,
): void {
  const pads = typeof padding === 'string' ? [0, 0] : toPair(padding);
  sizes.forEach((size, i) => {
    const at = (v: readonly number[]) => v[i] as number;
    const [k, st, d, op, p] = [at(f.kernel), at(f.stride), at(f.dilation), at(f.outputPadding), at(pads)];
    const spread = d * (k - 1);
    const terms: [string, number][] = [
      ['kernel', k],
      ['stride', st],
      ['dilation', spread],
      ['padding', size + 2 * p + spread],
      ['stride', size * st + spread],
      ...(transposed ? ([['outputPadding', (size - 1) * st + spread + op + 1]] as [string, number][]) : []),
    ];
    for (const [field, value] of terms) {
      if (!(value < EXACT)) {
        throw new DnnInputError(
          field,
          `the size formula along ${i === 0 ? 'H' : 'W'} reaches ${value.toExponential(3)}, beyond 2^53 = 9,007,199,254,740,992 where float64 integers stop being exact; no real layer is this large`,
        );
      }
    }
  });
}

/** conv/output-shape: one layer's output shape by the sliding-window formula. */
export const outputShape = defineSolver({
  id: 'conv/output-shape',
  title: 'Output shape of a convolution or pooling layer',
  description:
    'Output shape of a conv, max-pool, avg-pool or transposed-conv layer from its input shape, kernel, stride, padding (number, pair, "valid" or "same") and dilation.',
  input,
  answer,
  solveParsed(given) {
    const keras = given.layout === 'channels-last' && given.inputShape.length === 3;
    const inp = keras ? { ...given, inputShape: toChannelsFirst(given.inputShape) } : given;
    checkKind(inp);
    const rank2 = inp.inputShape.length === 2;
    const [cin, H, W] = (rank2 ? [1, ...inp.inputShape] : inp.inputShape) as [number, number, number];
    const pooling = inp.kind === 'maxpool' || inp.kind === 'avgpool';
    const transposed = inp.kind === 'conv-transpose';
    const kernel = toPair(inp.kernel);
    const stride = toPair(inp.stride ?? (pooling ? inp.kernel : 1));
    const dilation = toPair(inp.dilation);
    const outputPadding = toPair(inp.outputPadding);
    checkExact([H, W], { kernel, stride, dilation, outputPadding }, inp.padding, transposed);
    const pads = resolvePadding(
      transposed && inp.padding === 'same' ? 0 : inp.padding,
      [H, W],
      kernel,
      stride,
      dilation,
    );
    const axes: Axis[] = (['H', 'W'] as const).map((name, i) => ({
      name,
      size: i === 0 ? H : W,
      kernel: kernel[i] as number,
      stride: stride[i] as number,
      dilation: dilation[i] as number,
      padding: pads[i] as AxisPadding,
    }));
    const notes: string[] = [];
    const steps: Step[] = [];
    if (keras) {
      steps.push(step('Keras order [H, W, C] to PyTorch order [C, H, W]', eq('[C, H, W]', vec(inp.inputShape))));
      notes.push(CHANNELS_LAST_NOTE);
    } else if (given.layout === 'channels-last') {
      notes.push('layout "channels-last": a [H, W] input has no channel axis, so both orders read it the same way.');
    } else if (!rank2 && looksChannelsLast(inp.inputShape)) {
      notes.push(channelsLastWarning('inputShape', inp.inputShape));
    }

    const sameAxes =
      axes[0]?.size === axes[1]?.size &&
      kernel[0] === kernel[1] &&
      stride[0] === stride[1] &&
      dilation[0] === dilation[1] &&
      pads[0].before === pads[1].before &&
      pads[0].after === pads[1].after &&
      outputPadding[0] === outputPadding[1];
    // With both axes alike the width gets a one-line step (below), so its formula step is not built.
    const numbersOnly = (i: number) => i > 0 && sameAxes;
    let results: AxisResult[];
    if (transposed) {
      outputPadding.forEach((op, i) => {
        if (op >= Math.max(stride[i] as number, dilation[i] as number)) {
          throw new DnnInputError(
            'outputPadding',
            `must be smaller than the stride or the dilation (PyTorch's rule), got ${op}`,
          );
        }
      });
      if (inp.padding === 'same') {
        results = axes.map((a) => ({
          out: a.size * a.stride,
          numerator: a.size * a.stride,
          remainder: 0,
          steps: [
            step(
              `Output ${a.name === 'H' ? 'height' : 'width'} ("same", Keras Conv2DTranspose)`,
              eq(`${a.name}_out`, `${a.name}_in·s`, `${a.size}·${a.stride}`, a.size * a.stride),
            ),
          ],
        }));
        notes.push('padding "same" for a transposed convolution follows Keras: output = input × stride.');
      } else {
        steps.push(
          step('Transposed-convolution output size', eq('out', sym('(in − 1)·s − 2p + d(k − 1) + outputPadding + 1'))),
        );
        results = axes.map((a, i) =>
          numbersOnly(i)
            ? { ...transposedSize(a, outputPadding[i] as number, 'padding'), steps: [] }
            : transposedOutput(a, outputPadding[i] as number, 'padding'),
        );
      }
    } else {
      steps.push(
        step(
          pooling ? 'Pooling output size (same formula as a convolution)' : 'Convolution output size',
          eq('out', add((inp.ceilMode ? ceil : floor)(frac(sym('in + 2p − d(k − 1) − 1'), 's')), 1)),
        ),
      );
      if (inp.padding === 'same') for (const a of axes) steps.push(...samePaddingSteps(a));
      results = axes.map((a, i) =>
        numbersOnly(i)
          ? { ...slidingSize(a, 'kernel', inp.ceilMode), steps: [] }
          : slidingOutput(a, 'kernel', inp.ceilMode),
      );
    }
    const [rh, rw] = results as [AxisResult, AxisResult];
    steps.push(...rh.steps);
    steps.push(
      sameAxes ? step('Output width: the same numbers as the height', eq('W_out', rw.out)) : (rw.steps[0] as Step),
    );

    const cout = pooling ? cin : (inp.outChannels ?? 1);
    if (!rank2) steps.push(channelStep(inp.kind, cin, cout));
    const channelsFirst = rank2 ? [rh.out, rw.out] : [cout, rh.out, rw.out];
    steps.push(step('Output shape', eq(rank2 ? '[H_out, W_out]' : '[C_out, H_out, W_out]', vec(channelsFirst))));
    const outputShapeValue = keras ? toChannelsLast(channelsFirst) : channelsFirst;
    if (keras) steps.push(step('In Keras order', eq('[H_out, W_out, C_out]', vec(outputShapeValue))));

    for (const [i, r] of (sameAxes ? results.slice(0, 1) : results).entries()) {
      if (r.remainder === 0) continue;
      const a = axes[i] as Axis;
      const name = sameAxes ? 'H and W' : a.name;
      notes.push(
        inp.ceilMode
          ? `${name}: ${r.numerator}/${a.stride} is not a whole number; ceilMode rounds up, so the last window hangs over the edge (PyTorch ceil_mode=True).`
          : `${name}: ${r.numerator}/${a.stride} is not a whole number; the floor drops the last ${r.remainder} row${r.remainder === 1 ? '' : 's'}/column${r.remainder === 1 ? '' : 's'} of the padded input, which no window reaches (PyTorch and Keras round down).`,
      );
    }
    if (inp.padding === 'same' && !transposed && pads.some((p) => p.before !== p.after)) {
      notes.push(
        `"same" padding is uneven here: TensorFlow puts the extra row/column at the bottom/right (PyTorch's padding="same" does too, but only for stride 1).`,
      );
    }
    if (pooling && inp.stride === undefined)
      notes.push(`Pooling stride defaults to the kernel size (${stride.join('×')}), as in PyTorch and Keras.`);
    if (pooling && axes.some((a) => a.padding.before > a.kernel / 2)) {
      notes.push(
        'PyTorch rejects pooling padding larger than half the kernel; the formula still gives the number above.',
      );
    }
    if (rank2) notes.push('A [H, W] input is one channel; the output is [H_out, W_out].');
    return {
      answer: {
        outputShape: outputShapeValue,
        divisible: results.every((r) => r.remainder === 0),
        padding: { top: pads[0].before, bottom: pads[0].after, left: pads[1].before, right: pads[1].after },
      } satisfies OutputShapeAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'TUM I2DL: 26×26×26 input, 5 filters of 7×7, stride 3, padding 1',
      source: 'Exam problem; by hand: ⌊(26 + 2 − 6 − 1)/3⌋ + 1 = ⌊21/3⌋ + 1 = 8, channels = 5 filters.',
      input: { inputShape: [26, 26, 26], outChannels: 5, kernel: 7, stride: 3, padding: 1 },
      answer: { outputShape: [5, 8, 8], divisible: true },
    },
    {
      title: 'AlexNet-like first layer: 256×256 RGB, 96 filters 11×11, stride 4, padding 5',
      source: 'Exam problem (p = (f − 1)/2 = 5); by hand: ⌊(256 + 10 − 10 − 1)/4⌋ + 1 = ⌊255/4⌋ + 1 = 63 + 1 = 64.',
      input: { inputShape: [3, 256, 256], outChannels: 96, kernel: 11, stride: 4, padding: 5 },
      answer: { outputShape: [96, 64, 64], divisible: false },
    },
    {
      title: 'The same layer in Keras order: input (256, 256, 3), answer (64, 64, 96)',
      source:
        'Exam problem (line 383 of the seed answers "64 × 64 × 96", H × W × C); by hand as above: ⌊(256 + 10 − 10 − 1)/4⌋ + 1 = 64 per spatial axis, 96 filters, written back in the input’s [H, W, C] order.',
      input: { inputShape: [256, 256, 3], layout: 'channels-last', outChannels: 96, kernel: 11, stride: 4, padding: 5 },
      answer: { outputShape: [64, 64, 96], divisible: false },
    },
    {
      title: 'Keras Conv2D(64, (5, 5)) on input_shape=(256, 256, 3)',
      source:
        'Exam problem (lines 1644–1645 of the seed: the first layer of a Keras Sequential model); by hand: 256 − 5 + 1 = 252 per spatial axis, 64 filters → (252, 252, 64).',
      input: { inputShape: [256, 256, 3], layout: 'channels-last', outChannels: 64, kernel: 5 },
      answer: { outputShape: [252, 252, 64], divisible: true },
    },
    {
      title: 'Cityscapes segmentation net, conv1: 64×64 RGB, 50 filters 4×4, stride 2, padding 1',
      source: 'Exam problem (conv1 output stated as 50×32×32); by hand: ⌊(64 + 2 − 3 − 1)/2⌋ + 1 = 31 + 1 = 32.',
      input: { inputShape: [3, 64, 64], outChannels: 50, kernel: 4, stride: 2, padding: 1 },
      answer: { outputShape: [50, 32, 32], divisible: true },
    },
    {
      title: 'Cityscapes segmentation net, maxpool1: 2×2, stride 2 on 50×32×32',
      source: 'Exam problem; by hand: ⌊(32 − 1 − 1)/2⌋ + 1 = 15 + 1 = 16, channels kept.',
      input: { inputShape: [50, 32, 32], kind: 'maxpool', kernel: 2 },
      answer: { outputShape: [50, 16, 16], divisible: true },
    },
    {
      title: 'TensorFlow "same" padding with stride 2 on a 6×6 input, kernel 3',
      source: 'By hand: out = ⌈6/2⌉ = 3; P = max((3 − 1)·2 + 3 − 6, 0) = 1 → 0 on top, 1 at the bottom.',
      input: { inputShape: [6, 6], kernel: 3, stride: 2, padding: 'same' },
      answer: { outputShape: [3, 3], divisible: true, padding: { top: 0, bottom: 1, left: 0, right: 1 } },
    },
    {
      title: 'DCGAN up-sampling: conv-transpose 4×4, stride 2, padding 1 doubles 8×8',
      source: 'By hand: (8 − 1)·2 − 2 + (4 − 1) + 0 + 1 = 16.',
      input: { inputShape: [16, 8, 8], kind: 'conv-transpose', outChannels: 8, kernel: 4, stride: 2, padding: 1 },
      answer: { outputShape: [8, 16, 16], divisible: true },
    },
  ],
});
