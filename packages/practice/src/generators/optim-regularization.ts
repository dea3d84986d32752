/** Questions for optim/regularization: L1/L2 closed forms on a diagonal quadratic, the zeroing α, a penalised step. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, show } from './numbers.js';

/** Generator of optim/regularization questions: the ½ form with integers at `easy`, forms and steps later. */
export const optimRegularizationGenerator = defineGenerator<Record<string, unknown>>({
  id: 'optim/regularization',
  generate(rng, difficulty) {
    const kind = rng.pick(['l1', 'l2'] as const);
    const name = kind === 'l1' ? 'L1 penalty α·Σ|θᵢ|' : 'L2 penalty (α/2)·‖θ‖²';
    const n = rng.int(2, byDifficulty(difficulty, 2, 3, 4));
    if (difficulty === 'hard' && rng.chance(0.4)) {
      const weights = rng.list(n, () => rng.int(-4, 4) / 2 + 0);
      const gradient = rng.list(n, () => rng.int(-6, 6) / 10 + 0);
      const alpha = rng.pick([0.01, 0.05, 0.1, 0.5]);
      const lr = rng.pick([0.1, 0.5, 1]);
      return {
        question: `Weights w = ${show(weights)} have loss gradient g = ${show(gradient)}. Take one gradient step with learning rate ${lr} on the loss plus the ${name} with α = ${alpha}${kind === 'l1' ? ' (sign(0) = 0)' : ''}. What are the new weights?`,
        input: { kind, alpha, weights, gradient, lr },
      };
    }
    const hessianDiagonal = rng.list(n, () =>
      rng.pick(byDifficulty(difficulty, [1, 2, 4], [0.5, 1, 2, 3], [0.5, 1, 1.5, 2, 5])),
    );
    const optimum = rng.list(n, () => rng.int(-8, 8) / 2 + 0);
    const alpha = rng.pick(byDifficulty(difficulty, [1, 2], [0.5, 1, 2, 3], [0.25, 0.5, 1, 2, 4]));
    const quadraticForm = difficulty === 'easy' || rng.chance(0.5) ? 'half' : 'full';
    const quad = quadraticForm === 'half' ? '½·Σ Hᵢ(θᵢ − θ*ᵢ)²' : 'Σ Hᵢ(θᵢ − θ*ᵢ)² (no ½)';
    return {
      question: `Minimise ${quad} + ${name} with H = ${show(hessianDiagonal)}, θ* = ${show(optimum)} and α = ${alpha}. What is the regularised solution θ̃?${kind === 'l1' ? ' For each weight, from which α on is it exactly 0, and which α zeroes all of them?' : ''}`,
      input: { kind, alpha, hessianDiagonal, optimum, quadraticForm },
    };
  },
  /** Non-trivial: the regularised weights are not all zero. */
  nonTrivial: (a) => nonZero(a.solution ?? a.updated),
});

const quadratic = (input: unknown) => (input as { hessianDiagonal?: unknown }).hessianDiagonal !== undefined;
const l1Quadratic = (input: unknown) => quadratic(input) && (input as { kind: string }).kind === 'l1';

/** Grading weights of optim/regularization: the solution, the thresholds for L1, or the updated weights. */
export const optimRegularizationRubric = defineRubric({
  id: 'optim/regularization',
  fields: [
    { path: 'solution', points: 3, when: quadratic },
    { path: 'threshold', points: 1, when: l1Quadratic },
    { path: 'zeroAllAlpha', points: 1, when: l1Quadratic },
    { path: 'updated', points: 3, when: (input) => !quadratic(input) },
    { path: 'penaltyGradient', points: 1, when: (input) => !quadratic(input) },
  ],
});
