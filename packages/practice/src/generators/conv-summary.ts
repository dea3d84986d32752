/** Questions for conv/summary: a LeNet/VGG-style stack of conv–pool blocks with a dense head. */

import { getPath } from '../compare.js';
import { defineGenerator } from '../generator.js';
import { channelsLastEach, defineRubric } from '../rubric.js';
import { allPositive, nonEmpty } from './non-trivial.js';
import { byDifficulty } from './numbers.js';

type Layer = Record<string, unknown> & { type: string };

/** The words for one layer in the question. */
function describe(layer: Layer): string {
  switch (layer.type) {
    case 'conv2d':
      return `conv ${layer.outChannels} filters ${layer.kernel}×${layer.kernel}, stride ${layer.stride}, padding ${layer.padding}`;
    case 'maxpool2d':
      return `max-pool ${layer.kernel}×${layer.kernel} (stride ${layer.kernel})`;
    case 'dense':
      return `dense ${layer.units} units`;
    case 'dropout':
      return `dropout p = ${layer.p}`;
    default:
      return layer.type;
  }
}

/** Generator of conv/summary questions. */
export const convSummaryGenerator = defineGenerator({
  id: 'conv/summary',
  generate(rng, difficulty) {
    const channels = rng.pick([1, 3]);
    let size = byDifficulty(difficulty, rng.pick([16, 28, 32]), rng.pick([28, 32, 64, 100]), rng.int(48, 256));
    const shape = [channels, size, size];
    const layers: Layer[] = [];
    const blocks = byDifficulty(difficulty, 2, rng.int(2, 3), rng.int(2, 4));
    let filters = rng.pick([4, 6, 8, 16, 32]);
    for (let b = 0; b < blocks; b++) {
      const kernel = rng.pick(difficulty === 'easy' ? [3, 5] : [1, 3, 5, 7]);
      const same = difficulty === 'easy' || rng.chance(0.5);
      const padding = same ? (kernel - 1) / 2 : rng.int(0, (kernel - 1) / 2);
      const stride = difficulty === 'hard' && rng.chance(0.25) ? 2 : 1;
      const out = Math.floor((size + 2 * padding - kernel) / stride) + 1;
      if (out < 2) break;
      layers.push({ type: 'conv2d', outChannels: filters, kernel, stride, padding });
      if (difficulty === 'hard' && rng.chance(0.4)) layers.push({ type: 'batchnorm' });
      layers.push({ type: 'relu' });
      size = out;
      if (size >= 2) {
        layers.push({ type: 'maxpool2d', kernel: 2 });
        size = Math.floor(size / 2);
      }
      filters *= 2;
    }
    layers.push({ type: 'flatten' });
    if (difficulty !== 'easy' && rng.chance(0.5)) layers.push({ type: 'dropout', p: 0.5 });
    layers.push({ type: 'dense', units: rng.pick([16, 32, 64, 120, 128]) }, { type: 'relu' });
    layers.push({ type: 'dense', units: rng.pick([2, 10]) });
    return {
      question: `A network takes inputs of shape ${shape.join('×')} (channels × height × width) and has the layers ${layers.map(describe).join(' → ')}. Give the output shape and the number of parameters of every layer, the total number of parameters and the number of multiplications of one forward pass.`,
      input: { input: shape, layers },
    };
  },
  /** Non-trivial: there are layers and every output size is above 0. */
  nonTrivial: (a) => nonEmpty(a.layers) && allPositive(getPath(a, 'layers[*].outputShape')),
});

/** Grading weights of conv/summary: shapes and parameter counts per layer, then the totals. */
export const convSummaryRubric = defineRubric({
  id: 'conv/summary',
  fields: [
    { path: 'layers[*].outputShape', points: 2, equivalents: channelsLastEach },
    { path: 'layers[*].params', points: 2 },
    { path: 'totalParams', points: 2 },
    { path: 'totalMacs', points: 1 },
  ],
});
