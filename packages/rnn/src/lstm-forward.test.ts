import { describe, expect, it } from 'vitest';
import { describeBadInputs, describeExamples } from './checks.test-util.js';
import { solve } from './index.js';
import { lstmForward } from './lstm-forward.js';

describeExamples(lstmForward);

const ones = { i: 1, f: 1, g: 1, o: 1 };
const zeros = { i: 0, f: 0, g: 0, o: 0 };

describe('rnn/lstm-forward: conventions and steps', () => {
  it('the standard LSTM by hand: all weights 0, x = 1, c0 = 2', () => {
    // i = f = o = σ(0) = 1/2, g = tanh(0) = 0: c1 = ½·2 + ½·0 = 1, h1 = ½·tanh(1).
    const { answer } = solve('rnn/lstm-forward', { Wx: zeros, Wh: zeros, c0: 2, xs: [1] });
    expect(answer.c).toEqual([[1]]);
    expect(answer.h).toEqual([[0.5 * Math.tanh(1)]]);
    expect(answer.gates).toEqual([{ i: [0.5], f: [0.5], g: [0], o: [0.5] }]);
  });

  it('the cell activation variants change only h_t = o∘act(c_t)', () => {
    const base = { Wx: zeros, Wh: zeros, c0: 2, xs: [1] };
    expect(solve('rnn/lstm-forward', { ...base, cellActivation: 'linear' }).answer.h).toEqual([[0.5]]);
    expect(solve('rnn/lstm-forward', { ...base, cellActivation: 'sigmoid' }).answer.h).toEqual([
      [0.5 / (1 + Math.exp(-1))],
    ]);
  });

  it('a sigmoid candidate gives g = σ(…)', () => {
    // g = σ(0) = ½, c1 = ½·0 + ½·½ = ¼.
    const { answer } = solve('rnn/lstm-forward', { Wx: zeros, Wh: zeros, xs: [1], candidateActivation: 'sigmoid' });
    expect(answer.c).toEqual([[0.25]]);
  });

  it('biases, vectors and an output layer', () => {
    // H = 2, D = 1, weights 0, b.f = [100, −100]: f ≈ [1, 0]; c0 = [1, 1] → c1 ≈ [1 + ½·0, 0 + ½·0] = [1, 0].
    const Wx = { i: [[0], [0]], f: [[0], [0]], g: [[0], [0]], o: [[0], [0]] };
    const Wh = {
      i: [
        [0, 0],
        [0, 0],
      ],
      f: [
        [0, 0],
        [0, 0],
      ],
      g: [
        [0, 0],
        [0, 0],
      ],
      o: [
        [0, 0],
        [0, 0],
      ],
    };
    const { answer } = solve('rnn/lstm-forward', {
      Wx,
      Wh,
      b: { f: [100, -100] },
      c0: [1, 1],
      xs: [[3]],
      Why: [[1, 1]],
      by: 0.5,
    });
    const c = (answer.c as number[][])[0] ?? [];
    expect(c[0]).toBeCloseTo(1, 12);
    expect(c[1]).toBeCloseTo(0, 12);
    expect((answer.y as number[][])[0]?.[0]).toBeCloseTo(0.5 * Math.tanh(1) + 0.5, 12);
  });

  it('the notes answer the gate-identification question of the exam', () => {
    const sol = solve('rnn/lstm-forward', { Wx: ones, Wh: ones, xs: [1], cellActivation: 'linear' });
    const notes = sol.notes.join(' ');
    expect(notes).toMatch(/g1 is the output gate, g2 the forget gate, g3 the update \(input\) gate/);
    expect(notes).toMatch(/TUM form h_t = o∘c_t/);
  });

  it('steps give each gate, the cell state and the hidden state per time step', () => {
    const titles = solve('rnn/lstm-forward', { Wx: ones, Wh: ones, xs: [1, 2] }).steps.map((s) => s.title);
    expect(titles).toContain('t = 2: forget gate');
    expect(titles).toContain('t = 2: cell state');
    expect(titles).toContain('t = 2: hidden state');
  });
});

describeBadInputs('rnn/lstm-forward', [
  ['empty sequence', { Wx: ones, Wh: ones, xs: [] }, 'xs', /at least 1/],
  ['missing gate', { Wx: { i: 1, f: 1, g: 1 }, Wh: ones, xs: [1] }, 'Wx.o', /required/],
  [
    'non-square Wh',
    { Wx: ones, Wh: { ...ones, f: [[1, 2]] }, xs: [1] },
    'Wh.f[0]',
    /has 2 columns, but Wh.f must be \[H\]\[H\]/,
  ],
  [
    'Wx of the wrong size',
    { Wx: { ...ones, g: [[1, 2]] }, Wh: ones, xs: [1] },
    'Wx.g[0]',
    /must be \[H\]\[D\] .* = 1×1/,
  ],
  ['bias of the wrong length', { Wx: ones, Wh: ones, b: { o: [1, 2] }, xs: [1] }, 'b.o', /must have 1 entry/],
  ['c0 of the wrong length', { Wx: ones, Wh: ones, c0: [0, 0], xs: [1] }, 'c0', /must have 1 entry/],
  [
    'unknown cell activation',
    { Wx: ones, Wh: ones, xs: [1], cellActivation: 'relu' },
    'cellActivation',
    /must be one of "tanh", "sigmoid", "linear"/,
  ],
  [
    'unknown candidate activation',
    { Wx: ones, Wh: ones, xs: [1], candidateActivation: 'linear' },
    'candidateActivation',
    /must be one of/,
  ],
  ['unknown gate name', { Wx: { ...ones, c: 1 }, Wh: ones, xs: [1] }, 'Wx.c', /not a field/],
  [
    'overflow',
    { Wx: { ...ones, g: 1e308 }, Wh: ones, b: { g: 1e308 }, xs: [1e308], cellActivation: 'linear' },
    'xs[0]',
    /overflows/,
  ],
]);
