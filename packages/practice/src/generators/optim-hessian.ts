/** Questions for optim/hessian: classify a point of a function by its gradient and Hessian. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { polynomial, show } from './numbers.js';

/** Generator of optim/hessian questions: mostly critical points, found by construction. */
export const optimHessianGenerator = defineGenerator({
  id: 'optim/hessian',
  generate(rng, difficulty) {
    let expression: string;
    let at: Record<string, number>;
    if (difficulty === 'easy') {
      const [a, b, c] = [rng.int(-3, 3) || 1, rng.int(-3, 3) || 2, rng.int(-2, 2)];
      expression = polynomial([
        [a, 'x^2'],
        [b, 'y^2'],
        [c, 'x*y'],
      ]);
      at = { x: 0, y: 0 };
    } else if (difficulty === 'medium') {
      // f = x³ − 3a²x + k·y²: critical at x = ±a, y = 0.
      const [a, k] = [rng.int(1, 2), rng.pick([-2, -1, 1, 2])];
      expression = polynomial([
        [1, 'x^3'],
        [-3 * a * a, 'x'],
        [k, 'y^2'],
      ]);
      at = { x: rng.pick([-a, a]), y: 0 };
    } else {
      // f = x⁴ − 2p²x² + y⁴ − 2q²y²: critical at x ∈ {0, ±p}, y ∈ {0, ±q} (the exam's double well).
      const [p, q] = [rng.int(1, 4), rng.int(1, 4)];
      expression = `x^4 - ${2 * p * p}x^2 + y^4 - ${2 * q * q}y^2`;
      at = rng.chance(0.2)
        ? { x: rng.int(-3, 3), y: rng.int(-3, 3) }
        : { x: rng.pick([0, p, -p]), y: rng.pick([0, q, -q]) };
    }
    return {
      question: `Let f(x, y) = ${expression}. Compute the gradient and the Hessian of f at ${show(at)}, the Hessian's eigenvalues, and decide whether the point is a minimum, a maximum, a saddle point or not a critical point.`,
      input: { expression, at },
    };
  },
  /** Non-trivial: the Hessian is not all zero. */
  nonTrivial: (a) => nonZero(a.hessian),
});

/** The ways students write each classification: "saddle point", "local minimum", "not critical". */
function classificationWordings(expected: unknown): unknown[] {
  const forms: Record<string, string[]> = {
    minimum: ['min', 'local minimum', 'minimum point', 'local min'],
    maximum: ['max', 'local maximum', 'maximum point', 'local max'],
    saddle: ['saddle point', 'saddle-point'],
    degenerate: ['inconclusive', 'test inconclusive'],
    'not-critical': ['not critical', 'not a critical point', 'no critical point'],
  };
  return forms[String(expected)] ?? [];
}

/** Grading weights of optim/hessian: the Hessian, then eigenvalues, classification and gradient. */
export const optimHessianRubric = defineRubric({
  id: 'optim/hessian',
  fields: [
    { path: 'hessian', points: 2 },
    { path: 'eigenvalues', points: 1, unordered: true },
    { path: 'classification', points: 1, equivalents: classificationWordings },
    { path: 'gradient', points: 1 },
  ],
});
