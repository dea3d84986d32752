import { runSolver } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { itRejects } from './assertions.test-util.js';
import { kernelEffect } from './kernel-effect.js';

const solve = (input: unknown) => runSolver(kernelEffect, input);
const effects = (kernel: number[][], scale?: number) =>
  solve(scale === undefined ? { kernel } : { kernel, scale }).answer.effects as string[];

describe('conv/kernel-effect: examples (classified by hand in each source)', () => {
  for (const example of kernelEffect.examples) {
    it(example.title, () => {
      expect(solve(example.input).answer).toMatchObject(example.answer);
    });
  }
});

describe('conv/kernel-effect: standard kernels', () => {
  // Each expected set follows the catalog's definitions, derived by hand in the comment.
  const cases: [string, number[][], string[], number?][] = [
    // Nine positive taps, gain 1.
    [
      'box blur',
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      ['blur'],
      1 / 9,
    ],
    // Positive taps only, gain 16/16 = 1.
    [
      'Gaussian 3×3',
      [
        [1, 2, 1],
        [2, 4, 2],
        [1, 2, 1],
      ],
      ['blur'],
      1 / 16,
    ],
    // One tap 1 at the centre.
    [
      'identity',
      [
        [0, 0, 0],
        [0, 1, 0],
        [0, 0, 0],
      ],
      ['identity'],
    ],
    // Gain 5 − 4 = 1, positive centre, negative surround.
    [
      'sharpen (4-neighbour)',
      [
        [0, -1, 0],
        [-1, 5, -1],
        [0, -1, 0],
      ],
      ['sharpen'],
    ],
    // Gain 9 − 8 = 1.
    [
      'sharpen (8-neighbour)',
      [
        [-1, -1, -1],
        [-1, 9, -1],
        [-1, -1, -1],
      ],
      ['sharpen'],
    ],
    // Zero sum, left/right antisymmetric, step response 1 + 2 + 1 = 4.
    [
      'Sobel x',
      [
        [-1, 0, 1],
        [-2, 0, 2],
        [-1, 0, 1],
      ],
      ['vertical-edge'],
    ],
    // Zero sum, top/bottom antisymmetric, step response 4.
    [
      'Sobel y',
      [
        [-1, -2, -1],
        [0, 0, 0],
        [1, 2, 1],
      ],
      ['horizontal-edge'],
    ],
    [
      'Prewitt x',
      [
        [-1, 0, 1],
        [-1, 0, 1],
        [-1, 0, 1],
      ],
      ['vertical-edge'],
    ],
    [
      'Prewitt y',
      [
        [1, 1, 1],
        [0, 0, 0],
        [-1, -1, -1],
      ],
      ['horizontal-edge'],
    ],
    // Zero sum, symmetric, M_xx = M_yy = 2.
    [
      'Laplacian (4-neighbour)',
      [
        [0, 1, 0],
        [1, -4, 1],
        [0, 1, 0],
      ],
      ['edge'],
    ],
    // M_xx = M_yy = 6.
    [
      'Laplacian (8-neighbour)',
      [
        [1, 1, 1],
        [1, -8, 1],
        [1, 1, 1],
      ],
      ['edge'],
    ],
    // Transpose is the negative; upper-triangle step response 1 + 2 + 1 = 4.
    [
      'diagonal edge (Sobel 45°)',
      [
        [0, 1, 2],
        [-1, 0, 1],
        [-2, -1, 0],
      ],
      ['diagonal-edge'],
    ],
    // Antisymmetric across the anti-diagonal.
    [
      'diagonal edge (Sobel 135°)',
      [
        [-2, -1, 0],
        [-1, 0, 1],
        [0, 1, 2],
      ],
      ['diagonal-edge'],
    ],
    // Roberts cross: antisymmetric across the anti-diagonal, response −1 + ... ≠ 0.
    [
      'Roberts cross',
      [
        [1, 0],
        [0, -1],
      ],
      ['diagonal-edge'],
    ],
    // One tap −1: gain −1.
    [
      'negative identity',
      [
        [0, 0, 0],
        [0, -1, 0],
        [0, 0, 0],
      ],
      ['invert'],
    ],
    // Saddle: antisymmetric both ways but zero response to straight steps, no Laplacian moments; zero sum with
    // mixed signs and no edge effect → a detector of the diagonal checker pattern.
    [
      'checkerboard 2×2 (corner detector)',
      [
        [1, -1],
        [-1, 1],
      ],
      ['detector'],
    ],
    // Second derivative along x only: M_yy = 0, so not Laplacian-like; zero sum, mixed signs → detector of a dark pixel
    // between two bright ones.
    ['1-D second derivative', [[1, -2, 1]], ['detector']],
    // The zero-mean X template (X of 1s on 0s minus its mean 5/9, times 9): zero sum, centre and corners share a sign,
    // so not centre-surround → detector, not edge (v1 called it edge from its moments alone).
    [
      'zero-mean X template',
      [
        [4, -5, 4],
        [-5, 4, -5],
        [4, -5, 4],
      ],
      ['detector'],
    ],
    // The zero-mean plus template (+ of 1s on 0s minus 5/9, times 9).
    [
      'zero-mean plus template',
      [
        [-5, 4, -5],
        [4, 4, 4],
        [-5, 4, -5],
      ],
      ['detector'],
    ],
    // All taps negative, gain −9 → blur and invert; a template needs both signs.
    [
      'negative box',
      [
        [-1, -1, -1],
        [-1, -1, -1],
        [-1, -1, -1],
      ],
      ['blur', 'invert'],
    ],
    // Mixed signs but the offset −4 outweighs the positive taps (1): an inverting kernel, not a template.
    [
      'mostly negative',
      [
        [1, -1],
        [-2, -2],
      ],
      ['invert'],
    ],
  ];
  for (const [name, kernel, expected, scale] of cases) {
    it(`${name} → ${expected.join(', ') || 'no catalog effect'}`, () => {
      expect(effects(kernel, scale)).toEqual(expected);
    });
  }

  it('the steps justify each effect and stay KaTeX-clean', () => {
    const sol = solve({
      kernel: [
        [1, -1],
        [1, -1],
      ],
    });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('gain = 1 + (−1) + 1 + (−1) = 0');
    expect(text).toMatch(
      /vertical-edge: zero sum and antisymmetric left ↔ right .* response to a vertical step edge \(0 on the left, 1 on the right\) is −2 ≠ 0/,
    );
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−∑↔]/);
  });

  it("the exam's negative Laplacian is explained as invert + blur, not as an edge detector", () => {
    const sol = solve(kernelEffect.examples[3]?.input);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toMatch(/blur: all 5 non-zero taps have the same sign/);
    expect(text).toMatch(/invert: the gain is negative/);
    expect(text).not.toMatch(/Zero sum/);
  });

  it('exam line 346: the rubric’s black-cross filter is a detector of a dark X, not an inversion', () => {
    // By the definitions: gain −1, positive taps 4, negative taps −5: |−1| < min(4, 5) and no edge effect.
    const sol = solve(kernelEffect.examples[4]?.input);
    expect(sol.answer.effects).toEqual(['detector']);
    expect(sol.answer.pattern).toEqual([
      [0, 1, 0],
      [1, 0, 1],
      [0, 1, 0],
    ]);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toMatch(/detector: a template whose offset \(gain −1\)/);
    expect(text).not.toMatch(/invert:/);
  });

  it('pattern is absent unless the kernel is a detector', () => {
    expect(solve({ kernel: [[1, 0, -1]] }).answer.pattern).toBeUndefined();
  });

  it('scale multiplies every weight (1/9 as a factor)', () => {
    expect(
      solve({
        kernel: [
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
        scale: 1 / 9,
      }).answer.gain,
    ).toBeCloseTo(1, 12);
  });

  it('an all-zero kernel has no effect', () => {
    expect(
      solve({
        kernel: [
          [0, 0],
          [0, 0],
        ],
      }).answer,
    ).toMatchObject({ effects: [], gain: 0, zeroSum: true });
  });
});

describe('conv/kernel-effect: bad input is a DnnInputError naming the field', () => {
  itRejects(solve, [
    ['vector kernel', { kernel: [1, 2, 3] }, 'kernel', /must be a matrix/],
    ['ragged kernel', { kernel: [[1, 2], [3]] }, 'kernel[1]', /same length/],
    ['text entry', { kernel: [[1, 'a']] }, 'kernel', /\[0\]\[1\] must be a finite number/],
    ['zero scale', { kernel: [[1]], scale: 0 }, 'scale', /must not be 0/],
    [
      'too large',
      { kernel: Array.from({ length: 40 }, () => Array(40).fill(1)) },
      'kernel',
      /is 40×40; at most 31 per side/,
    ],
    ['overflowing weights', { kernel: [[1e308, 1e308]], scale: 10 }, 'kernel', /too large/],
    ['misspelt field', { kernel: [[1]], kernal: 1 }, 'kernal', /not a field/],
  ]);
});
