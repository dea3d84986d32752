/** Questions for optim/batches: iterations per epoch and in total for a mini-batch size. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { positive } from './non-trivial.js';
import { byDifficulty } from './numbers.js';

/** Generator of optim/batches questions. */
export const optimBatchesGenerator = defineGenerator({
  id: 'optim/batches',
  generate(rng, difficulty) {
    const batchSize = rng.pick(
      byDifficulty(difficulty, [10, 20, 25, 50, 100], [16, 32, 64, 100, 128], [32, 64, 128, 256, 500]),
    );
    const samples = byDifficulty(
      difficulty,
      batchSize * rng.int(2, 40),
      rng.pick([1000, 2000, 5000, 10000, 60000]),
      rng.int(batchSize, 1_000_000),
    );
    const epochs = rng.int(1, byDifficulty(difficulty, 10, 20, 100));
    const dropLast = difficulty !== 'easy' && rng.chance(0.4);
    return {
      question: `A training set of ${samples} samples is used with mini-batches of ${batchSize}${dropLast ? ', dropping the last incomplete batch' : ''}, for ${epochs} epoch${epochs > 1 ? 's' : ''}. How many iterations (parameter updates) are there per epoch and in total, and how large is the last batch of an epoch?`,
      input: { samples, batchSize, epochs, dropLast },
    };
  },
  /** Non-trivial: an epoch has iterations. */
  nonTrivial: (a) => positive(a.iterationsPerEpoch),
});

/** Grading weights of optim/batches: the iteration counts, then the last batch. */
export const optimBatchesRubric = defineRubric({
  id: 'optim/batches',
  fields: [
    { path: 'iterationsPerEpoch', points: 2 },
    { path: 'totalIterations', points: 2 },
    { path: 'lastBatchSize', points: 1 },
  ],
});
