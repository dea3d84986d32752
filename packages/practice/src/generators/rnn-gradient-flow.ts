/** Questions for rnn/gradient-flow: vanishing or exploding gradients from the recurrent matrix's spectrum. */
import { defineGenerator } from '../generator.js';
import { anyOrder, defineRubric } from '../rubric.js';
import { positive } from './non-trivial.js';
import { byDifficulty, matrix, show } from './numbers.js';

/** Generator of rnn/gradient-flow questions. */
export const rnnGradientFlowGenerator = defineGenerator({
  id: 'rnn/gradient-flow',
  generate(rng, difficulty) {
    let Whh: number[][];
    if (difficulty === 'easy') {
      Whh = [
        [rng.int(-4, 4) / 2, 0],
        [0, rng.int(-4, 4) / 2],
      ];
    } else if (difficulty === 'medium') {
      // r·(rotation by 90°): eigenvalues ±r·i, the lecture's oscillating example.
      const r = rng.pick([0.5, 0.8, 1, 1.2, 1.5, 2]);
      Whh = rng.chance(0.5)
        ? [
            [0, -r],
            [r, 0],
          ]
        : matrix(rng, 2, 2, () => rng.int(-4, 4) / 4);
    } else {
      const H = rng.int(2, 3);
      Whh = matrix(rng, H, H, () => rng.decimal(-1, 1, 2) + 0);
    }
    const steps = byDifficulty(difficulty, rng.pick([2, 5, 10]), rng.pick([5, 10, 20]), rng.int(10, 100));
    const activationGrad = difficulty === 'hard' ? rng.pick([1, 0.25, 0.5]) : 1;
    return {
      question: `An RNN has the recurrent weight matrix Whh = ${show(Whh)}${activationGrad === 1 ? ' and a linear activation' : ` and activation derivatives of ${activationGrad} at every step`}. Compute the eigenvalues and the spectral radius of J = ${activationGrad === 1 ? '' : `${activationGrad}·`}Whh, say whether gradients vanish or explode, and compute the gain ‖J^${steps}‖₂ of a gradient sent back ${steps} steps.`,
      input: { Whh, steps, activationGrad },
    };
  },
  /** Non-trivial: the spectral radius is above 0. */
  nonTrivial: (a) => positive(a.spectralRadius),
});

/** Eigenvalues in any order; real ones may also be written as plain numbers. */
function eigenvalueForms(expected: unknown): unknown[] {
  if (!Array.isArray(expected)) return [];
  const values = expected as { re: number; im: number }[];
  const real = values.every((v) => v.im === 0) ? [values.map((v) => v.re)] : [];
  return [...anyOrder(values), ...real.flatMap((r) => [r, ...anyOrder(r)])];
}

/** Grading weights of rnn/gradient-flow: the spectral radius and the verdict, then the gain and the eigenvalues (any order). */
export const rnnGradientFlowRubric = defineRubric({
  id: 'rnn/gradient-flow',
  fields: [
    { path: 'spectralRadius', points: 2 },
    { path: 'verdict', points: 1 },
    { path: 'gain', points: 1, tolerance: { absolute: 1e-12 } },
    { path: 'eigenvalues', points: 1, equivalents: eigenvalueForms },
  ],
});
