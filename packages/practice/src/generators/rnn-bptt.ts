/** Questions for rnn/bptt: backpropagation through time in a scalar RNN. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, show, smallValue } from './numbers.js';

/** Generator of rnn/bptt questions. */
export const rnnBpttGenerator = defineGenerator({
  id: 'rnn/bptt',
  generate(rng, difficulty) {
    const value = () => smallValue(rng, difficulty);
    const activation = byDifficulty(
      difficulty,
      rng.pick(['relu', 'linear'] as const),
      rng.pick(['relu', 'tanh', 'linear'] as const),
      rng.pick(['tanh', 'sigmoid', 'relu'] as const),
    );
    const xs = rng.list(byDifficulty(difficulty, 3, rng.int(2, 4), rng.int(3, 5)), () =>
      difficulty === 'hard' ? rng.decimal(-2, 2, 1) + 0 : rng.int(-2, 4),
    );
    const reluGradAtZero = activation === 'relu' && rng.chance(0.3) ? 1 : 0;
    const toY = difficulty === 'hard' && rng.chance(0.5);
    const input = {
      Wxh: value(),
      Whh: value(),
      h0: rng.int(-2, 2),
      xs,
      activation,
      reluGradAtZero,
      ...(toY ? { Why: value(), target: 'y' } : {}),
    };
    const target = toY ? `y_T = Why·h_T with Why = ${input.Why}` : 'the last hidden state h_T';
    return {
      question: `A scalar RNN computes h_t = ${activation}(Whh·h_{t−1} + Wxh·x_t) with Wxh = ${input.Wxh}, Whh = ${input.Whh}, h_0 = ${input.h0}${activation === 'relu' ? ` and ReLU′(0) = ${reluGradAtZero}` : ''}, on the inputs x = ${show(xs)}. Run the forward pass, then backpropagate through time: compute the derivatives of ${target} with respect to Whh, Wxh, every x_t and h_0.`,
      input,
    };
  },
  /** Non-trivial: the last state depends on the weights (a non-zero ∂h_T/∂Whh or ∂h_T/∂Wxh). */
  nonTrivial: (a) => nonZero([a.dWhh, a.dWxh]),
});

/** Grading weights of rnn/bptt: the weight gradients, then the states and the other derivatives. */
export const rnnBpttRubric = defineRubric({
  id: 'rnn/bptt',
  fields: [
    { path: 'dWhh', points: 2 },
    { path: 'dWxh', points: 2 },
    { path: 'h', points: 1 },
    { path: 'dx', points: 1 },
    { path: 'dh0', points: 0.5 },
  ],
});
