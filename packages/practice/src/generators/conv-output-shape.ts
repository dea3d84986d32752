/** Questions for conv/output-shape: one layer's output shape, exact divisions at `easy`. */
import { defineGenerator } from '../generator.js';
import { channelsLast, defineRubric } from '../rubric.js';
import { allPositive } from './non-trivial.js';

/** Generator of conv/output-shape questions. */
export const convOutputShapeGenerator = defineGenerator({
  id: 'conv/output-shape',
  generate(rng, difficulty) {
    const kind = difficulty === 'easy' ? 'conv' : rng.pick(['conv', 'conv', 'maxpool', 'avgpool'] as const);
    const kernel = rng.pick(difficulty === 'hard' ? [1, 3, 5, 7, 11] : [2, 3, 5]);
    const stride = kind === 'conv' ? rng.int(1, difficulty === 'easy' ? 2 : 4) : kernel;
    const padding = kind === 'conv' ? rng.int(0, Math.floor(kernel / 2)) : 0;
    const channels = rng.pick([1, 3, 16, 32, 64]);
    const outs = rng.int(1, difficulty === 'easy' ? 4 : 40) * stride;
    // easy: choose the input so the division is exact; otherwise any size.
    const size =
      difficulty === 'easy' ? outs + kernel - 2 * padding : rng.int(kernel + 2, difficulty === 'hard' ? 512 : 64);
    const input = {
      inputShape: [channels, Math.max(size, kernel), Math.max(size, kernel)],
      kind,
      kernel,
      stride,
      padding,
      ...(kind === 'conv' ? { outChannels: rng.pick([4, 8, 16, 32, 64, 96]) } : {}),
    };
    const layer =
      kind === 'conv'
        ? `${input.outChannels} filters of size ${kernel}×${kernel}, stride ${stride} and padding ${padding}`
        : `${kind === 'maxpool' ? 'max' : 'average'} pooling with a ${kernel}×${kernel} window and stride ${stride}`;
    return {
      question: `A feature map of shape ${input.inputShape.join('×')} (channels × height × width) goes through a layer with ${layer}. What is the shape of its output?`,
      input,
    };
  },
  /** Non-trivial: every output size is above 0. */
  nonTrivial: (a) => allPositive(a.outputShape),
});

/** Grading weights of conv/output-shape: the shape (Keras's channels-last order accepted) is what counts. */
export const convOutputShapeRubric = defineRubric({
  id: 'conv/output-shape',
  fields: [{ path: 'outputShape', points: 2, equivalents: channelsLast }],
});
