/**
 * conv/forward around KERNEL_THRESHOLD on the shapes that reach the kernels' streamed GEMV: a 1×1 kernel at stride 1
 * without padding is one matrix product W[Cout × C]·X[C × H·W], and with Cout ≤ 3 output channels the WASM matmul
 * streams X in place (crates/core-wasm/src/gemm.rs, few_rows) instead of packing it. The general threshold property
 * (forward.prop.test.ts) draws such shapes rarely; here every case is one, with H·W beyond the GEMV's 1024-column
 * blocks. Oracle: the float64 reference conv2d; values integers or binary fractions, so float32 is exact.
 */
import { runSolver } from '@dnn/core';
import { KERNEL_THRESHOLD } from '@dnn/core-wasm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forward } from './forward.js';
import { conv2dReference } from './forward-reference.js';
import { EXACT_WASM_NOTE, ints, map3 } from './kernel-backend.test-util.js';

const gemvCase = fc
  .record({
    c: fc.integer({ min: 1, max: 5 }),
    cout: fc.integer({ min: 1, max: 3 }),
    w: fc.integer({ min: 40, max: 300 }),
    rowsOff: fc.integer({ min: -1, max: 1 }),
    fraction: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 1, max: 1 << 20 }),
    bias: fc.boolean(),
  })
  .map((p) => {
    // H chosen so that the work Cout·H·W·C lands within a row of the threshold, on either side
    const h = Math.max(1, Math.round(KERNEL_THRESHOLD / (p.cout * p.c * p.w)) + p.rowsOff);
    const scale = 2 ** p.fraction;
    return {
      work: p.cout * p.c * h * p.w,
      input: {
        input: map3(p.c, h, p.w, (...i) => ints(100, p.seed)(...i) / scale),
        weight: Array.from({ length: p.cout }, (_, o) =>
          map3(p.c, 1, 1, (...i) => ints(20, p.seed + 1)(o, ...i) / scale),
        ),
        ...(p.bias ? { bias: Array.from({ length: p.cout }, (_, o) => ints(50, p.seed + 2)(o) / scale) } : {}),
      },
    };
  });

describe('conv/forward 1×1, Cout ≤ 3 around KERNEL_THRESHOLD (the streamed GEMV above it)', () => {
  it('gives exactly the float64 reference answer, with the kernel note iff at or above the threshold', () => {
    fc.assert(
      fc.property(gemvCase, ({ work, input }) => {
        const sol = runSolver(forward, input);
        const x = input.input;
        const w = input.weight;
        const ref = conv2dReference(
          Float64Array.from(x.flat(2)),
          [x.length, x[0]!.length, x[0]![0]!.length],
          Float64Array.from(w.flat(3)),
          [w.length, x.length, 1, 1],
          input.bias ? Float64Array.from(input.bias) : null,
          { stride: [1, 1], dilation: [1, 1], pads: { top: 0, bottom: 0, left: 0, right: 0 }, flip: false },
        );
        expect(sol.answer.outputShape).toEqual(ref.shape);
        expect(sol.answer.output.flat(2)).toEqual(Array.from(ref.data));
        expect(sol.notes.some((n) => EXACT_WASM_NOTE.test(n))).toBe(work >= KERNEL_THRESHOLD);
      }),
      { numRuns: 12 },
    );
  });
});
