import { describe, expect, it } from 'vitest';
import { describeBadInputs, describeExamples } from './checks.test-util.js';
import { forward } from './forward.js';
import { solve } from './index.js';

describeExamples(forward);

describe('rnn/forward: conventions and steps', () => {
  it('scalars stand for 1×1 matrices and length-1 vectors; answers stay arrays', () => {
    const scalar = solve('rnn/forward', { Wxh: 3, Whh: -3, h0: 0, xs: [2, 3, 1], activation: 'relu' });
    const arrays = solve('rnn/forward', { Wxh: [[3]], Whh: [[-3]], h0: [0], xs: [[2], [3], [1]], activation: 'relu' });
    expect(scalar.answer).toEqual(arrays.answer);
    expect(scalar.answer.h).toEqual([[6], [0], [3]]);
  });

  it('softmax output sums to one per time step', () => {
    // z1 = 1·1 = 1, h1 = tanh(1); y = softmax([h1, −h1]) = [1/(1 + e^(−2h1)), …].
    const { y } = solve('rnn/forward', { Wxh: 1, Whh: 0, xs: [1], Why: [[1], [-1]], outputActivation: 'softmax' })
      .answer as { y: number[][] };
    const h1 = Math.tanh(1);
    expect(y[0]?.[0]).toBeCloseTo(1 / (1 + Math.exp(-2 * h1)), 12);
    expect((y[0]?.[0] ?? 0) + (y[0]?.[1] ?? 0)).toBeCloseTo(1, 12);
  });

  it('the default state activation is tanh and h0 defaults to zeros (noted)', () => {
    const sol = solve('rnn/forward', { Wxh: 0.5, Whh: 0.5, xs: [1, 1] });
    const h1 = Math.tanh(0.5);
    expect(sol.answer.h).toEqual([[h1], [Math.tanh(0.5 + 0.5 * h1)]]);
    expect(sol.notes.join(' ')).toMatch(/h_0 = 0/);
  });

  it('steps show true matrix–vector products for the two-neuron exam case', () => {
    const example = forward.examples[2];
    const text = solve('rnn/forward', example?.input)
      .steps.map((s) => s.text)
      .join('\n');
    expect(text).toContain('[[0.2, 0.2], [0.2, 0.2]]·[0.5, 0.6]ᵀ');
    expect(text).toContain('= [0.22, 0.22]ᵀ + [0.14, 0.14]ᵀ + [0.2, 0.2]ᵀ = [0.56, 0.56]ᵀ');
    expect(text).toContain('σ(0.403190973159) = 0.599454083699');
  });

  it('long sequences keep every value in the answer but cap the worked steps', () => {
    const sol = solve('rnn/forward', { Wxh: 0.1, Whh: 0.5, xs: new Array(150).fill(1) });
    expect((sol.answer.h as number[][]).length).toBe(150);
    expect(sol.notes.join(' ')).toMatch(/first 100 of 150/);
  });
});

describe('rnn/forward: weightsPerStep and the exam names U, W, V', () => {
  it('U, W, V are read as Wxh, Whh, Why, and a note names the mapping', () => {
    const named = solve('rnn/forward', { U: 3, W: -3, V: 2, h0: 0, xs: [2, 3, 1], activation: 'relu' });
    const plain = solve('rnn/forward', { Wxh: 3, Whh: -3, Why: 2, h0: 0, xs: [2, 3, 1], activation: 'relu' });
    expect(named.answer).toEqual(plain.answer);
    expect(named.notes.join(' ')).toMatch(/U → Wxh, W → Whh, V → Why/);
    expect(plain.notes.join(' ')).not.toMatch(/Exam names/);
  });

  it('a weight set per step overrides the top level field by field; the rest comes from the top level', () => {
    // By hand (linear): h1 = 1·1 + 0 = 1, h2 = 2·1 + 0.5·1 = 2.5 (Wxh of step 2 is 2, Whh from the top level 0.5).
    const sol = solve('rnn/forward', {
      Wxh: 1,
      Whh: 0.5,
      xs: [1, 1],
      activation: 'linear',
      weightsPerStep: [{}, { Wxh: 2 }],
    });
    expect(sol.answer.h).toEqual([[1], [2.5]]);
    expect(sol.notes.join(' ')).toMatch(/weightsPerStep\[t − 1\]/);
    expect(sol.steps.map((st) => st.title).join(' ')).toMatch(/the weights of time step 2/);
  });
});

const two = [
  [1, 0],
  [0, 1],
];
describeBadInputs('rnn/forward', [
  ['empty sequence', { Wxh: 1, Whh: 1, xs: [] }, 'xs', /at least 1/],
  [
    'non-square Whh',
    {
      Wxh: [[1], [1]],
      Whh: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      xs: [1],
    },
    'Whh[0]',
    /has 3 columns, but Whh must be \[H\]\[H\] \(square\) = 2×2/,
  ],
  [
    'Wxh with the wrong number of columns',
    { Wxh: two, Whh: two, xs: [1, 2] },
    'Wxh[0]',
    /has 2 columns, but Wxh must be \[H\]\[D\] \(H = 2 rows of Whh, D = 1 features of xs\[0\]\) = 2×1/,
  ],
  ['Wxh with too few rows', { Wxh: [[1]], Whh: two, xs: [[1]] }, 'Wxh', /must be .* = 2×1, but has 1 row/],
  ['scalar Wxh for a 2-unit layer', { Wxh: 1, Whh: two, xs: [1] }, 'Wxh', /= 2×1, but has 1 row/],
  ['bias of the wrong length', { Wxh: [[1], [1]], Whh: two, bh: [1, 2, 3], xs: [1] }, 'bh', /must have 2 entries/],
  ['h0 of the wrong length', { Wxh: 1, Whh: 1, h0: [0, 0], xs: [1] }, 'h0', /must have 1 entry .* but has 2/],
  ['ragged sequence', { Wxh: [[1, 1]], Whh: 1, xs: [[1, 2], [3]] }, 'xs[1]', /has 1 feature but xs\[0\] has 2/],
  ['unknown activation', { Wxh: 1, Whh: 1, xs: [1], activation: 'gelu' }, 'activation', /must be one of "tanh"/],
  [
    'unknown output activation',
    { Wxh: 1, Whh: 1, xs: [1], Why: 1, outputActivation: 'elu' },
    'outputActivation',
    /must be one of/,
  ],
  ['Why with the wrong width', { Wxh: 1, Whh: 1, xs: [1], Why: [[1, 2]] }, 'Why[0]', /must be \[O\]\[H\] = 1×1/],
  ['by without Why', { Wxh: 1, Whh: 1, xs: [1], by: 1 }, 'by', /needs the output weights Why/],
  [
    'output activation without Why',
    { Wxh: 1, Whh: 1, xs: [1], outputActivation: 'sigmoid' },
    'outputActivation',
    /give its weights Why/,
  ],
  ['text in a matrix', { Wxh: [[1, 'a']], Whh: 1, xs: [1] }, 'Wxh', /\[0\]\[1\] must be a finite number, not text "a"/],
  [
    'a flat list for a matrix',
    { Wxh: [0.2, 0.3], Whh: 1, xs: [1] },
    'Wxh',
    /flat list; write a matrix as a list of rows/,
  ],
  ['empty Whh', { Wxh: 1, Whh: [], xs: [1] }, 'Whh', /empty matrix/],
  ['overflow', { Wxh: 1e300, Whh: 1e300, xs: [1e300], activation: 'linear' }, 'xs[0]', /overflows the float64 range/],
  ['too many time steps', { Wxh: 1, Whh: 1, xs: new Array(10001).fill(0) }, 'xs', /at most 10000/],
  [
    'too much work',
    { Wxh: new Array(1000).fill([0]), Whh: new Array(1000).fill(new Array(1000).fill(0)), xs: new Array(300).fill(0) },
    'xs',
    /multiply-adds is 300,300,000, above this solver's limit of 100,000,000/,
  ],
  [
    // H = 100, D = 1: each step answers z_t and h_t (200 values); 5,001 steps give 1,000,200.
    'more than 10⁶ output values',
    { Wxh: new Array(100).fill([0]), Whh: new Array(100).fill(new Array(100).fill(0)), xs: new Array(5001).fill(0) },
    'xs',
    /output values \(T × \(2H \+ O\): z, h, y\) is 1,000,200, above this solver's limit of 1,000,000 per request/,
  ],
  ['both U and Wxh', { U: 1, Wxh: 1, Whh: 1, xs: [1] }, 'U', /exam name of Wxh .* give only one of U and Wxh/],
  ['no input weights at all', { Whh: 1, xs: [1] }, 'Wxh', /is required \(or its exam name U\)/],
  [
    'one weight set too few',
    { Wxh: 1, Whh: 1, xs: [1, 2], weightsPerStep: [{ Wxh: 1 }] },
    'weightsPerStep',
    /has 1 weight set but xs has 2 time steps/,
  ],
  [
    'a weight set without the recurrent weights and none at the top level',
    { Wxh: 1, xs: [1, 2], weightsPerStep: [{ W: 1 }, { U: 2 }] },
    'weightsPerStep[1].Whh',
    /give Whh \(or W\) in every weight set or once at the top level/,
  ],
  [
    'output weights for some time steps only',
    { Wxh: 1, Whh: 1, xs: [1, 2], weightsPerStep: [{ V: 1 }, {}] },
    'weightsPerStep[1].Why',
    /missing while other time steps give Why/,
  ],
  [
    'a per-step Whh of another size',
    { Wxh: 1, Whh: 1, xs: [1, 2], weightsPerStep: [{}, { Whh: two }] },
    'weightsPerStep[1].Whh',
    /must be \[H\]\[H\] \(square\) = 1×1, but has 2 rows/,
  ],
  [
    'a per-step output matrix of the wrong width, under its exam name',
    { Wxh: 1, Whh: 1, xs: [1, 2], weightsPerStep: [{ V: 1 }, { V: [[1, 2]] }] },
    'weightsPerStep[1].V[0]',
    /must be \[O\]\[H\] = 1×1/,
  ],
]);
