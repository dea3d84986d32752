/** Questions for optim/gradient: backpropagation through a small computation graph. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, show, smallValue } from './numbers.js';

/** Expressions of the lectures' computation-graph exercises, by difficulty. */
const EXPRESSIONS = {
  easy: ['(x + y) * z', 'w*x + b', '(w*x - t)^2', 'x*y + y*z', '(a + b) * (b + c)'],
  medium: [
    'sigmoid(w*x + b)',
    'relu(a*x + b*y + c)',
    '(sigmoid(w*x + b) - t)^2',
    'exp(x*y) + x^2',
    'log(1 + exp(-t*(w*x + b)))',
  ],
  hard: [
    'tanh(w1*x1 + w2*x2 + b)',
    'softplus(w*x) * sin(x)',
    'max(x*y, x + y) * z',
    'log(sigmoid(w*x + b))',
    '(tanh(w*x) - t)^2 / 2',
  ],
};

/** The variables of an expression, in order of appearance. */
export function variablesOf(expression: string): string[] {
  const names = expression.match(/\b[a-z][a-z0-9]*\b(?!\s*\()/gi) ?? [];
  return [...new Set(names.filter((n) => !['e', 'pi'].includes(n)))];
}

/** Generator of optim/gradient questions. */
export const optimGradientGenerator = defineGenerator({
  id: 'optim/gradient',
  generate(rng, difficulty) {
    const expression = rng.pick(byDifficulty(difficulty, EXPRESSIONS.easy, EXPRESSIONS.medium, EXPRESSIONS.hard));
    const at = Object.fromEntries(variablesOf(expression).map((n) => [n, smallValue(rng, difficulty)]));
    return {
      question: `Draw the computation graph of f = ${expression} and compute, by backpropagation, f and its gradient with respect to every variable at ${show(at)}.`,
      input: { expression, at },
    };
  },
  /** Non-trivial: some partial derivative is not 0. */
  nonTrivial: (a) => nonZero(a.gradient),
});

/** Grading weights of optim/gradient: the gradient, then the value. */
export const optimGradientRubric = defineRubric({
  id: 'optim/gradient',
  fields: [
    { path: 'gradient', points: 3 },
    { path: 'value', points: 1 },
  ],
});
