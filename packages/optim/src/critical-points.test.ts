import { runSolver } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { criticalPoints } from './critical-points.js';
import { itRejects } from './input-errors.test-util.js';

const solveC = (input: unknown) => runSolver(criticalPoints, input).answer;

describe('optim/critical-points — exam lines', () => {
  it('line 2160: 9 points, 4 minima at (±4, ±3) with f = −337, complete (derived by hand: 4x(x² − 16) = 0, 4y(y² − 9) = 0)', () => {
    const a = solveC({ expression: 'x^4 - 32*x^2 + y^4 - 18*y^2' });
    expect(a.points).toHaveLength(9);
    expect(a.complete).toBe(true);
    const minima = a.points.filter((p) => p.classification === 'minimum');
    expect(minima.map((p) => [p.at.x, p.at.y]).sort()).toEqual(
      [
        [-4, -3],
        [-4, 3],
        [4, -3],
        [4, 3],
      ].sort(),
    );
    for (const p of minima) expect(p.value).toBe(-337);
    expect(a.points.find((p) => p.at.x === 0 && p.at.y === 0)?.classification).toBe('maximum');
    expect(a.points.filter((p) => p.classification === 'saddle')).toHaveLength(4);
  });

  it('line 3365: the one critical point (3/2, 1/2) is a saddle and E is unbounded below along w1 → −∞ (by hand)', () => {
    const a = solveC({ expression: '(w1 - w2)^3 - 2*(w1^2 - w2) + w1^2 + w2^2', variables: ['w1', 'w2', 'w3'] });
    expect(a.points).toHaveLength(1);
    expect(a.points[0]?.exact).toEqual({ w1: '3/2', w2: '1/2', w3: '0' });
    expect(a.boundedBelow).toBe(false);
    expect(a.reason).toMatch(/w1 → −∞/);
    expect(a.globalMinimum).toBeNull();
  });

  it('line 3503: no critical point (∂E/∂r = 4), unbounded below with the witness term 3*p^3', () => {
    const a = solveC({ expression: '3*p^3 + 3*q^2 + 4*r + 5' });
    expect(a.points).toEqual([]);
    expect(a.complete).toBe(true);
    expect(a.reason).toMatch(/p → −∞.*3\*p\^3/);
  });

  it('a cubic’s irrational roots come out as surds: x³ − 2x has critical points ±√6/3 (by hand: 3x² = 2)', () => {
    const a = solveC({ expression: 'x^3 - 2*x' });
    expect(a.points.map((p) => p.exact.x)).toEqual(['√6/3', '−√6/3']);
    expect(a.points[0]?.at.x).toBeCloseTo(Math.sqrt(6) / 3, 14);
  });

  it('a non-polynomial is searched numerically in the box and says so (sin x + cos y: minima at (−π/2, ±π))', () => {
    const a = solveC({ expression: 'sin(x) + cos(y)', box: { x: [-4, 4], y: [-4, 4] } });
    expect(a.complete).toBe(false);
    expect(a.boundedBelow).toBeNull();
    const minima = a.points.filter((p) => p.classification === 'minimum');
    expect(minima).toHaveLength(2);
    for (const p of minima) expect(p.value).toBeCloseTo(-2, 9);
  });
});

describe('optim/critical-points — bad input', () => {
  itRejects('optim/critical-points', [
    ['a variable left out', { expression: 'x*y', variables: ['x'] }, 'variables', /"y"/],
    ['an empty box', { expression: 'sin(x)', box: { x: [1, 1] } }, 'box.x', /lo < hi/],
    ['a box for an unknown variable', { expression: 'x^2', box: { y: [0, 1] } }, 'box.y', /not a variable/],
    [
      'too many points',
      { expression: Array.from({ length: 7 }, (_, i) => `x${i}^4 - 2*x${i}^2`).join(' + ') },
      'expression',
      /at most/,
    ],
  ]);
});

describe('optim/critical-points — variable names', () => {
  it('a variable named like an inherited member (constructor) shows its own coordinate in the steps', () => {
    // A point found numerically has no exact text for `constructor`: the step once printed Object's constructor
    // function there ("constructor = function Object() { [native code] }").
    const s = runSolver(criticalPoints, { expression: '(constructor - w2)^3 - 2*(w1^2 - w2) + w1^2 + w2^2' });
    const points = s.steps.filter((st) => st.title.startsWith('Critical point'));
    expect(points).toHaveLength(s.answer.points.length);
    expect(points.length).toBeGreaterThan(0);
    for (const st of points)
      expect(st.text).toMatch(/\[constructor = −?\d[\d./]*, w1 = −?\d[\d./]*, w2 = −?\d[\d./]*\]/);
    expect(s.answer.points.every((p) => typeof p.at.constructor === 'number')).toBe(true);
  });
});
