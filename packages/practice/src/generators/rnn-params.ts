/** Questions for rnn/params: parameters of an RNN, LSTM or GRU layer. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { positive } from './non-trivial.js';
import { byDifficulty } from './numbers.js';
import { describeCell, drawCell } from './rnn-cells.js';

/** Generator of rnn/params questions. */
export const rnnParamsGenerator = defineGenerator({
  id: 'rnn/params',
  generate(rng, difficulty) {
    const spec = drawCell(rng, difficulty);
    const hiddenSize = rng.int(1, byDifficulty(difficulty, 8, 64, 1024));
    return {
      question: `How many trainable parameters has ${describeCell(spec)} and a hidden size of ${hiddenSize}? Break the count down into input weights, recurrent weights, biases and the output layer.`,
      input: { ...spec, hiddenSize },
    };
  },
  /** Non-trivial: the count is above 0. */
  nonTrivial: (a) => positive(a.params),
});

/** Grading weights of rnn/params: the total, then the breakdown. */
export const rnnParamsRubric = defineRubric({
  id: 'rnn/params',
  fields: [
    { path: 'params', points: 3 },
    { path: 'breakdown', points: 1 },
  ],
});
