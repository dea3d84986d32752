import { describe, expect, it } from 'vitest';
import { hessian } from './hessian.js';
import { solve } from './index.js';
import { itRejects, itSolvesExamples } from './input-errors.test-util.js';

itSolvesExamples(hessian);

describe('optim/hessian: classification', () => {
  const classify = (expression: string, at: Record<string, number>) =>
    solve('optim/hessian', { expression, at }).answer.classification;

  it.each([
    ['x^2 + y^2', { x: 0, y: 0 }, 'minimum'],
    ['-(x^2) - y^2', { x: 0, y: 0 }, 'maximum'],
    ['x^2 - y^2', { x: 0, y: 0 }, 'saddle'],
    // x⁴ + y²: H = diag(0, 2) at the origin — the test is inconclusive although it is a minimum.
    ['x^4 + y^2', { x: 0, y: 0 }, 'degenerate'],
    // x³ − y²: H = diag(0, −2), inconclusive (it is not an extremum).
    ['x^3 - y^2', { x: 0, y: 0 }, 'degenerate'],
    // x² + y² at (1, 0): ∇f = (2, 0) ≠ 0.
    ['x^2 + y^2', { x: 1, y: 0 }, 'not-critical'],
    // one variable: f″(0) = 2 > 0.
    ['x^2 + 1', { x: 0 }, 'minimum'],
    // H = diag(2e-12, 2e-12): the zero test is relative to the largest eigenvalue, so tiny curvature is a minimum
    // (it was 'degenerate' while the tolerance had an absolute floor of 1e-9).
    ['1e-12*x^2 + 1e-12*y^2', { x: 0, y: 0 }, 'minimum'],
    // H = diag(2e-12, 0): still a zero eigenvalue.
    ['1e-12*x^2 + y^4', { x: 0, y: 0 }, 'degenerate'],
  ])('%s at %j is a %s', (expression, at, expected) => {
    expect(classify(expression, at)).toBe(expected);
  });

  it('a gradient of 1e-10 still counts as zero; 1e-8 does not', () => {
    expect(classify('x^2 + 1e-10*x', { x: 0 })).toBe('minimum');
    expect(classify('x^2 + 1e-8*x', { x: 0 })).toBe('not-critical');
  });

  it('rows and columns follow the key order of `at`; mixed partials are symmetric', () => {
    // f = x·y² : H = [[0, 2y], [2y, 2x]]; with at = {y, x} the rows swap.
    const { hessian: H } = solve('optim/hessian', { expression: 'x*y^2', at: { y: 3, x: 1 } }).answer;
    expect(H).toEqual([
      [2, 6],
      [6, 0],
    ]);
  });

  it('the not-critical step says why, and the latex is KaTeX-clean', () => {
    const sol = solve('optim/hessian', { expression: '2*x1*x2 + 3*x1 + 4*x2', at: { x1: 0, x2: 0 } });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('∇f = [∂f/∂x1, ∂f/∂x2] = [3, 4]');
    expect(text).toContain('max |∂f/∂x_i| = 4 > 1e-9');
    expect(text).toContain('λ = (0 + 0)/2 ± √(((0 − 0)/2)^2 + 2^2) = 0 ± √(0·0 + 2·2) = 0 ± 2 = [−2, 2]');
    expect(sol.notes.join(' ')).toMatch(/would say saddle/);
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−∂σ∇±√²]/);
  });
});

describe('optim/hessian: gradient and Hessian of expressions before the point is substituted', () => {
  it('f = x⁴ − 32x² + y⁴ − 18y² at (4, 3) (exam line 2160): ∇f = [4x³ − 64x, 4y³ − 36y], H = diag(12x² − 64, 12y² − 36)', () => {
    // By hand: differentiate term by term, then again; at (4, 3): H = diag(12·16 − 64, 12·9 − 36) = diag(128, 72).
    const sol = solve('optim/hessian', { expression: 'x^4 - 32x^2 + y^4 - 18y^2', at: { x: 4, y: 3 } });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('∇f = [∂f/∂x, ∂f/∂y] = [4·x^3 − 64·x, 4·y^3 − 36·y]');
    expect(text).toContain('H = [[12·x^2 − 64, 0], [0, 12·y^2 − 36]]');
    expect(text).toContain('H = [[128, 0], [0, 72]]');
    const symbolic = sol.steps.findIndex((s) => s.text.startsWith('Hessian of expressions'));
    expect(symbolic).toBeLessThan(sol.steps.findIndex((s) => s.text.startsWith('Hessian: H_ij')));
  });

  it('more than 6 variables: the gradient of expressions is shown, the Hessian of expressions is not', () => {
    const at = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`v${i}`, 1]));
    const sol = solve('optim/hessian', { expression: Object.keys(at).join('*'), at });
    expect(sol.steps.some((s) => s.text.startsWith('Gradient of expressions'))).toBe(true);
    expect(sol.steps.some((s) => s.text.startsWith('Hessian of expressions'))).toBe(false);
  });
});

describe('optim/hessian: bad input is a DnnInputError naming the field', () => {
  itRejects('optim/hessian', [
    ['missing variable', { expression: 'x*y', at: { x: 1 } }, 'at', /needs a value for "y"/],
    ['no point', { expression: 'x' }, 'at', /required/],
    ['parse error', { expression: '2**', at: {} }, 'expression', /ends too early/],
    ['not twice differentiable', { expression: 'x^1.5', at: { x: 0 } }, 'expression', /not twice differentiable/],
    [
      'too many variables',
      { expression: 'x', at: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`v${i}`, 0])) },
      'at',
      /at most 50/,
    ],
    [
      'work budget (50 variables, long right-nested expression)',
      {
        expression: Array.from({ length: 200 }, (_, k) => `v${k % 50}*v${(k * 7) % 50}`).join('+(') + ')'.repeat(199),
        at: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`v${i}`, 0.5])),
      },
      'expression',
      /above the budget/,
    ],
    ['overflowing second derivative', { expression: 'x^200', at: { x: 1e2 } }, 'expression', /overflows/],
  ]);
});
