/** The rubrics of optim/derivative and optim/critical-points accept every right form of the answer, and only those. */
import { describe, expect, it } from 'vitest';
import { sameFunction } from './generators/optim-derivative.js';
import { grade } from './grade.js';
import { rubrics } from './index.js';
import { registry } from './test-registry.test-util.js';

const gradeAnswer = (id: string, input: unknown, answer: unknown) => grade(registry, rubrics, id, input, answer);

describe('optim/derivative rubric: any equal expression', () => {
  // Exam line 2160: f = x⁴ − 32x² + y⁴ − 18y²; by hand ∂f/∂x = 4x³ − 64x = 4x(x² − 16), ∂f/∂y = 4y³ − 36y.
  const input = { expression: 'x^4 - 32*x^2 + y^4 - 18*y^2', order: 2 };

  it('factored, reordered and Unicode forms get full marks', () => {
    const g = gradeAnswer('optim/derivative', input, {
      derivatives: { x: '4x*(x^2 - 16)', y: '−36·y + 4y³' },
      hessian: [
        ['12x^2 - 64', 0],
        ['0', '12*y^2-36'],
      ],
    });
    expect(g.score).toBe(g.maxScore);
  });

  it('a slip in one derivative costs its share; a wrong Hessian cell its share', () => {
    const g = gradeAnswer('optim/derivative', input, {
      derivatives: { x: '4x^3 - 64x', y: '4y^3 - 18y' },
      hessian: [
        ['12x^2 - 64', '0'],
        ['0', '12y^2 - 18'],
      ],
    });
    // derivatives 3 points × 1/2, Hessian 2 points × 3/4.
    expect(g.score).toBe(3);
  });

  it('relu written with max or step: step(w*x)*w (exam line 2523)', () => {
    expect(sameFunction('step(w*x)*w', 'w*step(x*w)', ['w', 'x'])).toBe(true);
    expect(sameFunction('step(w*x)*w', 'w', ['w', 'x'])).toBe(false);
    expect(sameFunction('step(w*x)*w', 'not an expression (', ['w', 'x'])).toBe(false);
    expect(sameFunction('2', 2, [])).toBe(true);
  });
});

describe('optim/critical-points rubric', () => {
  // Exam line 3162: f = 2x₁x₂ + 3x₁ + 4x₂; by hand the only critical point is (−2, −3/2), a saddle.
  const saddle = { expression: '2*x1*x2 + 3*x1 + 4*x2' };

  it('the saddle with its type, unbounded below, no minimum: full marks', () => {
    const g = gradeAnswer('optim/critical-points', saddle, {
      points: [{ at: { x1: -2, x2: '-3/2' }, classification: 'saddle point' }],
      boundedBelow: false,
      globalMinimum: 'none',
    });
    expect(g.score).toBe(g.maxScore);
  });

  it('an extra point that is not critical, or a wrong type, costs marks', () => {
    const extra = gradeAnswer('optim/critical-points', saddle, {
      points: [
        { at: { x1: -2, x2: -1.5 }, classification: 'saddle' },
        { at: { x1: 0, x2: 0 }, classification: 'saddle' },
      ],
      boundedBelow: false,
      globalMinimum: null,
    });
    expect(extra.fields.find((f) => f.path === 'points')?.points).toBe(2);
    const wrongType = gradeAnswer('optim/critical-points', saddle, {
      points: [{ at: { x1: -2, x2: -1.5 }, classification: 'minimum' }],
    });
    expect(wrongType.fields.find((f) => f.path === 'points')?.points).toBe(2);
  });

  it('the double well (exam line 2160): any of the four minima is the global minimum, points in any order', () => {
    // By hand: minima at (±4, ±3), all with f = 256 − 512 + 81 − 162 = −337.
    const input = { expression: 'x^4 - 32*x^2 + y^4 - 18*y^2' };
    const own = registry.solve('optim/critical-points', input).answer as { points: unknown[] };
    const g = gradeAnswer('optim/critical-points', input, {
      points: [...own.points].reverse(),
      boundedBelow: true,
      globalMinimum: { x: 4, y: 3 },
    });
    expect(g.score).toBe(g.maxScore);
  });
});
