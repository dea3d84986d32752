/** Questions for optim/mlp-step: forward pass, backpropagation and one SGD update of a two-layer network. */
import { defineGenerator } from '../generator.js';
import { defineRubric, transposedWeights } from '../rubric.js';
import { changed, positive } from './non-trivial.js';
import { byDifficulty, matrix, show, smallValue } from './numbers.js';

/** The output layer and its loss. */
interface Head {
  activation: 'linear' | 'sigmoid';
  loss: 'half-sse' | 'bce' | 'mse' | 'softmax-cross-entropy';
  outputs: number;
}

/** Generator of optim/mlp-step questions. */
export const optimMlpStepGenerator = defineGenerator({
  id: 'optim/mlp-step',
  generate(rng, difficulty) {
    const value = () => smallValue(rng, difficulty === 'easy' ? 'medium' : difficulty);
    const inputs = rng.int(1, byDifficulty(difficulty, 2, 2, 3));
    const hidden = rng.int(1, byDifficulty(difficulty, 2, 2, 3));
    const hiddenActivation = rng.pick(
      byDifficulty(
        difficulty,
        ['relu', 'linear'] as const,
        ['sigmoid', 'relu'] as const,
        ['sigmoid', 'tanh', 'relu'] as const,
      ),
    );
    const head = rng.pick<Head>(
      byDifficulty(
        difficulty,
        [{ activation: 'linear', loss: 'half-sse', outputs: 1 }],
        [
          { activation: 'linear', loss: 'half-sse', outputs: 1 },
          { activation: 'sigmoid', loss: 'half-sse', outputs: 1 },
          { activation: 'sigmoid', loss: 'bce', outputs: 1 },
        ],
        [
          { activation: 'sigmoid', loss: 'bce', outputs: 1 },
          { activation: 'linear', loss: 'mse', outputs: 2 },
          { activation: 'linear', loss: 'softmax-cross-entropy', outputs: 3 },
        ],
      ),
    );
    const layers = [
      { weights: matrix(rng, hidden, inputs, value), bias: rng.list(hidden, value), activation: hiddenActivation },
      {
        weights: matrix(rng, head.outputs, hidden, value),
        bias: rng.list(head.outputs, value),
        activation: head.activation,
      },
    ];
    const input = rng.list(inputs, () => rng.int(-2, 3));
    const hot = rng.int(0, head.outputs - 1);
    const target =
      head.loss === 'softmax-cross-entropy'
        ? Array.from({ length: head.outputs }, (_, i) => (i === hot ? 1 : 0))
        : head.loss === 'bce'
          ? [rng.int(0, 1)]
          : rng.list(head.outputs, () => rng.int(-2, 3));
    const lr = rng.pick(byDifficulty(difficulty, [0.1, 0.5, 1], [0.1, 0.5], [0.1, 0.05, 0.01]));
    const describe = (l: (typeof layers)[number], name: string) =>
      `${name}: W = ${show(l.weights)}, b = ${show(l.bias)}, ${l.activation}`;
    return {
      question: `A network has a hidden layer (${describe(layers[0]!, 'layer 1')}) and an output layer (${describe(layers[1]!, 'layer 2')}); weights are [out][in]. For the input x = ${show(input)} and target ${show(target)}, with the ${head.loss} loss, compute the forward pass, the loss, the gradients of every weight and bias by backpropagation, and the parameters after one SGD step with learning rate ${lr}.`,
      input: { layers, input, target, loss: head.loss, lr },
    };
  },
  /** Non-trivial: the loss is above 0 and the SGD step changes the parameters. */
  nonTrivial: (a, input) => positive(a.loss) && changed(input.layers, a.updated),
});

/** Grading weights of optim/mlp-step: updated parameters and gradients (Keras's [in][out] layout accepted), then the forward pass. */
export const optimMlpStepRubric = defineRubric({
  id: 'optim/mlp-step',
  fields: [
    { path: 'updated', points: 3, equivalents: transposedWeights },
    { path: 'gradients', points: 2, equivalents: transposedWeights },
    { path: 'activations', points: 1 },
    { path: 'loss', points: 1 },
  ],
});
