import { DnnInputError } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { readNumber, score } from './compare.js';
import { grade } from './grade.js';
import { rubrics } from './index.js';
import { registry } from './test-registry.test-util.js';

// The exam case of conv/output-shape: [26, 26, 26], 5 filters 7×7, stride 3, padding 1 → [5, 8, 8] (by hand:
// ⌊(26 + 2 − 6 − 1)/3⌋ + 1 = 8).
const input = { inputShape: [26, 26, 26], outChannels: 5, kernel: 7, stride: 3, padding: 1 };
const gradeShape = (answer: unknown) => grade(registry, rubrics, 'conv/output-shape', input, answer);

describe('grade', () => {
  it('full marks for the right shape, with the solution attached', () => {
    const g = gradeShape({ outputShape: [5, 8, 8] });
    expect(g).toMatchObject({ score: 2, maxScore: 2 });
    expect(g.fields).toEqual([
      { path: 'outputShape', verdict: 'correct', points: 2, maxPoints: 2, expected: [5, 8, 8], got: [5, 8, 8] },
    ]);
    expect(g.solution.steps.length).toBeGreaterThan(0);
  });

  it('gives the channels-last layout [H, W, C] half the points and a remark naming the layout, not full marks', () => {
    // The question fixes channels × height × width: [8, 8, 5] is the right shape in the wrong layout. Compared
    // position by position it matches 1 of 3 (the middle 8) = 0.67 points; as a layout slip it earns ½ × 2 = 1.
    const g = gradeShape({ outputShape: [8, 8, 5] });
    expect(g.fields[0]).toMatchObject({ verdict: 'partial', points: 1 });
    expect(g.fields[0]?.remarks?.join(' ')).toMatch(/H×W×C/);
    // A cube [8, 8, 8] cannot tell layouts apart: the exact form wins, no remark.
    const cube = grade(registry, rubrics, 'conv/output-shape', { ...input, outChannels: 8 }, { outputShape: '8×8×8' });
    expect(cube.fields[0]).toMatchObject({ verdict: 'correct', points: 2 });
    expect(cube.fields[0]?.remarks).toBeUndefined();
  });

  it('gives partial credit for a partly right shape and none for a missing one', () => {
    const partly = gradeShape({ outputShape: [5, 9, 9] });
    expect(partly.fields[0]).toMatchObject({ verdict: 'partial', points: 0.67 });
    expect(gradeShape({}).fields[0]).toMatchObject({ verdict: 'missing', points: 0 });
  });

  it('rejects an answer that is not an object', () => {
    expect(() => gradeShape([5, 8, 8])).toThrow(DnnInputError);
  });

  it('falls back to a point per answer field for a solver without a rubric', () => {
    const g = grade(registry, [], 'conv/output-shape', input, { outputShape: [5, 8, 8], divisible: true });
    expect(g.maxScore).toBe(Object.keys(g.solution.answer).length);
    expect(g.fields.find((f) => f.path === 'divisible')?.verdict).toBe('correct');
  });
});

describe('score: equivalent forms and tolerance', () => {
  it.each([
    [14 / 3, '14/3', 1],
    [14 / 3, '28/6', 1],
    [14 / 3, 4.667, 1],
    [14 / 3, '4.667', 1],
    [14 / 3, 4.66, 0.5],
    [14 / 3, 4.5, 0],
    [0, 0.00005, 1],
    [0.5, 'abc', 0],
    [true, 'yes', 1],
    [false, true, 0],
    [null, null, 1],
    [[1, 2], [1, 2], 1],
    [[7], 7, 1],
    [[1, 2], [1, 2, 3], 0],
    [{ a: 1, b: 2 }, { a: 1, b: 3 }, 0.5],
  ])('expected %j, got %j → %s', (expected, got, fraction) => {
    expect(score(expected, got)).toBe(fraction);
  });

  it('reads numbers a student writes', () => {
    expect(readNumber(' -3/4 ')).toBe(-0.75);
    expect(readNumber('1e-3')).toBe(0.001);
    expect(readNumber('3/0')).toBeUndefined();
    expect(readNumber('x')).toBeUndefined();
  });
});

describe('optim/hessian accepts the usual wordings of a classification', () => {
  // 2·x1·x2 + 3·x1 + 4·x2 is critical at (−2, −1.5) (∇f = (2x2 + 3, 2x1 + 4) = 0) with H = [[0, 2], [2, 0]],
  // eigenvalues ±2: a saddle (by hand).
  const input = { expression: '2*x1*x2 + 3*x1 + 4*x2', at: { x1: -2, x2: -1.5 } };
  it.each(['saddle', 'saddle point', 'Saddle Point'])('%s earns the point', (word) => {
    const g = grade(registry, rubrics, 'optim/hessian', input, { classification: word });
    expect(g.fields.find((f) => f.path === 'classification')?.verdict).toBe('correct');
  });
  it('a minimum does not', () => {
    const g = grade(registry, rubrics, 'optim/hessian', input, { classification: 'local minimum' });
    expect(g.fields.find((f) => f.path === 'classification')?.verdict).toBe('wrong');
  });
});
