/**
 * optim/mlp-step v2 options: forward pass only, steps with a carried optimizer state, initialState per layer,
 * weightLayout, and the notes on square matrices and unreachable targets. Numbers derived by hand in each test.
 */
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { expectNear, itRejects } from './input-errors.test-util.js';
import { mlpStep } from './mlp-step.js';

const run = (input: Record<string, unknown>) => solve('optim/mlp-step', input as Record<string, unknown>);
const example = (title: string) => {
  const found = mlpStep.examples.find((e) => e.title.includes(title));
  if (!found) throw new Error(`no example ${title}`);
  return found.input as Record<string, unknown>;
};

describe('optim/mlp-step: forward pass only (no target)', () => {
  it('exam line 1100: z = [0.9, 0.8, 0.6] by hand, softmax of it; no loss, gradients or update', () => {
    const sol = run(example('exam line 1100'));
    const a = sol.answer as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(['activations', 'preactivations']);
    expectNear(a.preactivations, [[0.9, 0.8, 0.6]], 1e-15);
    const sum = Math.exp(0.9) + Math.exp(0.8) + Math.exp(0.6);
    expectNear(a.activations, [[Math.exp(0.9) / sum, Math.exp(0.8) / sum, Math.exp(0.6) / sum]], 1e-15);
    expect(sol.notes.join(' ')).toMatch(/Forward pass only/);
    expect(sol.steps.some((s) => s.title.startsWith('Update'))).toBe(false);
  });
});

describe('optim/mlp-step: forward pass only, with a dropout mask', () => {
  it('masked units output 0, kept ones are not rescaled (by hand: relu([1, 2]) ∘ [1, 0] = [1, 0]); a note says so', () => {
    const sol = run({
      layers: [{ weights: [[1], [2]], activation: 'relu' }],
      input: 1,
      dropoutMasks: [[1, 0]],
    });
    expect(sol.answer.activations).toEqual([[1, 0]]);
    expect(sol.notes.join(' ')).toMatch(/without the 1\/\(1 − p\) rescaling/);
  });
});

describe('optim/mlp-step: several steps and a given optimizer state', () => {
  it('exam line 3204: classic momentum from the update t − 1 → t gives w1 = 0.35, w3 = 1.35 (by hand)', () => {
    const sol = run(example('exam line 3204'));
    const a = sol.answer as { updated: unknown; finalState: unknown };
    expectNear(a.updated, [{ weights: [[0.35, 0.5]] }, { weights: [[1.35], [-0.5]] }], 1e-15);
    expectNear(a.finalState, { velocity: [{ weights: [[0.35, 0]] }, { weights: [[0.35], [0]] }] }, 1e-15);
    expect(sol.notes.join(' ')).toMatch(/velocity as given.*previous update/);
  });

  it('two SGD steps on one linear neuron: w = 1 → 0.8 → 0.64 (by hand, L = ½(w·1 − 0)², g = w, η = 0.2)', () => {
    const sol = run({
      layers: [{ weights: 1, activation: 'linear' }],
      input: 1,
      target: 0,
      loss: 'half-sse',
      lr: 0.2,
      steps: 2,
    });
    const a = sol.answer as { trajectory: { loss: number; updated: { weights: number[][] }[] }[]; updated: unknown };
    expectNear(
      a.trajectory.map((e) => [e.loss, e.updated[0]?.weights[0]?.[0]]),
      [
        [0.5, 0.8],
        [0.32, 0.64],
      ],
      1e-15,
    );
    expectNear(a.updated, [{ weights: [[0.64]], bias: [] }], 1e-15);
    const titles = sol.steps.map((s) => s.title);
    expect(titles).toContain('Iteration 2: forward pass with the updated parameters');
    expect(titles.some((t) => t.startsWith('Update 2 (sgd'))).toBe(true);
    expect(sol.notes.join(' ')).toMatch(/2 steps on the same sample/);
  });

  it('Adam’s second step from t = 1 and the first step’s moments equals the 2-step run', () => {
    const base = {
      layers: [{ weights: [[-2]], bias: [-2], activation: 'sigmoid' }],
      input: 3.5,
      target: 0.5,
      loss: 'bce',
      optimizer: { optimizer: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.99 },
    };
    const one = run(base).answer as { updated: { weights: number[][]; bias: number[] }[]; finalState: object };
    const layers = [{ ...base.layers[0], weights: one.updated[0]?.weights, bias: one.updated[0]?.bias }];
    const chained = run({ ...base, layers, initialState: one.finalState }).answer as { updated: unknown };
    expect(chained.updated).toEqual((run({ ...base, steps: 2 }).answer as { updated: unknown }).updated);
  });
});

describe('optim/mlp-step: weight layout and notes', () => {
  const square = [
    [0.1, 0.2],
    [0.3, 0.4],
  ];
  it('a square matrix without weightLayout gets a note naming the order assumed', () => {
    const sol = run({ layers: [{ weights: square, activation: 'linear' }], input: [1, 1] });
    expect(sol.notes.join(' ')).toMatch(/layers\[0\]\.weights is square.*read as \[out\]\[in\].*"in-out"/);
  });

  it('in-out reads w_ij from input i to unit j: z_j = Σ_i x_i·w_ij, by hand z = [0.1 + 0.6, 0.2 + 0.8]', () => {
    const sol = run({ weightLayout: 'in-out', layers: [{ weights: square, activation: 'linear' }], input: [1, 2] });
    expectNear(sol.answer.preactivations, [[0.7, 1]], 1e-15);
    expect(sol.notes.join(' ')).toMatch(/weightLayout "in-out"/);
  });

  it('in-out steps read in the given layout: z = Wᵀ·a, ∂L/∂W = a·δᵀ, updated W as given', () => {
    const sol = run({
      weightLayout: 'in-out',
      layers: [{ weights: [[0.5], [0.7]], activation: 'linear' }],
      input: [1, 2],
      target: 0,
      loss: 'half-sse',
      lr: 1,
    });
    const text = sol.steps.map((s) => s.text).join('\n');
    // By hand: z = 0.5·1 + 0.7·2 = 1.9, δ = 1.9, ∂L/∂w_i1 = x_i·δ = [1.9, 3.8], w = [0.5 − 1.9, 0.7 − 3.8].
    expect(text).toContain('z^(1) = W^(1)^T·a^(0) = [[0.5], [0.7]]^T·[1, 2] = [1.9]');
    expect(text).toContain('∂L/∂W^(1) = a^(0)·δ^(1)ᵀ = [[1.9], [3.8]]');
    expectNear(sol.answer.updated, [{ weights: [[0.5 - 1.9], [0.7 - 3.8]], bias: [] }], 1e-15);
  });

  it('exam line 1768: a target of 2.5 under a sigmoid gets a note', () => {
    const sol = run(example('exam line 1768'));
    expect(sol.notes.join(' ')).toMatch(/target 2\.5 lies outside the range \(0, 1\) of the output activation sigmoid/);
  });

  it('targets 0 and 1 under a sigmoid get no such note', () => {
    const sol = run({ ...example('exam line 3204') });
    expect(sol.notes.join(' ')).not.toMatch(/outside the range/);
  });
});

describe('optim/mlp-step: bad v2 inputs', () => {
  const one = { weights: [[1, 2]], bias: [0], activation: 'linear' };
  const base = { layers: [one], input: [1, 1], target: 1, loss: 'mse', lr: 0.1 };
  const buffer = { weights: [[0, 0]], bias: [0] };
  itRejects('optim/mlp-step', [
    ['a loss without a target', { layers: [one], input: [1, 1], loss: 'mse' }, 'target', /is required with `loss`/],
    ['a target without a loss', { ...base, loss: undefined }, 'loss', /is required with a target/],
    [
      'an [in][out] matrix without weightLayout',
      { ...base, layers: [{ ...one, weights: [[1], [2]] }] },
      'layers[0].weights',
      /give weightLayout "in-out"/,
    ],
    [
      'a state buffer of the wrong shape',
      { ...base, optimizer: { optimizer: 'adam' }, initialState: { m: [{ weights: [[1]], bias: [0] }] } },
      'initialState.m[0].weights',
      /shape of layers\[0\]\.weights \(1×2\)/,
    ],
    [
      'a state buffer without the bias of a layer that has one',
      { ...base, optimizer: { optimizer: 'adam' }, initialState: { m: [{ weights: [[1, 1]] }] } },
      'initialState.m[0].bias',
      /has 0 entries but layers\[0\] has 1 units/,
    ],
    [
      'a state for the wrong optimizer',
      { ...base, optimizer: { optimizer: 'adam' }, initialState: { velocity: [{ weights: [[1, 1]], bias: [0] }] } },
      'initialState.velocity',
      /adam keeps no velocity/,
    ],
    [
      'a negative second moment, path in the given layout',
      {
        ...base,
        weightLayout: 'in-out',
        layers: [{ ...one, weights: [[1], [2]] }],
        optimizer: { optimizer: 'adam' },
        initialState: { v: [{ weights: [[0], [-1]], bias: [0] }] },
      },
      'initialState.v[0].weights[1][0]',
      /must be ≥ 0/,
    ],
    [
      'too much work: 10⁴ steps of a 21-parameter net (10⁴ × (21 + 30) > 10⁵)',
      { ...base, layers: [{ ...one, weights: [new Array(20).fill(0.1)] }], input: new Array(20).fill(1), steps: 10000 },
      'steps',
      /10000 steps × \(21 parameters \+ 30 per step\) = 510,000 work units, above this solver's limit of 100,000/,
    ],
    [
      'a state with one entry too many',
      { ...base, optimizer: 'rmsprop', initialState: { v: [buffer, buffer] } },
      'initialState.v',
      /2 entries but there are 1 layers/,
    ],
  ]);
});
