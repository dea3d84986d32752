/** Questions for rnn/lstm-forward: an LSTM cell unrolled by hand, scalar at `easy`. */
import { defineGenerator } from '../generator.js';
import { defineRubric, flatSingles } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, matrix, show } from './numbers.js';

const GATES = ['i', 'f', 'g', 'o'] as const;

/** Generator of rnn/lstm-forward questions. */
export const rnnLstmForwardGenerator = defineGenerator({
  id: 'rnn/lstm-forward',
  generate(rng, difficulty) {
    const weight = () =>
      byDifficulty(difficulty, rng.int(-10, 10) / 10, rng.int(-10, 10) / 10, rng.decimal(-1, 1, 2) + 0) + 0;
    const H = difficulty === 'hard' ? rng.int(1, 2) : 1;
    const D = difficulty === 'hard' ? rng.int(1, 2) : 1;
    const scalar = H === 1 && D === 1;
    const gates = (rows: number, cols: number) =>
      Object.fromEntries(GATES.map((k) => [k, scalar ? weight() : matrix(rng, rows, cols, weight)]));
    const steps = byDifficulty(difficulty, rng.int(1, 2), 2, rng.int(2, 3));
    const withBias = difficulty !== 'easy' && rng.chance(0.5);
    const cellActivation = difficulty === 'easy' ? 'tanh' : rng.pick(['tanh', 'tanh', 'linear'] as const);
    const bias = () => Object.fromEntries(GATES.map((k) => [k, scalar ? weight() : rng.list(H, weight)]));
    const input = {
      Wx: gates(H, D),
      Wh: gates(H, H),
      ...(withBias ? { b: bias() } : {}),
      h0: scalar ? 0 : rng.list(H, () => 0),
      c0: scalar ? rng.int(0, 1) : rng.list(H, () => rng.int(-1, 1)),
      xs: rng.list(steps, () => (D === 1 ? rng.int(-1, 2) : rng.list(D, () => rng.int(-1, 2)))),
      cellActivation,
    };
    return {
      question: `An LSTM cell computes i, f, o = σ(Wx·x_t + Wh·h_{t−1}${withBias ? ' + b' : ''}), g = tanh(Wx_g·x_t + Wh_g·h_{t−1}${withBias ? ' + b_g' : ''}), c_t = f∘c_{t−1} + i∘g and h_t = o∘${cellActivation === 'linear' ? 'c_t' : 'tanh(c_t)'}, with Wx = ${show(input.Wx)}, Wh = ${show(input.Wh)}${withBias ? `, b = ${show(input.b)}` : ''}, h_0 = ${show(input.h0)} and c_0 = ${show(input.c0)}. Compute the gates, the cell states and the hidden states for the inputs x = ${show(input.xs)}.`,
      input,
    };
  },
  /** Non-trivial: some hidden state is not 0. */
  nonTrivial: (a) => nonZero(a.h),
});

/** Grading weights of rnn/lstm-forward: hidden and cell states, then the gate values. */
export const rnnLstmForwardRubric = defineRubric({
  id: 'rnn/lstm-forward',
  fields: [
    { path: 'h', points: 2, equivalents: flatSingles },
    { path: 'c', points: 2, equivalents: flatSingles },
    { path: 'gates', points: 1 },
  ],
});
