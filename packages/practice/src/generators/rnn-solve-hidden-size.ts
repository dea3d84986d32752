/** Questions for rnn/solve-hidden-size: the hidden size from a layer's parameter count (a quadratic in H). */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { positive } from './non-trivial.js';
import { byDifficulty } from './numbers.js';
import { countParams, describeCell, drawCell } from './rnn-cells.js';

/** Generator of rnn/solve-hidden-size questions: the total is that of a whole hidden size, so a root exists. */
export const rnnSolveHiddenSizeGenerator = defineGenerator({
  id: 'rnn/solve-hidden-size',
  generate(rng, difficulty) {
    const spec = drawCell(rng, difficulty);
    const totalParams = countParams(spec, rng.int(1, byDifficulty(difficulty, 10, 64, 1024)));
    return {
      question: `${describeCell(spec).replace(/^a/, 'A')} has ${totalParams} trainable parameters in total. What is its hidden size?`,
      input: { ...spec, totalParams },
    };
  },
  /** Non-trivial: the hidden size is above 0. */
  nonTrivial: (a) => positive(a.hiddenSize),
});

/** Grading weights of rnn/solve-hidden-size: the hidden size. */
export const rnnSolveHiddenSizeRubric = defineRubric({
  id: 'rnn/solve-hidden-size',
  fields: [{ path: 'hiddenSize', points: 2 }],
});
