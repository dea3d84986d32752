/**
 * logic/perceptron — is a boolean function linearly separable? Either weights
 * and a bias with the row inequalities they satisfy, or a proof that none exist.
 */
import { a, defineSolver, s } from '@dnn/core';
import * as z from 'zod/mini';
import { thresholdNetwork } from './answer-fields.js';
import { booleanFunctionFields } from './boolean-function.js';
import { inequalities, weightNames } from './inequalities.js';
import { analyseSeparability } from './separability.js';

const answer = a.answer({
  separable: a.flag(
    'Linearly separable',
    'True when one perceptron (with weights from the domains, if given) reproduces every specified row.',
  ),
  weights: z.nullable(a.vector('Weights', 'In the order of the variables; null when not separable.')),
  bias: z.nullable(a.scalar('Bias', 'Null when not separable.')),
  network: z.optional(
    thresholdNetwork(
      'Perceptron',
      'The weights and bias above as a network of one unit (present only when separable):',
    ),
  ),
  inequalities: a.list(
    a.record(
      {
        x: a.vector('Row', 'The row’s inputs as encoded numbers (0/1, or −1/+1 when bipolar).'),
        target: a.scalar('Required output', '1, or 0 (−1 when bipolar).'),
        text: a.text('Inequality', 'In the weight names, e.g. `w_x + b > 0`.'),
        z: z.nullable(a.scalar('z = w·x + b', 'For the returned weights and bias; null when there is no unit.')),
        satisfied: z.nullable(a.flag('Satisfied', 'Whether z satisfies the inequality; null when there is no unit.')),
      },
      'Row inequality',
    ),
    'Row inequalities',
    'One inequality on the weights and bias per specified row of the truth table.',
  ),
  variables: a.list(a.text('Variable'), 'Variables', 'The variable order of the weights.'),
  method: a.text('Method', 'How separability was decided.', [
    'small-integer-search',
    'chow-parameters',
    'exact-lp',
    'unateness',
    'exhaustive',
  ]),
  certificate: z.optional(
    a.record(
      {
        multipliers: a.table(
          a.answer({
            x: a.vector('Row', 'The row’s inputs as encoded numbers.'),
            target: a.flag('Fires', 'True for a row where the unit must fire.'),
            multiplier: a.scalar('Multiplier', 'Non-negative weight of the row’s inequality in the sum.'),
          }),
          'Multipliers',
          'The rows added up, each with its multiplier.',
        ),
        combination: a.text(
          'Sum',
          'The weighted sum of the rows’ left-hand sides, e.g. `w_x + w_y + 2·b`: the firing rows force it above 0, the silent rows below, a contradiction.',
        ),
      },
      'Certificate of non-separability',
      'Present when no real weights exist: non-negative multipliers of the rows whose sum is contradictory (Gordan’s theorem).',
    ),
  ),
});

/** The answer of logic/perceptron. */
export type PerceptronAnswer = z.output<typeof answer>;

/** logic/perceptron: exact linear-separability decision with weights or a certificate. */
export const perceptron = defineSolver({
  id: 'logic/perceptron',
  title: 'Perceptron for a boolean function (linear separability)',
  description:
    'Decides exactly whether one perceptron computes a boolean function (expression or truth table), with real weights or weights from given domains; returns weights and bias with the row inequalities they satisfy, or a proof that none exist.',
  input: s.object(booleanFunctionFields),
  answer,
  solveParsed(inp) {
    const a = analyseSeparability(inp);
    const sep = a.separation;
    const unit = sep.separable ? sep.unit : undefined;
    return {
      answer: {
        separable: sep.separable,
        weights: unit ? unit.weights : null,
        bias: unit ? unit.bias : null,
        ...(unit ? { network: [{ weights: [unit.weights], bias: [unit.bias] }] } : {}),
        inequalities: inequalities(a.samples, weightNames(a.f.variables), inp.fireWhen, inp.encoding, unit),
        variables: a.f.variables,
        method: sep.method,
        ...(a.certificate ? { certificate: a.certificate } : {}),
      } satisfies PerceptronAnswer,
      steps: a.steps,
      notes: a.notes,
    };
  },
  examples: [
    {
      title: 'Output 1 exactly when X = 0 (the a, b, c exam table: bias a, weights b, c)',
      source:
        'Exam problem (rows 00→1, 01→1, 10→0, 11→0; inequalities a > 0, a + c > 0, a + b < 0, a + b + c < 0). By hand: w = (−2, 0), b = 1 gives z = 1, 1, −1, −1 on the four rows; no integer weights of magnitude 1 fit strictly (w = (−1, 0) needs 0 < b < 1). The rubric’s a = 1, b = −3, c = 1 is another valid solution.',
      input: {
        truthTable: {
          inputs: [
            [0, 0],
            [0, 1],
            [1, 0],
            [1, 1],
          ],
          outputs: [1, 1, 0, 0],
        },
        variables: ['X', 'Y'],
      },
      answer: { separable: true, weights: [-2, 0], bias: 1 },
    },
    {
      title: 'NOR truth table, bipolar encoding (the rubric’s w₀ < 0, w₁ < 0, w₂ < 0)',
      source:
        'Exam problem; by hand: w = (−1, −1), b = −1 gives z = 1 on (−1, −1) and −1, −1, −3 on the other rows, satisfying (2)+(3): b < 0, (2)+(4): w₁ < 0, (3)+(4): w₂ < 0.',
      input: {
        truthTable: {
          inputs: [
            [-1, -1],
            [1, -1],
            [-1, 1],
            [1, 1],
          ],
          outputs: [1, -1, -1, -1],
        },
        encoding: 'bipolar',
      },
      answer: { separable: true, weights: [-1, -1], bias: -1 },
    },
    {
      title: 'AND: x & y',
      source:
        'By hand: w = (2, 2), b = −3 gives z = −3, −1, −1, 1; with |w| = 1 the bias would need −2 < b < −1, so no integer fits strictly.',
      input: { expression: 'x & y' },
      answer: { separable: true, weights: [2, 2], bias: -3 },
    },
    {
      title: 'OR: x | y',
      source: 'By hand: w = (2, 2), b = −1 gives z = −1, 1, 1, 3.',
      input: { expression: 'x | y' },
      answer: { separable: true, weights: [2, 2], bias: -1 },
    },
    {
      title: 'NAND: !(x & y)',
      source: 'By hand: w = (−2, −2), b = 3 gives z = 3, 1, 1, −1.',
      input: { expression: '!(x & y)' },
      answer: { separable: true, weights: [-2, -2], bias: 3 },
    },
    {
      title: 'A table listing only its true rows: 1010, 1110, 1001, 1011, 1000 → 1 (the other 11 rows are 0)',
      source:
        'Exam problem (the A B C D Y table asked as an MLP; the rubric’s sum of minterms makes every unlisted row 0). By hand: Y = AB̄ + ABCD̄; w = (4, −2, 1, −1), b = −2.5 gives z = 1.5, 0.5, 0.5, 1.5, 0.5 on the five rows and at most −0.5 on the others (A = 0: at most 1 − 2.5; A = 1, B = 1: 4 − 2 − 2.5 + C − D ≤ 0.5 only for C = 1, D = 0). So it is separable; the solver returns one such unit.',
      input: {
        truthTable: {
          inputs: [
            [1, 0, 1, 0],
            [1, 1, 1, 0],
            [1, 0, 0, 1],
            [1, 0, 1, 1],
            [1, 0, 0, 0],
          ],
          outputs: [1, 1, 1, 1, 1],
        },
        variables: ['A', 'B', 'C', 'D'],
      },
      answer: { separable: true },
    },
    {
      title: 'XOR is not linearly separable',
      source:
        'By hand: firing rows give w_y + b > 0 and w_x + b > 0, summing to w_x + w_y + 2b > 0; silent rows give b ≤ 0 and w_x + w_y + b ≤ 0, summing to w_x + w_y + 2b ≤ 0 — a contradiction (multipliers all 1).',
      input: { expression: 'x ^ y' },
      answer: {
        separable: false,
        weights: null,
        bias: null,
        certificate: { combination: 'w_x + w_y + 2·b' },
      },
    },
    {
      title: 'f = yz + xy with real weights: separable',
      source:
        'Exam problem (f = y(x + z)). By hand: w = (2, 4, 2), b = −5 gives z = 1 on 011, 110, −1 on 010 and 101, 3 on 111 and ≤ −3 elsewhere. Integer weights up to 3 cannot leave every row off the boundary (that needs w_y ≥ w_x + 2 and w_y ≥ w_z + 2 with w_x, w_z ≥ 2), so the exact LP answers.',
      input: { expression: 'y & z | x & y' },
      answer: { separable: true, weights: [2, 4, 2], bias: -5, method: 'exact-lp' },
    },
    {
      title: 'f = yz + xy with weights in {−10, 0, 10} and bias a multiple of 10: not separable',
      source:
        'Exam problem (weights only ±10 or 0, bias multiples of 10, fires when w·x + b ≥ 0). By hand: f is monotone and depends on x, y and z, so every weight must be 10; then rows 011 (f = 1) and 101 (f = 0) have the same sum 20. The exhaustive search checks all 3³ = 27 weight vectors.',
      input: {
        expression: 'y & z | x & y',
        weightDomain: [-10, 0, 10],
        biasDomain: [-30, -20, -10, 0, 10, 20, 30],
        fireWhen: '>=0',
      },
      answer: { separable: false, weights: null, bias: null, method: 'exhaustive' },
    },
  ],
});
