/**
 * Questions for conv/backprop: a conv layer and a pooling layer (and at `medium`/`hard` an activation and a
 * dense head), a loss or a given output gradient, the gradients of every layer and one SGD step.
 */

import { getPath } from '../compare.js';
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero, positive } from './non-trivial.js';
import { byDifficulty, matrix, show, smallValue } from './numbers.js';

/** Generator of conv/backprop questions. */
export const convBackpropGenerator = defineGenerator({
  id: 'conv/backprop',
  generate(rng, difficulty) {
    const value = () => smallValue(rng, difficulty);
    const channels = difficulty === 'hard' ? rng.int(1, 2) : 1;
    const size = byDifficulty(difficulty, 3, 4, rng.int(4, 5));
    const k = 2;
    const padding = difficulty === 'hard' ? rng.int(0, 1) : 0;
    const map = () => matrix(rng, size, size, value);
    const input = channels === 1 ? map() : rng.list(channels, map);
    const kernel = channels === 1 ? matrix(rng, k, k, value) : [rng.list(channels, () => matrix(rng, k, k, value))];
    const conv: Record<string, unknown> = { type: 'conv', weight: kernel };
    // a small bias, so that the relu rarely silences the whole map
    const b = rng.pick([-0.5, 0, 0.5]);
    if (difficulty !== 'easy') conv.bias = channels === 1 ? b : [b];
    if (padding) conv.padding = padding;
    const convOut = size + 2 * padding - k + 1;
    const pool = difficulty === 'easy' || rng.chance(0.6) ? 'maxpool' : 'avgpool';
    const poolStride = convOut % 2 === 0 ? 2 : 1;
    const layers: Record<string, unknown>[] = [conv, { type: pool, kernel: 2, stride: poolStride }];
    const pooled = Math.floor((convOut - 2) / poolStride) + 1;
    const lr = rng.pick(byDifficulty(difficulty, [1, 0.5], [0.1, 0.5], [0.1, 0.01]));
    let tail = '';
    let lossPart: Record<string, unknown>;
    if (difficulty === 'easy') {
      const shape = pooled === 1 ? [[1]] : matrix(rng, pooled, pooled, () => rng.int(-2, 2));
      lossPart = { gradOutput: shape };
      tail = `The gradient of the loss with respect to the pooling output is ${show(shape)}.`;
    } else {
      const act = rng.pick(difficulty === 'medium' ? (['relu'] as const) : (['relu', 'tanh', 'sigmoid'] as const));
      const n = pooled * pooled;
      layers.push(
        { type: act },
        { type: 'flatten' },
        { type: 'dense', weights: [rng.list(n, value)], bias: [value()] },
      );
      const bce = difficulty === 'hard' && rng.chance(0.5);
      if (bce) layers.push({ type: 'sigmoid' });
      lossPart = bce ? { loss: 'bce', target: [rng.int(0, 1)] } : { loss: 'half-sse', target: [rng.int(-2, 3)] };
      const dense = layers[4] as { weights: number[][]; bias: number[] };
      tail = `Then ${act}, flatten (row by row) and a dense unit with weights ${show(dense.weights[0])} and bias ${show(dense.bias)}${bce ? ' followed by a sigmoid, with binary cross-entropy' : ', with the loss ½(y − t)²'} against the target ${show(lossPart.target)}.`;
    }
    const padWords = padding ? `, zero padding ${padding}` : '';
    const biasWords = conv.bias === undefined ? 'no bias' : `bias ${show(conv.bias)}`;
    return {
      question: `A CNN takes the ${channels === 1 ? '' : `${channels}-channel `}input ${show(input)}. Its conv layer (cross-correlation, stride 1${padWords}) has the kernel ${show(kernel)} and ${biasWords}; then ${pool === 'maxpool' ? 'max' : 'average'} pooling 2×2 with stride ${poolStride} (at a tie, the first maximum in reading order gets the gradient). ${tail} Compute the forward pass, every layer's gradient by backpropagation, and the conv kernel after one SGD step with learning rate ${lr}.`,
      input: { input, layers, ...lossPart, lr },
    };
  },
  /** Non-trivial: the conv kernel gets a non-zero gradient (and the loss, when there is one, is above 0). */
  nonTrivial: (a) => nonZero(getPath(a, 'gradients[0].weight')) && (a.loss === null || positive(a.loss)),
});

const asks = (field: string) => (input: unknown) => (input as Record<string, unknown>)[field] !== undefined;
/** The generator's layer `index` (conv 0, pool 1, then activation 2, flatten 3, dense 4 at medium/hard). */
const layer = (input: unknown, index: number) =>
  ((input as { layers?: Record<string, unknown>[] }).layers ?? [])[index] ?? {};
const convBias = (input: unknown) => layer(input, 0).bias !== undefined;
const dense = (input: unknown) => layer(input, 4).type === 'dense';

/**
 * Grading weights of conv/backprop: the question asks for every layer's gradient — the conv kernel's (and bias's),
 * each layer's gradient with respect to its input (graded per layer), the dense head's — the kernel's update, the
 * forward pass and the loss.
 */
export const convBackpropRubric = defineRubric({
  id: 'conv/backprop',
  fields: [
    { path: 'gradients[0].weight', points: 3 },
    { path: 'gradients[0].bias', points: 1, when: convBias },
    { path: 'gradients[*].input', points: 2 },
    { path: 'gradients[4].weight', points: 1, when: dense },
    { path: 'gradients[4].bias', points: 1, when: dense },
    { path: 'updated[0].weight', points: 2, when: asks('lr') },
    { path: 'activations', points: 2 },
    { path: 'loss', points: 1, when: asks('loss') },
  ],
});
