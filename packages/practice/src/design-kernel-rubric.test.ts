/**
 * conv/design-kernel's rubric grades the numbers that follow from the kernel against the student's own kernel
 * when it is a right detector (any positive scaling), and grades the response map the question asks for.
 * Expected values are worked by hand below from the generated problem, not taken from the solver.
 */
import { describe, expect, it } from 'vitest';
import { generateExercise } from './generator.js';
import { grade } from './grade.js';
import { generators, rubrics } from './index.js';
import { registry } from './test-registry.test-util.js';

// Seed 3, medium: a black horizontal bar on white (0..1), pattern [[1,1,1],[0,0,0],[1,1,1]], in a 5×5 image of 1s
// with row 2 = [1, 1, 0, 0, 0].
const exercise = generateExercise(registry, generators, 'conv/design-kernel', 3, 'medium');
const grading = (answer: Record<string, unknown>) => grade(registry, rubrics, exercise.id, exercise.input, answer);
const pointsOf = (answer: Record<string, unknown>) =>
  Object.fromEntries(grading(answer).fields.map((f) => [f.path, f.points]));

// K = 3 × the zero-mean detector [[1,1,1],[−2,−2,−2],[1,1,1]]: on the pattern 6·1 = 6; at most 6 (every positive
// tap on 1, every negative on 0); the valid response, row by row (top + middle + bottom window rows):
// (0,0): 3 − 2·3 + (1+1+0) = −1, (0,1): 3 − 6 + 1 = −2, (0,2): 3 − 6 + 0 = −3;
// (1,0): 3 − 2·2 + 3 = 2, (1,1): 3 − 2·1 + 3 = 4, (1,2): 3 − 0 + 3 = 6; row 2 mirrors row 0.
const K = [
  [1, 1, 1],
  [-2, -2, -2],
  [1, 1, 1],
];
const responseOfK = [
  [-1, -2, -3],
  [2, 4, 6],
  [-1, -2, -3],
];

describe('conv/design-kernel rubric', () => {
  it('is the problem worked out above', () => {
    expect(exercise.input).toEqual({
      pattern: [
        [1, 1, 1],
        [0, 0, 0],
        [1, 1, 1],
      ],
      image: [
        [1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1],
        [1, 1, 0, 0, 0],
        [1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1],
      ],
    });
  });

  it("gives full marks to a scaled detector with the responses it gives (not the key's numbers)", () => {
    const g = grading({ kernel: K, responseOnPattern: 6, maxPossibleResponse: 6, response: responseOfK, best: [1, 2] });
    expect(g.score).toBe(g.maxScore);
    expect(pointsOf({ kernel: K, response: responseOfK })).toMatchObject({ kernel: 3, response: 2 });
  });

  it('reads the kernel and the response map as a student types them', () => {
    const typed = {
      kernel: '1, 1, 1; -2, -2, -2; 1, 1, 1',
      response: '−1 −2 −3; 2 4 6; −1 −2 −3',
      responseOnPattern: '6',
    };
    expect(pointsOf(typed)).toMatchObject({ kernel: 3, response: 2, responseOnPattern: 1 });
  });

  it("grades numbers that do not follow from the student's kernel as wrong, and a wrong-sign kernel against the key", () => {
    // The responses of K, claimed for K/3 (the key's scale): wrong for that kernel.
    const third = K.map((row) => row.map((v) => v / 3));
    expect(pointsOf({ kernel: third, responseOnPattern: 6, response: responseOfK })).toMatchObject({
      kernel: 3,
      responseOnPattern: 0,
    });
    // A kernel with the wrong signs earns nothing, and its numbers are checked against the key's kernel (K/3).
    const flipped = K.map((row) => row.map((v) => -v));
    expect(pointsOf({ kernel: flipped, responseOnPattern: -6 })).toMatchObject({
      kernel: 0,
      responseOnPattern: 0,
    });
    expect(pointsOf({ kernel: flipped, responseOnPattern: 2 })).toMatchObject({ kernel: 0, responseOnPattern: 1 });
  });
});
