/**
 * conv/receptive-field — receptive field size, jump and start of every layer of
 * a stack of square convolution or pooling layers, by the r / j / start
 * recursion of Araujo, Norris & Sim (Distill 2019).
 */
import { a, defineSolver, eq, s, step, tex } from '@dnn/core';
import * as z from 'zod/mini';
import { checkFieldExact, type Field, fieldMaths, growField, INPUT_FIELD } from './layer-field.js';

const size = z.number().check(z.int(), z.maximum(1e9));

const layer = s.object({
  kernel: size.check(z.minimum(1), z.describe('Kernel (window) size k of the layer (square: one number).')),
  stride: z._default(size.check(z.minimum(1)), 1).check(z.describe('Stride s.')),
  padding: z
    ._default(size.check(z.minimum(0)), 0)
    .check(z.describe('Zero padding p on each side (it moves the field, not its size).')),
  dilation: z
    ._default(size.check(z.minimum(1)), 1)
    .check(z.describe('Dilation d (gap between kernel taps; 1 = dense).')),
  name: z
    .optional(z.string().check(z.maxLength(40)))
    .check(z.describe('Optional label shown in the steps, e.g. "conv1" or "maxpool1".')),
});

const input = s.object({
  layers: z
    .array(layer)
    .check(
      z.minLength(1),
      z.maxLength(1000),
      z.describe(
        'The convolution and pooling layers, input side first (a pooling layer is a layer with its kernel and stride).',
      ),
    ),
});

const row = a.answer({
  receptiveField: a.count('Receptive field', 'Size of the field of one unit of this layer, in input pixels.', {
    unit: 'pixels',
  }),
  jump: a.count('Jump', 'Distance in input pixels between the fields of two adjacent units.', { unit: 'pixels' }),
  start: a.scalar(
    'Start',
    'Centre of the field of the first unit, in input pixels (pixel i is centred at i; negative = in the padding; a multiple of ½).',
  ),
});

const answer = a.answer({
  layers: a.table(
    row,
    'Layers',
    'One row per layer, input side first: the field after that layer. Fields are not clipped to the input.',
  ),
  receptiveField: a.count('Receptive field', 'Receptive field of the last layer, in input pixels.', { unit: 'pixels' }),
});

/** One layer's field in the answer of conv/receptive-field. */
export type FieldRow = z.output<typeof row>;

/** The answer of conv/receptive-field. */
export type ReceptiveFieldAnswer = z.output<typeof answer>;

/** conv/receptive-field: the Distill r / j / start recursion, layer by layer. */
export const receptiveField = defineSolver({
  id: 'conv/receptive-field',
  title: 'Receptive field, jump and start of stacked conv / pooling layers',
  description:
    'Receptive field size, jump (effective stride) and start (centre of the first field) after each convolution or pooling layer, with padding and dilation, by the recursion of Araujo, Norris & Sim (Distill 2019).',
  input,
  answer,
  solveParsed(inp) {
    const steps = [
      step(
        'Recursion (Araujo, Norris & Sim, Distill 2019), from r_0 = 1, j_0 = 1, start_0 = 0',
        tex('r_k = r_{k−1} + d_k·(k_k − 1)·j_{k−1}', 'r_k = r_{k-1} + d_k \\cdot (k_k - 1) \\cdot j_{k-1}'),
        tex('j_k = j_{k−1}·s_k', 'j_k = j_{k-1} \\cdot s_k'),
        tex(
          'start_k = start_{k−1} + (d_k·(k_k − 1)/2 − p_k)·j_{k−1}',
          '\\text{start}_k = \\text{start}_{k-1} + \\left(\\frac{d_k (k_k - 1)}{2} - p_k\\right) j_{k-1}',
        ),
      ),
    ];
    const rows: FieldRow[] = [];
    let field: Field = INPUT_FIELD;
    for (const [i, l] of inp.layers.entries()) {
      const next = growField(field, l);
      checkFieldExact(next, `layers[${i}]`);
      const what = `k = ${l.kernel}, s = ${l.stride}, p = ${l.padding}${l.dilation > 1 ? `, d = ${l.dilation}` : ''}`;
      steps.push(
        step(`Layer ${i + 1}${l.name ? ` (${l.name})` : ''}: ${what}`, ...fieldMaths(field, l, next, `${i + 1}`, true)),
      );
      rows.push({ receptiveField: next.r, jump: next.j, start: next.start });
      field = next;
    }
    steps.push(
      step(
        `Receptive field of the last layer: each unit sees a ${field.r}×${field.r} window of the input (${field.r} pixels along one axis)`,
        eq('r', field.r),
      ),
    );
    const notes = [
      'Input pixel i is centred at i (0-based); start is the centre of the first unit’s field, negative when it lies in the padding.',
      'Fields are not clipped to the input: near the border part of a field lies in the padding.',
      'Padding moves the field (start) but never changes its size; a pooling layer counts like a convolution with its kernel and stride.',
      'Since j_{k−1} = s_1·…·s_{k−1}, this is the lecture formula r_k = r_{k−1} + (∏ s_i)·(f_k − 1) (with f_k = d_k(k_k − 1) + 1 for a dilated kernel).',
    ];
    if (inp.layers.some((l) => l.dilation > 1)) {
      notes.push(
        'A dilated kernel of size k covers d(k − 1) + 1 pixels, so it grows the field like a dense kernel of that size.',
      );
    }
    return {
      answer: { layers: rows, receptiveField: field.r } satisfies ReceptiveFieldAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'AlexNet-like first layers: conv 11×11 s4, max-pool 3×3 s2, conv 5×5 (padding (f − 1)/2)',
      source:
        'Exam problem (256×256 RGB, p = (f − 1)/2); by hand: r1 = 11, r2 = 11 + (3 − 1)·4 = 19, r3 = 19 + (5 − 1)·8 = 51; jumps 4, 8, 8; starts 0 + (5 − 5)·1 = 0, 0 + (1 − 1)·4 = 0, 0 + (2 − 2)·8 = 0.',
      input: {
        layers: [
          { kernel: 11, stride: 4, padding: 5, name: 'conv1' },
          { kernel: 3, stride: 2, padding: 1, name: 'maxpool1' },
          { kernel: 5, padding: 2, name: 'conv2' },
        ],
      },
      answer: {
        layers: [
          { receptiveField: 11, jump: 4, start: 0 },
          { receptiveField: 19, jump: 8, start: 0 },
          { receptiveField: 51, jump: 8, start: 0 },
        ],
        receptiveField: 51,
      },
    },
    {
      title: 'Three 3×3 convolutions, stride 1, no padding',
      source:
        'Exam problem (224×224 grayscale input); by hand: r = 1 + 2 + 2 + 2 = 7; start = 1, 2, 3 (each valid conv shifts the first centre by 1).',
      input: { layers: [{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }] },
      answer: {
        layers: [
          { receptiveField: 3, jump: 1, start: 1 },
          { receptiveField: 5, jump: 1, start: 2 },
          { receptiveField: 7, jump: 1, start: 3 },
        ],
        receptiveField: 7,
      },
    },
    {
      title: 'LeNet: conv1 5×5, maxpool1 2×2 (stride 2)',
      source:
        'Exam problem (stride 1, no padding for the convolutions); by hand: r1 = 5, r2 = 5 + (2 − 1)·1 = 6 — one maxpool1 pixel sees 6×6 input pixels; start2 = 2 + 0.5·1 = 2.5 (centre of pixels 0…5).',
      input: {
        layers: [
          { kernel: 5, name: 'conv1' },
          { kernel: 2, stride: 2, name: 'maxpool1' },
        ],
      },
      answer: {
        layers: [
          { receptiveField: 5, jump: 1, start: 2 },
          { receptiveField: 6, jump: 2, start: 2.5 },
        ],
        receptiveField: 6,
      },
    },
    {
      title: 'Dilated 3×3 convolutions with dilation 1, 2, 4 (WaveNet / context module style)',
      source: 'By hand: r = 1 + 2·1 = 3, 3 + 2·2 = 7, 7 + 4·2 = 15; padding = dilation keeps the centre at 0.',
      input: {
        layers: [
          { kernel: 3, padding: 1 },
          { kernel: 3, padding: 2, dilation: 2 },
          { kernel: 3, padding: 4, dilation: 4 },
        ],
      },
      answer: {
        layers: [
          { receptiveField: 3, jump: 1, start: 0 },
          { receptiveField: 7, jump: 1, start: 0 },
          { receptiveField: 15, jump: 1, start: 0 },
        ],
        receptiveField: 15,
      },
    },
  ],
});
