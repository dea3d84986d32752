/** Questions for optim/loss: a loss value and its gradient for a few predictions. */
import { defineGenerator } from '../generator.js';
import type { Rng } from '../rng.js';
import { defineRubric } from '../rubric.js';
import { positive } from './non-trivial.js';
import { byDifficulty, distribution, show } from './numbers.js';

type Kind = 'bce' | 'cross-entropy' | 'softmax-cross-entropy' | 'mse' | 'sse' | 'half-sse' | 'hinge' | 'exponential';

/** Predictions and targets of one sample (a row) for the kind. */
function row(rng: Rng, kind: Kind, size: number, hard: boolean): { p: number[]; t: number[] } {
  const hot = rng.int(0, size - 1);
  const oneHot = Array.from({ length: size }, (_, i) => (i === hot ? 1 : 0));
  switch (kind) {
    case 'cross-entropy':
      return { p: distribution(rng, size, hard ? 100 : rng.pick([4, 8, 10])), t: oneHot };
    case 'softmax-cross-entropy':
      return { p: rng.list(size, () => (hard ? rng.decimal(-3, 3, 1) + 0 : rng.int(-2, 3))), t: oneHot };
    case 'bce':
      return {
        p: rng.list(size, () => (hard ? rng.decimal(0.01, 0.99, 2) : rng.pick([0.1, 0.2, 0.25, 0.5, 0.75, 0.8, 0.9]))),
        t: rng.list(size, () => rng.int(0, 1)),
      };
    case 'hinge':
    case 'exponential':
      return {
        p: rng.list(size, () => (hard ? rng.decimal(-2, 2, 2) + 0 : rng.int(-4, 4) / 2)),
        t: rng.list(size, () => rng.pick([-1, 1])),
      };
    default:
      return {
        p: rng.list(size, () => (hard ? rng.decimal(-2, 2, 2) + 0 : rng.int(-3, 5))),
        t: rng.list(size, () => (hard ? rng.decimal(-2, 2, 2) + 0 : rng.int(-3, 5))),
      };
  }
}

/** Generator of optim/loss questions. */
export const optimLossGenerator = defineGenerator({
  id: 'optim/loss',
  generate(rng, difficulty) {
    const kind = rng.pick<Kind>(
      byDifficulty(
        difficulty,
        ['mse', 'bce', 'cross-entropy', 'hinge'],
        ['softmax-cross-entropy', 'sse', 'half-sse', 'bce', 'cross-entropy', 'exponential'],
        ['bce', 'cross-entropy', 'softmax-cross-entropy', 'mse', 'hinge', 'exponential', 'half-sse'],
      ),
    );
    const size = rng.int(2, byDifficulty(difficulty, 3, 4, 5));
    const samples = difficulty === 'hard' ? rng.int(1, 3) : 1;
    const rows = rng.list(samples, () => row(rng, kind, size, difficulty === 'hard'));
    const predictions = samples === 1 ? rows[0]!.p : rows.map((r) => r.p);
    const targets = samples === 1 ? rows[0]!.t : rows.map((r) => r.t);
    const reduction = difficulty === 'easy' ? 'mean' : rng.pick(['mean', 'sum'] as const);
    const logBase = difficulty === 'hard' && kind.includes('entropy') ? rng.pick(['e', 2] as const) : 'e';
    const what = kind === 'softmax-cross-entropy' ? 'logits' : 'predictions';
    return {
      question: `Compute the ${kind} loss (${reduction} reduction${logBase === 2 ? ', logarithms in base 2' : ''}) of the ${what} ${show(predictions)} for the targets ${show(targets)}, and its gradient with respect to the ${what}.`,
      input: { kind, predictions, targets, reduction, logBase },
    };
  },
  /** Non-trivial: the loss is above 0. */
  nonTrivial: (a) => positive(a.loss),
});

/** Grading weights of optim/loss: the loss, then its gradient. */
export const optimLossRubric = defineRubric({
  id: 'optim/loss',
  fields: [
    { path: 'loss', points: 3 },
    { path: 'gradient', points: 1 },
  ],
});
