/**
 * logic/perceptron-train — the perceptron learning rule, sample by sample and
 * epoch by epoch, as the exam's table: z, y, match, Δw, Δb, new weights.
 */
import {
  a,
  add,
  call,
  DnnInputError,
  defineSolver,
  eq,
  mul,
  paren,
  type Step,
  s,
  step,
  sub,
  tex,
  vec,
  words,
} from '@dnn/core';
import * as z from 'zod/mini';
import { dot } from './threshold.js';

const MAX_EPOCHS = 1000;
/**
 * Cost model: O(epochs × samples × inputs) time, and the answer holds one row object per sample
 * and epoch (x, Δw and w arrays: ≈ 100 bytes per cell in memory, more as JSON). The table is
 * capped at 10⁶ cells — tighter than the catalog's 10⁷ output cells, which took 3.4 s and
 * 660 MB — so the largest request stays within 2 s and 512 MB.
 */
const TABLE_CELLS = 1e6;
/** Δ is not among sym()'s LaTeX conversions. */
const DELTA_W = tex('Δw', '\\Delta w');
const DELTA_B = tex('Δb', '\\Delta b');
/** Rows shown as full steps; later epochs get one summary step each. */
const DETAILED_ROWS = 48;

const input = s.object({
  samples: z
    .array(
      s.object({
        x: z.array(z.number()).check(z.minLength(1), z.maxLength(100), z.describe('Input vector of the sample.')),
        t: z.number().check(z.describe('Target: −1 or +1 for sign activation, 0 or 1 for step activation.')),
      }),
    )
    .check(
      z.minLength(1),
      z.maxLength(1000),
      z.describe(
        'Training samples in presentation order, e.g. [{"x": [1, 1], "t": 1}, …]. The training table (epochs × samples × (2·inputs + 6) cells; untilConverged counts 1000 epochs) is limited to 10⁶ cells per request.',
      ),
    ),
  weights: z.array(z.number()).check(z.minLength(1), z.maxLength(100), z.describe('Initial weights w, one per input.')),
  bias: z
    ._default(z.number(), 0)
    .check(z.describe('Initial bias b (an exam’s threshold θ is the bias −θ). Default 0.')),
  lr: s.positive('Learning rate η > 0.'),
  epochs: z._default(
    s.positiveInt('Number of epochs (passes over the samples). Default 1.').check(z.maximum(MAX_EPOCHS)),
    1,
  ),
  activation: z._default(
    s.oneOf(['sign', 'step'], 'Activation: sign (+1 when z ≥ 0, else −1; default) or step (1 when z > 0, else 0).'),
    'sign',
  ),
  untilConverged: z
    ._default(z.boolean(), false)
    .check(
      z.describe(
        'Train until an epoch makes no update (that epoch included), at most 1000 epochs; `epochs` is then ignored.',
      ),
    ),
});

/** One presentation of a sample: the exam table's row. */
const trainRow = a.answer({
  x: a.vector('Input x', 'The sample’s inputs.'),
  t: a.scalar('Target t', '−1 or +1 (sign activation), 0 or 1 (step activation).'),
  z: a.scalar('z = w·x + b', 'With the weights and bias before this sample.'),
  y: a.scalar('Output y', 'activation(z): sign gives +1 when z ≥ 0, else −1; step gives 1 when z > 0, else 0.'),
  updated: a.flag('Updated', 'True when y ≠ t, so the weights changed.'),
  dw: a.vector('Δw', 'η(t − y)x, applied only when y ≠ t.'),
  db: a.scalar('Δb', 'η(t − y), applied only when y ≠ t.'),
  weights: a.vector('New w', 'Weights after this sample.'),
  bias: a.scalar('New b', 'Bias after this sample.'),
});

const answer = a.answer({
  epochs: a.trajectory(
    a.answer({
      rows: a.table(trainRow, 'Samples', 'One row per sample, in presentation order.'),
    }),
    'Epochs',
    'One entry per epoch (pass over the samples), with the exam’s table of that epoch.',
  ),
  weights: a.vector('Final weights'),
  bias: a.scalar('Final bias'),
  converged: a.flag('Converged', 'True when the last epoch made no update (every sample classified correctly).'),
});

/** One presentation of a sample: the exam table's row. */
export type TrainRow = z.output<typeof trainRow>;

/** The answer of logic/perceptron-train. */
export type PerceptronTrainAnswer = z.output<typeof answer>;

function rowStep(
  epoch: number,
  k: number,
  row: TrainRow,
  before: { w: number[]; b: number },
  lr: number,
  act: string,
): Step {
  const zTex = eq('z', add(...before.w.map((w, i) => mul(w, row.x[i] as number)), before.b), row.z);
  const yTex = eq('y', call(act, [row.z]), row.y);
  const title = `Epoch ${epoch}, sample ${k + 1}: x = (${row.x.join(', ')}), t = ${row.t}`;
  if (!row.updated) return step(`${title}; y = t, no update`, zTex, yTex);
  const factor = mul(lr, paren(sub(row.t, row.y)));
  return step(
    `${title}; y ≠ t, update`,
    zTex,
    yTex,
    eq(DELTA_W, mul(factor, vec(row.x)), vec(row.dw)),
    eq(DELTA_B, factor, row.db),
    eq('w', vec(row.weights)),
    eq('b', row.bias),
  );
}

/** logic/perceptron-train: the perceptron learning rule as the exam's epoch table. */
export const perceptronTrain = defineSolver({
  id: 'logic/perceptron-train',
  title: 'Perceptron learning rule, epoch by epoch',
  description:
    'Runs the perceptron learning rule Δw = η(t − y)x, Δb = η(t − y) over the samples for a number of epochs or until an epoch makes no update, with the table of z, y, match, Δw, Δb and the new weights per sample.',
  input,
  answer,
  solveParsed(inp) {
    const d = inp.weights.length;
    inp.samples.forEach((smp, k) => {
      if (smp.x.length !== d) {
        throw new DnnInputError(`samples[${k}].x`, `has ${smp.x.length} inputs but there are ${d} weights`);
      }
      const ok = inp.activation === 'sign' ? smp.t === 1 || smp.t === -1 : smp.t === 0 || smp.t === 1;
      if (!ok) {
        throw new DnnInputError(
          `samples[${k}].t`,
          `must be ${inp.activation === 'sign' ? '−1 or +1 (sign activation)' : '0 or 1 (step activation)'}, not ${smp.t}`,
        );
      }
    });
    const maxEpochs = inp.untilConverged ? MAX_EPOCHS : inp.epochs;
    const cells = maxEpochs * inp.samples.length * (2 * d + 6);
    if (cells > TABLE_CELLS) {
      throw new DnnInputError(
        'samples',
        `the training table (epochs × samples × (2·inputs + 6) cells) is ${cells.toExponential(2)}, above this solver's limit of 1e+6 per request${inp.untilConverged ? ' (untilConverged counts 1000 epochs)' : ''}: use fewer samples or epochs`,
      );
    }
    const act = inp.activation;
    const fire = (zv: number) => (act === 'sign' ? (zv >= 0 ? 1 : -1) : zv > 0 ? 1 : 0);
    let w = [...inp.weights];
    let b = inp.bias;
    const epochs: { rows: TrainRow[] }[] = [];
    const steps: Step[] = [
      step(
        'Rule: z = w·x + b, y = activation(z); when y ≠ t: Δw = η(t − y)x, Δb = η(t − y)',
        eq('η', inp.lr),
        eq('w', vec(w)),
        eq('b', b),
      ),
    ];
    let shown = 0;
    let converged = false;
    for (let e = 1; e <= maxEpochs; e++) {
      const rows: TrainRow[] = [];
      for (const [k, smp] of inp.samples.entries()) {
        const before = { w, b };
        const zv = dot(w, smp.x) + b;
        const y = fire(zv);
        const err = smp.t - y;
        const dw = smp.x.map((xi) => inp.lr * err * xi + 0);
        const db = inp.lr * err + 0;
        if (err !== 0) {
          w = w.map((wi, i) => wi + (dw[i] as number));
          b += db;
        }
        if (![zv, b, ...w, ...dw].every(Number.isFinite)) {
          throw new DnnInputError(
            'lr',
            `the numbers overflow to infinity in epoch ${e}, sample ${k + 1}; use a smaller learning rate or smaller inputs`,
          );
        }
        const row: TrainRow = { x: smp.x, t: smp.t, z: zv, y, updated: err !== 0, dw, db, weights: w, bias: b };
        rows.push(row);
        if (shown < DETAILED_ROWS) {
          steps.push(rowStep(e, k, row, before, inp.lr, act));
          shown++;
        }
      }
      epochs.push({ rows });
      const updates = rows.filter((r) => r.updated).length;
      converged = updates === 0;
      if (shown >= DETAILED_ROWS && (e <= 200 || converged || e === maxEpochs)) {
        steps.push(step(`Epoch ${e}: ${updates} update${updates === 1 ? '' : 's'}`, eq('w', vec(w)), eq('b', b)));
      }
      if (inp.untilConverged && converged) break;
    }
    steps.push(
      step(
        converged
          ? `Epoch ${epochs.length} classified every sample correctly: training has converged`
          : `After ${epochs.length} epoch${epochs.length === 1 ? '' : 's'} some sample is still misclassified`,
        eq('w', vec(w)),
        eq('b', b),
        words(converged ? 'converged' : 'not converged'),
      ),
    );
    const notes = [
      act === 'sign'
        ? 'Activation sign: y = +1 when z ≥ 0, else −1 (so z = 0 counts as +1).'
        : 'Activation step: y = 1 when z > 0, else 0 (so z = 0 counts as 0).',
      'Weights change after every misclassified sample (online learning), in the order the samples are given.',
    ];
    if (inp.untilConverged && !converged) {
      notes.push(
        'No error-free epoch within 1000 epochs: the data may not be linearly separable (then the rule never converges), or the learning needs more epochs.',
      );
    }
    return {
      answer: { epochs, weights: w, bias: b, converged } satisfies PerceptronTrainAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'One epoch: w = (0.3, 0.7), b = −2, η = 0.6, sign activation',
      source:
        'Exam problem. By hand: sample 1 z = 0.3 + 0.7 − 2 = −1 → y = −1 ≠ +1, Δ = 0.6·2 = 1.2: w = (1.5, 1.9), b = −0.8 (the rubric writes b = 0.8, an arithmetic slip); sample 2 z = 1.5 − 0.8 = 0.7 → +1 ✓; sample 3 z = 1.9 − 0.8 = 1.1 → +1 ≠ −1: w = (1.5, 0.7), b = −2; sample 4 z = −2 → −1 ≠ +1: b = −0.8. End: w = (1.5, 0.7), b = −0.8.',
      input: {
        samples: [
          { x: [1, 1], t: 1 },
          { x: [1, 0], t: 1 },
          { x: [0, 1], t: -1 },
          { x: [0, 0], t: 1 },
        ],
        weights: [0.3, 0.7],
        bias: -2,
        lr: 0.6,
      },
      answer: { weights: [1.5, 0.7], bias: -0.8, converged: false },
    },
    {
      title: 'Two-input XNOR, bipolar, η = 0.02, threshold 0.2 (bias −0.2), w = (0, 0)',
      source:
        'Exam problem (the rubric assumes w = 0 and uses the threshold as bias −0.2; its table is XOR’s, this is XNOR). By hand: (−1, −1), t = +1: z = −0.2 → −1, update 0.04: w = (−0.04, −0.04), b = −0.16; (−1, 1), t = −1: z = −0.16 → −1 ✓; (1, −1): z = −0.16 ✓; (1, 1), t = +1: z = −0.24 → −1, update: w = (0, 0), b = −0.12.',
      input: {
        samples: [
          { x: [-1, -1], t: 1 },
          { x: [-1, 1], t: -1 },
          { x: [1, -1], t: -1 },
          { x: [1, 1], t: 1 },
        ],
        weights: [0, 0],
        bias: -0.2,
        lr: 0.02,
      },
      answer: { weights: [0, 0], bias: -0.12, converged: false },
    },
    {
      title: 'AND with step activation until convergence',
      source:
        'By hand (η = 1, w = (0, 0), b = 0; (w₁, w₂, b) after each epoch): epoch 1 updates on (1, 1) → (1, 1, 1); epoch 2 on (0, 0), (0, 1), (1, 1) → (2, 1, 0); epoch 3 on (0, 1), (1, 0), (1, 1) → (2, 1, −1); epoch 4 on (1, 0), (1, 1) → (2, 2, −1); epoch 5 on (0, 1) → (2, 1, −2); epoch 6 gives z = −2, −1, 0, 1 → y = 0, 0, 0, 1 with no update.',
      input: {
        samples: [
          { x: [0, 0], t: 0 },
          { x: [0, 1], t: 0 },
          { x: [1, 0], t: 0 },
          { x: [1, 1], t: 1 },
        ],
        weights: [0, 0],
        lr: 1,
        activation: 'step',
        untilConverged: true,
      },
      answer: { converged: true, weights: [2, 1], bias: -2 },
    },
  ],
});
