/**
 * Input schemas of the layer specs of conv/summary: one strict object per
 * layer `type`, with the catalog's defaults.
 */
import { s } from '@dnn/core';
import * as z from 'zod/mini';
import { dilationField, kernelField, paddingField, strideField } from './geometry.js';
import { layoutField } from './layout.js';
import { PRESET_NAMES } from './presets.js';

const count = (description: string) => z.number().check(z.int(), z.minimum(1), z.maximum(1e9), z.describe(description));
const flag = (description: string) => z._default(z.boolean(), true).check(z.describe(description));

/** Fields every layer accepts. */
const common = {
  name: z
    .optional(z.string().check(z.maxLength(40)))
    .check(z.describe('Optional label shown in the steps, e.g. "conv1".')),
  trainable: flag('false freezes the layer: its parameters count as non-trainable (Keras layer.trainable = False).'),
};

const activation = z.optional(
  s.oneOf(['linear', 'relu', 'tanh', 'sigmoid', 'softmax'], 'Activation applied after the layer (no parameters).'),
);

const length1d = (what: string) => z.number().check(z.int(), z.minimum(1), z.describe(what));
const padding1d = z
  .union([z.number().check(z.int(), z.minimum(0)), z.enum(['valid', 'same'])])
  .check(z.describe('Zero padding p on each side, "valid" (0) or "same" (TensorFlow: output = ceil(L / stride)).'));

const conv2dFields = {
  ...common,
  outChannels: count('Number of filters (output channels).'),
  kernel: kernelField,
  stride: z._default(strideField, 1),
  padding: z._default(paddingField, 0),
  dilation: z._default(dilationField, 1),
  bias: flag('One bias per filter (default true).'),
  activation,
};

/** The layer specs of conv/summary, by `type`. */
export const layerSpec = z.discriminatedUnion(
  'type',
  [
    s.object({
      type: z
        .literal('conv1d')
        .check(z.describe('1-D convolution over [C, L] (or a [L, D] sequence read as D channels).')),
      ...common,
      outChannels: count('Number of filters (output channels).'),
      kernel: length1d('Kernel size k.'),
      stride: z._default(length1d('Stride s.'), 1),
      padding: z._default(padding1d, 0),
      dilation: z._default(length1d('Dilation d.'), 1),
      bias: flag('One bias per filter (default true).'),
      activation,
    }),
    s.object({ type: z.literal('conv2d').check(z.describe('2-D convolution over [C, H, W].')), ...conv2dFields }),
    s.object({
      type: z.literal('convtranspose2d').check(z.describe('2-D transposed convolution over [C, H, W].')),
      ...conv2dFields,
      outputPadding: z._default(
        s.numberOrPair(
          z.number().check(z.int(), z.minimum(0)),
          'Extra rows/columns on one side of the output (PyTorch output_padding).',
        ),
        0,
      ),
    }),
    s.object({
      type: z.literal('maxpool1d').check(z.describe('1-D max pooling over [C, L] or a [L, D] sequence.')),
      ...common,
      kernel: length1d('Window size k.'),
      stride: z.optional(length1d('Stride s (default: the kernel size).')),
      padding: z._default(padding1d, 0),
      ceilMode: z._default(z.boolean(), false).check(z.describe('Round the division up (PyTorch ceil_mode).')),
    }),
    ...(['maxpool2d', 'avgpool2d'] as const).map((type) =>
      s.object({
        type: z
          .literal(type)
          .check(z.describe(`2-D ${type.startsWith('max') ? 'max' : 'average'} pooling over [C, H, W].`)),
        ...common,
        kernel: kernelField,
        stride: z.optional(strideField).check(z.describe('Stride s, or [sH, sW] (default: the kernel size).')),
        padding: z._default(paddingField, 0),
        ceilMode: z._default(z.boolean(), false).check(z.describe('Round the division up (PyTorch ceil_mode).')),
      }),
    ),
    s.object({
      type: z.literal('globalavgpool').check(z.describe('Global average pooling: [C, H, W] or [C, L] → [C].')),
      ...common,
    }),
    s.object({
      type: z
        .literal('adaptiveavgpool2d')
        .check(z.describe('Adaptive average pooling to a fixed output size (PyTorch).')),
      ...common,
      outputSize: s.numberOrPair(
        z.number().check(z.int(), z.minimum(1), z.maximum(1e4)),
        'Output size [oH, oW] (or one number for both).',
      ),
    }),
    s.object({
      type: z
        .literal('batchnorm')
        .check(z.describe('Batch normalisation over the channel axis (or the features of a vector).')),
      ...common,
    }),
    s.object({
      type: z.literal('dropout').check(z.describe('Dropout: no parameters, same shape.')),
      ...common,
      p: z._default(z.number().check(z.minimum(0), z.lt(1)), 0.5).check(z.describe('Drop probability p (0 ≤ p < 1).')),
    }),
    s.object({ type: z.literal('flatten').check(z.describe('Flatten to a vector.')), ...common }),
    s.object({
      type: z
        .literal('reshape')
        .check(z.describe('Reshape: the same values in a new shape (Keras Reshape, PyTorch view).')),
      ...common,
      shape: z
        .array(z.union([z.literal(-1), z.number().check(z.int(), z.minimum(1), z.maximum(1e9))]))
        .check(
          z.minLength(1),
          z.maxLength(3),
          z.describe(
            'Target shape without the batch axis, in the order of `layout` ([C, H, W] / [C, L] or [L, D] / [N]; Keras order with "channels-last"); one axis may be −1 (inferred). A rank-2 shape is a sequence [L, D] before rnn/lstm/gru, else a [C, L] map.',
          ),
        ),
    }),
    s.object({
      type: z.literal('dense').check(z.describe('Fully connected layer on a vector.')),
      ...common,
      units: count('Number of units (outputs).'),
      bias: flag('One bias per unit (default true; Keras use_bias).'),
      activation,
    }),
    s.object({
      type: z.literal('embedding').check(z.describe('Embedding lookup: token ids [L] → [L, dim].')),
      ...common,
      numEmbeddings: count('Vocabulary size (Keras input_dim).'),
      dim: count('Embedding dimension (Keras output_dim).'),
    }),
    ...(['rnn', 'lstm', 'gru'] as const).map((type) =>
      s.object({
        type: z.literal(type).check(z.describe(`${type.toUpperCase()} layer over a sequence [L, D].`)),
        ...common,
        hiddenSize: count('Hidden units H (Keras units).'),
        returnSequences: z
          ._default(z.boolean(), false)
          .check(z.describe('true: output every step [L, H]; false: the last hidden state [H].')),
        bias: flag('Biases in the gates (default true).'),
        biasesPerGate: z
          ._default(z.number().check(z.int(), z.minimum(1), z.maximum(2)), 1)
          .check(
            z.describe(
              '1: one bias vector per gate (textbook, Keras LSTM/SimpleRNN); 2: PyTorch (b_ih and b_hh), Keras GRU with reset_after.',
            ),
          ),
      }),
    ),
    ...(['relu', 'tanh', 'sigmoid', 'softmax'] as const).map((type) =>
      s.object({ type: z.literal(type).check(z.describe(`${type} activation (no parameters).`)), ...common }),
    ),
  ],
  {
    error: (iss) => {
      const input = iss.input as { type?: unknown } | undefined;
      if (iss.code === 'invalid_union' && input && typeof input === 'object' && !Array.isArray(input)) {
        const which = input.type === undefined ? 'is required' : `${JSON.stringify(input.type)} is not a layer type`;
        return `${which}; use one of ${LAYER_TYPES.join(', ')}`;
      }
      return undefined;
    },
  },
);

/** Every layer `type` of conv/summary, in the catalog's order. */
export const LAYER_TYPES = [
  'conv1d',
  'conv2d',
  'convtranspose2d',
  'maxpool1d',
  'maxpool2d',
  'avgpool2d',
  'globalavgpool',
  'adaptiveavgpool2d',
  'batchnorm',
  'dropout',
  'flatten',
  'reshape',
  'dense',
  'embedding',
  'rnn',
  'lstm',
  'gru',
  'relu',
  'tanh',
  'sigmoid',
  'softmax',
] as const;

/** A validated layer spec. */
export type LayerSpec = z.output<typeof layerSpec>;

/** The validated spec of one layer type. */
export type SpecOf<T extends LayerSpec['type']> = LayerSpec & { type: T };

/** The input schema of conv/summary. */
export const summaryInput = s.object({
  input: z
    .optional(z.array(z.number().check(z.int(), z.minimum(1), z.maximum(1e9))).check(z.minLength(1), z.maxLength(3)))
    .check(
      z.describe(
        'Input shape without the batch axis, PyTorch order: [C, H, W] image; [C, L] signal or [L, D] sequence (read as the first layer needs: [L, D] before rnn/lstm/gru, else [C, L]); [N] vector, or [L] token ids before an embedding. Keras order [H, W, C] / [L, C] with layout "channels-last". Required with `layers`; with `preset` it replaces the preset’s input ([3, 224, 224]; LeNet-5 [1, 32, 32]); with `code` it is needed only when the code gives none (PyTorch).',
      ),
    ),
  layers: s.alternative(
    z
      .optional(z.array(layerSpec).check(z.minLength(1), z.maxLength(200)))
      .check(
        z.describe(
          'The layers, input side first: {"type": "conv2d", …}. Required unless `preset` or `code` gives them.',
        ),
      ),
    'the network',
  ),
  layout: layoutField,
  preset: s.alternative(
    z.optional(
      s.oneOf(
        PRESET_NAMES,
        'A named architecture instead of `layers`: lenet5 (LeNet-5 as usually taught: full C3, average pooling, tanh), alexnet, vgg11, vgg16, vgg16-bn, vgg19 (torchvision’s layer lists, 1000 classes).',
      ),
    ),
    'the network',
  ),
  code: s.alternative(
    z
      .optional(z.string().check(z.maxLength(20000)))
      .check(
        z.describe(
          'Model code instead of `layers`: a Keras Sequential or functional model (tf.keras / keras layers, input_shape in Keras order) or a PyTorch nn.Sequential(...). It is parsed, never run; imports, compile, fit and summary lines are skipped, and a line it cannot read is an input error quoting it.',
        ),
      ),
    'the network',
  ),
});
