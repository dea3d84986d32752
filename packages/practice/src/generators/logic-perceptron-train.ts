/** Questions for logic/perceptron-train: the perceptron learning rule, sample by sample. */

import { getPath } from '../compare.js';
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, show, shuffle } from './numbers.js';

/** Truth tables the exams train on. */
const FUNCTIONS: Record<string, (a: number, b: number) => boolean> = {
  AND: (a, b) => a === 1 && b === 1,
  OR: (a, b) => a === 1 || b === 1,
  NAND: (a, b) => !(a === 1 && b === 1),
  'a AND NOT b': (a, b) => a === 1 && b !== 1,
};

/** Generator of logic/perceptron-train questions. */
export const logicPerceptronTrainGenerator = defineGenerator({
  id: 'logic/perceptron-train',
  generate(rng, difficulty) {
    const name = rng.pick(Object.keys(FUNCTIONS));
    const f = FUNCTIONS[name]!;
    const activation = rng.pick(['sign', 'step'] as const);
    const bipolar = activation === 'sign' && rng.chance(0.5);
    const low = bipolar ? -1 : 0;
    const rows = [
      [low, low],
      [low, 1],
      [1, low],
      [1, 1],
    ];
    const order = difficulty === 'easy' ? rows : shuffle(rng, rows);
    const t = (x: number[]) => (f(x[0]!, x[1]!) ? 1 : activation === 'sign' ? -1 : 0);
    const samples = order.map((x) => ({ x, t: t(x) }));
    const w = () => byDifficulty(difficulty, rng.int(-2, 2), rng.int(-10, 10) / 10, rng.decimal(-1, 1, 2) + 0) + 0;
    const weights = [w(), w()];
    const bias = w();
    const lr = rng.pick(byDifficulty(difficulty, [1, 0.5], [0.5, 0.1, 0.2], [0.1, 0.25, 0.6, 0.05]));
    const epochs = byDifficulty(difficulty, 1, rng.int(1, 2), rng.int(1, 3));
    const rule =
      activation === 'sign' ? 'y = sign(w·x + b) (+1 when ≥ 0, else −1)' : 'y = step(w·x + b) (1 when > 0, else 0)';
    return {
      question: `Train a perceptron ${rule} on ${name} with the samples ${show(samples.map((s) => `${show(s.x)} → ${s.t}`))}, in this order, by the rule Δw = η(t − y)x, Δb = η(t − y), with η = ${lr}, starting from w = ${show(weights)} and b = ${bias}. Give the weights and bias after ${epochs} epoch${epochs > 1 ? 's' : ''}. Has it converged?`,
      input: { samples, weights, bias, lr, epochs, activation },
    };
  },
  /** Non-trivial: training changes the weights at least once. */
  nonTrivial: (a) => nonZero(getPath(a, 'epochs[*].rows[*].db')),
});

/** Grading weights of logic/perceptron-train: the final weights and bias, then convergence. */
export const logicPerceptronTrainRubric = defineRubric({
  id: 'logic/perceptron-train',
  fields: [
    { path: 'weights', points: 2 },
    { path: 'bias', points: 1 },
    { path: 'converged', points: 1 },
  ],
});
