/** Questions for conv/forward: a small image and kernel by hand; channels, stride and padding at harder levels. */
import { defineGenerator } from '../generator.js';
import { defineRubric, squeezed } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, matrix, show, smallValue } from './numbers.js';

/** Generator of conv/forward questions. */
export const convForwardGenerator = defineGenerator({
  id: 'conv/forward',
  generate(rng, difficulty) {
    const k = byDifficulty(difficulty, rng.pick([2, 3]), rng.pick([2, 3]), rng.pick([1, 2, 3]));
    // easy: at most a 2×2 output of 3×3 windows, or 3×3 of 2×2 windows.
    const size = k + rng.int(1, byDifficulty(difficulty, k === 3 ? 1 : 2, 3, 4));
    const pixel = () => byDifficulty(difficulty, rng.int(0, 4), rng.int(-2, 5), rng.int(-9, 9));
    const tap = () => smallValue(rng, difficulty === 'hard' ? 'medium' : 'easy');
    const channels = difficulty === 'hard' ? rng.int(1, 2) : 1;
    const filters = difficulty === 'hard' ? rng.int(1, 2) : 1;
    const stride = difficulty === 'easy' ? 1 : rng.pick([1, 1, 2]);
    const padding = difficulty === 'easy' ? 0 : rng.int(0, Math.floor(k / 2));
    const rank2 = channels === 1 && filters === 1;
    const input = rank2 ? matrix(rng, size, size, pixel) : rng.list(channels, () => matrix(rng, size, size, pixel));
    const weight = rank2
      ? matrix(rng, k, k, tap)
      : rng.list(filters, () => rng.list(channels, () => matrix(rng, k, k, tap)));
    const bias = difficulty !== 'easy' && rng.chance(0.5) ? rng.list(filters, () => rng.int(-2, 2)) : undefined;
    const flip = difficulty === 'hard' && rng.chance(0.3);
    return {
      question: `Compute the ${flip ? 'true convolution (kernel rotated by 180°)' : 'convolution (cross-correlation, as in PyTorch)'} of the input ${show(input)}${rank2 ? '' : ' ([C][H][W])'} with the kernel ${show(weight)}${rank2 ? '' : ' ([Cout][Cin][kH][kW])'}, stride ${stride}, zero padding ${padding}${bias ? ` and bias ${show(bias)}` : ''}.`,
      input: { input, weight, stride, padding, flip, ...(bias ? { bias } : {}) },
    };
  },
  /** Non-trivial: the output is not all zero. */
  nonTrivial: (a) => nonZero(a.output),
});

/** Grading weights of conv/forward: the output values, then its shape (one filter's output may drop its channel axis). */
export const convForwardRubric = defineRubric({
  id: 'conv/forward',
  fields: [
    { path: 'output', points: 3, equivalents: squeezed },
    { path: 'outputShape', points: 1, equivalents: squeezed },
  ],
});
