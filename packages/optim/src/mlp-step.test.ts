import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { expectNear, itRejects } from './input-errors.test-util.js';
import { mlpStep } from './mlp-step.js';

const run = (input: unknown) => solve('optim/mlp-step', input);
// biome-ignore lint/suspicious/noExplicitAny: the tests index into nested answer arrays freely
type Loose = any;
const answerOf = (input: unknown): Loose => run(input).answer;

const net121 = {
  layers: [
    { weights: [[0.5], [-0.6]], bias: [0.1, -0.2], activation: 'sigmoid' },
    { weights: [[0.7, -0.8]], bias: [0.3], activation: 'sigmoid' },
  ],
  input: 0.75,
  target: 1.25,
  loss: 'half-sse',
  lr: 0.1,
};

describe('optim/mlp-step: exam cases (derived in each example source)', () => {
  for (const example of mlpStep.examples) {
    it(example.title, () => {
      expectNear(run(example.input).answer, example.answer);
    });
  }

  it('1-2-1 sigmoid net: every gradient equals central finite differences from an independent script', () => {
    // Independent Python forward pass (σ written out), central differences with h = 1e-6:
    // [w1, w2, b1, b2, w3, w4, b3] gradients.
    const fd = [
      -0.018786685887506316, 0.02046563869761986, -0.025048914525926946, 0.027287518272745004, -0.09332560675645585,
      -0.05191606493315515, -0.15136340700272477,
    ];
    const g = answerOf(net121).gradients;
    expectNear(
      g,
      [
        { weights: [[fd[0]], [fd[1]]], bias: [fd[2], fd[3]] },
        { weights: [[fd[4], fd[5]]], bias: [fd[6]] },
      ],
      1e-8,
    );
    // SGD with η = 0.1: θ − 0.1·g.
    expectNear(
      run(net121).answer.updated,
      [
        { weights: [[0.5 - 0.1 * (fd[0] as number)], [-0.6 - 0.1 * (fd[1] as number)]] },
        { bias: [0.3 - 0.1 * (fd[6] as number)] },
      ],
      1e-8,
    );
  });

  it('Adam neuron: moments after one step are (1 − β1)·g and (1 − β2)·g², with g = (σ(−9) − 0.5)·[3.5, 1]', () => {
    const s = 1 / (1 + Math.exp(9));
    const gw = (s - 0.5) * 3.5;
    const gb = s - 0.5;
    const sol = run(mlpStep.examples[2]?.input);
    expectNear(sol.answer.gradients, [{ weights: [[gw]], bias: [gb] }]);
    expectNear(sol.answer.optimizerState, [
      { weights: { m: [[0.1 * gw]], v: [[0.01 * gw * gw]] }, bias: { m: [0.1 * gb], v: [0.01 * gb * gb] } },
    ]);
    // m̂ = g and v̂ = g², so the step is η·g/(|g| + ε): just under 0.1.
    expectNear(sol.answer.updated, [
      { weights: [[-2 + (0.1 * -gw) / (-gw + 1e-8)]], bias: [-2 + (0.1 * -gb) / (-gb + 1e-8)] },
    ]);
    expect(sol.notes.join(' ')).toMatch(/β₂ = 0.99/);
  });

  it('ReLU/tanh/softmax net: ∂L/∂w1 = 0.5·0.01·(1 − tanh²(0.245)) by hand, w1 → 0.5 − that', () => {
    const g = 0.005 * (1 - Math.tanh(0.245) ** 2);
    const a = answerOf(mlpStep.examples[3]?.input);
    expectNear(a.gradients[0].weights[0][0], g);
    expectNear(a.updated[0].weights[0][0], 0.5 - g);
    expectNear(a.deltas[2], [-0.5, 0.5]); // y − d, not the rubric's dL/dz2 = 0
    expect(a.updated[0].bias).toEqual([]); // no bias in the exam: none is created
  });
});

describe('optim/mlp-step: conventions', () => {
  it('dropout: a dropped unit outputs 0, its incoming weights get zero gradient, and nothing is rescaled', () => {
    const a = answerOf({ ...net121, dropoutMasks: [[1, 0], null] });
    expect(a.activations[0][1]).toBe(0);
    expectNear(a.activations[0][0], 1 / (1 + Math.exp(-0.475))); // kept unit unscaled
    expect(a.gradients[0].weights[1]).toEqual([0]);
    expect(a.gradients[0].bias[1]).toBe(0);
    expect(a.gradients[1].weights[0][1]).toBe(0); // its outgoing weight sees a⁽¹⁾₂ = 0
  });

  it('reluGradAtZero decides the gradient through a ReLU input that is exactly 0', () => {
    const input = {
      layers: [
        { weights: [[1, -1]], activation: 'relu' },
        { weights: [[2]], activation: 'linear' },
      ],
      input: [1, 1],
      target: 1,
      loss: 'half-sse',
      lr: 1,
    };
    // z¹ = 0, a¹ = 0, ŷ = 0, ∂L/∂ŷ = −1, ∂L/∂a¹ = −2, δ¹ = −2·ReLU′(0).
    expectNear(answerOf(input).deltas[0], [0]);
    expectNear(answerOf({ ...input, reluGradAtZero: 1 }).deltas[0], [-2]);
    expect(run(input).notes.join(' ')).toMatch(/ReLU′\(0\) = 0/);
  });

  it('step activation: exact forward pass, zero gradient, and a note saying so', () => {
    const sol = run({
      layers: [
        { weights: [[1, 1]], bias: [-1.5], activation: 'step' },
        { weights: [[1]], activation: 'linear' },
      ],
      input: [1, 1],
      target: 0,
      loss: 'mse',
      lr: 0.1,
    });
    expect(sol.answer.activations).toEqual([[1], [1]]);
    expect((sol.answer as Loose).gradients[0].weights).toEqual([[0, 0]]);
    expect(sol.notes.join(' ')).toMatch(/step activation: its derivative is 0/);
  });

  it('an optimizer object’s own lr wins over lr; optimizer names alone use the defaults', () => {
    const base = {
      layers: [{ weights: [[1]], bias: [0], activation: 'linear' }],
      input: 1,
      target: 0,
      loss: 'half-sse',
    };
    // g_w = 1, g_b = 1: sgd with lr 0.5 from the object, not 0.1.
    const own = run({ ...base, lr: 0.1, optimizer: { optimizer: 'sgd', lr: 0.5 } });
    expectNear(own.answer.updated, [{ weights: [[0.5]], bias: [-0.5] }]);
    expect(own.notes.join(' ')).toMatch(/own lr = 0.5 wins/);
    // "adam" with lr 0.1: first step moves by 0.1·g/(|g| + 1e-8).
    expectNear(answerOf({ ...base, lr: 0.1, optimizer: 'adam' }).updated[0].weights, [[1 - 0.1 / (1 + 1e-8)]]);
  });

  it('a softmax output with cross-entropy uses δ = a − t; softmax-cross-entropy on a softmax layer gets a warning', () => {
    const layers = [{ weights: [[1], [2]], bias: [0, 0], activation: 'softmax' }];
    const ok = run({ layers, input: 1, target: [0, 1], loss: 'cross-entropy', lr: 1 });
    const p = [Math.exp(1) / (Math.exp(1) + Math.exp(2)), Math.exp(2) / (Math.exp(1) + Math.exp(2))];
    expectNear((ok.answer as Loose).deltas[0], [p[0], (p[1] as number) - 1]);
    const twice = run({ layers, input: 1, target: [0, 1], loss: 'softmax-cross-entropy', lr: 1 });
    expect(twice.notes.join(' ')).toMatch(/applies another one/);
  });

  it('a saturated sigmoid output with BCE still has a finite loss (logs from the logits)', () => {
    // z = −800: σ(z) underflows to 0, but −ln σ(z) = softplus(800) = 800 exactly enough.
    const a = answerOf({
      layers: [{ weights: [[-800]], bias: [0], activation: 'sigmoid' }],
      input: 1,
      target: 1,
      loss: 'bce',
      lr: 0.1,
    });
    expectNear(a.loss, 800);
    expectNear(a.deltas[0], [-1]);
  });

  it('steps go layer by layer, forward then backward then update; latex stays ASCII', () => {
    const sol = run(net121);
    const titles = sol.steps.map((s) => s.title);
    const first = (t: string) => titles.findIndex((x) => x.startsWith(t));
    expect(first('Layer 1 (sigmoid), pre-activation')).toBeLessThan(first('Layer 2 (sigmoid), pre-activation'));
    expect(first('Layer 2 (sigmoid), pre-activation')).toBeLessThan(first('Loss'));
    expect(first('Loss')).toBeLessThan(first('Layer 2: δ'));
    expect(first('Layer 2: δ')).toBeLessThan(first('Layer 1: δ'));
    expect(first('Layer 1: δ')).toBeLessThan(first('Update'));
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('z_1 = 0.5·0.75 + 0.1 = 0.475');
    for (const st of sol.steps) expect(st.latex).toMatch(/^[\x20-\x7E]*$/);
  });
});

describe('optim/mlp-step: bad input is a DnnInputError naming the field', () => {
  const one = { weights: [[1]], bias: [0], activation: 'linear' };
  const base = { layers: [one], input: 1, target: 1, loss: 'mse', lr: 0.1 };
  itRejects('optim/mlp-step', [
    [
      'weights columns do not match the input',
      { ...base, layers: [{ ...one, weights: [[1, 2]] }] },
      'layers[0].weights',
      /has 2 columns \(inputs\) but the input vector has 1/,
    ],
    [
      'weights columns do not match the previous layer',
      { ...base, layers: [{ ...one, weights: [[1], [2]], bias: [0, 0] }, one] },
      'layers[1].weights',
      /layers\[0\] outputs 2/,
    ],
    ['bias length', { ...base, layers: [{ ...one, bias: [0, 0] }] }, 'layers[0].bias', /2 entries but the layer has 1/],
    ['target length', { ...base, target: [1, 2] }, 'target', /2 entries but the output layer has 1 units/],
    [
      'ragged weights',
      { ...base, layers: [{ ...one, weights: [[1], [1, 2]] }] },
      'layers[0].weights[1]',
      /equally long/,
    ],
    [
      'unknown activation',
      { ...base, layers: [{ ...one, activation: 'gelu' }] },
      'layers[0].activation',
      /must be one of/,
    ],
    ['masks count', { ...base, dropoutMasks: [[1], [1]] }, 'dropoutMasks', /2 entries but there are 1 layers/],
    ['mask length', { ...base, dropoutMasks: [[1, 0]] }, 'dropoutMasks[0]', /2 entries but layers\[0\] has 1 units/],
    ['mask value', { ...base, dropoutMasks: [[0.5]] }, 'dropoutMasks[0][0]', /0 \(dropped\) or 1 \(kept\)/],
    ['missing lr', { ...base, lr: undefined }, 'lr', /is required/],
    ['zero lr', { ...base, lr: 0 }, 'lr', /greater than 0/],
    ['momentum without μ', { ...base, optimizer: 'momentum' }, 'optimizer.momentum', /is required for momentum/],
    [
      'optimizer typo inside the object',
      { ...base, optimizer: { optimizer: 'adm' } },
      'optimizer',
      /field "optimizer" must be one of/,
    ],
    [
      'unknown optimizer option',
      { ...base, optimizer: { optimizer: 'adam', betta1: 0.9 } },
      'optimizer.betta1',
      /not a field/,
    ],
    ['no layers', { ...base, layers: [] }, 'layers', /at least 1/],
    [
      'bce on a linear output above 1',
      { ...base, input: 2, loss: 'bce' },
      'layers[0].activation',
      /between 0 and 1, got 2/,
    ],
    [
      'log(0) at the output with a non-zero target',
      { ...base, layers: [{ ...one, activation: 'relu', bias: [-5] }], loss: 'bce', logZero: -1e9 },
      'target',
      /infinite derivative/,
    ],
    [
      'overflowing pre-activation',
      { ...base, layers: [{ ...one, weights: [[1e308]], bias: [1e308] }] },
      'layers[0].weights',
      /overflows/,
    ],
  ]);
});
