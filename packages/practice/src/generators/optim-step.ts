/** Questions for optim/step: a few steps of SGD, momentum, Adagrad, RMSprop, Adam or Rprop on a small objective. */

import { getPath } from '../compare.js';
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, polynomial, show, smallValue } from './numbers.js';

/** Generator of optim/step questions. */
export const optimStepGenerator = defineGenerator({
  id: 'optim/step',
  generate(rng, difficulty) {
    const optimizer = rng.pick(
      byDifficulty(
        difficulty,
        ['sgd', 'momentum'] as const,
        ['momentum', 'nesterov', 'adagrad', 'rmsprop'] as const,
        ['adam', 'adamw', 'rmsprop', 'rprop', 'nesterov'] as const,
      ),
    );
    const a = rng.int(1, 3);
    const b = rng.int(-3, 3);
    const twoParams = difficulty !== 'easy' && rng.chance(0.6);
    const objective = twoParams
      ? polynomial([
          [a, 'w1^2'],
          [rng.int(1, 4), 'w2^2'],
          [b, 'w1'],
        ])
      : `(${polynomial([
          [a, 'p'],
          [b, ''],
        ])})^2`;
    const params = twoParams
      ? { w1: smallValue(rng, difficulty) || 1, w2: smallValue(rng, difficulty) || -1 }
      : { p: rng.int(-4, 6) || 2 };
    const lr = rng.pick(byDifficulty(difficulty, [0.1, 0.05, 0.01], [0.1, 0.05, 0.01], [0.1, 0.01, 0.001]));
    const steps = byDifficulty(difficulty, rng.int(1, 2), 2, rng.int(2, 3));
    const options: Record<string, number | string | boolean> = {};
    if (optimizer === 'momentum' || optimizer === 'nesterov') options.momentum = rng.pick([0.5, 0.9]);
    if (optimizer === 'adam' || optimizer === 'adamw') {
      Object.assign(options, { beta1: rng.pick([0.9, 0.5]), beta2: rng.pick([0.999, 0.9]) });
      if (rng.chance(0.3)) options.biasCorrection = false;
      if (optimizer === 'adamw') options.weightDecay = rng.pick([0.01, 0.1]);
    }
    if (optimizer === 'rmsprop') options.alpha = rng.pick([0.9, 0.99]);
    const settings = Object.entries(options).map(([k, v]) => `${k} = ${v}`);
    return {
      question: `Minimise f = ${objective} with ${optimizer} (learning rate ${lr}${settings.length ? `, ${settings.join(', ')}` : ''}), starting from ${show(params)}. Give the gradients and the parameters after each of ${steps} step${steps > 1 ? 's' : ''}.`,
      input: { optimizer, lr, params, objective, steps, ...options },
    };
  },
  /** Non-trivial: the start is not a stationary point (the first gradient is not 0). */
  nonTrivial: (a) => nonZero(getPath(a, 'trajectory[0].grads')),
});

/** The parameters after each step, without the starting point (entry 0) a student need not repeat. */
function withoutStart(expected: unknown): unknown[] {
  return Array.isArray(expected) && expected.length > 1 ? [expected.slice(1)] : [];
}

/** The gradients used by the steps, without the one at the final parameters (no step uses it). */
function usedGradients(expected: unknown): unknown[] {
  return Array.isArray(expected) && expected.length > 1 ? [expected.slice(0, -1)] : [];
}

/** Grading weights of optim/step: the final parameters, then the parameters and gradients along the way. */
export const optimStepRubric = defineRubric({
  id: 'optim/step',
  fields: [
    { path: 'final', points: 3 },
    { path: 'trajectory[*].params', points: 1, equivalents: withoutStart },
    { path: 'trajectory[*].grads', points: 1, equivalents: usedGradients },
  ],
});
