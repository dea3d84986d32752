/** Questions for conv/batchnorm: a mini-batch normalised per feature; exact means and standard deviations at `easy`. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { allPositive } from './non-trivial.js';
import { byDifficulty, matrix, show } from './numbers.js';

/** Generator of conv/batchnorm questions. */
export const convBatchnormGenerator = defineGenerator({
  id: 'conv/batchnorm',
  generate(rng, difficulty) {
    const features = rng.int(2, 3);
    const batch = byDifficulty(difficulty, rng.pick([2, 4]), rng.int(3, 4), rng.int(4, 6));
    let z: number[][];
    if (difficulty === 'easy') {
      // Each feature is m ± d, half the samples on each side: mean m, standard deviation d.
      const columns = rng.list(features, () => {
        const m = rng.int(-5, 10);
        const d = rng.pick([1, 2, 3, 5]);
        const signs =
          batch === 2
            ? rng.pick([
                [1, -1],
                [-1, 1],
              ])
            : rng.pick([
                [1, 1, -1, -1],
                [1, -1, 1, -1],
                [1, -1, -1, 1],
                [-1, 1, 1, -1],
              ]);
        return signs.map((s) => m + s * d);
      });
      z = Array.from({ length: batch }, (_, i) => columns.map((c) => c[i] as number));
    } else {
      z = matrix(rng, batch, features, () => (difficulty === 'medium' ? rng.int(-4, 12) : rng.decimal(-3, 3, 2) + 0));
    }
    const gamma = rng.list(features, () =>
      byDifficulty(difficulty, rng.int(1, 3), rng.int(1, 4) / 2, rng.decimal(0.5, 2, 2)),
    );
    const beta = rng.list(features, () =>
      byDifficulty(difficulty, rng.int(-3, 3), rng.int(-4, 4) / 2, rng.decimal(-1, 1, 2) + 0),
    );
    const eps = difficulty === 'hard' ? rng.pick([0, 1e-5, 1e-3]) : 0;
    const variance = difficulty === 'hard' && rng.chance(0.3) ? 'sample' : 'population';
    return {
      question: `A batch-norm layer receives the mini-batch ${show(z)} (rows are samples, columns features), with γ = ${show(gamma)}, β = ${show(beta)} and ε = ${eps}. Using the ${variance === 'population' ? 'population (biased, divide by N)' : 'sample (unbiased, divide by N − 1)'} variance, compute the per-feature mean and standard deviation, the normalised values and the outputs y = γ·ẑ + β.`,
      input: { z, gamma, beta, eps, variance },
    };
  },
  /** Non-trivial: every feature varies over the batch (variance above 0). */
  nonTrivial: (a) => allPositive(a.var),
});

/** Grading weights of conv/batchnorm: the outputs y, then the normalised values and the statistics. */
export const convBatchnormRubric = defineRubric({
  id: 'conv/batchnorm',
  fields: [
    { path: 'y', points: 3 },
    { path: 'zNorm', points: 1 },
    { path: 'mean', points: 1 },
    { path: 'std', points: 1 },
  ],
});
