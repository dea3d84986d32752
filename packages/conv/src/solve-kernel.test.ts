import { runSolver } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { itRejects } from './assertions.test-util.js';
import { solveKernel } from './solve-kernel.js';

const solve = (input: unknown) => runSolver(solveKernel, input);
const answer = (input: unknown) =>
  solve(input).answer as { values: Record<string, number>; exact: Record<string, string>; equations: string[] };

describe('conv/solve-kernel: examples (derived by hand in each source)', () => {
  for (const example of solveKernel.examples) {
    it(example.title, () => {
      const a = answer(example.input);
      const expected = example.answer as { values?: Record<string, number> };
      expect(a).toMatchObject({ ...example.answer, values: expect.any(Object) });
      for (const [name, v] of Object.entries(expected.values ?? {})) expect(a.values[name]).toBeCloseTo(v, 12);
    });
  }
});

describe('conv/solve-kernel: cases', () => {
  it('exam: the steps show each window sum and its equation; values are the exact fractions', () => {
    // Rubric says 3x + 3y = 12, x = 3, y = 1, z = 14/3; the printed I gives 3x + 3z = 2 instead
    // (first window row [3, 0, 3] times [x, y, z], plus −3 + 5 from the known rows): see forward.test.ts.
    const sol = solve(solveKernel.examples[0]?.input);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain(
      'O[0][0] = 3·x + 0·y + 3·z + (−3)·1 + 2·0 + 0·2 + (−5)·(−1) + 0·1 + 3·0 = 4;  3·x + 3·z = 2',
    );
    expect(text).toContain('x = −1/2;  y = −5/2;  z = 7/6');
    expect(sol.answer.values).toEqual({ x: -0.5, y: -2.5, z: 7 / 6 });
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−⌊⌋]/);
  });

  it('a name used twice is one unknown whose coefficients add up', () => {
    // a·1 + a·2 = 6 → a = 2.
    expect(answer({ input: [[1, 2]], kernel: [['a', 'a']], output: [[6]] }).values).toEqual({ a: 2 });
  });

  it('flip rotates the kernel before sliding', () => {
    // Cross-correlation: 2x + 3·1 = 8 → x = 5/2. Flipped kernel [1, x]: 2·1 + 3x = 8 → x = 2.
    expect(answer({ input: [[2, 3]], kernel: [['x', 1]], output: [[8]] }).exact).toEqual({ x: '5/2' });
    expect(answer({ input: [[2, 3]], kernel: [['x', 1]], output: [[8]], flip: true }).exact).toEqual({ x: '2' });
  });

  it('padding: a window over zeros only is a check, not an equation', () => {
    // Padded 4×4 map; O[0][0] and O[1][0] see only padding (0 = 0), O[1][1] sees the 1: x = 1.
    const sol = solve({
      input: [
        [1, 2],
        [3, 4],
      ],
      kernel: [['x']],
      output: [[0], [0, 1]],
      padding: 1,
    });
    expect(sol.answer.values).toEqual({ x: 1 });
    expect(sol.notes.join(' ')).toMatch(/O\[0\]\[0\] involves no unknown/);
  });

  it('numbers in exponent notation are read exactly', () => {
    expect(answer({ input: [[1e-7]], kernel: [['x']], output: [[3e-7]] }).exact).toEqual({ x: '3' });
  });

  it('null output cells are skipped and extra consistent equations are noted', () => {
    const sol = solve({ input: [[1, 2, 3]], kernel: [['x']], output: [[2, null, 6]] });
    expect(sol.answer.values).toEqual({ x: 2 });
    expect(sol.notes.join(' ')).toMatch(/2 equations for 1 unknowns/);
  });
});

describe('conv/solve-kernel: bad input is a DnnInputError naming the field', () => {
  itRejects(solve, [
    [
      'too many equations for exact elimination',
      {
        input: Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 }, (_, j) => (i * 7 + j * 3) % 5)),
        kernel: Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => `k${i}${j}`)),
        output: Array.from({ length: 16 }, () => Array(16).fill(0)),
      },
      'output',
      /256 equations in 25 unknowns is more than this solver eliminates exactly/,
    ],
    [
      'overflowing solution',
      { input: [[1e-200]], kernel: [['x']], output: [[1e200]] },
      'output',
      /too large: a solved kernel value overflows/,
    ],
    [
      'under-determined: one equation, two unknowns',
      { input: [[1, 1]], kernel: [['x', 'y']], output: [[2]] },
      'output',
      /do not determine every unknown: y is free/,
    ],
    [
      'inconsistent equations',
      { input: [[1, 2]], kernel: [['x']], output: [[1, 5]] },
      'output',
      /contradict each other: O\[0\]\[0\] \(x = 1\), O\[0\]\[1\] \(2·x = 5\) cannot all hold \(conflicting unknowns: x\)/,
    ],
    [
      'a known cell without unknowns that does not match',
      { input: [[0, 5, 1]], kernel: [['x', 1]], output: [[4]] },
      'output[0][0]',
      /known taps give 5, not 4/,
    ],
    ['no unknown in the kernel', { input: [[1]], kernel: [[1]], output: [[1]] }, 'kernel', /no unknown entries/],
    [
      'bad unknown name',
      { input: [[1]], kernel: [['3x']], output: [[1]] },
      'kernel[0][0]',
      /"3x" is neither a number nor an unknown name/,
    ],
    ['ragged kernel', { input: [[1, 2]], kernel: [['x'], [1, 2]], output: [[1]] }, 'kernel[1]', /same length/],
    [
      'output taller than possible',
      { input: [[1, 2]], kernel: [['x']], output: [[1], [2]] },
      'output',
      /only 1 output row/,
    ],
    [
      'output row too long',
      { input: [[1, 2]], kernel: [['x']], output: [[1, 2, 3]] },
      'output[0]',
      /only 2 output column/,
    ],
    [
      'all outputs unknown',
      { input: [[1, 2]], kernel: [['x']], output: [[null]] },
      'output',
      /no known output cell involves an unknown/,
    ],
    [
      'kernel larger than the input',
      { input: [[1]], kernel: [['x', 'y']], output: [[1]] },
      'kernel',
      /larger than the padded input/,
    ],
    ['unknown in the input', { input: [['x']], kernel: [['y']], output: [[1]] }, 'input', /must be a finite number/],
  ]);
});
