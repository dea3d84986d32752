import { runSolver } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { expectClose, itRejects } from './assertions.test-util.js';
import { designKernel } from './design-kernel.js';

const solve = (input: unknown) => runSolver(designKernel, input);

/** A black X-cross on white (0 = black, 1 = white). */
const blackX = [
  [0, 1, 0],
  [1, 0, 1],
  [0, 1, 0],
];

describe('conv/design-kernel: examples (derived by hand in each source)', () => {
  for (const example of designKernel.examples) {
    it(example.title, () => {
      const { answer } = solve(example.input);
      for (const [key, value] of Object.entries(example.answer)) {
        if (typeof value === 'number' || (Array.isArray(value) && typeof value.flat(2)[0] === 'number')) {
          expectClose((answer as Record<string, unknown>)[key], value, 1e-12);
        } else expect((answer as Record<string, unknown>)[key]).toEqual(value);
      }
    });
  }
});

describe('conv/design-kernel: exam line 346 (TUM I2DL, "design a filter that detects a black cross")', () => {
  it('zero-mean kernel: −4/9 on the black X, 5/9 elsewhere; the pattern gives the largest possible response', () => {
    // By hand: mean (0·5 + 1·4)/9 = 4/9; the four 5/9 taps under white give 20/9; no [0, 1] window does better,
    // since the response is linear in each cell (1 under positive taps, 0 under negative ones).
    const { answer } = solve({ pattern: blackX });
    expect(answer.mean).toBeCloseTo(4 / 9, 15);
    expect(answer.exactKernel).toEqual([
      ['-4/9', '5/9', '-4/9'],
      ['5/9', '-4/9', '5/9'],
      ['-4/9', '5/9', '-4/9'],
    ]);
    expect(answer.responseOnPattern).toBeCloseTo(20 / 9, 14);
    expect(answer.maxPossibleResponse).toBeCloseTo(20 / 9, 14);
    expect(answer.effects).toEqual(['detector']);
  });

  it('the steps write the taps, the mean and the responses as fractions', () => {
    const text = solve({ pattern: blackX })
      .steps.map((s) => s.text)
      .join('\n');
    expect(text).toContain('μ = (0 + 1 + 0 + 1 + 0 + 1 + 0 + 1 + 0)/9 = 4/9');
    expect(text).toContain('K = [[−4/9, 5/9, −4/9], [5/9, −4/9, 5/9], [−4/9, 5/9, −4/9]]');
    expect(text).toContain('response = 5/9·1 + 5/9·1 + 5/9·1 + 5/9·1 = 20/9');
    expect(text).toContain('= 20/9');
  });

  it('normalize "sign" reproduces the rubric’s ±1 filter [[−1, 1, −1], [1, −1, 1], [−1, 1, −1]]', () => {
    // By hand: sign(P − 4/9) is −1 on the X and +1 elsewhere.
    const { answer } = solve({ pattern: blackX, normalize: 'sign' });
    expect(answer.kernel).toEqual([
      [-1, 1, -1],
      [1, -1, 1],
      [-1, 1, -1],
    ]);
    expect(answer.exactKernel?.[0]).toEqual(['-1', '1', '-1']);
  });

  it('on an image with one black X, the best position is that X', () => {
    // By hand: the X sits in rows 2–4, columns 1–3 of a white 5×5 image; there the response is 20/9, and every
    // other window includes a black cell under a positive tap or a white cell under a negative one.
    const image = Array.from({ length: 5 }, () => Array(5).fill(1));
    for (const [i, j] of [
      [2, 1],
      [2, 3],
      [3, 2],
      [4, 1],
      [4, 3],
    ] as const)
      (image[i] as number[])[j] = 0;
    const { answer } = solve({ pattern: blackX, image });
    expect(answer.best).toEqual([2, 1]);
    expect((answer.response as number[][])[2]?.[1]).toBeCloseTo(20 / 9, 14);
  });
});

describe('conv/design-kernel: conventions', () => {
  it('unit: zero-mean kernel of norm 1', () => {
    // By hand: P − 4/9 has 5 taps −4/9 and 4 taps 5/9: ‖·‖² = (5·16 + 4·25)/81 = 180/81, norm √180/9.
    const { answer } = solve({ pattern: blackX, normalize: 'unit' });
    const k = answer.kernel.flat();
    expect(k.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 14);
    expect(k[1]).toBeCloseTo(5 / Math.sqrt(180), 14);
    expect(answer.exactKernel).toBeNull();
  });

  it('none keeps the pattern: a white window then beats the pattern', () => {
    // By hand: kernel = P; response on P is Σ P² = 4; an all-white window gives Σ P = 4 too, the maximum over [0, 1].
    const { answer, notes } = solve({ pattern: blackX, normalize: 'none' });
    expect(answer.kernel).toEqual(blackX);
    expect(answer.maxPossibleResponse).toBe(4);
    expect(notes.join(' ')).toMatch(/bright flat region/);
  });

  it('a 0…255 pattern uses its own range for the largest response', () => {
    // By hand: P = [[255, 0]]: mean 127.5, kernel [127.5, −127.5]; max over [0, 255]: 127.5·255 = 32512.5.
    const { answer } = solve({ pattern: [[255, 0]] });
    expect(answer.kernel).toEqual([[127.5, -127.5]]);
    expect(answer.maxPossibleResponse).toBe(32512.5);
  });
});

describe('conv/design-kernel: bad input is a DnnInputError naming the field', () => {
  itRejects(solve, [
    ['flat pattern', { pattern: [[1, 1]] }, 'pattern', /flat pattern/],
    ['ragged pattern', { pattern: [[1, 2], [3]] }, 'pattern[1]', /same length/],
    ['image smaller than the pattern', { pattern: blackX, image: [[1, 2]] }, 'image', /smaller than the 3×3/],
    ['unknown normalize', { pattern: blackX, normalize: 'l2' }, 'normalize', /./],
    ['too large', { pattern: Array.from({ length: 40 }, () => Array(40).fill(1)) }, 'pattern', /at most 31/],
    ['huge values', { pattern: [[1e308, -1e308, 1e308]] }, 'pattern', /too large/],
    ['misspelt field', { pattern: blackX, img: [[1]] }, 'img', /not a field/],
  ]);
});
