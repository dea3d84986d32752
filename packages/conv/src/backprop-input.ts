/**
 * The input schema of conv/backprop: the network input, the layer list
 * (conv, maxpool, avgpool, relu, sigmoid, tanh, flatten, dense), and what
 * starts the backward pass — a given output gradient, or a loss with a target.
 */
import { s } from '@dnn/core';
import { LOSS_KINDS, logBaseField, lossOptionFields } from '@dnn/optim';
import * as z from 'zod/mini';
import { kernelField, paddingField, strideField } from './geometry.js';
import { nestedNumbers } from './tensor.js';

/** Most layers of one network. */
export const MAX_LAYERS = 64;

const biasField = (description: string) =>
  z
    .optional(z.union([z.number(), z.array(z.number()).check(z.minLength(1), z.maxLength(4096))]))
    .check(z.describe(description));

const name = z
  .optional(z.string().check(z.maxLength(40)))
  .check(z.describe('Optional label, e.g. "conv1" (not used in the maths).'));

/** The layer types of conv/backprop, in the catalog's order. */
export const BACKPROP_LAYER_TYPES = [
  'conv',
  'maxpool',
  'avgpool',
  'relu',
  'sigmoid',
  'tanh',
  'flatten',
  'dense',
] as const;

const poolLayer = (type: 'maxpool' | 'avgpool') =>
  s.object({
    type: z.literal(type).check(z.describe(`${type === 'maxpool' ? 'Max' : 'Average'} pooling, each channel alone.`)),
    name,
    kernel: kernelField,
    stride: z.optional(strideField).check(z.describe('Stride s, or [sH, sW] (default: the kernel size).')),
    padding: z._default(paddingField, 0),
    padValue: z._default(
      s.oneOf(
        ['zero', 'ignore'],
        'zero (default, the exam convention): padded cells take part as 0 (and can win a max, taking its gradient); ignore: they never win a max and are not counted in an average (PyTorch max pooling).',
      ),
      'zero',
    ),
  });

/** One layer spec of conv/backprop, by `type`. */
export const backpropLayer = z.discriminatedUnion(
  'type',
  [
    s.object({
      type: z.literal('conv').check(z.describe('Convolution (cross-correlation, as conv/forward).')),
      name,
      weight: nestedNumbers([2, 4], 'Kernel: [kH][kW] (one filter on a one-channel input), or [Cout][Cin][kH][kW].'),
      bias: biasField('Bias: one number per filter ([Cout]). Default: no bias.'),
      stride: z._default(strideField, 1),
      padding: z._default(paddingField, 0),
    }),
    poolLayer('maxpool'),
    poolLayer('avgpool'),
    ...(['relu', 'sigmoid', 'tanh', 'flatten'] as const).map((type) =>
      s.object({
        type: z
          .literal(type)
          .check(
            z.describe(
              type === 'flatten'
                ? 'Flatten a [C][H][W] map to a vector, channel by channel (PyTorch order).'
                : `${type} applied to each value.`,
            ),
          ),
        name,
      }),
    ),
    s.object({
      type: z.literal('dense').check(z.describe('Fully connected layer on a vector: Y = W·X + b.')),
      name,
      weights: nestedNumbers([1, 2], 'Weights [out][in]: row i holds the weights into unit i (a vector is one unit).'),
      bias: biasField('Bias: one number per unit. Default: no bias.'),
    }),
  ],
  {
    error: (iss) => {
      const input = iss.input as { type?: unknown } | undefined;
      if (iss.code === 'invalid_union' && input && typeof input === 'object' && !Array.isArray(input)) {
        const which = input.type === undefined ? 'is required' : `${JSON.stringify(input.type)} is not a layer type`;
        return `${which}; use one of ${BACKPROP_LAYER_TYPES.join(', ')}`;
      }
      return undefined;
    },
  },
);

/** A validated layer spec. */
export type BackpropLayer = z.output<typeof backpropLayer>;

const anyValue = (description: string) => nestedNumbers([1, 2, 3], description);

/** The input of conv/backprop. */
export const backpropInput = s.object({
  input: nestedNumbers([2, 3], 'Network input: [H][W] for one channel, or [C][H][W].'),
  layers: z
    .array(backpropLayer)
    .check(
      z.minLength(1),
      z.maxLength(MAX_LAYERS),
      z.describe(
        'The layers, input side first: {"type": "conv", …}. At most 2·10⁸ multiply-adds (forward and backward) and 3·10⁶ answer values (activations, gradients, updated parameters) per request.',
      ),
    ),
  gradOutput: z.optional(
    anyValue('∂L/∂(output of the last layer), in the output’s shape. Give this, or loss with target.'),
  ),
  loss: z.optional(
    s.oneOf(
      LOSS_KINDS,
      'Loss on the last layer’s output (kinds as optim/loss; the output is one sample). Give this with target, or gradOutput.',
    ),
  ),
  target: z.optional(anyValue('The target for the loss, in the output’s shape.')),
  reduction: lossOptionFields.reduction,
  logBase: logBaseField('Base of the logarithm for the cross-entropies: "e" (default), 2 or 10.'),
  logZero: lossOptionFields.logZero,
  lr: z
    .optional(z.number().check(z.gt(0), z.maximum(1e6)))
    .check(
      z.describe(
        'Learning rate η (> 0): with it, the answer adds every conv and dense layer’s parameters after one SGD step.',
      ),
    ),
  reluGradAtZero: z
    ._default(z.number().check(z.minimum(0), z.maximum(1)), 0)
    .check(z.describe('ReLU′(0): 0 (default, PyTorch and TF), or e.g. 1 or 0.5.')),
  maxTie: z._default(
    s.oneOf(
      ['first', 'split'],
      'Max pooling at a tie: first (default) — the whole gradient goes to the first maximum in row-major order (PyTorch, TF); split — the tied cells share it equally.',
    ),
    'first',
  ),
});

/** The validated input. */
export type BackpropInput = z.output<typeof backpropInput>;
