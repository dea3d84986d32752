/**
 * optim/loss — a loss value and its gradient w.r.t. the predictions (or the
 * logits, for softmax-cross-entropy), term by term.
 */
import { a, checkLimit, defineSolver, s } from '@dnn/core';
import * as z from 'zod/mini';
import { gridAnswer } from './answer-rows.js';
import { fromRows, grid, toRows } from './grid.js';
import { logBaseField } from './log-base.js';
import { computeLoss, LOSS_KINDS, lossOptionFields, usesLogs } from './loss-functions.js';

const input = s.object({
  kind: s.oneOf(
    LOSS_KINDS,
    'Loss: bce (binary cross-entropy, element-wise), cross-entropy (on probabilities), softmax-cross-entropy (on logits), mse, sse, half-sse (½·sse), hinge, exponential.',
  ),
  predictions: grid(
    'Predictions: a number, a vector, or a matrix (for the cross-entropies: rows are samples, columns classes). Probabilities for bce and cross-entropy (a cross-entropy row should sum to 1; one that does not is used as given, with a note giving the value Keras computes after dividing the row by its sum), logits for softmax-cross-entropy (at most 5·10⁵ logits: 10⁶ output values, the gradient and the probabilities, per request).',
  ),
  targets: grid(
    'Targets, same shape as predictions (one-hot or probabilities for the cross-entropies; −1/+1 for hinge and exponential).',
  ),
  reduction: lossOptionFields.reduction,
  logBase: logBaseField('Base of the logarithm for the cross-entropies: "e" (nats, default), 2 (bits) or 10.'),
  logZero: lossOptionFields.logZero,
});

const answer = a.answer({
  loss: a.scalar(
    'Loss L',
    'The reduced loss (sum or mean as `reduction` says; in the unit of `logBase` for the cross-entropies).',
  ),
  gradient: gridAnswer(
    z.nullable(z.number()),
    '∂L/∂predictions',
    '∂L/∂predictions (∂L/∂logits for softmax-cross-entropy), shaped like the predictions (a scalar gives a 1-vector); null where infinite.',
  ),
  gradientReason: z.nullable(a.text('Why some gradients are missing', 'Why gradient entries are null, else null.')),
  probabilities: z.optional(
    gridAnswer(z.number(), 'Probabilities', 'softmax-cross-entropy only: the softmax of the logits, shaped like them.'),
  ),
});

/**
 * Most output values of one request: 10⁶, what the 1000 × 1000 grids give every kind but softmax-cross-entropy,
 * whose probabilities double its answer — at 1000 × 1000 logits it took 1.8–2.4 s CPU and 390 MB (limits bench).
 */
const OUTPUT_VALUES = 1e6;

/** The answer of optim/loss. */
export type LossAnswer = z.output<typeof answer>;

/** optim/loss: loss value and gradient. */
export const loss = defineSolver({
  id: 'optim/loss',
  title: 'Loss value and gradient',
  description:
    'Binary cross-entropy, cross-entropy, softmax cross-entropy from logits, MSE, SSE, half-SSE, hinge or exponential loss with sum or mean reduction, log base and log(0) convention, and its gradient with respect to the predictions (or logits).',
  input,
  answer,
  solveParsed(inp) {
    const predictions = toRows(inp.predictions, 'predictions');
    const targets = toRows(inp.targets, 'targets');
    const cells = predictions.rows.length * (predictions.rows[0]?.length ?? 0);
    checkLimit(
      'predictions',
      'outputCells',
      inp.kind === 'softmax-cross-entropy' ? 2 * cells : cells,
      'the number of output values (the gradient, and the probabilities for softmax-cross-entropy)',
      OUTPUT_VALUES,
    );
    const result = computeLoss(
      { kind: inp.kind, reduction: inp.reduction, logBase: inp.logBase, logZero: inp.logZero },
      { predictions, targets, paths: { predictions: 'predictions', targets: 'targets' } },
    );
    const notes = [...result.notes];
    if (!usesLogs(inp.kind) && (inp.logBase !== 'e' || inp.logZero !== undefined)) {
      notes.push(`${inp.kind} takes no logarithm: logBase and logZero are ignored.`);
    }
    if (inp.kind === 'softmax-cross-entropy' && inp.logZero !== undefined) {
      notes.push(
        'softmax-cross-entropy computes log-probabilities from the logits exactly, so logZero is never needed.',
      );
    }
    const answer: LossAnswer = {
      loss: result.loss,
      gradient: fromRows(result.gradient, predictions.kind),
      gradientReason: result.gradientReason,
      ...(result.probabilities ? { probabilities: fromRows(result.probabilities, predictions.kind) } : {}),
    };
    return { answer, steps: [...result.steps, ...result.gradientSteps], notes };
  },
  examples: [
    {
      title: 'TUM exam: BCE summed over a 2×2 max-pool output, log(0) ≈ −10⁹ allowed',
      source:
        'Exam problem (conv + max-pool toy net, output [[0, 0.5], [0.5, 0]], ground truth [[0, 1], [1, 0]]). By hand: the two 0-predictions have target 0, so −[0·ln 0 + 1·ln 1] = 0; the two 0.5-predictions give −ln 0.5 each: L = 2 ln 2 ≈ 1.386294. Gradient −(t/p − (1−t)/(1−p)): 1 at the zeros, −2 at the halves.',
      input: {
        kind: 'bce',
        predictions: [
          [0, 0.5],
          [0.5, 0],
        ],
        targets: [
          [0, 1],
          [1, 0],
        ],
        reduction: 'sum',
        logZero: -1e9,
      },
      answer: {
        loss: 2 * Math.LN2,
        gradient: [
          [1, -2],
          [-2, 1],
        ],
      },
    },
    {
      title: 'BITS exam: uniform prediction over 8 classes',
      source:
        'Exam problem; by hand: −ln(1/8) = ln 8 = 3 ln 2 ≈ 2.0794; gradient −t/p = −8 at the true class, 0 elsewhere.',
      input: {
        kind: 'cross-entropy',
        predictions: [0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125],
        targets: [0, 0, 1, 0, 0, 0, 0, 0],
      },
      answer: { loss: 3 * Math.LN2, gradient: [0, 0, -8, 0, 0, 0, 0, 0] },
    },
    {
      title: 'The same uniform 8-class case in bits',
      source: 'By hand: −log₂(1/8) = 3 bits.',
      input: {
        kind: 'softmax-cross-entropy',
        predictions: [0, 0, 0, 0, 0, 0, 0, 0],
        targets: [1, 0, 0, 0, 0, 0, 0, 0],
        logBase: 2,
      },
      answer: { loss: 3 },
    },
    {
      title: 'Softmax cross-entropy from logits [10, 8, 12, 5], true class 2 (the logit 12)',
      source:
        'BITS exam logits; by hand: L = ln(e¹⁰ + e⁸ + e¹² + e⁵) − 12 = ln(1 + e⁻² + e⁻⁴ + e⁻⁷) ≈ 0.1437217; cross-checked with tf.losses.softmaxCrossEntropy in the tests.',
      input: { kind: 'softmax-cross-entropy', predictions: [10, 8, 12, 5], targets: [0, 0, 1, 0] },
      answer: { loss: Math.log(1 + Math.exp(-2) + Math.exp(-4) + Math.exp(-7)) },
    },
    {
      title: 'Half SSE against the target 1.25 of the 1-2-1 sigmoid net question, with a round prediction 0.6',
      source:
        'By hand: ½(0.5993 − 1.25)²; see optim/mlp-step for the forward pass. Here with a round prediction 0.6: ½·0.65² = 0.21125, gradient p − t = −0.65.',
      input: { kind: 'half-sse', predictions: 0.6, targets: 1.25 },
      answer: { loss: 0.21125, gradient: [-0.65] },
    },
  ],
});
