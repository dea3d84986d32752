import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { expectNear, itRejects } from './input-errors.test-util.js';
import { softmax } from './softmax.js';

const run = (input: unknown) => solve('optim/softmax', input);

describe('optim/softmax: exam cases (derived by hand in each example source)', () => {
  for (const example of softmax.examples) {
    it(example.title, () => {
      expectNear(run(example.input).answer, example.answer);
    });
  }

  it('BITS exam: predicted-class probability and the class 1 − class 3 difference', () => {
    // e^12/(e^10 + e^8 + e^12 + e^5) and (e^8 − e^5)/(same), written out independently of the solver's max shift.
    const S = Math.exp(10) + Math.exp(8) + Math.exp(12) + Math.exp(5);
    const p = run({ logits: [10, 8, 12, 5] }).answer.probabilities as number[];
    expectNear(p[2], Math.exp(12) / S);
    expectNear((p[1] as number) - (p[3] as number), (Math.exp(8) - Math.exp(5)) / S);
    expectNear(p[2], 0.8661287168, 1e-9);
  });

  it('the TensorFlow question: X·Wᵀ + b by hand is [0.9, 0.8, 0.6]', () => {
    const X = [2, 0, 1, 0];
    const W = [
      [0.2, 0.3, 0.2, 0.1],
      [0.1, 0.2, 0.5, 0.1],
      [0.2, 0.1, 0.1, 0.1],
    ];
    const b = [0.3, 0.1, 0.1];
    const logits = W.map((row, i) => row.reduce((acc, w, j) => acc + w * (X[j] as number), b[i] as number));
    expectNear(logits, [0.9, 0.8, 0.6]);
  });
});

describe('optim/softmax: conventions', () => {
  it('a matrix is softmaxed row by row', () => {
    const p = run({
      logits: [
        [0, 0],
        [Math.log(3), 0],
      ],
    }).answer.probabilities;
    expectNear(p, [
      [0.5, 0.5],
      [0.75, 0.25],
    ]);
  });

  it('steps subtract the maximum and latex stays ASCII', () => {
    const sol = run({ logits: [10, 8, 12, 5] });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('max z = 12');
    expect(text).toContain('(z − max z) = [−2, −4, 0, −7]');
    for (const st of sol.steps) expect(st.latex).toMatch(/^[\x20-\x7E]*$/);
  });

  it('a tiny temperature gives a one-hot without NaN', () => {
    expectNear(run({ logits: [1, 2, 3], temperature: 1e-300 }).answer.probabilities, [0, 0, 1]);
  });
});

describe('optim/softmax: bad input is a DnnInputError naming the field', () => {
  itRejects('optim/softmax', [
    ['zero temperature', { logits: [1, 2], temperature: 0 }, 'temperature', /greater than 0/],
    ['negative temperature', { logits: [1, 2], temperature: -1 }, 'temperature', /greater than 0/],
    ['no logits', {}, 'logits', /required/],
    ['empty logits', { logits: [] }, 'logits', /empty/],
    ['ragged rows', { logits: [[1, 2], [3]] }, 'logits[1]', /equally long/],
    ['text logit', { logits: [1, 'two'] }, 'logits', /\[1\] must be a finite number/],
    ['misspelt field', { logits: [1, 2], temp: 2 }, 'temp', /not a field/],
  ]);
});
