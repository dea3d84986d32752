/**
 * TensorFlow.js (CPU backend) as an independent oracle for conv/summary: the
 * same network built with tf.layers, its per-layer parameter counts and output
 * shapes converted to PyTorch order.
 */
import * as tf from '@tensorflow/tfjs';

await tf.setBackend('cpu');

/** A layer spec as conv/summary takes it (the fields the oracle understands). */
export type Spec = Record<string, unknown> & { type: string };

/** What Keras's summary says about one layer, in conv/summary's shape order. */
export interface TfRow {
  outputShape: number[];
  params: number;
  trainable: number;
  nonTrainable: number;
}

const size = (weights: tf.LayerVariable[]) =>
  weights.reduce((t, w) => t + (w.shape as number[]).reduce((p, d) => p * d, 1), 0);
const pair = (x: unknown) => (Array.isArray(x) ? (x as number[]) : [x as number, x as number]);

type Order = 'chw' | 'cl' | 'plain';

/** One summary layer as tf layers (zero padding first when the padding is a number). */
function tfLayers(spec: Spec, order: Order): { layers: tf.layers.Layer[]; order: Order } {
  const numeric = typeof spec.padding === 'number' || Array.isArray(spec.padding);
  const padding = spec.padding === 'same' ? 'same' : 'valid';
  const pre: tf.layers.Layer[] = [];
  if (numeric && pair(spec.padding).some((p) => p > 0)) {
    // tfjs has ZeroPadding2D only: 1-D networks here use "valid" or "same".
    if (spec.type.endsWith('1d')) throw new Error('the tf oracle pads 2-D layers only');
    pre.push(tf.layers.zeroPadding2d({ padding: pair(spec.padding) as [number, number] }));
  }
  const L = tf.layers;
  switch (spec.type) {
    case 'conv2d':
      return {
        layers: [
          ...pre,
          L.conv2d({
            filters: spec.outChannels as number,
            kernelSize: spec.kernel as number,
            strides: (spec.stride as number) ?? 1,
            dilationRate: (spec.dilation as number) ?? 1,
            padding,
            useBias: spec.bias !== false,
          }),
        ],
        order: 'chw',
      };
    case 'conv1d':
      return {
        layers: [
          ...pre,
          L.conv1d({
            filters: spec.outChannels as number,
            kernelSize: spec.kernel as number,
            strides: (spec.stride as number) ?? 1,
            padding,
            useBias: spec.bias !== false,
          }),
        ],
        order: 'cl',
      };
    case 'convtranspose2d':
      return {
        layers: [
          L.conv2dTranspose({
            filters: spec.outChannels as number,
            kernelSize: spec.kernel as number,
            strides: (spec.stride as number) ?? 1,
            padding,
            useBias: spec.bias !== false,
          }),
        ],
        order: 'chw',
      };
    case 'maxpool2d':
    case 'avgpool2d': {
      const make = spec.type === 'maxpool2d' ? L.maxPooling2d : L.averagePooling2d;
      const k = spec.kernel as number;
      return { layers: [...pre, make({ poolSize: k, strides: (spec.stride as number) ?? k, padding })], order };
    }
    case 'maxpool1d': {
      const k = spec.kernel as number;
      return {
        layers: [...pre, L.maxPooling1d({ poolSize: k, strides: (spec.stride as number) ?? k, padding })],
        order,
      };
    }
    case 'globalavgpool':
      return { layers: [order === 'chw' ? L.globalAveragePooling2d({}) : L.globalAveragePooling1d()], order: 'plain' };
    case 'batchnorm':
      return { layers: [L.batchNormalization()], order };
    case 'dropout':
      return { layers: [L.dropout({ rate: (spec.p as number) ?? 0.5 })], order };
    case 'flatten':
      return { layers: [L.flatten()], order: 'plain' };
    case 'dense':
      return { layers: [L.dense({ units: spec.units as number, useBias: spec.bias !== false })], order: 'plain' };
    case 'embedding':
      return {
        layers: [L.embedding({ inputDim: spec.numEmbeddings as number, outputDim: spec.dim as number })],
        order: 'plain',
      };
    case 'rnn':
    case 'lstm':
    case 'gru': {
      const make = spec.type === 'rnn' ? L.simpleRNN : spec.type === 'lstm' ? L.lstm : L.gru;
      const cfg = {
        units: spec.hiddenSize as number,
        returnSequences: spec.returnSequences === true,
        useBias: spec.bias !== false,
      };
      return { layers: [make({ ...cfg, recurrentInitializer: 'zeros' })], order: 'plain' };
    }
    default:
      return { layers: [L.activation({ activation: spec.type as 'relu' })], order };
  }
}

/** Converts a tf output shape (batch first, channels last) to conv/summary's order. */
function fromTf(shape: (number | null)[], order: Order): number[] {
  const s = shape.slice(1) as number[];
  if (order === 'chw' && s.length === 3) return [s[2] as number, s[0] as number, s[1] as number];
  if (order === 'cl' && s.length === 2) return [s[1] as number, s[0] as number];
  return s;
}

/**
 * Builds the network with tf.layers and reads Keras's per-layer numbers; the
 * output shapes are those of the tensors the model actually produces on a
 * random input (one sample), not the symbolic ones.
 */
export function tfSummary(input: number[], specs: Spec[]): TfRow[] {
  const order: Order =
    input.length === 3 ? 'chw' : input.length === 2 && !/^(rnn|lstm|gru)$/.test(specs[0]?.type ?? '') ? 'cl' : 'plain';
  const inputShape = (
    order === 'chw' ? [input[1], input[2], input[0]] : order === 'cl' ? [input[1], input[0]] : input
  ) as number[];
  const model = tf.sequential();
  const isIds = specs[0]?.type === 'embedding';
  model.add(tf.layers.inputLayer({ inputShape, ...(isIds ? { dtype: 'int32' } : {}) }));
  let current = order;
  const rows: TfRow[] = [];
  const ends: { layer: tf.layers.Layer; order: Order }[] = [];
  for (const spec of specs) {
    const { layers, order: next } = tfLayers(spec, current);
    for (const l of layers) model.add(l);
    current = next;
    const last = layers[layers.length - 1] as tf.layers.Layer;
    ends.push({ layer: last, order: current });
    rows.push({
      outputShape: [],
      params: last.countParams(),
      trainable: size(last.trainableWeights),
      nonTrainable: size(last.nonTrainableWeights),
    });
  }
  const probe = tf.model({ inputs: model.inputs, outputs: ends.map((e) => e.layer.output as tf.SymbolicTensor) });
  const x = isIds ? tf.zeros([1, ...inputShape], 'int32') : tf.randomNormal([1, ...inputShape]);
  const outputs = probe.predict(x) as tf.Tensor | tf.Tensor[];
  const tensors = Array.isArray(outputs) ? outputs : [outputs];
  tensors.forEach((t, i) => {
    (rows[i] as TfRow).outputShape = fromTf(t.shape, (ends[i] as (typeof ends)[number]).order);
  });
  tf.dispose([x, ...tensors]);
  model.dispose();
  return rows;
}
