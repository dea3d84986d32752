import { runSolver } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { expectClose, itRejects } from './assertions.test-util.js';
import { batchnorm } from './batchnorm.js';

const solve = (input: unknown) => runSolver(batchnorm, input);
/** The answer with its array types. */
const answerOf = (input: unknown) =>
  solve(input).answer as unknown as { mean: number[]; var: number[]; std: number[]; zNorm: number[][]; y: number[][] };

describe('conv/batchnorm: examples (derived by hand in each source)', () => {
  for (const example of batchnorm.examples) {
    it(example.title, () => {
      const answer = solve(example.input).answer as Record<string, unknown>;
      for (const [key, value] of Object.entries(example.answer)) expectClose(answer[key], value);
    });
  }
});

describe('conv/batchnorm: steps and conventions', () => {
  const exam = batchnorm.examples[0]?.input;

  it('works out μ, σ² and σ of each feature with the numbers substituted', () => {
    const sol = solve(exam);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('μ[0] = (12 + 14 + 14 + 12)/4 = 13');
    expect(text).toContain('σ²[1] = ((0 − 5)^2 + (10 − 5)^2 + (10 − 5)^2 + (0 − 5)^2)/4 = 25');
    expect(text).toContain('σ[2] = √(25) = 5');
    expect(text).toContain('y = [[−1, −11, 9], [1, −9, 11], [1, −9, 11], [−1, −11, 9]]');
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−μσγβ²∑√]/);
  });

  it('eps enters under the square root: σ = √(var + ε)', () => {
    // Feature 0 of the exam: var = 1, ε = 0.21 → σ = √1.21 = 1.1.
    const sol = solve({ ...exam, eps: 0.21 });
    expect(sol.answer.std[0]).toBeCloseTo(1.1, 12);
    expect(sol.answer.var).toEqual([1, 25, 25]);
    expect(sol.steps.map((s) => s.text).join('\n')).toContain('σ[0] = √(1 + 0.21) = 1.1');
  });

  it('a constant feature has σ = 0, z_norm 0, y = β and a note (no 0/0)', () => {
    // 0.1 three times: the float sum is not exactly 0.3, but the variance is exactly 0.
    const sol = solve({
      z: [
        [0.1, 1],
        [0.1, 2],
        [0.1, 3],
      ],
      beta: [7, 0],
    });
    expect(sol.answer.mean[0]).toBe(0.1);
    expect(sol.answer.std[0]).toBe(0);
    expect(
      answerOf({
        z: [
          [0.1, 1],
          [0.1, 2],
          [0.1, 3],
        ],
      }).zNorm.map((r) => r[0]),
    ).toEqual([0, 0, 0]);
    expect((sol.answer.y as number[][]).map((r) => r[0])).toEqual([7, 7, 7]);
    expect(sol.notes.join(' ')).toMatch(/Feature\(s\) 0 have σ = 0/);
  });

  it('a scalar γ or β applies to every feature', () => {
    const sol = solve({ ...exam, gamma: 2, beta: [1] });
    expect(sol.answer.y[0]).toEqual([-1, -1, -1]);
  });

  it('summarises the statistics of many features', () => {
    const z = [Array.from({ length: 10 }, (_, j) => j), Array.from({ length: 10 }, (_, j) => 2 * j)];
    const sol = solve({ z });
    expect(sol.steps.map((s) => s.text).join('\n')).toMatch(/other 4 features are computed the same way/);
  });
});

describe('conv/batchnorm: bad input is a DnnInputError naming the field', () => {
  itRejects(solve, [
    ['overflowing variance', { z: [[1e300], [-1e300]] }, 'z', /too large: a variance overflows/],
    ['overflowing output', { z: [[1], [2]], gamma: 1e308, beta: 1e308 }, 'gamma', /too large/],
    [
      'gamma of the wrong length',
      {
        z: [
          [1, 2],
          [3, 4],
        ],
        gamma: [1, 2, 3],
      },
      'gamma',
      /one value per feature: 2, got 3/,
    ],
    [
      'beta of the wrong length (spatial)',
      { z: [[[[1]], [[2]]]], beta: [1, 2, 3] },
      'beta',
      /one value per channel: 2, got 3/,
    ],
    ['sample variance of one value', { z: [[1, 2]], variance: 'sample' }, 'variance', /at least 2 values per feature/],
    ['negative eps', { z: [[1]], eps: -1 }, 'eps', /at least 0/],
    ['3-D z', { z: [[[1]]] }, 'z', /must be a matrix/],
    ['ragged z', { z: [[1, 2], [3]] }, 'z[1]', /same length/],
    ['unknown variance', { z: [[1]], variance: 'unbiased' }, 'variance', /"population", "sample"/],
    ['misspelt field', { z: [[1]], epsilon: 1 }, 'epsilon', /not a field/],
  ]);
});
