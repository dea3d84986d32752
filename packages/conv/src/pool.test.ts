import { runSolver } from '@dnn/core';
import { initSync, KERNEL_THRESHOLD } from '@dnn/core-wasm';
import { describe, expect, it, vi } from 'vitest';
import { itRejects } from './assertions.test-util.js';
import {
  absNested,
  EXACT_WASM_NOTE,
  expectSameAsOwnLoop,
  expectSingleClose,
  ints,
  map3,
  onOwnLoop,
  SINGLE_NOTE,
  TS_NOTE,
  withKernelsForced,
} from './kernel-backend.test-util.js';
import { pool } from './pool.js';

vi.mock('@dnn/core-wasm', async (orig) => (await import('./kernel-backend.test-util.js')).mockCoreWasm(orig));

const solve = (input: unknown) => runSolver(pool, input);
const text = (input: unknown) =>
  solve(input)
    .steps.map((s) => s.text)
    .join('\n');

describe('conv/pool: examples (derived by hand in each source)', () => {
  for (const example of pool.examples) {
    it(example.title, () => {
      expect(solve(example.input).answer).toMatchObject(example.answer);
    });
  }
});

describe('conv/pool: conventions and steps', () => {
  const exam = pool.examples[0]?.input;

  it('the exam case shows each window with its padded zeros and notes that "ignore" would differ', () => {
    const sol = solve(exam);
    const t = sol.steps.map((s) => s.text).join('\n');
    expect(t).toContain('H_out = ⌊(2 + 2·1 − (2 − 1) − 1)/2⌋ + 1 = ⌊2/2⌋ + 1 = 2');
    expect(t).toContain('X_pad = [[0, 0, 0, 0], [0, 0, 0.5, 0], [0, 0.5, −1, 0], [0, 0, 0, 0]]');
    expect(t).toContain('3 padded cell(s) count as 0: Y[1][1] = max(−1, 0, 0, 0) = 0');
    expect(sol.notes.join(' ')).toMatch(
      /with padValue "ignore", 1 value\(s\) differ, e.g. Y\[1\]\[1\] would be −1 instead of 0/,
    );
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−⌊⌋∅]/);
  });

  it('"ignore" leaves padded cells out of the max and says the exam would differ', () => {
    const sol = solve({ ...exam, padValue: 'ignore' });
    expect(sol.steps.map((s) => s.text).join('\n')).toContain('3 padded cell(s) left out: Y[1][1] = max(−1) = −1');
    expect(sol.notes.join(' ')).toMatch(/exam convention counts them as 0/);
  });

  it('average pooling with padding: zeros are counted ("zero") or left out ("ignore")', () => {
    // 2×2 input, 2×2 window, stride 1, padding 1 → 3×3 output. Corner window holds 1 real cell:
    // zero: 1/4 = 0.25; ignore: 1/1 = 1. Centre window holds all four: (1+2+3+4)/4 = 2.5 either way.
    const input = {
      input: [
        [1, 2],
        [3, 4],
      ],
      kind: 'avg',
      kernel: 2,
      stride: 1,
      padding: 1,
    };
    expect(solve(input).answer.output).toEqual([
      [0.25, 0.75, 0.5],
      [1, 2.5, 1.5],
      [0.75, 1.75, 1],
    ]);
    expect(solve({ ...input, padValue: 'ignore' }).answer.output).toEqual([
      [1, 1.5, 2],
      [2, 2.5, 3],
      [3, 3.5, 4],
    ]);
    expect(text(input)).toContain('Y[0][0] = (0 + 0 + 0 + 1)/4 = 0.25');
    expect(text({ ...input, padValue: 'ignore' })).toContain('Y[0][0] = 1/1 = 1');
  });

  it('notes when the two conventions agree', () => {
    // All values positive: zeros never win a max.
    const sol = solve({
      input: [
        [1, 2],
        [3, 4],
      ],
      kind: 'max',
      kernel: 2,
      padding: 1,
    });
    expect(sol.notes.join(' ')).toMatch(/padValue "ignore" gives the same output/);
  });

  it('pools each channel alone and keeps the channel count', () => {
    const sol = solve({
      input: [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [-1, -2],
          [-3, -4],
        ],
      ],
      kind: 'max',
      kernel: 2,
    });
    expect(sol.answer).toEqual({ output: [[[4]], [[-1]]], outputShape: [2, 1, 1] });
  });

  it('stride defaults to the kernel and the note says so', () => {
    const sol = solve({ input: Array.from({ length: 6 }, () => [1, 2, 3, 4, 5, 6]), kind: 'max', kernel: 3 });
    expect(sol.answer.outputShape).toEqual([2, 2]);
    expect(sol.notes.join(' ')).toMatch(/defaults to the kernel size \(3×3\)/);
  });

  it('bounds the detailed steps for a large output', () => {
    const sol = solve({
      input: Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 }, (_, j) => i - j)),
      kind: 'avg',
      kernel: 2,
    });
    expect(sol.steps.filter((s) => s.title.startsWith('Window at')).length).toBe(4);
    expect(sol.steps.map((s) => s.text).join('\n')).toMatch(/other 96 output values/);
  });
});

describe('conv/pool: bad input is a DnnInputError naming the field', () => {
  itRejects(solve, [
    [
      'overflowing average',
      { input: [[1e308, 1e308]], kind: 'avg', kernel: [1, 2] },
      'input',
      /too large: an average overflows/,
    ],
    [
      'kernel larger than the input',
      { input: [[1, 2]], kind: 'max', kernel: 2 },
      'kernel',
      /kernel 2 is larger than the padded input 1/,
    ],
    ['missing kind', { input: [[1, 2]], kernel: 1 }, 'kind', /is required: one of "max", "avg"/],
    ['unknown kind', { input: [[1, 2]], kind: 'min', kernel: 1 }, 'kind', /"max", "avg"/],
    ['unknown padValue', { input: [[1, 2]], kind: 'max', kernel: 1, padValue: '-inf' }, 'padValue', /"zero", "ignore"/],
    ['unknown precision', { input: [[1]], kind: 'max', kernel: 1, precision: 64 }, 'precision', /"double", "single"/],
    [
      'ignore with a window made of padding only',
      {
        input: [
          [1, 2],
          [3, 4],
        ],
        kind: 'max',
        kernel: 2,
        stride: 1,
        padding: 2,
        padValue: 'ignore',
      },
      'padding',
      /entirely in the padding/,
    ],
    [
      'dilation is not a pooling field',
      { input: [[1]], kind: 'max', kernel: 1, dilation: 2 },
      'dilation',
      /not a field/,
    ],
    ['ragged input', { input: [[1, 2], [3]], kind: 'avg', kernel: 1 }, 'input[1]', /same length/],
    ['4-D input', { input: [[[[1]]]], kind: 'avg', kernel: 1 }, 'input', /4 levels of nesting/],
    ['not an object', [1, 2], 'input', /object/],
  ]);
});

describe('conv/pool: the WASM kernels from KERNEL_THRESHOLD window cells, identical answers (tested at the threshold)', () => {
  // Work = C·H′·W′·kH·kW. At the threshold: 2×2 windows (stride 2) on 256×256 → 128·128·4 = 65 536.
  const atThreshold = (kind: 'max' | 'avg', value: (...i: number[]) => number, extra: object = {}) => ({
    input: map3(1, 256, 256, value)[0],
    kind,
    kernel: 2,
    ...extra,
  });
  // One below: 3×5 windows (stride = kernel) on 51×1285 → 17·257·15 = 65 535.
  const below = (kind: 'max' | 'avg') => ({ input: map3(1, 51, 1285, ints(99))[0], kind, kernel: [3, 5] });
  const kinds = ['max', 'avg'] as const;

  it.each(kinds)('%s: KERNEL_THRESHOLD − 1 window cells: the own loop, no kernel note', (kind) => {
    expectSameAsOwnLoop(
      solve(below(kind)),
      onOwnLoop(() => solve(below(kind))),
      null,
    );
  });

  it.each(kinds)('%s: KERNEL_THRESHOLD window cells, integers: the WASM kernel, identical, note says so', (kind) => {
    expect(128 * 128 * 2 * 2).toBe(KERNEL_THRESHOLD);
    const input = atThreshold(kind, ints(1000));
    const sol = solve(input);
    expect(sol.notes.at(-1)).toContain(`${KERNEL_THRESHOLD} window cells`);
    expectSameAsOwnLoop(
      sol,
      onOwnLoop(() => solve(input)),
      EXACT_WASM_NOTE,
    );
  });

  it.each(kinds)('%s: binary fractions (k/8), padding 1, padValue "ignore" (edge divisors 1, 2): identical', (kind) => {
    // 4 channels, H′ = W′ = ⌊(128 + 2 − 2)/2⌋ + 1 = 65: 4·65·65·4 = 67 600 cells
    const input = { ...atThreshold(kind, (...i) => ints(100)(...i) / 8), padding: 1, padValue: 'ignore' };
    input.input = map3(4, 128, 128, (...i) => ints(100)(...i) / 8) as unknown as number[][];
    expectSameAsOwnLoop(
      solve(input),
      onOwnLoop(() => solve(input)),
      EXACT_WASM_NOTE,
    );
  });

  it.each(kinds)(
    '%s: padding 2 ≥ kernel (windows all padding), padValue "zero": identical, convention note too',
    (kind) => {
      // the note compares with padValue "ignore", where those windows have no value (NaN on both paths)
      const input = { input: map3(1, 254, 254, ints(30))[0], kind, kernel: 2, padding: 2 }; // 129·129·4 = 66 564
      const sol = solve(input);
      expect(sol.notes.join(' ')).toMatch(/Here padValue "ignore" gives the same output/);
      expectSameAsOwnLoop(
        sol,
        onOwnLoop(() => solve(input)),
        EXACT_WASM_NOTE,
      );
    },
  );

  it('avg with 3×3 windows (divisor 9) above the threshold: the double path, identical, no note', () => {
    const input = { input: map3(1, 270, 270, ints(50))[0], kind: 'avg', kernel: 3 }; // 90·90·9 = 72 900
    expectSameAsOwnLoop(
      solve(input),
      onOwnLoop(() => solve(input)),
      null,
    );
  });

  it.each(kinds)(
    '%s: decimals (multiples of 0.1) at the threshold: the double path, exactly float64, no note',
    (kind) => {
      const input = atThreshold(kind, (...i) => ints(99)(...i) / 10);
      expectSameAsOwnLoop(
        solve(input),
        onOwnLoop(() => solve(input)),
        null,
      );
    },
  );

  it('max with −0 and 0 in one window keeps the double path (Math.max gives +0, the kernel may keep −0)', () => {
    const input = atThreshold('max', (_, i, j) => (i % 2 === 0 ? -0 : j % 2 === 0 ? 0 : -1));
    const sol = solve(input);
    expectSameAsOwnLoop(
      sol,
      onOwnLoop(() => solve(input)),
      null,
    );
    expect(Object.is((sol.answer.output as number[][])[0]![0], 0)).toBe(true);
  });

  it.each(kinds)('%s: precision "single" at the threshold: float32 within 1e-5, the note says float32', (kind) => {
    const input = atThreshold(kind, (...i) => ints(99)(...i) / 10, { precision: 'single' });
    const sol = solve(input);
    const own = onOwnLoop(() => solve({ ...input, precision: 'double' }));
    const magnitude = solve({ ...input, input: absNested(input.input), precision: 'double' }).answer.output;
    expectSingleClose(sol.answer.output, own.answer.output, magnitude);
    expect(sol.notes.at(-1)).toMatch(SINGLE_NOTE);
    expect(sol.notes.slice(0, -1)).toEqual(own.notes);
  });

  it.each(kinds)('%s: precision "single" past float32\'s range (values 1e39) is an error on precision', (kind) => {
    const huge = atThreshold(kind, () => 1e39, { precision: 'single' });
    expect(() => solve(huge)).toThrow(/float32 range of precision "single"/);
    expect((solve({ ...huge, precision: 'double' }).answer.output as number[][])[0]![0]).toBe(1e39);
  });

  it.each(kinds)(
    '%s: the TypeScript fallback (no WebAssembly SIMD) gives the same answers and names itself',
    (kind) => {
      const ts = initSync({ backend: 'ts' });
      const input = { input: map3(1, 254, 254, ints(30))[0], kind, kernel: 2, padding: 2 };
      expectSameAsOwnLoop(
        withKernelsForced(
          () => ts,
          () => solve(input),
        ),
        onOwnLoop(() => solve(input)),
        TS_NOTE,
      );
    },
  );
});
