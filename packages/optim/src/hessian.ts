/**
 * optim/hessian — gradient, Hessian, its eigenvalues and the second-derivative
 * test at a point (minimum, maximum, saddle, degenerate, or not a critical point).
 */
import { a, defineSolver, eq, hessian as exactHessian, matrix, rel, s, step, sym, tex, vec, words } from '@dnn/core';
import type * as z from 'zod/mini';
import { gradientMap, valueAtPoint } from './answer-rows.js';
import { eigenvalueSteps, symmetricEigen } from './eigen-steps.js';
import {
  checkHessianWork,
  expressionField,
  functionSteps,
  parseCovered,
  pointField,
  requireFinite,
} from './expression-input.js';
import {
  gradientExpressionStep,
  HESSIAN_SHOW_MAX,
  hessianExpressionStep,
  symbolicHessian,
  symbolicPartials,
} from './symbolic-steps.js';

const input = s.object({
  expression: expressionField('The function f, e.g. "x^4 - 32x^2 + y^4 - 18y^2".'),
  at: pointField(
    'The point: a value for every variable; the Hessian’s rows and columns follow the order of these keys.',
  ),
});

/** Gradient components larger than this (in magnitude) make a point non-critical. */
export const CRITICAL_TOLERANCE = 1e-9;

const CLASSIFICATIONS = ['minimum', 'maximum', 'saddle', 'degenerate', 'not-critical'] as const;

/** The second-derivative test's verdict. */
export type Classification = (typeof CLASSIFICATIONS)[number];

const answer = a.answer({
  value: valueAtPoint,
  gradient: gradientMap('∂f/∂name for every key of `at`, in its order.'),
  hessian: a.matrix('Hessian H', '∂²f/∂xᵢ∂xⱼ at the point, rows and columns in the order of the keys of `at`.'),
  eigenvalues: a.vector('Eigenvalues of H', 'Eigenvalues of the (symmetric, so real) Hessian, ascending.'),
  classification: a.text(
    'Classification',
    '`not-critical` when any gradient component exceeds 1e-9 in magnitude; otherwise, from the eigenvalue signs (|λ| ≤ 1e-9 relative to the largest counts as 0): `minimum` (all positive), `maximum` (all negative), `saddle` (both signs), `degenerate` (a zero eigenvalue, the others of one sign).',
    CLASSIFICATIONS,
  ),
});

/** The answer of optim/hessian. */
export type HessianAnswer = z.output<typeof answer>;

/** An eigenvalue this close to 0 (relative to the largest) counts as 0. */
function zeroTolerance(eigenvalues: readonly number[]): number {
  return 1e-9 * Math.max(0, ...eigenvalues.map(Math.abs));
}

/** The second-derivative test from the eigenvalue signs (at a critical point). */
export function classifyEigenvalues(eigenvalues: readonly number[]): Exclude<Classification, 'not-critical'> {
  const tol = zeroTolerance(eigenvalues);
  const pos = eigenvalues.some((l) => l > tol);
  const neg = eigenvalues.some((l) => l < -tol);
  const zero = eigenvalues.some((l) => Math.abs(l) <= tol);
  if (pos && neg) return 'saddle';
  if (zero || eigenvalues.length === 0) return 'degenerate';
  return pos ? 'minimum' : 'maximum';
}

const VERDICT: Record<Classification, string> = {
  minimum: 'every eigenvalue is positive: H is positive definite, so the point is a local minimum',
  maximum: 'every eigenvalue is negative: H is negative definite, so the point is a local maximum',
  saddle: 'the eigenvalues have both signs: H is indefinite, so the point is a saddle point',
  degenerate:
    'an eigenvalue is 0 and the others share one sign: H is semi-definite and the second-derivative test is inconclusive (degenerate)',
  'not-critical':
    'the gradient is not zero, so the point is not a critical point (neither minimum, maximum nor saddle), whatever the Hessian',
};

/** optim/hessian: the second-derivative test. */
export const hessian = defineSolver({
  id: 'optim/hessian',
  title: 'Hessian and critical-point classification',
  description:
    'Gradient and Hessian of an expression at a point (exact, by hyper-dual numbers), the Hessian’s eigenvalues, and whether the point is a minimum, maximum, saddle, degenerate or not a critical point.',
  input,
  answer,
  solveParsed(inp) {
    const expr = parseCovered(inp.expression, 'expression', inp.at, 'at');
    const names = Object.keys(inp.at);
    checkHessianWork(expr, names.length, 'expression');
    const result = exactHessian(expr, inp.at, names);
    requireFinite([...result.gradient, ...result.hessian.flat()], 'expression', 'the second derivative');
    const eigenvalues = symmetricEigen(result.hessian);
    requireFinite(eigenvalues, 'expression', 'an eigenvalue of the Hessian');
    const largest = Math.max(0, ...result.gradient.map(Math.abs));
    const critical = largest <= CRITICAL_TOLERANCE;
    const classification: Classification = critical ? classifyEigenvalues(eigenvalues) : 'not-critical';
    const partials = names.map((n) => `∂f/∂${n}`);
    const symbolic = symbolicPartials(expr, names);
    const symbolicH = symbolic && symbolicHessian(symbolic);
    const steps = [
      ...functionSteps(expr, inp.at),
      ...(symbolic ? [gradientExpressionStep(symbolic)] : []),
      step(
        'Gradient at the point (exact derivatives)',
        eq(tex('∇f', '\\nabla f'), vec(partials), vec(result.gradient)),
      ),
      critical
        ? step(
            'Every gradient component is 0 (within the tolerance): the point is a critical point',
            rel('≤', '\\le', [eq(sym('max |∂f/∂x_i|'), largest), CRITICAL_TOLERANCE]),
          )
        : step(
            'The gradient is not zero, so the point is not a critical point',
            rel('>', '>', [eq(sym('max |∂f/∂x_i|'), largest), CRITICAL_TOLERANCE]),
          ),
      ...(symbolicH ? [hessianExpressionStep(symbolicH)] : []),
      step(
        'Hessian: H_ij = ∂²f/∂x_i∂x_j at the point (rows and columns in the order of `at`)',
        eq(sym('H'), matrix(result.hessian)),
      ),
      ...eigenvalueSteps(result.hessian, eigenvalues),
      step(`Classification: ${VERDICT[classification]}`, eq(words('verdict'), words(classification))),
    ];
    const notes = [
      `A point is critical when every gradient component is at most ${CRITICAL_TOLERANCE} in magnitude; the eigenvalue test applies only there.`,
      'Eigenvalues within 1e-9 (relative to the largest) of 0 count as 0.',
    ];
    // The symbolic steps are left out when their expressions would not fit in a step: say so, never silently.
    if (!symbolic || !symbolicH) {
      const what = symbolic ? 'The Hessian of expressions is' : 'The gradient and Hessian of expressions are';
      const why =
        symbolic && names.length > HESSIAN_SHOW_MAX
          ? `more than ${HESSIAN_SHOW_MAX} variables`
          : 'the expressions grow too long to print';
      notes.push(
        `${what} not shown: ${why}. The numbers come from exact derivatives (hyper-dual numbers), not from printed formulas.`,
      );
    }
    if (!critical) {
      notes.push(
        `With the gradient ignored, the eigenvalues would say ${classifyEigenvalues(eigenvalues)}; that verdict holds only at a point where ∇f = 0.`,
      );
    }
    return {
      answer: {
        value: result.value,
        gradient: Object.fromEntries(names.map((n, i) => [n, result.gradient[i] as number])),
        hessian: result.hessian,
        eigenvalues,
        classification,
      } satisfies HessianAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'f = x⁴ − 32x² + y⁴ − 18y² at (0, 0)',
      source:
        'Exam problem. By hand: ∇f = (4x³ − 64x, 4y³ − 36y) = (0, 0); H = diag(12x² − 64, 12y² − 36) = diag(−64, −36), both negative: local maximum.',
      input: { expression: 'x^4 - 32x^2 + y^4 - 18y^2', at: { x: 0, y: 0 } },
      answer: {
        value: 0,
        gradient: { x: 0, y: 0 },
        hessian: [
          [-64, 0],
          [0, -36],
        ],
        eigenvalues: [-64, -36],
        classification: 'maximum',
      },
    },
    {
      title: 'f = x⁴ − 32x² + y⁴ − 18y² at (4, 3)',
      source:
        'Exam problem. By hand: ∇f = (256 − 256, 108 − 108) = (0, 0); H = diag(12·16 − 64, 12·9 − 36) = diag(128, 72): local minimum, f = 256 − 512 + 81 − 162 = −337.',
      input: { expression: 'x^4 - 32x^2 + y^4 - 18y^2', at: { x: 4, y: 3 } },
      answer: {
        value: -337,
        gradient: { x: 0, y: 0 },
        hessian: [
          [128, 0],
          [0, 72],
        ],
        eigenvalues: [72, 128],
        classification: 'minimum',
      },
    },
    {
      title: 'f = 2x₁x₂ + 3x₁ + 4x₂ at (0, 0)',
      source:
        'Exam problem. By hand: ∇f = (2x₂ + 3, 2x₁ + 4) = (3, 4) ≠ 0, so (0, 0) is not a critical point. The rubric claims ∇f(0, 0) = 0 and a saddle with eigenvalues ±1: both wrong — H = [[0, 2], [2, 0]] has eigenvalues ±2, and the only critical point, (−2, −1.5), is the saddle.',
      input: { expression: '2*x1*x2 + 3*x1 + 4*x2', at: { x1: 0, x2: 0 } },
      answer: {
        gradient: { x1: 3, x2: 4 },
        hessian: [
          [0, 2],
          [2, 0],
        ],
        eigenvalues: [-2, 2],
        classification: 'not-critical',
      },
    },
    {
      title: 'f = 2x₁x₂ + 3x₁ + 4x₂ at (1, 1)',
      source: 'Exam problem. By hand: ∇f = (2 + 3, 2 + 4) = (5, 6) ≠ 0: not a critical point (the rubric agrees).',
      input: { expression: '2*x1*x2 + 3*x1 + 4*x2', at: { x1: 1, x2: 1 } },
      answer: { value: 9, gradient: { x1: 5, x2: 6 }, classification: 'not-critical' },
    },
    {
      title: 'The critical point of 2x₁x₂ + 3x₁ + 4x₂: (−2, −1.5) is a saddle',
      source:
        'By hand: ∇f = (2·(−1.5) + 3, 2·(−2) + 4) = (0, 0); eigenvalues of [[0, 2], [2, 0]] are ±2: saddle; f = 6 − 6 − 6 = −6.',
      input: { expression: '2*x1*x2 + 3*x1 + 4*x2', at: { x1: -2, x2: -1.5 } },
      answer: { value: -6, eigenvalues: [-2, 2], classification: 'saddle' },
    },
  ],
});
