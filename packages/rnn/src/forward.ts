/**
 * rnn/forward — the forward pass of a (vector or scalar) simple RNN
 * h_t = act(Wxh·x_t + Whh·h_{t−1} + bh) with an optional output layer
 * y_t = outAct(Why·h_t + by), unrolled time step by time step.
 */
import { a, add, checkLimit, defineSolver, eq, mul, type Step, s, step, sym } from '@dnn/core';
import * as z from 'zod/mini';
import { activate, activationChain, applyTex, stateActivationField } from './activations.js';
import { hiddenStates, outputs } from './answer-fields.js';
import {
  assertFinite,
  hiddenVector,
  type MatrixInput,
  rowCount,
  scalarOrMatrix,
  scalarOrVector,
  sequence,
  toMatrix,
  toSequence,
  type VectorInput,
} from './arrays.js';
import { outputAt, outputCost, outputFields, parseOutputLayer } from './output-layer.js';
import { perSet, perStepNotes, type WeightSpec, weightSets, weightsPerStepField } from './per-step.js';
import { affine, atom } from './show.js';
import { DETAILED_STEPS, detailNote, MULTIPLY_ADDS, OUTPUT_VALUES, tableStep } from './unroll.js';

const PREV = atom('h_{t−1}');

const weightFields = {
  Wxh: scalarOrMatrix('Input-to-hidden weights [H][D] (a number for a scalar RNN).'),
  Whh: scalarOrMatrix('Hidden-to-hidden (recurrent) weights [H][H], square; H is read from it.'),
  bh: scalarOrVector('Hidden bias [H] (optional, default zeros).'),
  U: scalarOrMatrix('Exam name of Wxh (s_t = act(U·x_t + W·s_{t−1})): give U or Wxh, not both.'),
  W: scalarOrMatrix('Exam name of Whh: give W or Whh, not both.'),
  V: scalarOrMatrix('Exam name of Why (y_t = V·s_t): give V or Why, not both.'),
};

/** The weights of rnn/forward, their exam names, and which every time step needs. */
const WEIGHTS: WeightSpec[] = [
  { name: 'Wxh', alias: 'U', required: true },
  { name: 'Whh', alias: 'W', required: true },
  { name: 'bh', required: false },
  { name: 'Why', alias: 'V', required: false, allOrNone: true },
  { name: 'by', required: false },
];

const input = s.object({
  Wxh: z.optional(
    weightFields.Wxh.check(
      z.describe(
        `${z.globalRegistry.get(weightFields.Wxh)?.description} Required unless given as U or in every weightsPerStep entry.`,
      ),
    ),
  ),
  Whh: z.optional(
    weightFields.Whh.check(
      z.describe(
        `${z.globalRegistry.get(weightFields.Whh)?.description} Required unless given as W or in every weightsPerStep entry.`,
      ),
    ),
  ),
  bh: z.optional(weightFields.bh),
  h0: z.optional(scalarOrVector('Initial hidden state h_0 [H] (optional, default zeros).')),
  xs: sequence(
    'Input sequence x_1 … x_T: one number or vector of D features per time step. At most 10⁸ multiply-adds (T × H × (D + H + O)) and 10⁶ output values (T × (2H + O)) per request.',
  ),
  activation: stateActivationField,
  ...outputFields,
  U: z.optional(weightFields.U),
  W: z.optional(weightFields.W),
  V: z.optional(weightFields.V),
  weightsPerStep: weightsPerStepField(
    s
      .object({
        Wxh: z.optional(weightFields.Wxh),
        Whh: z.optional(weightFields.Whh),
        bh: z.optional(weightFields.bh),
        Why: z.optional(scalarOrMatrix('Output weights [O][H] of this time step.')),
        by: z.optional(scalarOrVector('Output bias [O] of this time step.')),
        U: z.optional(weightFields.U),
        W: z.optional(weightFields.W),
        V: z.optional(weightFields.V),
      })
      .check(z.describe('The weights of one time step; fields left out come from the top level.')),
    'Wxh, Whh, bh, Why, by, or their exam names U, W, V',
  ),
});

const answer = a.answer({
  h: hiddenStates,
  z: a.matrix(
    'Pre-activations',
    'z_t = Wxh·x_t + Whh·h_{t−1} + bh, [T][H]: row t is the input of the hidden activation at time step t (h_t = act(z_t)).',
    { axes: ['t', 'H'] },
  ),
  y: outputs,
});

/** The answer of rnn/forward. */
export type ForwardAnswer = z.output<typeof answer>;

/** rnn/forward: a simple RNN unrolled over the input sequence. */
export const forward = defineSolver({
  id: 'rnn/forward',
  title: 'Forward pass of a simple RNN',
  description:
    'Hidden states (and outputs) of a vanilla RNN h_t = act(Wxh·x_t + Whh·h_{t−1} + bh), y_t = outAct(Why·h_t + by), unrolled over an input sequence, with the matrix arithmetic of every time step.',
  input,
  answer,
  solveParsed(inp) {
    const xs = toSequence(inp.xs);
    const T = xs.length;
    const D = xs[0]?.length ?? 1;
    const { sets, aliases } = weightSets(inp, inp.weightsPerStep, T, WEIGHTS);
    const firstWhh = sets[0]?.values.Whh as MatrixInput;
    const H = rowCount(firstWhh, sets[0]?.paths.Whh as string);
    const from = sets.length > 1 && inp.weightsPerStep ? 'the rows of the first Whh' : 'the rows of Whh';
    const weights = perSet(sets, ({ values: v, paths: p }) => ({
      Whh: toMatrix(v.Whh as MatrixInput, p.Whh as string, H, H, '[H][H] (square)'),
      Wxh: toMatrix(
        v.Wxh as MatrixInput,
        p.Wxh as string,
        H,
        D,
        `[H][D] (H = ${H} ${from.replace('the rows', 'rows')}, D = ${D} features of xs[0])`,
      ),
      bh: v.bh === undefined ? undefined : hiddenVector(v.bh as VectorInput, p.bh as string, H, from),
      out: parseOutputLayer(
        {
          Why: v.Why as MatrixInput | undefined,
          by: v.by as VectorInput | undefined,
          outputActivation: inp.outputActivation,
        },
        H,
        p,
      ),
    }));
    const h0 = hiddenVector(inp.h0, 'h0', H, from);
    const out = weights[0]?.out ?? null;
    const anyBias = weights.some((w) => w.bh);
    checkLimit('xs', 'multiplyAdds', T * (H * (D + H) + outputCost(out)), 'the number of multiply-adds', MULTIPLY_ADDS);
    checkLimit(
      'xs',
      'outputCells',
      T * (2 * H + (out?.W.length ?? 0)),
      'the number of output values (T × (2H + O): z, h, y)',
      OUTPUT_VALUES,
    );

    const steps: Step[] = [
      step(
        'Recurrence',
        eq('z_t', add(mul('W_xh', 'x_t'), mul('W_hh', PREV), ...(anyBias ? ['b_h'] : []))),
        eq('h_t', applyTex(inp.activation, 'z_t')),
      ),
    ];
    const z: number[][] = [];
    const h: number[][] = [];
    const y: number[][] = [];
    let prev = h0;
    for (const [i, x] of xs.entries()) {
      const t = i + 1;
      const { Wxh, Whh, bh, out: outT } = weights[i] as (typeof weights)[number];
      const pre = affine(
        [
          { W: 'W_xh', v: `x_${t}`, M: Wxh, x },
          { W: 'W_hh', v: `h_${t - 1}`, M: Whh, x: prev },
        ],
        bh && { name: 'b_h', value: bh },
        t <= DETAILED_STEPS,
      );
      const ht = activate(inp.activation, pre.value);
      assertFinite(pre.value, `xs[${i}]`, `z_${t}`);
      z.push(pre.value);
      h.push(ht);
      if (t <= DETAILED_STEPS) {
        steps.push(
          step(
            `t = ${t}: pre-activation${inp.weightsPerStep ? ` (the weights of time step ${t})` : ''}`,
            eq(`z_${t}`, ...pre.chain),
          ),
        );
        steps.push(
          step(
            `t = ${t}: hidden state`,
            eq(`h_${t}`, ...activationChain(inp.activation, [sym(`z_${t}`), ...pre.chain.slice(-1)], ht)),
          ),
        );
      }
      if (outT) {
        const o = outputAt(outT, t, ht, t <= DETAILED_STEPS);
        assertFinite(o.y, `xs[${i}]`, `y_${t}`);
        y.push(o.y);
        if (o.step) steps.push(o.step);
      }
      prev = ht;
    }
    steps.push(
      tableStep(
        'Unrolled over time',
        out ? ['z_t', 'h_t', 'y_t'] : ['z_t', 'h_t'],
        z.map((zt, i) => (out ? [zt, h[i] ?? [], y[i] ?? []] : [zt, h[i] ?? []])),
      ),
    );
    const notes = [
      `Hidden activation: ${inp.activation}${out ? `; output activation: ${out.activation}` : '; no output layer (y is null)'}.`,
      ...(inp.h0 === undefined ? ['h_0 = 0 (not given).'] : []),
      ...(anyBias ? [] : ['No hidden bias (bh = 0).']),
      ...perStepNotes(inp.weightsPerStep !== undefined, aliases, { U: 'Wxh', W: 'Whh', V: 'Why' }),
      'Weights act on column vectors: Wxh is [H][D] (PyTorch weight_ih layout); Keras stores the transpose [D][H].',
      ...detailNote(T),
    ];
    return {
      answer: { h, z, y: out ? y : null } satisfies ForwardAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'TUM I2DL: 1-D ReLU RNN, V = −3, W = 3, h0 = 0, x = 2, 3, 1',
      source:
        'Exam problem (V = Whh, W = Wxh); by hand: h1 = ReLU(−3·0 + 3·2) = 6, h2 = ReLU(−3·6 + 3·3) = ReLU(−9) = 0, h3 = ReLU(−3·0 + 3·1) = 3.',
      input: { Wxh: 3, Whh: -3, h0: 0, xs: [2, 3, 1], activation: 'relu' },
      answer: { h: [[6], [0], [3]], z: [[6], [-9], [3]], y: null },
    },
    {
      title: 'TUM I2DL: 1-D ReLU RNN, V = 1, W = 2, h0 = −3, x = 1, 2, 0',
      source:
        'Exam problem; by hand: h1 = ReLU(1·(−3) + 2·1) = ReLU(−1) = 0, h2 = ReLU(0 + 2·2) = 4, h3 = ReLU(4 + 0) = 4.',
      input: { Wxh: 2, Whh: 1, h0: -3, xs: [1, 2, 0], activation: 'relu' },
      answer: { h: [[0], [4], [4]], z: [[-1], [4], [4]] },
    },
    {
      title: 'BITS: two tanh neurons, all weights and biases 0.2, h_prev = [0.3, 0.4], x = [0.5, 0.6], sigmoid output',
      source:
        'Exam problem; by hand with true matrix products: z = Wxh·x + Whh·h + b = [0.22, 0.22] + [0.14, 0.14] + [0.2, 0.2] = [0.56, 0.56], h = tanh(0.56) = 0.507977…, y = σ(0.2·0.507977 + 0.2·0.507977 + 0.2) = σ(0.403191) = 0.599454… (NumPy gives the same). The rubric multiplies element-wise ([0.06, 0.08] + [0.1, 0.12]) and drops the bias inside tanh, getting 0.556.',
      input: {
        Wxh: [
          [0.2, 0.2],
          [0.2, 0.2],
        ],
        Whh: [
          [0.2, 0.2],
          [0.2, 0.2],
        ],
        bh: [0.2, 0.2],
        h0: [0.3, 0.4],
        xs: [[0.5, 0.6]],
        activation: 'tanh',
        Why: [[0.2, 0.2]],
        by: [0.2],
        outputActivation: 'sigmoid',
      },
      answer: {
        z: [[0.56, 0.56]],
        h: [[0.5079774328978962, 0.5079774328978962]],
        y: [[0.5994540836987804]],
      },
    },
    {
      title: 'BITS: linear RNN h(t+1) = −h(t) + x(t+1), y = σ(10·h), input 1 at even t (4 steps)',
      source:
        'Exam problem (its t = 0 is t = 1 here); by hand: h = 1, −1 + 0 = −1, 1 + 1 = 2, −2 + 0 = −2, y = σ(10), σ(−10), σ(20), σ(−20) ≈ 1, 0, 1, 0: the output oscillates while |h| grows by one every two steps. The first rubric forgets x = 1 at t = 2 (h2 = 1); the second has h2 = 2 right.',
      input: { Wxh: 1, Whh: -1, h0: 0, xs: [1, 0, 1, 0], activation: 'linear', Why: 10, outputActivation: 'sigmoid' },
      answer: {
        h: [[1], [-1], [2], [-2]],
        y: [[0.9999546021312976], [4.5397868702434395e-5], [0.9999999979388463], [2.0611536181902037e-9]],
      },
    },
    {
      title:
        'BITS sample RNN: weights that change per time step, U = [0.5, 0.6, 0.2], W = [0.2, 0.3, 0.8], V = [0.4, 0.2, 0.1], x = 1, 1, 0',
      source:
        'Exam problem (s_t = σ(U·x_t + W·s_{t−1}), ŷ_t = ReLU(V·s_t), s_0 = 0, no biases; the t-th entry of U, W, V is the weight of time step t). By hand (Python math.exp): s₁ = σ(0.5) = 0.622459, ŷ₁ = 0.4·s₁ = 0.248984; s₂ = σ(0.6 + 0.3·0.622459) = σ(0.786738) = 0.687130, ŷ₂ = 0.137426; s₃ = σ(0 + 0.8·0.687130) = σ(0.549704) = 0.634067, ŷ₃ = 0.063407. The rubric rounds σ(0.5) to 0.6 and carries it on (0.68, 0.63; ŷ = 0.24, 0.136, 0.063).',
      input: {
        xs: [1, 1, 0],
        h0: 0,
        activation: 'sigmoid',
        outputActivation: 'relu',
        weightsPerStep: [
          { U: 0.5, W: 0.2, V: 0.4 },
          { U: 0.6, W: 0.3, V: 0.2 },
          { U: 0.2, W: 0.8, V: 0.1 },
        ],
      },
      answer: {
        z: [[0.5], [0.7867377993605563], [0.5497043552042242]],
        h: [[0.6224593312018546], [0.6871304440052802], [0.6340669964387811]],
        y: [[0.24898373248074185], [0.13742608880105606], [0.06340669964387811]],
      },
    },
  ],
});
