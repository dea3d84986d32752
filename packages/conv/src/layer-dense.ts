/**
 * conv/summary rules of the layers that do not slide a window: batch norm,
 * dropout, flatten, dense, embedding, recurrent layers and activations.
 */
import { add, DnnInputError, eq, mul, type Tex, type TexLike, tex, vec, words } from '@dnn/core';
import type { SpecOf } from './layer-specs.js';
import { describeShape, type LayerOutcome, type LayerState, product, wholeField } from './layer-state.js';

/** A layer without weights that keeps its input as it is; `maths` as given (the callers that override it build none). */
function unchanged(st: LayerState, what: string, maths: Tex[]): LayerOutcome {
  return {
    shape: st.shape,
    layout: st.layout,
    field: st.field,
    weightShape: null,
    biasShape: null,
    params: 0,
    buffers: 0,
    macs: 0,
    what,
    maths,
    notes: [],
  };
}

/** {@link unchanged} with its maths: the output shape, no params, and `extra`. */
function passThrough(st: LayerState, what: string, extra: Tex[] = []): LayerOutcome {
  return unchanged(st, what, [eq('output', vec(st.shape)), eq('params', 0), ...extra]);
}

/** relu, tanh, sigmoid, softmax: no parameters, same shape. */
export function activationLayer(type: string, st: LayerState): LayerOutcome {
  return passThrough(st, type === 'softmax' ? 'probabilities over the last axis' : 'element-wise');
}

/** dropout: no parameters, same shape. */
export function dropoutLayer(spec: SpecOf<'dropout'>, st: LayerState): LayerOutcome {
  return passThrough(st, `p = ${spec.p}`, [words(`training zeroes each unit with probability ${spec.p}`)]);
}

/** batchnorm: γ, β trainable and running mean, variance non-trainable, per channel. */
export function batchnormLayer(st: LayerState, path: string): LayerOutcome {
  if (st.layout === 'ids') {
    throw new DnnInputError(path, 'batchnorm cannot normalise token ids; put it after the embedding');
  }
  const channels = (st.layout === 'sequence' ? st.shape[1] : st.shape[0]) as number;
  const axis =
    st.layout === 'vector'
      ? 'features of the vector'
      : st.layout === 'sequence'
        ? 'features D of the sequence'
        : 'channels C';
  return {
    ...unchanged(st, `${channels} ${axis}`, []),
    weightShape: [channels],
    biasShape: [channels],
    params: 4 * channels,
    buffers: 2 * channels,
    maths: [
      eq('output', vec(st.shape)),
      eq(words('trainable'), mul(2, channels), 2 * channels),
      tex('(γ and β)', '(\\gamma \\text{ and } \\beta)'),
      eq(words('non-trainable'), mul(2, channels), 2 * channels),
      words('(running mean and variance)'),
    ],
  };
}

/** flatten: [a, b, c] → [a·b·c]; every unit then depends on the whole input. */
export function flattenLayer(st: LayerState): LayerOutcome {
  const n = product(st.shape);
  return {
    ...unchanged(st, 'to a vector', []),
    shape: [n],
    layout: 'vector',
    field: wholeField(st.extent),
    maths: [eq('N', st.shape.length > 1 ? mul(...st.shape) : n, n), eq('output', vec([n])), eq('params', 0)],
  };
}

/** dense: needs a vector; weight [out, in]. */
export function denseLayer(spec: SpecOf<'dense'>, st: LayerState, path: string): LayerOutcome {
  if (st.layout !== 'vector') {
    throw new DnnInputError(
      path,
      `dense needs a vector input, but its input is ${describeShape(st)}; add a {"type": "flatten"} layer before it (it gives [${product(st.shape)}])`,
    );
  }
  const n = st.shape[0] as number;
  const u = spec.units;
  const params = n * u + (spec.bias ? u : 0);
  return {
    shape: [u],
    layout: 'vector',
    field: wholeField(st.extent),
    weightShape: [u, n],
    biasShape: spec.bias ? [u] : null,
    params,
    buffers: 0,
    macs: n * u,
    what: `${u} unit${u === 1 ? '' : 's'}${spec.bias ? '' : ', no bias'}`,
    maths: [
      eq('output', vec([u])),
      eq('params', spec.bias ? mul(add(n, 1), u) : mul(n, u), params),
      eq('MACs', mul(n, u), n * u),
    ],
    notes: [],
  };
}

/** embedding: token ids [L] → [L, dim]; weight [num, dim]. */
export function embeddingLayer(spec: SpecOf<'embedding'>, st: LayerState, path: string): LayerOutcome {
  if (st.layout !== 'ids') {
    throw new DnnInputError(
      path,
      `embedding takes the network input, a list of L token ids [L], but its input is ${describeShape(st)}; put it first`,
    );
  }
  const shape = [st.shape[0] as number, spec.dim];
  const params = spec.numEmbeddings * spec.dim;
  return {
    shape,
    layout: 'sequence',
    field: st.field,
    weightShape: [spec.numEmbeddings, spec.dim],
    biasShape: null,
    params,
    buffers: 0,
    macs: 0,
    what: `${spec.numEmbeddings} tokens × ${spec.dim} dimensions`,
    maths: [
      eq('output', vec(shape)),
      eq('params', mul(spec.numEmbeddings, spec.dim), params),
      eq('MACs', 0),
      words('(a table lookup)'),
    ],
    notes: [],
  };
}

const GATES = { rnn: 1, lstm: 4, gru: 3 } as const;

/** rnn, lstm, gru over a sequence [L, D]: G·(H·D + H·H + b·H) parameters, G = 1 / 4 / 3. */
export function recurrentLayer(
  spec: SpecOf<'rnn'> | SpecOf<'lstm'> | SpecOf<'gru'>,
  st: LayerState,
  path: string,
): LayerOutcome {
  if (st.layout !== 'sequence' && st.layout !== 'map1d') {
    throw new DnnInputError(
      path,
      `${spec.type} needs a sequence [L, D] (time steps, features), but its input is ${describeShape(st)}`,
    );
  }
  const notes: string[] = [];
  const [steps, d] = (st.layout === 'sequence' ? st.shape : [st.shape[1], st.shape[0]]) as [number, number];
  if (st.layout === 'map1d') {
    notes.push(
      `${path}: the [C, L] feature map is read as L = ${steps} time steps of C = ${d} features (Keras order; PyTorch needs a transpose).`,
    );
  }
  const g = GATES[spec.type];
  const h = spec.hiddenSize;
  const b = spec.bias ? spec.biasesPerGate : 0;
  const params = g * (h * d + h * h + b * h);
  const macs = steps * g * h * (d + h);
  const terms: TexLike[] = [mul(h, d), mul(h, h)];
  if (b > 0) terms.push(b === 1 ? h : mul(b, h));
  const shape = spec.returnSequences ? [steps, h] : [h];
  if (spec.type === 'gru' && b === 1) {
    notes.push(
      `${path}: GRU with one bias per gate; Keras's default GRU (reset_after=True) and PyTorch have two (biasesPerGate: 2), ${g * h} more.`,
    );
  } else if (b === 1) {
    notes.push(
      `${path}: one bias vector per gate (Keras); PyTorch has two (b_ih and b_hh, biasesPerGate: 2), ${g * h} more.`,
    );
  }
  return {
    shape,
    layout: spec.returnSequences ? 'sequence' : 'vector',
    field: null,
    weightShape: null,
    biasShape: null,
    params,
    buffers: 0,
    macs,
    what: `${h} units, ${g} gate${g === 1 ? '' : 's'}, ${steps} steps of ${d} features`,
    maths: [
      eq('output', vec(shape)),
      eq('params', mul(g, add(...terms)), params),
      eq('MACs', mul(steps, g, h, add(d, h)), macs),
    ],
    notes,
  };
}
