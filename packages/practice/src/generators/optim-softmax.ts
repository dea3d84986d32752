/** Questions for optim/softmax: softmax probabilities of a few logits, with a temperature at harder levels. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { varies } from './non-trivial.js';
import { byDifficulty, show } from './numbers.js';

/** Generator of optim/softmax questions. */
export const optimSoftmaxGenerator = defineGenerator({
  id: 'optim/softmax',
  generate(rng, difficulty) {
    const size = rng.int(2, byDifficulty(difficulty, 3, 4, 6));
    const logit = () => byDifficulty(difficulty, rng.int(0, 3), rng.int(-2, 6), rng.decimal(-3, 12, 1) + 0);
    const logits =
      difficulty === 'hard' && rng.chance(0.3) ? rng.list(2, () => rng.list(size, logit)) : rng.list(size, logit);
    const temperature = difficulty === 'easy' ? 1 : rng.pick([1, 1, 0.5, 2, 10]);
    return {
      question: `Compute the softmax probabilities of the logits ${show(logits)}${temperature === 1 ? '' : ` at temperature T = ${temperature} (softmax(z/T))`}.`,
      input: { logits, temperature },
    };
  },
  /** Non-trivial: the probabilities are not all equal. */
  nonTrivial: (a) => varies(a.probabilities),
});

/** Grading weights of optim/softmax: the probabilities. */
export const optimSoftmaxRubric = defineRubric({
  id: 'optim/softmax',
  fields: [{ path: 'probabilities', points: 3 }],
});
