/** Questions for conv/pool: max or average pooling of a small map, padding conventions at `hard`. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, matrix, show } from './numbers.js';

/** Generator of conv/pool questions. */
export const convPoolGenerator = defineGenerator({
  id: 'conv/pool',
  generate(rng, difficulty) {
    const kind = rng.pick(['max', 'avg'] as const);
    const kernel = difficulty === 'easy' ? 2 : rng.pick([2, 3]);
    const stride = difficulty === 'easy' ? 2 : rng.int(1, kernel);
    const padding = difficulty === 'hard' ? rng.int(0, Math.floor(kernel / 2)) : 0;
    // easy: the windows tile the map exactly.
    const size = difficulty === 'easy' ? 2 * rng.int(2, 3) : rng.int(kernel + 1, difficulty === 'hard' ? 7 : 5);
    const value = () => byDifficulty(difficulty, rng.int(0, 9), rng.int(-5, 9), rng.decimal(-2, 2, 1) + 0);
    const channels = difficulty === 'hard' ? rng.int(1, 2) : 1;
    const input =
      channels === 1 ? matrix(rng, size, size, value) : rng.list(channels, () => matrix(rng, size, size, value));
    const padValue = padding > 0 && rng.chance(0.5) ? 'ignore' : 'zero';
    const paddingWords =
      padding === 0
        ? ''
        : `, padding ${padding} (${padValue === 'zero' ? 'padded cells count as 0' : 'padded cells are ignored, as in PyTorch'})`;
    return {
      question: `Apply ${kind === 'max' ? 'max' : 'average'} pooling with a ${kernel}×${kernel} window, stride ${stride}${paddingWords} to the feature map ${show(input)}. What is the output?`,
      input: { input, kind, kernel, stride, padding, padValue },
    };
  },
  /** Non-trivial: the output is not all zero. */
  nonTrivial: (a) => nonZero(a.output),
});

/** Grading weights of conv/pool: the pooled values, then the shape. */
export const convPoolRubric = defineRubric({
  id: 'conv/pool',
  fields: [
    { path: 'output', points: 3 },
    { path: 'outputShape', points: 1 },
  ],
});
