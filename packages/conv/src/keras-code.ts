/**
 * Keras layer calls (tf.keras.layers / keras.layers) read into conv/summary
 * layer specs: Conv1D/2D, Conv2DTranspose, pooling, Dense, Flatten, Dropout,
 * BatchNormalization, Embedding, SimpleRNN/LSTM/GRU, Reshape, activations,
 * Input/InputLayer. Shapes stay in Keras's order here; model-code.ts
 * converts them.
 */
import {
  type Args,
  bind,
  choice,
  flag,
  type LayerInput,
  type Literal,
  type ReadLayer,
  shape,
  size,
} from './code-args.js';
import type { PyExpr } from './python-call-parser.js';
import { CodeError } from './python-tokens.js';

type Call = Extract<PyExpr, { k: 'call' }>;
type Reader = (a: Args, line: number, cls: string) => ReadLayer;

const ACTIVATIONS = ['linear', 'relu', 'tanh', 'sigmoid', 'softmax'] as const;
const RNN_KEYWORDS = ['return_sequences', 'return_state'];
const INPUT_ARGS = ['input_shape', 'input_dim', 'batch_input_shape', 'input_length'] as const;

/** The input a layer declares: input_shape=(…), input_dim=n, batch_input_shape=(None, …). */
function declaredInput(a: Args, line: number): number[] | undefined {
  if (a.batch_input_shape !== undefined) {
    const b = a.batch_input_shape;
    return shape(Array.isArray(b) ? b.slice(1) : b, line, 'batch_input_shape (without its batch axis)');
  }
  if (a.input_shape !== undefined) return shape(a.input_shape, line, 'input_shape');
  if (a.input_dim !== undefined && a.input_length === undefined) return shape(a.input_dim, line, 'input_dim');
  return undefined;
}

/** `spec` with the `activation=` of a conv or dense layer, kept when conv/summary knows it (it changes no count). */
function withActivation<T extends LayerInput>(spec: T, v: Literal | undefined): T {
  if (typeof v === 'string' && (ACTIVATIONS as readonly string[]).includes(v)) {
    (spec as { activation?: string }).activation = v;
  }
  return spec;
}

/** Keras padding: "valid" or "same" ("causal" and others are not read). */
function padding(v: Literal | undefined, line: number): 'valid' | 'same' | undefined {
  return choice(v, line, 'padding', ['valid', 'same']) as 'valid' | 'same' | undefined;
}

function checkFormat(a: Args, line: number): void {
  choice(a.data_format, line, 'data_format', ['channels_last']);
  if (a.groups !== undefined && a.groups !== 1)
    throw new CodeError(line, 'grouped convolutions (groups > 1) are not counted here');
}

// The specs and results of this file are built without conditional object spreads (`...(x ? { k } : {})`): each
// costs ≈ 0.7 µs in V8 (node 20), a conv layer had six.
const one = (spec: LayerInput, input?: number[]): ReadLayer => (input ? { specs: [spec], input } : { specs: [spec] });

const conv =
  (type: 'conv1d' | 'conv2d' | 'convtranspose2d'): Reader =>
  (a, line) => {
    checkFormat(a, line);
    const spec: Record<string, unknown> = {
      type,
      outChannels: a.filters,
      kernel: size(a.kernel_size, line, 'kernel_size'),
    };
    if (a.strides !== undefined) spec.stride = size(a.strides, line, 'strides');
    if (a.padding !== undefined) spec.padding = padding(a.padding, line);
    if (a.dilation_rate !== undefined) spec.dilation = size(a.dilation_rate, line, 'dilation_rate');
    if (a.output_padding !== undefined && a.output_padding !== null) {
      spec.outputPadding = size(a.output_padding, line, 'output_padding');
    }
    spec.bias = flag(a.use_bias, line, 'use_bias', true);
    return one(withActivation(spec as LayerInput, a.activation), declaredInput(a, line));
  };

const pool =
  (type: 'maxpool1d' | 'maxpool2d' | 'avgpool2d'): Reader =>
  (a, line) => {
    checkFormat(a, line);
    const spec: Record<string, unknown> = { type, kernel: size(a.pool_size, line, 'pool_size') ?? 2 };
    if (a.strides !== undefined && a.strides !== null) spec.stride = size(a.strides, line, 'strides');
    if (a.padding !== undefined) spec.padding = padding(a.padding, line);
    return one(spec as LayerInput, declaredInput(a, line));
  };

const recurrent =
  (type: 'rnn' | 'lstm' | 'gru'): Reader =>
  (a, line) => {
    const resetAfter = type === 'gru' && flag(a.reset_after, line, 'reset_after', true);
    return one(
      {
        type,
        hiddenSize: a.units as number,
        returnSequences: flag(a.return_sequences, line, 'return_sequences', false),
        bias: flag(a.use_bias, line, 'use_bias', true),
        biasesPerGate: resetAfter ? 2 : 1,
      },
      declaredInput(a, line),
    );
  };

const passive =
  (make: (a: Args, line: number) => LayerInput | undefined): Reader =>
  (a, line) => {
    const spec = make(a, line);
    const input = declaredInput(a, line);
    const specs = spec ? [spec] : [];
    return input ? { specs, input } : { specs };
  };

/** How an activation name reads as a layer (linear: none). */
function activationLayer(name: Literal | undefined, line: number): LayerInput | undefined {
  const v = choice(name, line, 'activation', ACTIVATIONS);
  return v === undefined || v === 'linear' ? undefined : { type: v as 'relu' };
}

/** Parameter lists (positional order) and readers of the Keras layers conv/summary counts. */
const KERAS: Record<string, { params: readonly string[]; keywords?: readonly string[]; read: Reader }> = {
  Conv1D: {
    params: [
      'filters',
      'kernel_size',
      'strides',
      'padding',
      'data_format',
      'dilation_rate',
      'groups',
      'activation',
      'use_bias',
    ],
    read: conv('conv1d'),
  },
  Conv2D: {
    params: [
      'filters',
      'kernel_size',
      'strides',
      'padding',
      'data_format',
      'dilation_rate',
      'groups',
      'activation',
      'use_bias',
    ],
    read: conv('conv2d'),
  },
  Conv2DTranspose: {
    params: [
      'filters',
      'kernel_size',
      'strides',
      'padding',
      'output_padding',
      'data_format',
      'dilation_rate',
      'activation',
      'use_bias',
    ],
    read: conv('convtranspose2d'),
  },
  MaxPooling1D: { params: ['pool_size', 'strides', 'padding', 'data_format'], read: pool('maxpool1d') },
  MaxPooling2D: { params: ['pool_size', 'strides', 'padding', 'data_format'], read: pool('maxpool2d') },
  AveragePooling2D: { params: ['pool_size', 'strides', 'padding', 'data_format'], read: pool('avgpool2d') },
  GlobalAveragePooling1D: { params: ['data_format'], read: passive(() => ({ type: 'globalavgpool' })) },
  GlobalAveragePooling2D: { params: ['data_format'], read: passive(() => ({ type: 'globalavgpool' })) },
  Dense: {
    params: ['units', 'activation', 'use_bias'],
    read: (a, line) =>
      one(
        withActivation(
          { type: 'dense', units: a.units as number, bias: flag(a.use_bias, line, 'use_bias', true) },
          a.activation,
        ),
        declaredInput(a, line),
      ),
  },
  Flatten: { params: ['data_format'], read: passive(() => ({ type: 'flatten' })) },
  Dropout: { params: ['rate'], read: passive((a) => ({ type: 'dropout', p: a.rate as number })) },
  SpatialDropout1D: { params: ['rate'], read: passive((a) => ({ type: 'dropout', p: a.rate as number })) },
  SpatialDropout2D: { params: ['rate'], read: passive((a) => ({ type: 'dropout', p: a.rate as number })) },
  BatchNormalization: {
    params: ['axis', 'momentum', 'epsilon', 'center', 'scale'],
    read: passive((a, line) => {
      if (!flag(a.center, line, 'center', true) || !flag(a.scale, line, 'scale', true)) {
        throw new CodeError(
          line,
          'BatchNormalization without center or scale has fewer parameters than conv/summary counts',
        );
      }
      return { type: 'batchnorm' };
    }),
  },
  Embedding: {
    params: [
      'input_dim',
      'output_dim',
      'embeddings_initializer',
      'embeddings_regularizer',
      'activity_regularizer',
      'embeddings_constraint',
      'mask_zero',
      'input_length',
    ],
    read: (a, line) => ({
      specs: [{ type: 'embedding', numEmbeddings: a.input_dim as number, dim: a.output_dim as number }],
      ...(a.input_length !== undefined && a.input_length !== null
        ? { input: shape(a.input_length, line, 'input_length') }
        : {}),
    }),
  },
  SimpleRNN: { params: ['units', 'activation', 'use_bias'], keywords: RNN_KEYWORDS, read: recurrent('rnn') },
  LSTM: {
    params: ['units', 'activation', 'recurrent_activation', 'use_bias'],
    keywords: RNN_KEYWORDS,
    read: recurrent('lstm'),
  },
  GRU: {
    params: ['units', 'activation', 'recurrent_activation', 'use_bias'],
    keywords: [...RNN_KEYWORDS, 'reset_after'],
    read: recurrent('gru'),
  },
  Reshape: {
    params: ['target_shape'],
    read: passive((a, line) => ({ type: 'reshape', shape: shape(a.target_shape, line, 'target_shape') as number[] })),
  },
  Activation: { params: ['activation'], read: passive((a, line) => activationLayer(a.activation, line)) },
  ReLU: { params: ['max_value', 'negative_slope', 'threshold'], read: passive(() => ({ type: 'relu' })) },
  Softmax: { params: ['axis'], read: passive(() => ({ type: 'softmax' })) },
  InputLayer: {
    params: [
      'input_shape',
      'batch_size',
      'dtype',
      'input_tensor',
      'sparse',
      'name',
      'ragged',
      'type_spec',
      'batch_input_shape',
      'shape',
    ],
    read: (a, line) => ({
      specs: [],
      input: shape(a.shape ?? a.input_shape, line, 'input_shape') ?? declaredInput(a, line),
    }),
  },
  Input: {
    params: ['shape', 'batch_size', 'name', 'dtype', 'sparse', 'tensor', 'ragged', 'type_spec', 'batch_shape'],
    read: (a, line) => ({
      specs: [],
      input:
        a.batch_shape !== undefined
          ? shape(Array.isArray(a.batch_shape) ? a.batch_shape.slice(1) : a.batch_shape, line, 'batch_shape')
          : shape(a.shape, line, 'shape'),
    }),
  },
};

const ALIASES: Record<string, string> = {
  Convolution1D: 'Conv1D',
  Convolution2D: 'Conv2D',
  Convolution2DTranspose: 'Conv2DTranspose',
  MaxPool1D: 'MaxPooling1D',
  MaxPool2D: 'MaxPooling2D',
  AvgPool2D: 'AveragePooling2D',
  GlobalAvgPool1D: 'GlobalAveragePooling1D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
};

/** True when `cls` is a Keras layer this reader knows. */
export function isKerasLayer(cls: string): boolean {
  return Object.hasOwn(KERAS, cls) || Object.hasOwn(ALIASES, cls);
}

/**
 * The arguments each Keras layer class takes (positional ones first), built once per process from its constant entry
 * rather than by three spreads and a filter per layer call.
 */
const PARAMS = new Map<string, readonly string[]>();

function paramsOf(name: string, entry: (typeof KERAS)[string]): readonly string[] {
  let params = PARAMS.get(name);
  if (!params) {
    params = [
      ...entry.params,
      ...(entry.keywords ?? []),
      ...INPUT_ARGS.filter((p) => !entry.params.includes(p)),
      'trainable',
    ];
    PARAMS.set(name, params);
  }
  return params;
}

/** Reads one Keras layer call. */
export function readKerasLayer(cls: string, call: Call): ReadLayer {
  // Own keys only: `constructor`, `toString`… are on every object's prototype, not layers.
  const name = (Object.hasOwn(ALIASES, cls) ? ALIASES[cls] : undefined) ?? cls;
  const entry = Object.hasOwn(KERAS, name) ? KERAS[name] : undefined;
  if (!entry) throw new CodeError(call.line, `${cls} is not a Keras layer this reader counts`);
  const args = bind(call, cls, paramsOf(name, entry), entry.params.length);
  const read = entry.read(args, call.line, cls);
  if (args.trainable === false) read.specs = read.specs.map((s) => ({ ...s, trainable: false }) as LayerInput);
  return read;
}
