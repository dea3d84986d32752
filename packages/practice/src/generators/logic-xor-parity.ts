/** Questions for logic/xor-parity: perceptron counts of n-input parity networks. */

import { getPath } from '../compare.js';
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { positive } from './non-trivial.js';
import { byDifficulty } from './numbers.js';

/** Generator of logic/xor-parity questions. */
export const logicXorParityGenerator = defineGenerator({
  id: 'logic/xor-parity',
  generate(rng, difficulty) {
    const n = rng.int(2, byDifficulty(difficulty, 4, 8, 12));
    const kind = difficulty === 'easy' ? 'xor' : rng.pick(['xor', 'xnor'] as const);
    return {
      question: `The ${n}-input ${kind.toUpperCase()} (${kind === 'xor' ? 'odd' : 'even'} parity) is to be computed by perceptrons. How many perceptrons and layers does a tree of 2-input ${kind === 'xor' ? 'XOR' : 'XNOR'} networks need? How many hidden units and perceptrons does the smallest network with a single hidden layer need?`,
      input: { n, kind },
    };
  },
  /** Non-trivial: the network has perceptrons. */
  nonTrivial: (a) => positive(getPath(a, 'multiLayer.perceptrons')),
});

/** Grading weights of logic/xor-parity: both constructions' sizes. */
export const logicXorParityRubric = defineRubric({
  id: 'logic/xor-parity',
  fields: [
    { path: 'multiLayer.perceptrons', points: 1 },
    { path: 'multiLayer.layers', points: 1 },
    { path: 'singleHiddenLayer.hidden', points: 1 },
    { path: 'singleHiddenLayer.perceptrons', points: 1 },
  ],
});
