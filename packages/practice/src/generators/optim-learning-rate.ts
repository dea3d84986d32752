/** Questions for optim/learning-rate: the best and the largest convergent gradient-descent step on a quadratic. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { polynomial } from './numbers.js';

/** Generator of optim/learning-rate questions: positive-definite quadratics. */
export const optimLearningRateGenerator = defineGenerator({
  id: 'optim/learning-rate',
  generate(rng, difficulty) {
    let expression: string;
    if (difficulty === 'easy') {
      expression = polynomial([
        [1, `0.5*${rng.pick([2, 4, 5, 8, 10, 25])}x^2`],
        [rng.int(-20, 20), 'x'],
        [rng.int(0, 15), ''],
      ]);
    } else if (difficulty === 'medium') {
      expression = polynomial([
        [rng.int(1, 5), 'x^2'],
        [rng.int(1, 5), 'y^2'],
        [rng.int(-6, 6), 'x'],
        [rng.int(-6, 6), 'y'],
      ]);
    } else {
      // a·x² + c·y² + b·x·y with b² < 4ac: positive definite.
      const [a, c] = [rng.int(1, 6), rng.int(1, 6)];
      const limit = Math.floor(Math.sqrt(4 * a * c - 1));
      expression = polynomial([
        [a, 'x^2'],
        [rng.int(-limit, limit), 'x*y'],
        [c, 'y^2'],
        [rng.int(-9, 9), 'x'],
      ]);
    }
    return {
      question: `Gradient descent minimises f = ${expression}. Compute the Hessian and its eigenvalues, the learning rate that converges fastest (1/λmax) and the largest learning rate for which gradient descent still converges.`,
      input: { expression },
    };
  },
  /** Non-trivial: the Hessian has a non-zero eigenvalue. */
  nonTrivial: (a) => nonZero(a.hessianEigenvalues),
});

/** Grading weights of optim/learning-rate: both learning rates, then the Hessian and its eigenvalues (the question asks for both). */
export const optimLearningRateRubric = defineRubric({
  id: 'optim/learning-rate',
  fields: [
    { path: 'maxConvergent', points: 2 },
    { path: 'optimal', points: 2 },
    { path: 'hessian', points: 1 },
    { path: 'hessianEigenvalues', points: 1, unordered: true },
  ],
});
