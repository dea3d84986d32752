/**
 * conv/backprop's backward pass around KERNEL_THRESHOLD: random conv and pooling layers whose work lands a few rows
 * below or above the threshold (exactly at threshold − 1 and at the threshold in the fixed cases), solved with the
 * WASM kernels available (counting the gradient-kernel calls) and on the solver's own float64 loops. Answers, steps
 * and notes must be deep-equal; the gradient kernels must run exactly when the work reaches the threshold.
 */
import { runSolver } from '@dnn/core';
import { initSync, KERNEL_THRESHOLD, type Kernels } from '@dnn/core-wasm';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { backprop } from './backprop.js';
import { ints, map3, onOwnLoop, withKernelsForced } from './kernel-backend.test-util.js';

vi.mock('@dnn/core-wasm', async (orig) => (await import('./kernel-backend.test-util.js')).mockCoreWasm(orig));

const wasm = initSync({ backend: 'wasm' });

/** The WASM kernels with a count of gradient-kernel calls. */
function counted() {
  const calls = { n: 0 };
  const count =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    (...a: A): R => {
      calls.n++;
      return f(...a);
    };
  const k: Kernels = {
    ...wasm,
    conv2dGradInput: count(wasm.conv2dGradInput),
    conv2dGradWeight: count(wasm.conv2dGradWeight),
    maxpool2dGrad: count(wasm.maxpool2dGrad),
    avgpool2dGrad: count(wasm.avgpool2dGrad),
  };
  return { k, calls };
}

/** Solves with the kernels and on the own loops; returns whether a gradient kernel ran, after checking equality. */
function kernelRan(input: Record<string, unknown>): boolean {
  const { k, calls } = counted();
  const sol = withKernelsForced(
    () => k,
    () => runSolver(backprop, input),
  );
  const own = onOwnLoop(() => runSolver(backprop, input));
  expect(sol.answer).toEqual(own.answer);
  expect(sol.steps).toEqual(own.steps);
  expect(sol.notes).toEqual(own.notes);
  return calls.n > 0;
}

/** A conv layer (stride, padding) whose work Cout·H′·W′·C·kH·kW is `work` ± a few rows; small integer values. */
const convNear = fc
  .record({
    c: fc.integer({ min: 2, max: 4 }),
    cout: fc.integer({ min: 2, max: 4 }),
    k: fc.integer({ min: 2, max: 3 }),
    stride: fc.integer({ min: 1, max: 2 }),
    padding: fc.integer({ min: 0, max: 1 }),
    wo: fc.integer({ min: 24, max: 64 }),
    rowsOff: fc.integer({ min: -1, max: 1 }),
    seed: fc.integer({ min: 1, max: 1 << 20 }),
  })
  .map((p) => {
    const perOutput = p.cout * p.c * p.k * p.k;
    const ho = Math.max(1, Math.round(KERNEL_THRESHOLD / perOutput / p.wo) + p.rowsOff);
    const side = (o: number) => (o - 1) * p.stride + p.k - 2 * p.padding;
    return { p, ho, work: perOutput * ho * p.wo, h: side(ho), w: side(p.wo) };
  })
  .filter((q) => q.h >= q.p.k && q.w >= q.p.k);

const convInput = (c: number, h: number, w: number, cout: number, k: number, stride: number, padding: number) => {
  const ho = Math.floor((h + 2 * padding - k) / stride) + 1;
  const wo = Math.floor((w + 2 * padding - k) / stride) + 1;
  return {
    input: map3(c, h, w, ints(3, 1)),
    layers: [
      {
        type: 'conv',
        weight: Array.from({ length: cout }, (_, o) => map3(c, k, k, (...i) => ints(2, 2)(o, ...i))),
        bias: Array.from({ length: cout }, (_, o) => ints(5, 3)(o)),
        stride,
        padding,
      },
    ],
    gradOutput: map3(cout, ho, wo, ints(4, 4)),
  };
};

describe('conv/backprop around KERNEL_THRESHOLD: conv layer gradients', () => {
  it('threshold − 1 multiply-adds stays on the loop, the threshold takes the kernels; both equal the loop', () => {
    // 1×1 kernel, C = 1, Cout = 1: work = H·W. 65535 = 255·257 and 65536 = 256·256.
    expect(kernelRan(convInput(1, 255, 257, 1, 1, 1, 0))).toBe(false);
    expect(kernelRan(convInput(1, 256, 256, 1, 1, 1, 0))).toBe(true);
  });

  it('random geometries near the threshold: same solution, kernels iff the work reaches it', () => {
    fc.assert(
      fc.property(convNear, ({ p, work, h, w }) => {
        expect(kernelRan(convInput(p.c, h, w, p.cout, p.k, p.stride, p.padding))).toBe(work >= KERNEL_THRESHOLD);
      }),
      { numRuns: 12 },
    );
  });

  it('non-float32 gradients (0.1) stay on the float64 loop above the threshold', () => {
    const input = convInput(1, 256, 256, 1, 1, 1, 0);
    input.gradOutput = input.gradOutput.map((m) => m.map((r) => r.map((v) => v + 0.1)));
    expect(kernelRan(input)).toBe(false);
  });
});

const poolInput = (type: 'maxpool' | 'avgpool', c: number, h: number, w: number, k: number, s: number) => {
  const ho = Math.floor((h - k) / s) + 1;
  const wo = Math.floor((w - k) / s) + 1;
  return {
    input: map3(c, h, w, ints(2, 5)), // values in −2..2: ties are common
    layers: [{ type, kernel: k, stride: s }],
    gradOutput: map3(c, ho, wo, ints(4, 6)),
  };
};

describe('conv/backprop around KERNEL_THRESHOLD: pooling gradients', () => {
  it('max and 2×2 average pooling: threshold − 1 window cells on the loop, the threshold on the kernels', () => {
    // C = 1, 1×1 windows, stride 1: work = H·W (255·257 = 65535, 256·256 = 65536)
    expect(kernelRan(poolInput('maxpool', 1, 255, 257, 1, 1))).toBe(false);
    expect(kernelRan(poolInput('maxpool', 1, 256, 256, 1, 1))).toBe(true);
    // 2×2 windows, stride 2 (power-of-two divisor 4): work = 4·H′·W′ = 4·127·129 = 65532 (below), 4·128·128 = 65536
    expect(kernelRan(poolInput('avgpool', 1, 254, 258, 2, 2))).toBe(false);
    expect(kernelRan(poolInput('avgpool', 1, 256, 256, 2, 2))).toBe(true);
  });

  it('3×3 average pooling divides by 9: not exact in float32, so the loop answers above the threshold too', () => {
    // 181 × 181, 3×3 windows, stride 2: work = 9·90·90 = 72900 ≥ KERNEL_THRESHOLD
    expect(kernelRan(poolInput('avgpool', 1, 181, 181, 3, 2))).toBe(false);
  });

  it('random max-pooling sizes near the threshold (ties included): same solution, kernel iff the work reaches it', () => {
    fc.assert(
      fc.property(
        fc.record({
          c: fc.integer({ min: 1, max: 4 }),
          k: fc.integer({ min: 2, max: 3 }),
          s: fc.integer({ min: 1, max: 3 }),
          wo: fc.integer({ min: 32, max: 96 }),
          rowsOff: fc.integer({ min: -1, max: 1 }),
        }),
        ({ c, k, s, wo, rowsOff }) => {
          const ho = Math.max(1, Math.round(KERNEL_THRESHOLD / (c * k * k * wo)) + rowsOff);
          const work = c * ho * wo * k * k;
          const input = poolInput('maxpool', c, (ho - 1) * s + k, (wo - 1) * s + k, k, s);
          expect(kernelRan(input)).toBe(work >= KERNEL_THRESHOLD);
        },
      ),
      { numRuns: 4 },
    );
  });
});
