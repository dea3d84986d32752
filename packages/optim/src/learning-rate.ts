/**
 * optim/learning-rate — for a quadratic objective: the Hessian's eigenvalues,
 * the optimal step 1/λmax and the largest convergent step 2/λmax, with the
 * one-dimensional derivation of both.
 */
import {
  a,
  DnnInputError,
  defineSolver,
  eq,
  hessian as exactHessian,
  frac,
  fractionString,
  matrix,
  mul,
  num,
  paren,
  parseExpression,
  rel,
  s,
  solveLinear,
  step,
  sub,
  sym,
  toFraction,
  variables,
  vec,
} from '@dnn/core';
import * as z from 'zod/mini';
import { eigenvalueSteps, symmetricEigen } from './eigen-steps.js';
import {
  checkHessianWork,
  expressionField,
  functionSteps,
  parseCovered,
  pointField,
  requireFinite,
  VARIABLES_MAX,
} from './expression-input.js';
import { additiveTerms, degreeOf, firstTermAbove } from './polynomial-degree.js';

const input = s.object({
  expression: expressionField(
    'A quadratic objective, e.g. "0.5*25x^2 + 16x + 12" or "3q^2 + 2*p*q + p^2" (every term of degree ≤ 2 as written).',
  ),
  at: z.optional(
    pointField(
      'Optional starting point (a value for every variable); the Hessian’s rows and columns follow its key order.',
    ),
  ),
});

const answer = a.answer({
  hessianEigenvalues: a.vector('Eigenvalues of H', 'Eigenvalues of the (constant) Hessian, ascending.'),
  optimal: z.nullable(
    a.scalar(
      'Optimal learning rate 1/λmax',
      'The step that removes the error along the stiffest direction in one step; null when λmax ≤ 0.',
    ),
  ),
  maxConvergent: z.nullable(
    a.scalar(
      'Largest convergent learning rate 2/λmax',
      'Gradient descent converges for 0 < η < 2/λmax (a supremum: η = 2/λmax oscillates); null when λmax ≤ 0.',
    ),
  ),
  hessian: a.matrix('Hessian H', 'The constant Hessian, rows and columns in the order of `variables`.'),
  variables: a.list(
    a.text('Variable'),
    'Variables',
    'The variables in the Hessian’s order: the keys of `at` when given, else as they appear in f.',
  ),
  reason: z.nullable(a.text('Why there is no learning rate', 'Why `optimal` and `maxConvergent` are null, else null.')),
  minimizer: z.nullable(
    a.map(
      a.scalar('x*', 'The minimizer’s coordinate for this variable'),
      'Minimizer x*',
      'The minimizer −H⁻¹·∇f(0) when the Hessian is positive definite, else null.',
    ),
  ),
  exact: z.nullable(
    a.record(
      {
        optimal: a.fraction('Optimal learning rate 1/λmax', 'Exact, as a fraction.'),
        maxConvergent: a.fraction('Largest convergent learning rate 2/λmax', 'Exact, as a fraction.'),
      },
      'Exact rates',
      '`optimal` and `maxConvergent` as fractions when λmax is a short decimal, else null.',
    ),
  ),
});

/** The answer of optim/learning-rate. */
export type LearningRateAnswer = z.output<typeof answer>;

/** Fractions of 1/λ and 2/λ when λ is a number a student typed (integer or short decimal). */
function exactRates(lambda: number): LearningRateAnswer['exact'] {
  if (String(lambda).length > 10 || /e/i.test(String(lambda))) return null;
  const l = toFraction(lambda);
  return { optimal: fractionString(l.inverse()), maxConvergent: fractionString(l.inverse().mul(2)) };
}

/** optim/learning-rate: step-size analysis of gradient descent on a quadratic. */
export const learningRate = defineSolver({
  id: 'optim/learning-rate',
  title: 'Optimal and largest convergent learning rate of a quadratic',
  description:
    'For a quadratic objective: the Hessian and its eigenvalues, the optimal gradient-descent step 1/λmax and the largest convergent step 2/λmax, derived in one dimension. A term of degree above 2 is an input error naming it.',
  input,
  answer,
  solveParsed(inp) {
    const probe = inp.at
      ? parseCovered(inp.expression, 'expression', inp.at, 'at')
      : parseExpression(inp.expression, 'expression');
    const offending = firstTermAbove(probe, 2);
    if (offending) {
      throw new DnnInputError(
        'expression',
        `is not quadratic: the term ${offending.term} is the problem (${offending.reason}); the learning-rate analysis needs every term of degree ≤ 2 (terms are read as written, not expanded)`,
      );
    }
    const names = inp.at ? Object.keys(inp.at) : variables(probe);
    if (names.length > VARIABLES_MAX) {
      throw new DnnInputError('expression', `has ${names.length} variables; at most ${VARIABLES_MAX} are allowed`);
    }
    checkHessianWork(probe, names.length, 'expression');
    const zero = Object.fromEntries(names.map((n) => [n, 0]));
    const atZero = exactHessian(probe, zero, names);
    const H = atZero.hessian;
    requireFinite([...H.flat(), ...atZero.gradient], 'expression', 'the Hessian');
    const eigenvalues = symmetricEigen(H);
    const lmax = eigenvalues.length ? Math.max(...eigenvalues) : 0;
    const tol = 1e-12 * Math.max(1, ...eigenvalues.map(Math.abs));
    const positive = lmax > tol;
    const definite = eigenvalues.length > 0 && eigenvalues.every((l) => l > tol);
    const minimizerValues = definite
      ? solveLinear(
          H,
          atZero.gradient.map((g) => -g),
        )
      : null;
    const minimizer = minimizerValues
      ? Object.fromEntries(names.map((n, i) => [n, minimizerValues[i] as number]))
      : null;
    if (minimizerValues) requireFinite(minimizerValues, 'expression', 'the minimizer');

    const terms = additiveTerms(probe).map((t) => (degreeOf(t) as { degree: number }).degree);
    const steps = [
      ...functionSteps(probe, inp.at ?? {}),
      step(
        `Every term has degree ≤ 2 (degrees ${terms.join(', ')}), so f is quadratic and its Hessian is the same at every point`,
      ),
      step('Hessian H_ij = ∂²f/∂x_i∂x_j', eq(sym('H'), matrix(H))),
      ...eigenvalueSteps(H, eigenvalues),
      step(
        'One dimension (an eigen-direction with curvature λ): f = ½λu² + bu + c, f′(u) = λ(u − u*), so a gradient step gives u_new − u* = (1 − ηλ)(u − u*)',
        eq(sym('u_new − u*'), mul(paren(sub(1, sym('ηλ'))), paren(sym('u − u*')))),
      ),
    ];
    const notes = [
      'Gradient descent x ← x − η∇f on a quadratic: the error along each eigenvector of H is multiplied by (1 − ηλ) per step.',
      'maxConvergent is a supremum: η must be strictly smaller; at η = 2/λmax the iterates oscillate without converging, above it they diverge.',
    ];
    let reason: string | null = null;
    if (positive) {
      steps.push(
        step(
          'Convergence needs |1 − ηλ| < 1 for every λ > 0, i.e. 0 < η < 2/λ; the stiffest direction (λmax) is the binding one',
          rel('<', '<', [0, sym('η'), eq(frac(2, sym('λ_max')), frac(2, lmax), 2 / lmax)]),
        ),
        step(
          'Optimal step: 1 − ηλmax = 0 reaches the minimum along the stiffest direction in one step',
          eq(sym('η_opt'), frac(1, sym('λ_max')), frac(1, lmax), 1 / lmax),
        ),
      );
      if (eigenvalues.length === 1) {
        steps.push(
          step(
            'In one dimension a step with η = 1/λ lands on the minimum x* = −b/λ (b = f′(0)) from anywhere: after any earlier step (e.g. one with η = 1), a step with η = 1/λ finishes',
            eq(
              sym('x*'),
              frac(sym('−b'), sym('λ')),
              frac(num(-(atZero.gradient[0] ?? 0)), lmax),
              minimizer?.[names[0] as string] ?? 0,
            ),
          ),
        );
      } else if (minimizer) {
        steps.push(
          step('Minimizer x* = −H⁻¹·∇f(0)', eq(sym('x*'), vec(names.map((n) => eq(n, minimizer[n] as number))))),
        );
      }
      if (eigenvalues.some((l) => l <= tol)) {
        notes.push(
          'Some eigenvalue is ≤ 0: along that direction f has no minimum, and gradient descent does not converge there for any η; the rates above hold for the positive-curvature directions only.',
        );
      }
    } else {
      reason =
        eigenvalues.length === 0
          ? 'f has no variables, so there is nothing to optimise'
          : 'the Hessian has no positive eigenvalue: f has no minimum (it is linear or concave), so no learning rate makes gradient descent converge';
      steps.push(step(`No convergent learning rate: ${reason}`));
    }
    return {
      answer: {
        hessianEigenvalues: eigenvalues,
        optimal: positive ? 1 / lmax : null,
        maxConvergent: positive ? 2 / lmax : null,
        hessian: H,
        variables: names,
        reason,
        minimizer,
        exact: positive ? exactRates(lmax) : null,
      } satisfies LearningRateAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'Two steps to the minimum of 0.5·25x² + 16x + 12 (first step η = 1)',
      source:
        'Exam problem. By hand: f′(x) = 25x + 16, f″ = 25 = λ; x_new + 16/25 = (1 − 25η)(x + 16/25), so whatever the first step did, a second step with η = 1/25 = 0.04 lands on x* = −16/25 = −0.64; convergence needs η < 2/25 = 0.08.',
      input: { expression: '0.5*25x^2 + 16x + 12' },
      answer: { hessianEigenvalues: [25], optimal: 0.04, maxConvergent: 0.08, minimizer: { x: -0.64 } },
    },
    {
      title: 'Two-variable quadratic 3q² + 2pq + p²',
      source:
        'By hand: H = [[2, 2], [2, 6]] (order p, q); λ = 4 ± √(4 + 4) = 4 ± 2√2, λmax = 6.828427; η_opt = 1/λmax = 0.146447, η_max = 0.292893.',
      input: { expression: 'p^2 + 2*p*q + 3q^2' },
      answer: {
        hessianEigenvalues: [4 - 2 * Math.SQRT2, 4 + 2 * Math.SQRT2],
        optimal: 1 / (4 + 2 * Math.SQRT2),
        maxConvergent: 2 / (4 + 2 * Math.SQRT2),
      },
    },
  ],
});
