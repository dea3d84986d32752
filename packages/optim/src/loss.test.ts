import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { expectNear, itRejects } from './input-errors.test-util.js';
import { loss } from './loss.js';

const run = (input: unknown) => solve('optim/loss', input);

describe('optim/loss: exam cases (derived by hand in each example source)', () => {
  for (const example of loss.examples) {
    it(example.title, () => {
      expectNear(run(example.input).answer, example.answer);
    });
  }

  it('TUM BCE case: the zero-target log(0) terms count 0 with or without logZero', () => {
    // Full BCE over [[0, .5], [.5, 0]] vs [[0, 1], [1, 0]]: the two p = 0 cells have t = 0, so
    // their t·ln p term vanishes and (1 − t)·ln(1 − 0) = 0: no log(0) is ever needed → 2 ln 2.
    const input = {
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
    };
    const sol = run(input);
    expectNear(sol.answer.loss, 2 * Math.LN2);
    expect(sol.notes.join(' ')).toMatch(/zero target counts 0/);
    // mean over all 4 elements: 2 ln 2 / 4.
    expectNear(run({ ...input, reduction: 'mean' }).answer.loss, Math.LN2 / 2);
  });
});

describe('optim/loss: conventions', () => {
  it('log(0) with a non-zero target uses logZero and leaves that gradient entry null with a reason', () => {
    // −[1·(−1e9)] = 1e9; the other cell: −ln(1 − 0.5)·1 = ln 2 (t = 0, p = 0.5). Sum = 1e9 + ln 2.
    const sol = run({ kind: 'bce', predictions: [0, 0.5], targets: [1, 0], reduction: 'sum', logZero: -1e9 });
    expectNear(sol.answer.loss, 1e9 + Math.LN2);
    expect((sol.answer.gradient as unknown[])[0]).toBeNull();
    expectNear((sol.answer.gradient as unknown[])[1], 2); // (1 − t)/(1 − p) = 1/0.5
    expect(sol.answer.gradientReason).toMatch(/infinite/);
    expect(sol.notes.join(' ')).toMatch(/logZero = -1000000000/);
  });

  it('mean divides by samples for the cross-entropies and by elements otherwise', () => {
    // Two samples, 3 classes, one-hot: −ln 0.5 and −ln 0.25; mean over 2 samples (not 6 cells).
    const ce = run({
      kind: 'cross-entropy',
      predictions: [
        [0.5, 0.25, 0.25],
        [0.25, 0.25, 0.5],
      ],
      targets: [
        [1, 0, 0],
        [0, 1, 0],
      ],
    }).answer;
    expectNear(ce.loss, (Math.log(2) + Math.log(4)) / 2);
    expectNear(ce.gradient, [
      [-1, 0, 0],
      [0, -2, 0],
    ]); // −t/p / 2
    // mse over the 4 elements: (1 + 4 + 0 + 9)/4.
    const mse = run({
      kind: 'mse',
      predictions: [
        [1, 2],
        [3, 4],
      ],
      targets: [
        [0, 0],
        [3, 7],
      ],
    }).answer;
    expectNear(mse.loss, 14 / 4);
    expectNear(mse.gradient, [
      [0.5, 1],
      [0, -1.5],
    ]); // 2(p − t)/4
  });

  it('sse and half-sse ignore reduction: mean', () => {
    expectNear(run({ kind: 'sse', predictions: [1, 2], targets: [0, 0], reduction: 'mean' }).answer.loss, 5);
    const half = run({ kind: 'half-sse', predictions: [1, 2], targets: [0, 0] });
    expectNear(half.answer.loss, 2.5);
    expect(half.notes.join(' ')).toMatch(/sum over all elements whatever/);
  });

  it('logBase 2 and 10 divide the natural-log loss and gradient', () => {
    const base = { kind: 'bce', predictions: [0.2], targets: [1] };
    const e = run(base).answer;
    const two = run({ ...base, logBase: 2 }).answer;
    const ten = run({ ...base, logBase: 10 }).answer;
    expectNear(e.loss, -Math.log(0.2));
    expectNear(two.loss, -Math.log2(0.2));
    expectNear(ten.loss, -Math.log10(0.2));
    expectNear((two.gradient as unknown[])[0], -5 / Math.LN2);
  });

  it('hinge: max(0, 1 − t·p) with subgradient 0 at the kink', () => {
    // terms: max(0, 1 − 0.5) = 0.5, max(0, 1 − 2) = 0, max(0, 1 − 1) = 0 (kink); mean over 3.
    const sol = run({ kind: 'hinge', predictions: [0.5, 2, -1], targets: [1, 1, -1] });
    expectNear(sol.answer.loss, 0.5 / 3);
    expectNear(sol.answer.gradient, [-1 / 3, 0, 0]);
    expect(sol.notes.join(' ')).toMatch(/kink/);
  });

  it('exponential: e^(−t·p)', () => {
    const sol = run({ kind: 'exponential', predictions: [0.5, -1], targets: [1, 1], reduction: 'sum' });
    expectNear(sol.answer.loss, Math.exp(-0.5) + Math.E);
    expectNear(sol.answer.gradient, [-Math.exp(-0.5), -Math.E]);
  });

  it('softmax-cross-entropy from logits of 1000 neither overflows nor reads log(0)', () => {
    // logits [1000, 0]: p ≈ [1, e^−1000 (underflows)], true class 1: ln(1 + e^1000)... = 1000 + ln(1 + e^−1000) ≈ 1000.
    const sol = run({ kind: 'softmax-cross-entropy', predictions: [1000, 0], targets: [0, 1] });
    expectNear(sol.answer.loss, 1000);
    expectNear(sol.answer.gradient, [1, -1]);
  });

  it('steps show the substituted terms and latex stays ASCII', () => {
    const sol = run({ kind: 'bce', predictions: [0.5], targets: [1] });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('ℓ_11 = −[1·ln(0.5) + (1 − 1)·ln(1 − 0.5)] = 0.69314718056');
    for (const st of sol.steps) expect(st.latex).toMatch(/^[\x20-\x7E]*$/);
  });

  it('a scalar prediction gives a one-entry gradient vector', () => {
    expectNear(run({ kind: 'mse', predictions: 3, targets: 1 }).answer, { loss: 4, gradient: [4] });
  });
});

describe('optim/loss: bad input is a DnnInputError naming the field', () => {
  itRejects('optim/loss', [
    ['unknown kind', { kind: 'l1', predictions: [1], targets: [1] }, 'kind', /must be one of/],
    ['missing targets', { kind: 'mse', predictions: [1] }, 'targets', /required/],
    ['mismatched shapes', { kind: 'mse', predictions: [1, 2], targets: [1, 2, 3] }, 'targets', /shape 1×3.*1×2/],
    [
      'ragged matrix',
      { kind: 'mse', predictions: [[1, 2], [3]], targets: [[1, 2], [3]] },
      'predictions[1]',
      /equally long/,
    ],
    ['empty predictions', { kind: 'mse', predictions: [], targets: [] }, 'predictions', /empty/],
    [
      'text in a grid',
      { kind: 'mse', predictions: [1, 'x'], targets: [1, 2] },
      'predictions',
      /\[1\] must be a finite number/,
    ],
    [
      'log(0) with target 1 and no logZero',
      { kind: 'bce', predictions: [0, 0.5], targets: [1, 0] },
      'predictions[0]',
      /log\(0\) is −∞.*logZero/,
    ],
    [
      'cross-entropy log(0) in a matrix',
      { kind: 'cross-entropy', predictions: [[0.5, 0.5, 0]], targets: [[0, 0, 1]] },
      'predictions[0][2]',
      /log\(0\)/,
    ],
    [
      'bce probability above 1',
      { kind: 'bce', predictions: [1.5], targets: [1] },
      'predictions[0]',
      /between 0 and 1, got 1.5/,
    ],
    [
      'cross-entropy targets not summing to 1',
      { kind: 'cross-entropy', predictions: [0.5, 0.5], targets: [1, 1] },
      'targets',
      /sum to 1, these sum to 2/,
    ],
    [
      'softmax-cross-entropy targets row not summing to 1',
      {
        kind: 'softmax-cross-entropy',
        predictions: [
          [1, 2],
          [3, 4],
        ],
        targets: [
          [1, 0],
          [0.5, 0.4],
        ],
      },
      'targets[1]',
      /sum to 1/,
    ],
    ['hinge with 0/1 targets', { kind: 'hinge', predictions: [0.3], targets: [0] }, 'targets[0]', /−1 or \+1/],
    ['positive logZero', { kind: 'bce', predictions: [0.3], targets: [1], logZero: 5 }, 'logZero', /at most 0/],
    ['bad log base', { kind: 'bce', predictions: [0.3], targets: [1], logBase: 3 }, 'logBase', /"e", 2 or 10/],
    ['misspelt field', { kind: 'mse', predictions: [1], targets: [1], reductions: 'sum' }, 'reductions', /not a field/],
    ['overflowing squares', { kind: 'sse', predictions: [1e200], targets: [-1e200] }, 'predictions', /overflows/],
  ]);
});
