/**
 * Test helpers for the kernel switch-over of conv/forward and conv/pool: a switch over the shared kernels (to solve
 * the same problem on the solver's own float64 loop, or on the TypeScript fallback), deterministic feature maps, and
 * the checks every threshold case makes. A test file installs the switch with
 *
 * ```ts
 * vi.mock('@dnn/core-wasm', async (orig) => (await import('./kernel-backend.test-util.js')).mockCoreWasm(orig));
 * ```
 */
import type * as CoreWasm from '@dnn/core-wasm';
import type { Kernels } from '@dnn/core-wasm';
import { expect } from 'vitest';

/** `force` replaces the shared kernels of @dnn/core-wasm in a test file that mocks it with {@link mockCoreWasm}. */
export const kernelSwitch: { force: (() => Kernels) | null } = { force: null };

/** The mock factory: @dnn/core-wasm with `kernels()` going through {@link kernelSwitch}. */
export async function mockCoreWasm(importOriginal: () => Promise<unknown>): Promise<typeof CoreWasm> {
  const real = (await importOriginal()) as typeof CoreWasm;
  return { ...real, kernels: () => (kernelSwitch.force ?? real.kernels)() };
}

/** Runs `f` with `kernels` forced to `k` (a backend, or a loader that throws to switch the kernels off). */
export function withKernelsForced<T>(k: () => Kernels, f: () => T): T {
  kernelSwitch.force = k;
  try {
    return f();
  } finally {
    kernelSwitch.force = null;
  }
}

/** Runs `f` on the solvers' own float64 loops (the kernels fail to load; "double" then says nothing). */
export function onOwnLoop<T>(f: () => T): T {
  return withKernelsForced(() => {
    throw new Error('kernels switched off by the test');
  }, f);
}

/** A deterministic [C][H][W] map of `value(c, i, j)`. */
export function map3(c: number, h: number, w: number, value: (c: number, i: number, j: number) => number) {
  return Array.from({ length: c }, (_, k) =>
    Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => value(k, i, j))),
  );
}

/** Integers in [−r, r] from a cheap hash of the indices (varied signs and magnitudes, reproducible). */
export const ints =
  (r: number, seed = 1) =>
  (...idx: number[]): number => {
    let h = seed * 2654435761;
    for (const i of idx) h = Math.imul(h ^ (i + 0x9e3779b9), 0x85ebca6b) >>> 0;
    return (h % (2 * r + 1)) - r;
  };

/** A solution as the checks below need it. */
export interface Solved {
  answer: { output: unknown };
  steps: unknown[];
  notes: string[];
}

/**
 * The kernel path changed nothing but the notes: same answer (exact, signs of zeros included), same steps, and the
 * notes are those of the own loop plus, when `note` is given, one matching it (none otherwise).
 */
export function expectSameAsOwnLoop(sol: Solved, own: Solved, note: RegExp | null): void {
  expect(sol.answer).toEqual(own.answer);
  expect(sol.steps).toEqual(own.steps);
  expect(sol.notes).toEqual(note ? [...own.notes, expect.stringMatching(note)] : own.notes);
}

/** The note of a WASM kernel run in double precision (values provably exact). */
export const EXACT_WASM_NOTE = /^Computed by the WASM SIMD kernel in float32 \(.*identical to double precision\.$/;
/** The note of `precision: "single"` on the WASM kernel. */
export const SINGLE_NOTE = /computed in single precision \(float32\) by the WASM SIMD kernel/;
/** The note of the TypeScript fallback (no WebAssembly SIMD). */
export const TS_NOTE = /TypeScript reference kernel.*lacks WebAssembly SIMD/;

/**
 * Float32 against float64, element-wise: |a − b| ≤ 1e-5·m, where m is the magnitude of the terms that made b (the
 * same computation on |x|, |w|, |bias|; for a sum that cancels, relative to b itself would be meaningless).
 */
export function expectSingleClose(actual: unknown, expected: unknown, magnitude: unknown): void {
  const a = [actual].flat(4) as number[];
  const b = [expected].flat(4) as number[];
  const m = [magnitude].flat(4) as number[];
  expect(a.length).toBe(b.length);
  expect(m.length).toBe(b.length);
  const worst = b.reduce((w, v, i) => Math.max(w, Math.abs(a[i]! - v) / Math.max(m[i]!, 1e-30)), 0);
  expect(worst).toBeLessThanOrEqual(1e-5);
  expect(a.some((v, i) => v !== b[i])).toBe(true); // float32 really computed something else
}

/** |v| throughout nested numbers. */
export function absNested<T>(x: T): T {
  return (Array.isArray(x) ? x.map(absNested) : Math.abs(x as number)) as T;
}
