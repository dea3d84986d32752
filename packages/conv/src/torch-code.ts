/**
 * PyTorch module calls (nn.Conv2d, nn.Linear, …) read into conv/summary
 * layer specs. Each states its input size (in_channels, in_features,
 * num_features, input_size), which summary checks against the shape that
 * actually reaches it.
 */
import { type Args, bind, choice, flag, type LayerInput, type ReadLayer, size } from './code-args.js';
import type { PyExpr } from './python-call-parser.js';
import { CodeError } from './python-tokens.js';

type Call = Extract<PyExpr, { k: 'call' }>;
type Reader = (a: Args, line: number) => ReadLayer;

const CONV = ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'bias'];
const CONVT = [
  'in_channels',
  'out_channels',
  'kernel_size',
  'stride',
  'padding',
  'output_padding',
  'groups',
  'bias',
  'dilation',
];
const POOL = ['kernel_size', 'stride', 'padding', 'dilation', 'return_indices', 'ceil_mode'];
const AVGPOOL = ['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'];
const RNN = ['input_size', 'hidden_size', 'num_layers', 'bias', 'batch_first', 'dropout', 'bidirectional'];

const count = (v: unknown, what: string, line: number): number => {
  if (typeof v !== 'number') throw new CodeError(line, `${what} is required and must be a number`);
  return v;
};

function torchPadding(v: Args[string], line: number): number | number[] | 'same' | 'valid' | undefined {
  if (typeof v === 'string') return choice(v, line, 'padding', ['same', 'valid']) as 'same' | 'valid';
  return size(v, line, 'padding');
}

function noGroups(a: Args, line: number): void {
  if (a.groups !== undefined && a.groups !== 1)
    throw new CodeError(line, 'grouped convolutions (groups > 1) are not counted here');
}

const conv =
  (type: 'conv1d' | 'conv2d'): Reader =>
  (a, line) => {
    noGroups(a, line);
    return {
      specs: [
        {
          type,
          outChannels: count(a.out_channels, 'out_channels', line),
          kernel: size(a.kernel_size, line, 'kernel_size'),
          ...(a.stride !== undefined ? { stride: size(a.stride, line, 'stride') } : {}),
          ...(a.padding !== undefined ? { padding: torchPadding(a.padding, line) } : {}),
          ...(a.dilation !== undefined ? { dilation: size(a.dilation, line, 'dilation') } : {}),
          bias: flag(a.bias, line, 'bias', true),
        } as LayerInput,
      ],
      check: { expected: count(a.in_channels, 'in_channels', line), what: 'in_channels' },
    };
  };

const pool =
  (type: 'maxpool1d' | 'maxpool2d' | 'avgpool2d'): Reader =>
  (a, line) => {
    if (a.dilation !== undefined && a.dilation !== 1) throw new CodeError(line, 'dilated pooling is not counted here');
    return {
      specs: [
        {
          type,
          kernel: size(a.kernel_size, line, 'kernel_size'),
          ...(a.stride !== undefined && a.stride !== null ? { stride: size(a.stride, line, 'stride') } : {}),
          ...(a.padding !== undefined ? { padding: size(a.padding, line, 'padding') } : {}),
          ceilMode: flag(a.ceil_mode, line, 'ceil_mode', false),
        } as LayerInput,
      ],
    };
  };

const recurrent =
  (type: 'rnn' | 'lstm' | 'gru'): Reader =>
  (a, line) => {
    if (a.num_layers !== undefined && a.num_layers !== 1)
      throw new CodeError(line, 'write one layer per module (num_layers = 1)');
    if (flag(a.bidirectional, line, 'bidirectional', false))
      throw new CodeError(line, 'bidirectional layers are not counted here');
    return {
      specs: [
        {
          type,
          hiddenSize: count(a.hidden_size, 'hidden_size', line),
          returnSequences: true,
          bias: flag(a.bias, line, 'bias', true),
          biasesPerGate: 2,
        },
      ],
      check: { expected: count(a.input_size, 'input_size', line), what: 'input_size' },
    };
  };

const plain = (spec: LayerInput | null, params: string[] = []) => ({
  params,
  read: () => ({ specs: spec ? [spec] : [] }),
});

const batchnorm = {
  params: ['num_features', 'eps', 'momentum', 'affine', 'track_running_stats'],
  read: (a: Args, line: number): ReadLayer => {
    if (!flag(a.affine, line, 'affine', true))
      throw new CodeError(line, 'affine=False has no γ, β; conv/summary counts them');
    return {
      specs: [{ type: 'batchnorm' }],
      check: { expected: count(a.num_features, 'num_features', line), what: 'num_features' },
    };
  },
};

/** Parameter lists (positional order) and readers of the torch.nn modules conv/summary counts. */
const TORCH: Record<string, { params: readonly string[]; read: Reader }> = {
  Conv1d: { params: CONV, read: conv('conv1d') },
  Conv2d: { params: CONV, read: conv('conv2d') },
  ConvTranspose2d: {
    params: CONVT,
    read: (a, line) => {
      noGroups(a, line);
      return {
        specs: [
          {
            type: 'convtranspose2d',
            outChannels: count(a.out_channels, 'out_channels', line),
            kernel: size(a.kernel_size, line, 'kernel_size'),
            ...(a.stride !== undefined ? { stride: size(a.stride, line, 'stride') } : {}),
            ...(a.padding !== undefined ? { padding: size(a.padding, line, 'padding') } : {}),
            ...(a.output_padding !== undefined
              ? { outputPadding: size(a.output_padding, line, 'output_padding') }
              : {}),
            ...(a.dilation !== undefined ? { dilation: size(a.dilation, line, 'dilation') } : {}),
            bias: flag(a.bias, line, 'bias', true),
          } as LayerInput,
        ],
        check: { expected: count(a.in_channels, 'in_channels', line), what: 'in_channels' },
      };
    },
  },
  MaxPool1d: { params: POOL, read: pool('maxpool1d') },
  MaxPool2d: { params: POOL, read: pool('maxpool2d') },
  AvgPool2d: { params: AVGPOOL, read: pool('avgpool2d') },
  AdaptiveAvgPool2d: {
    params: ['output_size'],
    read: (a, line) => ({
      specs: [{ type: 'adaptiveavgpool2d', outputSize: size(a.output_size, line, 'output_size') as number }],
    }),
  },
  BatchNorm1d: batchnorm,
  BatchNorm2d: batchnorm,
  Dropout: {
    params: ['p'],
    read: (a) => ({ specs: [{ type: 'dropout', ...(a.p !== undefined ? { p: a.p as number } : {}) }] }),
  },
  Dropout1d: {
    params: ['p'],
    read: (a) => ({ specs: [{ type: 'dropout', ...(a.p !== undefined ? { p: a.p as number } : {}) }] }),
  },
  Dropout2d: {
    params: ['p'],
    read: (a) => ({ specs: [{ type: 'dropout', ...(a.p !== undefined ? { p: a.p as number } : {}) }] }),
  },
  Flatten: plain({ type: 'flatten' }, ['start_dim', 'end_dim']),
  Linear: {
    params: ['in_features', 'out_features', 'bias'],
    read: (a, line) => ({
      specs: [
        { type: 'dense', units: count(a.out_features, 'out_features', line), bias: flag(a.bias, line, 'bias', true) },
      ],
      check: { expected: count(a.in_features, 'in_features', line), what: 'in_features' },
    }),
  },
  Embedding: {
    params: ['num_embeddings', 'embedding_dim'],
    read: (a, line) => ({
      specs: [
        {
          type: 'embedding',
          numEmbeddings: count(a.num_embeddings, 'num_embeddings', line),
          dim: count(a.embedding_dim, 'embedding_dim', line),
        },
      ],
    }),
  },
  RNN: { params: RNN, read: recurrent('rnn') },
  LSTM: { params: RNN, read: recurrent('lstm') },
  GRU: { params: RNN, read: recurrent('gru') },
  ReLU: plain({ type: 'relu' }, ['inplace']),
  Tanh: plain({ type: 'tanh' }),
  Sigmoid: plain({ type: 'sigmoid' }),
  Softmax: plain({ type: 'softmax' }, ['dim']),
  Identity: plain(null),
};

/** True when `cls` is a torch.nn module this reader knows. */
export function isTorchLayer(cls: string): boolean {
  return Object.hasOwn(TORCH, cls);
}

/** Reads one torch.nn module call. */
export function readTorchLayer(cls: string, call: Call): ReadLayer {
  const entry = Object.hasOwn(TORCH, cls) ? TORCH[cls] : undefined;
  if (!entry) throw new CodeError(call.line, `nn.${cls} is not a PyTorch module this reader counts`);
  return entry.read(bind(call, `nn.${cls}`, entry.params), call.line);
}
