/**
 * optim/softmax — softmax of logits (per row), with a temperature, computed
 * the stable way: subtract the maximum before exponentiating.
 */
import { a, defineSolver, s } from '@dnn/core';
import * as z from 'zod/mini';
import { softmaxParts } from './activations.js';
import { gridAnswer } from './answer-rows.js';
import { fromRows, grid, toRows } from './grid.js';
import { softmaxSteps } from './loss-functions.js';

const input = s.object({
  logits: grid('Logits z: a vector, or a matrix whose rows are softmaxed one by one.'),
  temperature: z
    ._default(z.number().check(z.gt(0), z.maximum(1e300)), 1)
    .check(z.describe('Temperature T > 0: softmax(z/T). Large T flattens the distribution, small T sharpens it.')),
});

const answer = a.answer({
  probabilities: gridAnswer(
    z.number(),
    'Probabilities',
    'softmax(z/T), shaped like the logits (a scalar gives a 1-vector); each row sums to 1.',
  ),
  argmax: a.list(
    a.count('Class', 'Index of the largest logit, counted from 0'),
    'Predicted class',
    'Index (from 0) of the largest logit (= largest probability) of each row: the predicted class, the first on ties.',
  ),
});

/** The answer of optim/softmax. */
export type SoftmaxAnswer = z.output<typeof answer>;

/** optim/softmax: softmax with temperature. */
export const softmax = defineSolver({
  id: 'optim/softmax',
  title: 'Softmax of logits',
  description:
    'Softmax (with temperature) of a logit vector or of each row of a matrix, with the maximum subtracted first so large logits never overflow.',
  input,
  answer,
  solveParsed(inp) {
    const logits = toRows(inp.logits, 'logits');
    const parts = logits.rows.map((r) => softmaxParts(r, inp.temperature));
    const steps = softmaxSteps(parts, inp.temperature);
    const notes = [
      'Subtracting max z changes nothing (numerator and denominator are both multiplied by e^(−max z/T)) but keeps every exponent ≤ 0, so nothing overflows.',
    ];
    if (inp.temperature !== 1) notes.push(`Temperature T = ${inp.temperature}: the logits are divided by T first.`);
    const argmax = logits.rows.map((r) => r.indexOf(Math.max(...r)));
    return {
      answer: {
        probabilities: fromRows(
          parts.map((p) => p.probabilities),
          logits.kind,
        ),
        argmax,
      } satisfies SoftmaxAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'BITS exam: 4 classes with pre-activations 10, 8, 12, 5',
      source:
        'Exam problem; by hand: S = e⁻² + e⁻⁴ + 1 + e⁻⁷ (shifted by max 12); p = [e⁻², e⁻⁴, 1, e⁻⁷]/S ≈ [0.117218, 0.015864, 0.866129, 0.000790]; the predicted class (logit 12) has p ≈ 0.866129; p(class 1) − p(class 3) = (e⁸ − e⁵)/(e¹⁰ + e⁸ + e¹² + e⁵) ≈ 0.015074 (computed in double precision and by the formula in the test).',
      input: { logits: [10, 8, 12, 5] },
      answer: {
        probabilities: [10, 8, 12, 5].map((x) => Math.exp(x - 12) / (Math.exp(-2) + Math.exp(-4) + 1 + Math.exp(-7))),
        argmax: [2],
      },
    },
    {
      title: 'BITS exam (TensorFlow question): softmax of X·Wᵀ + b = [0.9, 0.8, 0.6]',
      source:
        'Exam problem; X = [2, 0, 1, 0], W rows [0.2, 0.3, 0.2, 0.1], [0.1, 0.2, 0.5, 0.1], [0.2, 0.1, 0.1, 0.1], b = [0.3, 0.1, 0.1] give X·Wᵀ + b = [0.4 + 0.2 + 0.3, 0.2 + 0.5 + 0.1, 0.4 + 0.1 + 0.1] = [0.9, 0.8, 0.6] by hand; softmax = [e^0.9, e^0.8, e^0.6]/(e^0.9 + e^0.8 + e^0.6) ≈ [0.377978, 0.342009, 0.280013] (the rubric rounds to [0.38, 0.34, 0.28]).',
      input: { logits: [0.9, 0.8, 0.6] },
      answer: {
        probabilities: [0.9, 0.8, 0.6].map((x) => Math.exp(x) / (Math.exp(0.9) + Math.exp(0.8) + Math.exp(0.6))),
      },
    },
    {
      title: 'Temperature 2 on [2, 0]',
      source: 'By hand: softmax([1, 0]) = [e/(e + 1), 1/(e + 1)] ≈ [0.7311, 0.2689].',
      input: { logits: [2, 0], temperature: 2 },
      answer: { probabilities: [Math.E / (Math.E + 1), 1 / (Math.E + 1)] },
    },
  ],
});
