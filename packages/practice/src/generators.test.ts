import { describe, expect, it } from 'vitest';
import { distribution, polynomial, shuffle } from './generators/numbers.js';
import { variablesOf } from './generators/optim-gradient.js';
import { rank } from './generators/rank.js';
import { grade } from './grade.js';
import { rubrics } from './index.js';
import { createRng } from './rng.js';
import { registry } from './test-registry.test-util.js';

const gradeAnswer = (id: string, input: unknown, answer: unknown) => grade(registry, rubrics, id, input, answer);

describe('rubrics that accept another right answer', () => {
  // x AND y with output 1 when w·x + b > 0. By hand, w = [1, 1], b = −1.5: rows 00, 01, 10, 11 give z = −1.5,
  // −0.5, −0.5, 0.5 → 0, 0, 0, 1. With b = −0.5 the row 01 gives 0.5 > 0 → 1, which is wrong.
  const and = { expression: 'x & y', variables: ['x', 'y'] };

  it('logic/perceptron: any separating weights and bias get full marks', () => {
    const g = gradeAnswer('logic/perceptron', and, { separable: true, weights: [1, 1], bias: -1.5 });
    expect(g.score).toBe(g.maxScore);
    expect(gradeAnswer('logic/perceptron', and, { separable: 'yes', weights: ['1', 1], bias: '-3/2' }).score).toBe(4);
  });

  it('logic/perceptron: weights that misclassify a row, or leave the allowed values, do not', () => {
    expect(gradeAnswer('logic/perceptron', and, { separable: true, weights: [1, 1], bias: -0.5 }).score).toBe(2);
    // w = [2, 2], b = −3 computes AND but 2 ∉ {−1, 0, 1}; w = [1, 1], b = −1 computes AND (z = 1 only at 11) inside it.
    const domain = { ...and, weightDomain: [-1, 0, 1], biasDomain: [-1, 0, 1] };
    expect(gradeAnswer('logic/perceptron', domain, { separable: true, weights: [2, 2], bias: -3 }).score).toBe(2);
    expect(gradeAnswer('logic/perceptron', domain, { separable: true, weights: [1, 1], bias: -1 }).score).toBe(4);
  });

  it('logic/mlp: another 3-unit XOR network (OR and NAND into AND) gets full marks', () => {
    // By hand: 00 → OR 0, NAND 1 → AND 0; 01 and 10 → 1, 1 → 1; 11 → 1, 0 → 0.
    const network = [
      {
        weights: [
          [1, 1],
          [-1, -1],
        ],
        bias: [-0.5, 1.5],
      },
      { weights: [[1, 1]], bias: [-1.5] },
    ];
    const answer = { layers: network, perceptrons: 3, hiddenUnits: 2, depth: 2 };
    const g = gradeAnswer('logic/mlp', { expression: 'x ^ y' }, answer);
    expect(g.score).toBe(g.maxScore);
    const written = { ...answer, layers: [network[0], { weights: [['1', '1']], bias: '-3/2' }] };
    expect(gradeAnswer('logic/mlp', { expression: 'x ^ y' }, written).score).toBe(g.maxScore);
    // OR instead of AND at the output: row 00 gives 0 + 1 − 0.5 > 0 → 1, not XOR.
    const wrong = { ...answer, layers: [network[0], { weights: [[1, 1]], bias: [-0.5] }] };
    expect(gradeAnswer('logic/mlp', { expression: 'x ^ y' }, wrong).fields.at(-1)?.verdict).toBe('wrong');
  });

  it('conv/kernel-effect: the effects in any order', () => {
    const input = {
      kernel: [
        [-1, -1, -1],
        [-1, -1, -1],
        [-1, -1, -1],
      ],
      scale: 1 / 9,
    };
    const { answer } = registry.solve('conv/kernel-effect', input) as unknown as {
      answer: { effects: string[]; gain: number };
    };
    expect(answer.effects.length).toBeGreaterThan(1);
    const g = gradeAnswer('conv/kernel-effect', input, { effects: [...answer.effects].reverse(), gain: answer.gain });
    expect(g.score).toBe(g.maxScore);
  });
});

describe('rubrics grade what the question asks', () => {
  // Scalar ReLU RNN, Wxh = 3, Whh = −3, h0 = 0, x = [2, 3, 1]; by hand: z1 = 6, z2 = −18 + 9 = −9, z3 = 0 + 3 = 3,
  // so h = [6, 0, 3]; written flat, as a student would for a scalar RNN.
  it('rnn/forward: flat scalar states get full marks; neither z (not asked of a scalar RNN) nor y (no output layer) is graded', () => {
    const input = { Wxh: 3, Whh: -3, h0: 0, xs: [2, 3, 1], activation: 'relu' };
    const g = gradeAnswer('rnn/forward', input, { h: [6, 0, 3] });
    expect(g).toMatchObject({ score: 3, maxScore: 3 });
  });

  it('optim/mlp-step: weights in Keras’s [in][out] layout get full marks', () => {
    const input = {
      layers: [
        { weights: [[1], [2]], bias: [0, 0], activation: 'linear' },
        { weights: [[1, -1]], bias: [0], activation: 'linear' },
      ],
      input: 1,
      target: 0,
      loss: 'half-sse',
      lr: 0.5,
    };
    const { answer } = registry.solve('optim/mlp-step', input as Record<string, unknown>) as unknown as {
      answer: { updated: { weights: number[][] }[]; gradients: { weights: number[][] }[] };
    };
    const flip = (layers: { weights: number[][] }[]) =>
      layers.map((l) => ({ ...l, weights: (l.weights[0] ?? []).map((_, j) => l.weights.map((r) => r[j])) }));
    const g = gradeAnswer('optim/mlp-step', input, {
      ...answer,
      updated: flip(answer.updated),
      gradients: flip(answer.gradients),
    });
    expect(g.score).toBe(g.maxScore);
  });
});

describe('documented alternative forms, by hand', () => {
  it('optim/step: one row per step (θ_k and the gradient it used), without the starting point', () => {
    // SGD, lr 0.1, f = (2p + 3)², p0 = 6; by hand f′ = 4(2p + 3): g0 = 60 → p1 = 0; g1 = 12 → p2 = −1.2;
    // g2 = 4·0.6 = 2.4 → p3 = −1.44.
    const input = { optimizer: 'sgd', lr: 0.1, params: { p: 6 }, objective: '(2p + 3)^2', steps: 3 };
    const trajectory = [
      { params: { p: 0 }, grads: { p: 60 } },
      { params: { p: -1.2 }, grads: { p: 12 } },
      { params: { p: -1.44 }, grads: { p: 2.4 } },
    ];
    expect(gradeAnswer('optim/step', input, { final: { p: -1.44 }, trajectory })).toMatchObject({
      score: 5,
      maxScore: 5,
    });
  });

  it('conv/receptive-field: fields as tuples [r, r], as the exam asks', () => {
    // Three 3×3 convolutions, stride 1, no padding; by hand r = 3, 5, 7, jump 1, start 1, 2, 3.
    const input = { layers: [{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }] };
    const layers = [3, 5, 7].map((r, i) => ({ receptiveField: [r, r], jump: 1, start: i + 1 }));
    expect(gradeAnswer('conv/receptive-field', input, { receptiveField: '7×7', layers }).score).toBe(4.5);
  });

  it('optim/divergence: an undefined KL divergence written as ∞', () => {
    // P puts 0.5 on the last outcome, where Q is 0: KL(P‖Q) = +∞.
    const input = { p: [0.5, 0.5], q: [1, 0], kind: 'kl' };
    expect(gradeAnswer('optim/divergence', input, { value: '∞', defined: false }).score).toBe(4);
  });

  it('conv/forward: one filter’s output without its channel axis', () => {
    // One 1×1 filter of 2 on two channels [[1], [2]] and [[3], [4]]: by hand 1·2 + 3·2 = 8, 2·2 + 4·2 = 12,
    // so [1][2][1] = [[[8], [12]]], written [[8], [12]] with shape [2, 1].
    const input = {
      input: [
        [[1], [2]],
        [[3], [4]],
      ],
      weight: [[[[2]], [[2]]]],
    };
    expect(gradeAnswer('conv/forward', input, { output: [[8], [12]], outputShape: [2, 1] }).score).toBe(4);
  });
});

describe('generator helpers', () => {
  it('variablesOf lists the variables, not the function names', () => {
    expect(variablesOf('log(1 + exp(-t*(w*x + b)))')).toEqual(['t', 'w', 'x', 'b']);
    expect(variablesOf('tanh(w1*x1 + w2*x2 + b) * e')).toEqual(['w1', 'x1', 'w2', 'x2', 'b']);
  });

  it('polynomial writes signs and unit coefficients as an exam does', () => {
    expect(
      polynomial([
        [2, 'x^2'],
        [-1, 'x*y'],
        [0, 'y'],
        [-3, ''],
      ]),
    ).toBe('2x^2 - x*y - 3');
    expect(polynomial([[0, 'x']])).toBe('0');
  });

  it('distribution gives multiples of 1/denominator summing to 1', () => {
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const p = distribution(rng, 4, 8);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(p.every((v) => v >= 1 / 8 && Number.isInteger(v * 8))).toBe(true);
    }
  });

  it('rank and shuffle', () => {
    expect(
      rank([
        [1, 2],
        [2, 4],
      ]),
    ).toBe(1);
    expect(
      rank([
        [0, 1],
        [1, 0],
        [1, 1],
      ]),
    ).toBe(2);
    expect(shuffle(createRng(1), [1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
