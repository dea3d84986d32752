import { initSync, KERNEL_THRESHOLD, type Kernels, kernels } from '@dnn/core-wasm';
import { describe, expect, it, vi } from 'vitest';
import { describeBadInputs, describeExamples, expectClose } from './checks.test-util.js';
import { solve } from './index.js';
import { lstmForward } from './lstm-forward.js';
import { f64Oracle, lstmProblem, lstmWork } from './lstm-forward-kernel.test-util.js';

/** Replaces the shared kernels of @dnn/core-wasm while set (null: the real ones). */
const forced = vi.hoisted(() => ({ kernels: null as null | (() => Kernels) }));
vi.mock('@dnn/core-wasm', async (orig) => {
  const real = (await orig()) as typeof import('@dnn/core-wasm');
  return { ...real, kernels: () => (forced.kernels ?? real.kernels)() };
});

describeExamples(lstmForward);

const ones = { i: 1, f: 1, g: 1, o: 1 };
const zeros = { i: 0, f: 0, g: 0, o: 0 };
const gates2 = { i: [[1], [1]], f: [[1], [1]], g: [[1], [1]], o: [[1], [1]] };

describe('rnn/lstm-forward: conventions and steps', () => {
  it('the standard LSTM by hand: all weights 0, x = 1, c0 = 2', () => {
    // i = f = o = σ(0) = 1/2, g = tanh(0) = 0: c1 = ½·2 + ½·0 = 1, h1 = ½·tanh(1).
    const { answer } = solve('rnn/lstm-forward', { Wx: zeros, Wh: zeros, c0: 2, xs: [1] });
    expect(answer.c).toEqual([[1]]);
    expect(answer.h).toEqual([[0.5 * Math.tanh(1)]]);
    expect(answer.gates).toEqual([{ i: [0.5], f: [0.5], g: [0], o: [0.5] }]);
  });

  it('the cell activation variants change only h_t = o∘act(c_t)', () => {
    const base = { Wx: zeros, Wh: zeros, c0: 2, xs: [1] };
    expect(solve('rnn/lstm-forward', { ...base, cellActivation: 'linear' }).answer.h).toEqual([[0.5]]);
    expect(solve('rnn/lstm-forward', { ...base, cellActivation: 'sigmoid' }).answer.h).toEqual([
      [0.5 / (1 + Math.exp(-1))],
    ]);
  });

  it('a sigmoid candidate gives g = σ(…)', () => {
    // g = σ(0) = ½, c1 = ½·0 + ½·½ = ¼.
    const { answer } = solve('rnn/lstm-forward', { Wx: zeros, Wh: zeros, xs: [1], candidateActivation: 'sigmoid' });
    expect(answer.c).toEqual([[0.25]]);
  });

  it('biases, vectors and an output layer', () => {
    // H = 2, D = 1, weights 0, b.f = [100, −100]: f ≈ [1, 0]; c0 = [1, 1] → c1 ≈ [1 + ½·0, 0 + ½·0] = [1, 0].
    const Wx = { i: [[0], [0]], f: [[0], [0]], g: [[0], [0]], o: [[0], [0]] };
    const Wh = {
      i: [
        [0, 0],
        [0, 0],
      ],
      f: [
        [0, 0],
        [0, 0],
      ],
      g: [
        [0, 0],
        [0, 0],
      ],
      o: [
        [0, 0],
        [0, 0],
      ],
    };
    const { answer } = solve('rnn/lstm-forward', {
      Wx,
      Wh,
      b: { f: [100, -100] },
      c0: [1, 1],
      xs: [[3]],
      Why: [[1, 1]],
      by: 0.5,
    });
    const c = (answer.c as number[][])[0] ?? [];
    expect(c[0]).toBeCloseTo(1, 12);
    expect(c[1]).toBeCloseTo(0, 12);
    expect((answer.y as number[][])[0]?.[0]).toBeCloseTo(0.5 * Math.tanh(1) + 0.5, 12);
  });

  it('the notes answer the gate-identification question of the exam', () => {
    const sol = solve('rnn/lstm-forward', { Wx: ones, Wh: ones, xs: [1], cellActivation: 'linear' });
    const notes = sol.notes.join(' ');
    expect(notes).toMatch(/g1 is the output gate, g2 the forget gate, g3 the update \(input\) gate/);
    expect(notes).toMatch(/TUM form h_t = o∘c_t/);
  });

  it('steps give each gate, the cell state and the hidden state per time step', () => {
    const titles = solve('rnn/lstm-forward', { Wx: ones, Wh: ones, xs: [1, 2] }).steps.map((s) => s.title);
    expect(titles).toContain('t = 2: forget gate');
    expect(titles).toContain('t = 2: cell state');
    expect(titles).toContain('t = 2: hidden state');
  });
});

describeBadInputs('rnn/lstm-forward', [
  ['empty sequence', { Wx: ones, Wh: ones, xs: [] }, 'xs', /at least 1/],
  ['missing gate', { Wx: { i: 1, f: 1, g: 1 }, Wh: ones, xs: [1] }, 'Wx.o', /required/],
  [
    'non-square Wh',
    { Wx: ones, Wh: { ...ones, f: [[1, 2]] }, xs: [1] },
    'Wh.f[0]',
    /has 2 columns, but Wh.f must be \[H\]\[H\]/,
  ],
  [
    'Wx of the wrong size',
    { Wx: { ...ones, g: [[1, 2]] }, Wh: ones, xs: [1] },
    'Wx.g[0]',
    /must be \[H\]\[D\] .* = 1×1/,
  ],
  ['bias of the wrong length', { Wx: ones, Wh: ones, b: { o: [1, 2] }, xs: [1] }, 'b.o', /must have 1 entry/],
  ['c0 of the wrong length', { Wx: ones, Wh: ones, c0: [0, 0], xs: [1] }, 'c0', /must have 1 entry/],
  [
    'unknown cell activation',
    { Wx: ones, Wh: ones, xs: [1], cellActivation: 'relu' },
    'cellActivation',
    /must be one of "tanh", "sigmoid", "linear"/,
  ],
  [
    'unknown candidate activation',
    { Wx: ones, Wh: ones, xs: [1], candidateActivation: 'linear' },
    'candidateActivation',
    /must be one of/,
  ],
  ['unknown gate name', { Wx: { ...ones, c: 1 }, Wh: ones, xs: [1] }, 'Wx.c', /not a field/],
  ['unknown precision', { Wx: ones, Wh: ones, xs: [1], precision: 'half' }, 'precision', /"double", "single"/],
  [
    'overflow',
    { Wx: { ...ones, g: 1e308 }, Wh: ones, b: { g: 1e308 }, xs: [1e308], cellActivation: 'linear' },
    'xs[0]',
    /overflows/,
  ],
  [
    'h and c of different sizes without projSize (exam line 1681: h ∈ ℝ³, c ∈ ℝ⁸)',
    { Wx: ones, Wh: ones, h0: [0, 0, 0], c0: [0, 0, 0, 0, 0, 0, 0, 0], xs: [1] },
    'h0',
    /has 3 entries but c0 has 8: .* same size\. .* give projSize = 3 and the projection weights Whr \[3\]\[8\]/,
  ],
  [
    'projSize not below the cell size',
    { Wx: ones, Wh: ones, projSize: 1, Whr: 1, xs: [1] },
    'projSize',
    /smaller than the cell size H = 1/,
  ],
  [
    'projSize without the projection weights',
    { Wx: gates2, Wh: { i: [[1], [1]], f: [[1], [1]], g: [[1], [1]], o: [[1], [1]] }, projSize: 1, xs: [1] },
    'Whr',
    /required with projSize: the projection weights \[P\]\[H\] = 1×2/,
  ],
  ['projection weights without projSize', { Wx: ones, Wh: ones, Whr: 1, xs: [1] }, 'Whr', /give projSize too/],
  [
    'single precision with weights per step',
    { Wx: ones, Wh: ones, xs: [1], precision: 'single', weightsPerStep: [{}] },
    'precision',
    /use precision "double" with weightsPerStep/,
  ],
  ['both U and Wx', { U: ones, Wx: ones, Wh: ones, xs: [1] }, 'U', /exam name of Wx/],
  [
    // H = 20, D = 1: each step answers i, f, g, o, c (5·20) and h (20), 120 values; 8,334 steps give 1,000,080.
    'more than 10⁶ output values',
    {
      Wx: Object.fromEntries(['i', 'f', 'g', 'o'].map((k) => [k, Array.from({ length: 20 }, () => [0.1])])),
      Wh: Object.fromEntries(
        ['i', 'f', 'g', 'o'].map((k) => [k, Array.from({ length: 20 }, () => new Array(20).fill(0))]),
      ),
      xs: new Array(8334).fill(0),
    },
    'xs',
    /output values \(T × \(5H \+ P \+ O\): gates, c, h, y\) is 1,000,080, above this solver's limit of 1,000,000/,
  ],
  [
    // H = D = 100: each step takes 4·100·(100 + 100) = 80,000 multiply-adds; 1,251 steps take 100,080,000.
    'more than 10⁸ multiply-adds',
    {
      Wx: Object.fromEntries(
        ['i', 'f', 'g', 'o'].map((k) => [k, Array.from({ length: 100 }, () => new Array(100).fill(0))]),
      ),
      Wh: Object.fromEntries(
        ['i', 'f', 'g', 'o'].map((k) => [k, Array.from({ length: 100 }, () => new Array(100).fill(0))]),
      ),
      xs: Array.from({ length: 1251 }, () => new Array(100).fill(0)),
    },
    'xs',
    /multiply-adds is 100,080,000, above this solver's limit of 100,000,000 per request/,
  ],
  [
    'two weight sets for three steps',
    { Wx: ones, Wh: ones, xs: [1, 2, 3], weightsPerStep: [{}, {}] },
    'weightsPerStep',
    /has 2 weight sets but xs has 3 time steps/,
  ],
]);

describe('rnn/lstm-forward: the LSTM kernel only for precision "single", from KERNEL_THRESHOLD multiply-adds', () => {
  // Work = T·4H·(D+H), always a multiple of 4: the largest below the threshold is 65 532.
  const at = lstmProblem(16, 16, 32); // 32·4·16·32 = 65 536
  const below = lstmProblem(3, 40, 127); // 127·4·3·43 = 65 532
  const long = lstmProblem(4, 12, 256); // 256·4·4·16 = 65 536, more time steps than the worked steps show
  /** The backend notes (the gate-order note mentions Keras' "kernel" too). */
  const BACKEND = /WASM SIMD kernel|TypeScript reference kernel/;
  const lstm = (input: object) => solve('rnn/lstm-forward', input);
  const kernelNote = (notes: string[]) => notes.filter((n) => BACKEND.test(n));
  /** Every step but the unrolled table (whose values are the answer's). */
  const worked = (steps: { title: string }[]) => steps.filter((st) => st.title !== 'Unrolled over time');

  it('the problems sit where they should', () => {
    expect([lstmWork(at), lstmWork(below), lstmWork(long)]).toEqual([
      KERNEL_THRESHOLD,
      KERNEL_THRESHOLD - 4,
      KERNEL_THRESHOLD,
    ]);
    expect(kernels().backend).toBe('wasm');
  });

  it.each([
    ['at', at],
    ['below', below],
  ])(
    'double (default) %s the threshold: the own float64 loop, no kernel note, = an independent float64 LSTM',
    (_, p) => {
      const sol = lstm(p);
      expect(kernelNote(sol.notes)).toEqual([]);
      const ref = f64Oracle(p);
      expectClose(sol.answer.h, ref.h, 1e-12);
      expectClose(sol.answer.c, ref.c, 1e-12);
      expectClose(sol.answer.gates, ref.gates, 1e-12);
    },
  );

  it('double at the threshold, also with the kernels unavailable: the same answer, steps and notes', () => {
    const sol = lstm(at);
    forced.kernels = () => {
      throw new Error('no kernels');
    };
    try {
      expect(lstm(at)).toEqual(sol);
    } finally {
      forced.kernels = null;
    }
  });

  it.each([
    ['T = 32', at],
    ['T = 256', long],
  ])('single at the threshold (%s): float32 within 1e-5, the note says float32, worked steps unchanged', (_, p) => {
    const double = lstm(p);
    const single = lstm({ ...p, precision: 'single' });
    for (const key of ['h', 'c', 'gates'] as const) {
      expectClose(single.answer[key], double.answer[key], 1e-5);
      expect(single.answer[key]).not.toEqual(double.answer[key]); // float32 really computed it
    }
    expect(kernelNote(single.notes)).toEqual([
      expect.stringMatching(/computed in single precision \(float32\) by the WASM SIMD kernel/),
    ]);
    expect(single.notes.filter((n) => !BACKEND.test(n))).toEqual(double.notes);
    expect(worked(single.steps)).toEqual(worked(double.steps));
  });

  it("single past float32's range (c0 = 1e39) is an error on precision; double computes it", () => {
    const huge = { ...at, c0: Array(16).fill(1e39) };
    expect(() => lstm({ ...huge, precision: 'single' })).toThrow(/cell state overflows the float32 range/);
    expect(Number.isFinite((lstm(huge).answer.c as number[][])[0]![0])).toBe(true);
  });

  it('single below the threshold: nothing changes (answer, steps, notes)', () => {
    expect(lstm({ ...below, precision: 'single' })).toEqual(lstm(below));
  });

  it("single with an output layer: y follows the kernel's h", () => {
    const withY = { ...at, Why: [Array(16).fill(0.25)], by: 0.5, outputActivation: 'tanh' };
    const single = lstm({ ...withY, precision: 'single' });
    const h = single.answer.h as number[][];
    expectClose(
      single.answer.y,
      h.map((ht) => [Math.tanh(ht.reduce((a, v) => a + 0.25 * v, 0.5))]),
      1e-12,
    );
  });

  it('single on the TypeScript fallback (no WebAssembly SIMD): double precision, and the note says so', () => {
    forced.kernels = () => initSync({ backend: 'ts' });
    try {
      const sol = lstm({ ...at, precision: 'single' });
      expectClose(sol.answer.h, lstm(at).answer.h, 1e-12);
      expect(kernelNote(sol.notes)).toEqual([expect.stringMatching(/lacks WebAssembly SIMD: computed in double/)]);
    } finally {
      forced.kernels = null;
    }
  });
});
