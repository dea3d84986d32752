/**
 * rnn/forward — the forward pass of a (vector or scalar) simple RNN
 * h_t = act(Wxh·x_t + Whh·h_{t−1} + bh) with an optional output layer
 * y_t = outAct(Why·h_t + by), unrolled time step by time step.
 */
import { a, add, checkLimit, defineSolver, eq, mul, type Step, s, step, sym, type z } from '@dnn/core';
import { activate, activationChain, applyTex, stateActivationField } from './activations.js';
import { hiddenStates, outputs } from './answer-fields.js';
import {
  assertFinite,
  hiddenVector,
  scalarOrMatrix,
  scalarOrVector,
  sequence,
  squareMatrix,
  toMatrix,
  toSequence,
} from './arrays.js';
import { outputAt, outputCost, outputFields, parseOutputLayer } from './output-layer.js';
import { affine, atom } from './show.js';
import { DETAILED_STEPS, detailNote, tableStep } from './unroll.js';

const PREV = atom('h_{t−1}');

const input = s.object({
  Wxh: scalarOrMatrix('Input-to-hidden weights [H][D] (a number for a scalar RNN).'),
  Whh: scalarOrMatrix('Hidden-to-hidden (recurrent) weights [H][H], square; H is read from it.'),
  bh: scalarOrVector('Hidden bias [H] (optional, default zeros).').optional(),
  h0: scalarOrVector('Initial hidden state h_0 [H] (optional, default zeros).').optional(),
  xs: sequence('Input sequence x_1 … x_T: one number or vector of D features per time step.'),
  activation: stateActivationField,
  ...outputFields,
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
  solve(inp) {
    const Whh = squareMatrix(inp.Whh, 'Whh');
    const H = Whh.length;
    const xs = toSequence(inp.xs);
    const D = xs[0]?.length ?? 1;
    const Wxh = toMatrix(inp.Wxh, 'Wxh', H, D, `[H][D] (H = ${H} rows of Whh, D = ${D} features of xs[0])`);
    const bh = inp.bh === undefined ? undefined : hiddenVector(inp.bh, 'bh', H, 'the rows of Whh');
    const h0 = hiddenVector(inp.h0, 'h0', H, 'the rows of Whh');
    const out = parseOutputLayer(inp, H);
    const T = xs.length;
    checkLimit('xs', 'multiplyAdds', T * (H * (D + H) + outputCost(out)), 'the number of multiply-adds');
    checkLimit('xs', 'outputCells', T * (2 * H + (out?.W.length ?? 0)), 'the number of output values');

    const steps: Step[] = [
      step(
        'Recurrence',
        eq('z_t', add(mul('W_xh', 'x_t'), mul('W_hh', PREV), ...(bh ? ['b_h'] : []))),
        eq('h_t', applyTex(inp.activation, 'z_t')),
      ),
    ];
    const z: number[][] = [];
    const h: number[][] = [];
    const y: number[][] = [];
    let prev = h0;
    for (const [i, x] of xs.entries()) {
      const t = i + 1;
      const pre = affine(
        [
          { W: 'W_xh', v: `x_${t}`, M: Wxh, x },
          { W: 'W_hh', v: `h_${t - 1}`, M: Whh, x: prev },
        ],
        bh && { name: 'b_h', value: bh },
      );
      const ht = activate(inp.activation, pre.value);
      assertFinite(pre.value, `xs[${i}]`, `z_${t}`);
      z.push(pre.value);
      h.push(ht);
      if (t <= DETAILED_STEPS) {
        steps.push(step(`t = ${t}: pre-activation`, eq(`z_${t}`, ...pre.chain)));
        steps.push(
          step(
            `t = ${t}: hidden state`,
            eq(`h_${t}`, ...activationChain(inp.activation, [sym(`z_${t}`), ...pre.chain.slice(-1)], ht)),
          ),
        );
      }
      if (out) {
        const o = outputAt(out, t, ht);
        assertFinite(o.y, `xs[${i}]`, `y_${t}`);
        y.push(o.y);
        if (t <= DETAILED_STEPS) steps.push(o.step);
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
      ...(inp.bh === undefined ? ['No hidden bias (bh = 0).'] : []),
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
  ],
});
