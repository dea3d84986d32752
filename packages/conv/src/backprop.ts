/**
 * conv/backprop — forward and backward pass of a small CNN given its
 * weights: conv, pooling, activations, flatten and dense layers composed from
 * the layer engine (layer-pass-*.ts), a loss from optim/loss or a given output
 * gradient, each layer's local gradient, and an optional SGD step.
 */
import { a, checkLimit, DnnInputError, defineSolver, eq, type Step, step } from '@dnn/core';
import { computeLoss, sigmoid } from '@dnn/optim';
import * as z from 'zod/mini';
import { DENSE_HEAD, TIE_SPLIT, TUM_EXAM } from './backprop-examples.js';
import { type BackpropInput, type BackpropLayer, backpropInput } from './backprop-input.js';
import {
  gradSym,
  type LayerGradients,
  type LayerPass,
  layerSym,
  nested,
  type PassContext,
  type Value,
  valueSteps,
} from './layer-pass.js';
import { convPass, filterWords } from './layer-pass-conv.js';
import { activationPass, densePass, flattenPass } from './layer-pass-dense.js';
import { poolPass } from './layer-pass-pool.js';
import { arrayOf, checkFinite, numbers, toTensor } from './tensor.js';

/**
 * Most answer values (activations, gradients, updated parameters) of one request, below the catalog's 10⁷ output
 * cells: twelve ReLU layers on a 500×500 map (9.3·10⁶ values) took 2.7 s CPU, the answer's arrays and their JSON.
 */
const ANSWER_VALUES = 3e6;

/** A vector, a [H][W] matrix or a [C][H][W] tensor, by the value's rank. */
const valueField = (title: string, description: string) =>
  a.field(
    'tensor',
    z.union([
      a.vector(title, `${description} A vector after flatten or dense.`),
      a.matrix(title, `${description} [H][W] for a one-channel problem given as [H][W].`, { axes: ['H', 'W'] }),
      a.tensor(title, `${description} [C][H][W].`, { axes: ['C', 'H', 'W'] }),
    ]),
    title,
    `${description} A vector, [H][W] or [C][H][W] as the layer's value.`,
    { axes: ['C', 'H', 'W'] },
  );

/** A weight: a dense [out][in] or conv [kH][kW] matrix, or a conv [Cout][Cin][kH][kW] list of tensors. */
const paramField = (title: string, description: string) =>
  a.field(
    'matrix',
    z.union([
      a.matrix(title, `${description} Dense [out][in], or a conv kernel given as [kH][kW].`),
      a.list(
        a.tensor(title, 'One filter: [Cin][kH][kW].', { axes: ['Cin', 'kH', 'kW'] }),
        title,
        `${description} Conv [Cout][Cin][kH][kW].`,
      ),
    ]),
    title,
    `${description} In the shape the weight was given.`,
  );

const answer = a.answer({
  activations: a.list(
    valueField('Activation', 'The output of one layer.'),
    'Activations',
    'The output of every layer, input side first (the network input excluded); the last is the network output.',
  ),
  loss: z.nullable(a.scalar('Loss L', 'The loss of the output against the target; null when gradOutput was given.')),
  outputGradient: valueField(
    '∂L/∂output',
    'The gradient of the loss w.r.t. the last layer’s output (gradOutput, or the loss’s gradient).',
  ),
  gradients: a.table(
    a.answer({
      type: a.text('Layer', 'The layer type.'),
      input: valueField('∂L/∂input', '∂L/∂ this layer’s input, in the input’s shape.'),
      weight: z.optional(paramField('∂L/∂W', 'Conv and dense layers: ∂L/∂ the weight.')),
      bias: z.optional(
        z.nullable(a.vector('∂L/∂b', 'Conv and dense layers: ∂L/∂ the bias; null for a layer without bias.')),
      ),
      routing: z.optional(
        a.table(
          a.answer({
            output: a.shape('Output cell', '[c, y, x] of the pooled map ([y, x] for a [H][W] problem).'),
            inputs: a.field(
              'list',
              z.array(z.array(z.number().check(z.int()))),
              'Receiving input cells',
              'The input cells [c, row, col] that receive a share of its gradient; empty when a padded cell won.',
            ),
            share: a.scalar('Share', 'The fraction each receives: 1, or 1/k at a k-way tie with maxTie "split".'),
            padded: a.count('Padded winners', 'Winning cells that are padding: their shares are lost.'),
          }),
          'Max-pool routing',
          'Max-pool layers: where each output cell’s gradient goes, in reading order of the output.',
        ),
      ),
    }),
    'Gradients',
    'One row per layer, input side first: ∂L/∂input, and ∂L/∂weight, ∂L/∂bias for conv and dense layers.',
    { columns: ['type', 'input', 'weight', 'bias'] },
  ),
  updated: z.optional(
    a.list(
      z.nullable(
        a.record(
          {
            weight: paramField('Updated W', 'W − η·∂L/∂W.'),
            bias: z.nullable(a.vector('Updated b', 'b − η·∂L/∂b; null for a layer without bias.')),
          },
          'Updated parameters',
          'A conv or dense layer after one SGD step.',
        ),
      ),
      'Updated parameters',
      'With lr: one entry per layer, {weight, bias} after W ← W − η·∂L/∂W for conv and dense layers, null for the others.',
    ),
  ),
});

/** The answer of conv/backprop. */
export type BackpropAnswer = z.output<typeof answer>;

/** Runs one layer forward, by its type. */
function runLayer(spec: BackpropLayer, x: Value, ctx: PassContext): LayerPass {
  switch (spec.type) {
    case 'conv':
      return convPass(spec, x, ctx);
    case 'maxpool':
    case 'avgpool':
      return poolPass(spec, x, ctx);
    case 'relu':
    case 'sigmoid':
    case 'tanh':
      return activationPass(spec.type, x, ctx);
    case 'flatten':
      return flattenPass(x, ctx);
    case 'dense':
      return densePass(spec, x, ctx);
  }
}

/** The shape without leading 1s, so [1, 2, 2] and [2, 2] match. */
const core = (shape: readonly number[]) => {
  const i = shape.findIndex((d) => d !== 1);
  return (i < 0 ? [] : shape.slice(i)).join('×');
};

/** A gradOutput or target checked against the network output's shape. */
function readLike(value: unknown, path: string, out: Value): Float64Array {
  const t = toTensor(value as never, path);
  if (core(t.shape) !== core(out.shape)) {
    throw new DnnInputError(
      path,
      `has shape [${t.shape.join(', ')}] but the network output has shape [${out.shape.join(', ')}]`,
    );
  }
  return t.data;
}

/** ∂L/∂output from gradOutput, or from the loss; with the loss value and its steps. */
function startGradient(inp: BackpropInput, out: Value, last: number, logits: Value | null) {
  const hasGrad = inp.gradOutput !== undefined;
  if (hasGrad && (inp.loss !== undefined || inp.target !== undefined)) {
    throw new DnnInputError('gradOutput', 'give either gradOutput, or loss with target, not both');
  }
  if (hasGrad) {
    const g = readLike(inp.gradOutput, 'gradOutput', out);
    return {
      g,
      loss: null,
      steps: valueSteps('Given gradient of the loss w.r.t. the network output', () => gradSym('Y', last), g, out.shape),
      notes: [],
      fused: null,
    };
  }
  if (inp.loss === undefined) {
    throw new DnnInputError(
      inp.target === undefined ? 'gradOutput' : 'loss',
      inp.target === undefined
        ? 'is required: give gradOutput (∂L/∂output), or loss with target'
        : 'is required with target: the loss kind, e.g. "mse" or "bce"',
    );
  }
  if (inp.target === undefined) throw new DnnInputError('target', `is required with loss "${inp.loss}"`);
  const t = readLike(inp.target, 'target', out);
  const r = computeLoss(
    { kind: inp.loss, reduction: inp.reduction, logBase: inp.logBase, logZero: inp.logZero },
    {
      predictions: { rows: [numbers(out.data)], kind: 'scalar' },
      targets: { rows: [numbers(t)], kind: 'scalar' },
      paths: { predictions: `layers[${last - 1}]`, targets: 'target' },
      ...(logits ? { logits: [numbers(logits.data)] } : {}),
    },
  );
  const fused = logits && r.logitsGradient ? Float64Array.from(r.logitsGradient[0] as number[]) : null;
  // From the logits, ∂L/∂p = (∂L/∂z)/(σ(z)·σ(−z)) stays finite where σ(z) rounds to exactly 0 or 1.
  const grad = fused
    ? arrayOf(fused.length, (i) => {
        const z = logits?.data[i] as number;
        const g = (fused[i] as number) / (sigmoid(z) * sigmoid(-z));
        return Number.isFinite(g) ? g : null;
      })
    : (r.gradient[0] as (number | null)[]);
  const bad = grad.indexOf(null);
  if (bad >= 0) {
    throw new DnnInputError(
      'target',
      `output value ${bad} is exactly ${out.data[bad]} where log is taken with a non-zero target: log(0) has an infinite derivative, so no gradient exists`,
    );
  }
  // A step's three fields named rather than `...s` (an object spread costs ≈ 0.7 µs in V8).
  const steps = [...r.steps, ...r.gradientSteps].map((s) => ({
    title: `Loss: ${s.title}`,
    text: `Loss: ${s.text}`,
    latex: s.latex,
  }));
  const notes = [...r.notes];
  if ((inp.loss === 'cross-entropy' || inp.loss === 'softmax-cross-entropy') && out.shape.length > 1) {
    notes.push(
      `${inp.loss}: the output map is read as one sample whose classes are all its ${out.data.length} values.`,
    );
  }
  return { g: Float64Array.from(grad as number[]), loss: r.loss, steps, notes, fused };
}

/** conv/backprop: forward, loss, backward through every layer, and an optional SGD step. */
export const backprop = defineSolver({
  id: 'conv/backprop',
  title: 'Backpropagation through conv, pooling and dense layers',
  description:
    'Forward and backward pass of a small CNN given its weights — conv (cross-correlation), max and average pooling, relu, sigmoid, tanh, flatten, dense — from a given output gradient or a loss with a target: every layer’s local gradient, the routing of max-pool gradients, ∂L/∂input, ∂L/∂W, ∂L/∂b per layer, and the parameters after one SGD step.',
  input: backpropInput,
  answer,
  solveParsed(inp) {
    const x0 = toTensor(inp.input, 'input');
    let macs = 0;
    let cells = x0.data.length;
    const steps: Step[] = [];
    const notes = new Set<string>();
    const passes: LayerPass[] = [];
    let v: Value = { data: x0.data, shape: x0.shape };
    for (const [l, spec] of inp.layers.entries()) {
      const path = `layers[${l}]`;
      const ctx: PassContext = {
        n: l + 1,
        path,
        reluGradAtZero: inp.reluGradAtZero,
        maxTie: inp.maxTie,
        charge(m, c) {
          macs += m;
          cells += c;
          checkLimit(path, 'multiplyAdds', macs, 'the forward and backward multiply-adds');
          checkLimit(
            path,
            'outputCells',
            cells,
            'the answer size (activations, gradients, updated parameters)',
            ANSWER_VALUES,
          );
        },
      };
      const pass = runLayer(spec, v, ctx);
      passes.push(pass);
      steps.push(...pass.steps);
      for (const note of pass.notes) notes.add(`layers[${l}]: ${note}`);
      v = pass.output;
    }
    const L = passes.length;
    // sigmoid then bce: the loss and ∂L/∂z are taken from the logits z (stable where σ(z) rounds to 0 or 1).
    const fuse = inp.loss === 'bce' && inp.layers[L - 1]?.type === 'sigmoid';
    const logits = fuse ? (L === 1 ? { data: x0.data, shape: x0.shape } : (passes[L - 2] as LayerPass).output) : null;
    const start = startGradient(inp, v, L, logits);
    steps.push(...start.steps);
    for (const note of start.notes) notes.add(note);

    const grads: LayerGradients[] = new Array(L);
    let g = start.g;
    for (let l = L - 1; l >= 0; l--) {
      const r =
        start.fused && l === L - 1 ? fusedSigmoid(start.fused, L, v.shape) : (passes[l] as LayerPass).backward(g);
      grads[l] = r;
      steps.push(...r.steps);
      g = r.input;
    }
    const layerInput = (l: number): readonly number[] =>
      l === 0 ? x0.shape : (passes[l - 1] as LayerPass).output.shape;
    const gradients = passes.map((p, l) => {
      const r = grads[l] as LayerGradients;
      const row: BackpropAnswer['gradients'][number] = {
        type: (inp.layers[l] as BackpropLayer).type,
        input: nested(r.input, layerInput(l)) as number[],
      };
      if (p.params && r.weight) {
        row.weight = nested(r.weight, p.params.weight.shape) as number[][];
        row.bias = r.bias ? (nested(r.bias, [r.bias.length]) as number[]) : null;
      }
      if (r.routing) row.routing = r.routing;
      return row;
    });
    const out: BackpropAnswer = {
      activations: passes.map((p) => nested(p.output.data, p.output.shape) as number[]),
      loss: start.loss,
      outputGradient: nested(start.g, v.shape) as number[],
      gradients,
    };
    if (inp.lr !== undefined) out.updated = update(inp.lr, passes, grads, steps);
    notes.add(
      'Conv layers compute cross-correlation (the kernel is not flipped), as PyTorch, TensorFlow and conv/forward.',
    );
    if (inp.layers.some((ly) => ly.type === 'maxpool')) {
      notes.add(
        inp.maxTie === 'first'
          ? 'maxTie "first": at a tie the whole gradient goes to the first maximum in row-major order (PyTorch and TensorFlow); "split" shares it equally.'
          : 'maxTie "split": tied maxima share the gradient equally; PyTorch and TensorFlow give it all to the first maximum ("first").',
      );
    }
    if (
      inp.layers.some(
        (ly) => (ly.type === 'maxpool' || ly.type === 'avgpool') && ly.padding !== 0 && ly.padding !== 'valid',
      )
    ) {
      notes.add(
        'Pooling padValue "zero" (the default) lets padded zeros take part (a padded cell can win a max, and its gradient is lost); "ignore" is PyTorch’s −∞ padding.',
      );
    }
    if (inp.layers.some((ly) => ly.type === 'relu'))
      notes.add(`ReLU′(0) = ${inp.reluGradAtZero} (reluGradAtZero; PyTorch and TF use 0).`);
    return { answer: out, steps, notes: [...notes] };
  },
  examples: [TUM_EXAM, TIE_SPLIT, DENSE_HEAD],
});

/** One SGD step of every conv and dense layer, with its steps. */
function update(lr: number, passes: LayerPass[], grads: LayerGradients[], steps: Step[]): BackpropAnswer['updated'] {
  steps.push(step(`SGD update with η = ${lr}`, eq('W', 'W − η·∂L/∂W'), eq('b', 'b − η·∂L/∂b')));
  return passes.map((p, l) => {
    const r = grads[l] as LayerGradients;
    if (!p.params || !r.weight) return null;
    const n = l + 1;
    const step1 = (v: Value, gr: Float64Array) => v.data.map((w, i) => w - lr * (gr[i] as number));
    const w = step1(p.params.weight, r.weight);
    checkFinite(w, 'lr', 'an updated weight');
    const b = p.params.bias && r.bias ? step1(p.params.bias, r.bias) : null;
    if (b) checkFinite(b, 'lr', 'an updated bias');
    const wShape = p.params.weight.shape;
    const C = wShape.length === 4 ? (wShape[1] as number) : 1;
    const shown =
      wShape.length === 4
        ? [(wShape[0] as number) * (wShape[1] as number), wShape[2] as number, wShape[3] as number]
        : wShape;
    steps.push(
      ...valueSteps(
        `Layer ${n}: updated weight`,
        (k) => (k === null ? layerSym('W', n) : layerSym('W', n, Math.floor(k / C), k % C)),
        w,
        shown,
        filterWords(C),
      ),
    );
    if (b) steps.push(...valueSteps(`Layer ${n}: updated bias`, () => layerSym('b', n), b, [b.length]));
    return { weight: nested(w, wShape) as number[][], bias: b ? (nested(b, [b.length]) as number[]) : null };
  });
}

/** The last layer's gradient when sigmoid and bce combine: ∂L/∂z = (σ(z) − t)/N, from the logits. */
function fusedSigmoid(gz: Float64Array, n: number, shape: readonly number[]): LayerGradients {
  return {
    input: gz,
    steps: [
      step(
        `Layer ${n} (sigmoid) with bce: σ′ cancels the loss's denominator, ∂L/∂z = (σ(z) − t), divided by N for the mean (computed from z, stable when σ(z) saturates)`,
      ),
      ...valueSteps(
        `Layer ${n}: gradient sent back to its input`,
        (c) => (c === null ? gradSym('X', n) : gradSym('X', n, c)),
        gz,
        shape,
      ),
    ],
  };
}
