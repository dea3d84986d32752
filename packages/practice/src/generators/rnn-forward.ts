/** Questions for rnn/forward: an Elman RNN unrolled over a short sequence, scalar at `easy`. */
import { defineGenerator } from '../generator.js';
import { defineRubric, flatSingles } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, matrix, show, smallValue } from './numbers.js';

/** Generator of rnn/forward questions. */
export const rnnForwardGenerator = defineGenerator<Record<string, unknown>>({
  id: 'rnn/forward',
  generate(rng, difficulty) {
    const value = () => smallValue(rng, difficulty);
    const steps = byDifficulty(difficulty, 3, rng.int(2, 3), rng.int(3, 4));
    const activation = byDifficulty(
      difficulty,
      rng.pick(['relu', 'linear'] as const),
      rng.pick(['relu', 'tanh'] as const),
      rng.pick(['tanh', 'sigmoid', 'relu'] as const),
    );
    if (difficulty === 'easy') {
      const input = {
        Wxh: value(),
        Whh: value(),
        h0: rng.int(-2, 2),
        xs: rng.list(steps, () => rng.int(-2, 3)),
        activation,
      };
      return {
        question: `A scalar RNN computes h_t = ${activation}(Whh·h_{t−1} + Wxh·x_t) with Wxh = ${input.Wxh}, Whh = ${input.Whh} and h_0 = ${input.h0}. Compute the hidden states for the inputs x = ${show(input.xs)}.`,
        input,
      };
    }
    const H = difficulty === 'medium' ? 2 : rng.int(2, 3);
    const D = rng.int(1, 2);
    const O = difficulty === 'hard' ? rng.int(1, 3) : 1;
    const withOutput = difficulty === 'hard' || rng.chance(0.5);
    const outputActivation =
      O > 1 ? rng.pick(['softmax', 'linear'] as const) : rng.pick(['linear', 'sigmoid'] as const);
    const input = {
      Wxh: matrix(rng, H, D, value),
      Whh: matrix(rng, H, H, value),
      bh: rng.list(H, value),
      h0: rng.list(H, () => 0),
      xs: rng.list(steps, () => (D === 1 ? rng.int(-2, 2) : rng.list(D, () => rng.int(-2, 2)))),
      activation,
      ...(withOutput ? { Why: matrix(rng, O, H, value), by: rng.list(O, value), outputActivation } : {}),
    };
    const output = withOutput
      ? ` and outputs y_t = ${outputActivation}(Why·h_t + b_y) with Why = ${show(input.Why)}, b_y = ${show(input.by)}`
      : '';
    return {
      question: `An RNN has hidden states h_t = ${activation}(Wxh·x_t + Whh·h_{t−1} + b_h) with Wxh = ${show(input.Wxh)}, Whh = ${show(input.Whh)}, b_h = ${show(input.bh)}, h_0 = 0${output}. Compute the pre-activations, hidden states${withOutput ? ' and outputs' : ''} for the input sequence x = ${show(input.xs)}.`,
      input,
    };
  },
  /** Non-trivial: some hidden state is not 0. */
  nonTrivial: (a) => nonZero(a.h),
});

/**
 * Grading weights of rnn/forward: the hidden states, then pre-activations (asked for the matrix form only) and
 * outputs (scalar states may be written flat).
 */
export const rnnForwardRubric = defineRubric({
  id: 'rnn/forward',
  fields: [
    { path: 'h', points: 3, equivalents: flatSingles },
    {
      path: 'z',
      points: 1,
      equivalents: flatSingles,
      when: (input) => Array.isArray((input as { Wxh?: unknown }).Wxh),
    },
    { path: 'y', points: 2, equivalents: flatSingles, when: (input) => hasOutput(input) },
  ],
});

function hasOutput(input: unknown): boolean {
  return input !== null && typeof input === 'object' && 'Why' in input;
}
