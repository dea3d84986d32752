/** Questions for logic/mlp: the smallest network of threshold units for a boolean function. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { drawBoolean, OPERATORS } from './logic-expressions.js';
import { nonEmpty } from './non-trivial.js';
import { conventionOf, readLayers, sameFunction, type ThresholdLayer } from './threshold-units.js';

/** Generator of logic/mlp questions. */
export const logicMlpGenerator = defineGenerator({
  id: 'logic/mlp',
  generate(rng, difficulty) {
    const { expression, variables } = drawBoolean(rng, difficulty);
    const fireWhen = difficulty === 'hard' && rng.chance(0.3) ? '>=0' : '>0';
    return {
      question: `Build a network of perceptrons (threshold units, output 1 when ${fireWhen === '>0' ? 'w·x + b > 0' : 'w·x + b ≥ 0'}, else 0) with as few units as possible that computes f(${variables.join(', ')}) = ${expression} ${OPERATORS}. Give its weights and biases, and its number of perceptrons, hidden units and layers.`,
      input: { expression, variables, fireWhen },
    };
  },
  /** Non-trivial: the network has a layer. */
  nonTrivial: (a) => nonEmpty(a.layers),
});

/** Grading weights of logic/mlp: the perceptron count, the layout, and any network computing the function. */
export const logicMlpRubric = defineRubric({
  id: 'logic/mlp',
  fields: [
    { path: 'perceptrons', points: 2 },
    { path: 'hiddenUnits', points: 1 },
    { path: 'depth', points: 1 },
    {
      path: 'layers',
      points: 2,
      judge: (got, _student, input, answer) => {
        const expected = (answer as { layers: ThresholdLayer[] }).layers;
        const layers = readLayers(got);
        const n = expected[0]?.weights[0]?.length ?? 0;
        return layers !== undefined && sameFunction(layers, expected, n, conventionOf(input)) ? 1 : 0;
      },
    },
  ],
});
