/** Questions for logic/perceptron: is a boolean function linearly separable, and with which weights? */
import { readNumber, score } from '../compare.js';
import { defineGenerator } from '../generator.js';
import { defineRubric, type RubricField } from '../rubric.js';
import { drawBoolean, OPERATORS } from './logic-expressions.js';
import { nonZero } from './non-trivial.js';
import { conventionOf, fire } from './threshold-units.js';

/** Generator of logic/perceptron questions. */
export const logicPerceptronGenerator = defineGenerator({
  id: 'logic/perceptron',
  generate(rng, difficulty) {
    const { expression, variables } = drawBoolean(rng, difficulty);
    const encoding = difficulty === 'hard' && rng.chance(0.3) ? 'bipolar' : 'binary';
    const fireWhen = difficulty !== 'easy' && rng.chance(0.3) ? '>=0' : '>0';
    const domain = difficulty === 'hard' && rng.chance(0.3);
    const rule = `${fireWhen === '>0' ? 'w·x + b > 0' : 'w·x + b ≥ 0'}${encoding === 'bipolar' ? ' (inputs and outputs ±1)' : ''}`;
    return {
      question: `Can a single perceptron (output 1 when ${rule}) compute f(${variables.join(', ')}) = ${expression} ${OPERATORS}? If so, give weights and a bias${domain ? ' from {−1, 0, 1}' : ''}; if not, say why.`,
      input: {
        expression,
        variables,
        encoding,
        fireWhen,
        ...(domain ? { weightDomain: [-1, 0, 1], biasDomain: [-1, 0, 1] } : {}),
      },
    };
  },
  /** Non-trivial: a separable function gets non-zero weights. */
  nonTrivial: (a) => a.separable === false || nonZero(a.weights),
});

interface Inequality {
  x: number[];
  target: number;
}

/**
 * Any weights and bias that reproduce every row (and keep to the allowed values)
 * are right; for a function that is not separable, only `null` is.
 */
const separatingWeights: RubricField['judge'] = (got, student, input, answer) => {
  const { separable, inequalities } = answer as { separable: boolean; inequalities: Inequality[] };
  if (!separable) return score(null, got);
  // Numbers as a student may write them: decimals or fractions ("-3/2"), a one-element list for the bias.
  const read = Array.isArray(student.weights) ? student.weights.map(readNumber) : [];
  const bias = readNumber(Array.isArray(student.bias) && student.bias.length === 1 ? student.bias[0] : student.bias);
  if (read.length === 0 || read.includes(undefined) || bias === undefined) return 0;
  const weights = read as number[];
  const { weightDomain, biasDomain } = input as { weightDomain?: number[]; biasDomain?: number[] };
  if (weightDomain && !weights.every((w) => weightDomain.includes(w))) return 0;
  if (biasDomain && !biasDomain.includes(bias)) return 0;
  const c = conventionOf(input);
  return inequalities.every((row) => fire(weights, bias, row.x, c) === row.target) ? 1 : 0;
};

/** Grading weights of logic/perceptron: separable or not, then any separating weights and bias. */
export const logicPerceptronRubric = defineRubric({
  id: 'logic/perceptron',
  fields: [
    { path: 'separable', points: 2 },
    { path: 'weights', points: 1, judge: separatingWeights },
    { path: 'bias', points: 1, judge: separatingWeights },
  ],
});
