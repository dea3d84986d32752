import { runSolver } from '@dnn/core';
import { initSync, KERNEL_THRESHOLD, kernels } from '@dnn/core-wasm';
import { describe, expect, it, vi } from 'vitest';
import { expectClose, itRejects } from './assertions.test-util.js';
import { forward } from './forward.js';
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

vi.mock('@dnn/core-wasm', async (orig) => (await import('./kernel-backend.test-util.js')).mockCoreWasm(orig));

const solve = (input: unknown) => runSolver(forward, input);

describe('conv/forward: examples (derived by hand in each source)', () => {
  for (const example of forward.examples) {
    it(example.title, () => {
      expectClose(solve(example.input).answer.output, example.answer.output);
    });
  }
});

describe('conv/forward: exam cases', () => {
  // Exam (I, F, O with unknowns x, y, z; stride 1, no padding). Solving the three equations from the
  // matrices as printed (see solve-kernel.test.ts) gives x = −1/2, y = −5/2, z = 7/6; convolving with
  // that kernel must give back O = [4, 0, −3]. The rubric's x = 3, y = 1, z = 14/3 does not: its first
  // equation 3x + 3y = 12 should read 3x + 3z = 2 (row 0 of the first window is [3, 0, 3]).
  const I = [
    [3, 0, 3, -3, 0],
    [-3, 2, 0, 3, -2],
    [-5, 0, 3, -2, 0],
  ];
  const kernel = (x: number, y: number, z: number) => [
    [x, y, z],
    [1, 0, 2],
    [-1, 1, 0],
  ];
  it('the kernel found by conv/solve-kernel reproduces the exam output [4, 0, −3]', () => {
    expectClose(solve({ input: I, weight: kernel(-1 / 2, -5 / 2, 7 / 6) }).answer.output, [[4, 0, -3]]);
  });
  it("the rubric's kernel (x = 3, y = 1, z = 14/3) does not: its first output is 3·3 + 3·14/3 + 2 = 25", () => {
    expectClose(solve({ input: I, weight: kernel(3, 1, 14 / 3) }).answer.output, [[25, 0, -3]]);
  });
});

describe('conv/forward: steps read like a worked solution', () => {
  it('shows the output-size formula and every product of a small output', () => {
    const sol = solve(forward.examples[1]?.input);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('H_out = ⌊(3 + 2·1 − (3 − 1) − 1)/1⌋ + 1 = ⌊2/1⌋ + 1 = 3');
    expect(text).toContain('Y[0][0] = 0·0 + 0·1 + 0·0 + 0·1 + 1·(−4) + 2·1 + 0·0 + 4·1 + 5·0 = 2');
    expect(text).toContain('X_pad = [[0, 0, 0, 0, 0], [0, 1, 2, 3, 0]');
    expect(sol.steps.filter((s) => s.title.startsWith('Window at')).length).toBe(9);
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−⌊⌋Σ°]/);
  });

  it('sums over the channels, one product per channel for a 1×1 kernel', () => {
    const sol = solve(forward.examples[0]?.input);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('Y[0][1][1] = (−2)·1 + 1·1 + 0·1 = −1');
    expect(sol.notes.join(' ')).toMatch(/weighted sum of the channels/);
  });

  it('bounds the detailed steps for a large output and summarises the rest', () => {
    const big = Array.from({ length: 30 }, (_, i) => Array.from({ length: 30 }, (_, j) => (i * j) % 7));
    const sol = solve({ input: big, weight: [[1, 2, 3]] });
    expect(sol.answer.outputShape).toEqual([30, 28]);
    expect(sol.steps.filter((s) => s.title.startsWith('Window at')).length).toBe(4);
    expect(sol.steps.map((s) => s.text).join('\n')).toMatch(/other 836 output values/);
  });

  it('shows per-channel sums when a window has many products', () => {
    const x = Array.from({ length: 4 }, () => [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const w = [
      Array.from({ length: 4 }, () => [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ]),
    ];
    const sol = solve({ input: x, weight: w, bias: [5] });
    // Each channel sums to 45; 4·45 + 5 = 185.
    expect(sol.answer.output).toEqual([[[185]]]);
    expect(sol.steps.map((s) => s.text).join('\n')).toContain('Y[0][0][0] = 45 + 45 + 45 + 45 + 5 = 185');
  });

  it('dilation spreads the taps: 5×5 input, 2×2 kernel, dilation 2', () => {
    const x = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => 5 * i + j));
    // Taps at (0,0), (0,2), (2,0), (2,2) → 0 + 2 + 10 + 12 = 24 for kernel of ones; output 3×3.
    const sol = solve({
      input: x,
      weight: [
        [1, 1],
        [1, 1],
      ],
      dilation: 2,
    });
    expect(sol.answer.output).toEqual([
      [24, 28, 32],
      [44, 48, 52],
      [64, 68, 72],
    ]);
  });

  it('a single number counts as a 1×1 matrix (input and weight)', () => {
    expect(solve({ input: 3, weight: 2 }).answer).toEqual({ output: [[6]], outputShape: [1, 1] });
    expect(solve({ input: [[1, 2]], weight: 2 }).answer.output).toEqual([[2, 4]]);
  });

  it('"same" padding keeps the size (TensorFlow rule)', () => {
    const sol = solve({ input: [[1, 2, 3, 4]], weight: [[1, 1]], padding: 'same' });
    // P = 1 → 0 left, 1 right: [1+2, 2+3, 3+4, 4+0].
    expect(sol.answer.output).toEqual([[3, 5, 7, 4]]);
  });
});

describe('conv/forward: bad input is a DnnInputError naming the field', () => {
  itRejects(solve, [
    [
      'overflowing output',
      { input: [[1e308, 1e308]], weight: [[10, 10]] },
      'input',
      /too large: an output value overflows/,
    ],
    [
      'kernel larger than the input',
      { input: [[1, 2]], weight: [[1, 2, 3]] },
      'weight',
      /larger than the padded input/,
    ],
    ['ragged input', { input: [[1, 2], [3]], weight: [[1]] }, 'input[1]', /same length/],
    [
      'text in the input',
      { input: [[1, 'x']], weight: [[1]] },
      'input',
      /\[0\]\[1\] must be a finite number, not text "x"/,
    ],
    ['empty input', { input: [], weight: [[1]] }, 'input', /is empty/],
    ['text input', { input: 'abc', weight: [[1]] }, 'input', /must be a matrix .* \(got text "abc"\)/],
    [
      'channel mismatch',
      { input: [[[1]], [[2]]], weight: [[[[1]], [[1]], [[1]]]] },
      'weight',
      /3 input-channel kernel\(s\).*2 channel/,
    ],
    [
      '2-D kernel on a multi-channel input',
      { input: [[[1]], [[2]]], weight: [[1]] },
      'weight',
      /\[Cout\]\[2\]\[kH\]\[kW\]/,
    ],
    ['bias length', { input: [[1]], weight: [[[[1]]], [[[2]]]], bias: [1] }, 'bias', /one number per filter: 2, got 1/],
    ['misspelt field', { input: [[1]], weight: [[1]], strides: 2 }, 'strides', /not a field/],
    ['zero stride', { input: [[1]], weight: [[1]], stride: 0 }, 'stride', /.+/],
    ['rank-3 weight', { input: [[1]], weight: [[[1]]] }, 'weight', /must be a matrix/],
    ['unknown precision', { input: [[1]], weight: [[1]], precision: 'half' }, 'precision', /"double", "single"/],
    [
      'too many output values',
      {
        input: [Array.from({ length: 800 }, () => Array(800).fill(0))],
        weight: Array.from({ length: 20 }, () => [[[1]]]),
      },
      'input',
      /number of output values \(Cout × H_out × W_out\) is 12,800,000, above this solver's limit of 1,000,000/,
    ],
    [
      'too much work',
      {
        input: Array.from({ length: 16 }, () => Array.from({ length: 120 }, () => Array(120).fill(0))),
        weight: Array.from({ length: 64 }, () =>
          Array.from({ length: 16 }, () => Array.from({ length: 5 }, () => Array(5).fill(1))),
        ),
      },
      'weight',
      /multiply-adds is 344,473,600, above the limit of 200,000,000/,
    ],
  ]);
});

describe('conv/forward: the WASM kernel from KERNEL_THRESHOLD multiply-adds, identical answers (tested at the threshold)', () => {
  // Work = Cout·H′·W′·Cin·kH·kW. At the threshold: 4 filters × 32×32 outputs × 4 channels × 2×2 = 65 536.
  const atThreshold = (value: (...i: number[]) => number, extra: object = {}) => ({
    input: map3(4, 33, 33, value),
    weight: Array.from({ length: 4 }, (_, o) => map3(4, 2, 2, (c, a, b) => ints(9, 2)(o, c, a, b))),
    bias: [3, -1, 0, 7],
    ...extra,
  });
  // One below: 5 filters × 17×257 outputs × 3 channels × 1×1 = 65 535.
  const below = {
    input: map3(3, 17, 257, ints(100)),
    weight: Array.from({ length: 5 }, (_, o) => [[[o - 2]], [[o + 1]], [[-3]]]),
    bias: [1, 2, 3, 4, 5],
  };
  // Stride 2, padding 1, dilation 2, true convolution: 2 × 64×64 × 2 × 2×2 = 65 536 (H′ = ⌊(128 + 2 − 2 − 1)/2⌋ + 1).
  const strided = {
    input: map3(2, 128, 128, ints(1000, 3)),
    weight: [map3(2, 2, 2, ints(50, 4)), map3(2, 2, 2, ints(50, 5))],
    bias: [0.5, -0.25],
    stride: 2,
    padding: 1,
    dilation: 2,
    flip: true,
  };
  const solve = (input: unknown) => runSolver(forward, input);

  it('this engine has WebAssembly SIMD (so the shared backend is the WASM kernel)', () => {
    expect(kernels().backend).toBe('wasm');
  });

  it('KERNEL_THRESHOLD − 1 multiply-adds, integers: the own loop, no kernel note', () => {
    const sol = solve(below);
    expect(sol.answer.outputShape).toEqual([5, 17, 257]);
    expectSameAsOwnLoop(
      sol,
      onOwnLoop(() => solve(below)),
      null,
    );
  });

  it('KERNEL_THRESHOLD multiply-adds, integers: the WASM kernel, answer and steps identical to float64, note says so', () => {
    expect(4 * 32 * 32 * 4 * 2 * 2).toBe(KERNEL_THRESHOLD);
    const sol = solve(atThreshold(ints(200)));
    expect(sol.notes.at(-1)).toContain(`${KERNEL_THRESHOLD} multiply-adds`);
    expectSameAsOwnLoop(
      sol,
      onOwnLoop(() => solve(atThreshold(ints(200)))),
      EXACT_WASM_NOTE,
    );
  });

  it('KERNEL_THRESHOLD multiply-adds with stride, padding, dilation, flip and a binary-fraction bias: identical', () => {
    expectSameAsOwnLoop(
      solve(strided),
      onOwnLoop(() => solve(strided)),
      EXACT_WASM_NOTE,
    );
  });

  it('decimals (multiples of 0.1) at the threshold: the double path, exactly the float64 answer, no note', () => {
    const decimals = atThreshold((...i) => ints(50)(...i) / 10);
    expectSameAsOwnLoop(
      solve(decimals),
      onOwnLoop(() => solve(decimals)),
      null,
    );
  });

  it('integers too large for float32 sums (|x| ≤ 10^6, 16 taps) at the threshold: the double path', () => {
    const large = atThreshold((...i) => ints(1e6)(...i));
    expectSameAsOwnLoop(
      solve(large),
      onOwnLoop(() => solve(large)),
      null,
    );
  });

  it('a bias of −0 keeps the double path (the kernel adds the bias last and would drop its sign)', () => {
    const negZero = atThreshold(ints(20), { bias: [-0, 1, 2, 3] });
    expectSameAsOwnLoop(
      solve(negZero),
      onOwnLoop(() => solve(negZero)),
      null,
    );
  });

  it('precision "single" at the threshold: float32 within 1e-5 relative, and the note says float32', () => {
    const decimals = atThreshold((...i) => ints(50)(...i) / 10, { precision: 'single' });
    const sol = solve(decimals);
    const own = onOwnLoop(() => solve({ ...decimals, precision: 'double' }));
    const abs = { ...decimals, input: absNested(decimals.input), weight: absNested(decimals.weight) };
    const magnitude = solve({ ...abs, bias: absNested(decimals.bias), precision: 'double' }).answer.output;
    expectSingleClose(sol.answer.output, own.answer.output, magnitude);
    expect(sol.notes.at(-1)).toMatch(SINGLE_NOTE);
    expect(sol.notes.slice(0, -1)).toEqual(own.notes);
  });

  it('precision "single" past float32\'s range (products of 1e20 and 1e20) is an error on precision; double computes it', () => {
    const huge = atThreshold(() => 1e20, { weight: Array.from({ length: 4 }, () => map3(4, 2, 2, () => 1e20)) });
    expect(() => solve({ ...huge, precision: 'single' })).toThrow(/float32 range of precision "single"/);
    try {
      solve({ ...huge, precision: 'single' });
    } catch (e) {
      expect((e as { path: string }).path).toBe('precision');
    }
    expect((solve(huge).answer.output as number[][][])[0]![0]![0]! / 1.6e41).toBeCloseTo(1, 12); // 16 taps of 1e40
  });

  it('precision "single" below the threshold changes nothing', () => {
    const single = { ...below, input: map3(3, 17, 257, (...i) => ints(50)(...i) / 10), precision: 'single' };
    expectSameAsOwnLoop(
      solve(single),
      onOwnLoop(() => solve(single)),
      null,
    );
  });

  it('the TypeScript fallback (no WebAssembly SIMD) gives the same exact answers and names itself', () => {
    const ts = initSync({ backend: 'ts' });
    const own = onOwnLoop(() => solve(strided));
    expectSameAsOwnLoop(
      withKernelsForced(
        () => ts,
        () => solve(strided),
      ),
      own,
      TS_NOTE,
    );
    const single = withKernelsForced(
      () => ts,
      () => solve({ ...strided, precision: 'single' }),
    );
    expectClose(single.answer.output, own.answer.output, 1e-9);
    expect(single.notes.at(-1)).toMatch(/lacks WebAssembly SIMD: computed in double precision \(float64\)/);
  });
});
