/** withKernels: which path a solver takes around the threshold, and the note that says so. */
import { describe, expect, it } from 'vitest';
import { initSync } from './index.js';
import type { Kernels } from './params.js';
import { KERNEL_THRESHOLD, type KernelRequest, precisionDescription, withKernels } from './solver-kernels.js';

const wasm = initSync({ backend: 'wasm' });
const ts = initSync({ backend: 'ts' });

const request = (over: Partial<KernelRequest>): KernelRequest => ({
  work: KERNEL_THRESHOLD,
  unit: 'multiply-adds',
  precision: 'double',
  exact: () => true,
  why: 'every product is exact',
  kernels: () => wasm,
  ...over,
});
const run = (req: KernelRequest) =>
  withKernels(
    req,
    (k: Kernels) => `kernel:${k.backend}`,
    () => 'own',
  );

describe('withKernels', () => {
  it('below the threshold: the own loop, no note, whatever the precision', () => {
    for (const precision of ['double', 'single'] as const) {
      expect(run(request({ work: KERNEL_THRESHOLD - 1, precision }))).toEqual({
        result: 'own',
        note: null,
        backend: null,
      });
    }
  });

  it('at the threshold, exact values: the WASM kernel, and the note names it and why', () => {
    const { result, note, backend } = run(request({}));
    expect(result).toBe('kernel:wasm');
    expect(backend).toBe('wasm');
    expect(note).toBe(
      `Computed by the WASM SIMD kernel in float32 (${KERNEL_THRESHOLD} multiply-adds; the kernels take over from ${KERNEL_THRESHOLD}): every product is exact, so the answer is identical to double precision.`,
    );
  });

  it('at the threshold, values not provably exact: the own loop, no note', () => {
    expect(run(request({ exact: () => false }))).toEqual({ result: 'own', note: null, backend: null });
  });

  it('the exactness check is not evaluated below the threshold nor for "single"', () => {
    const exact = () => {
      throw new Error('evaluated');
    };
    expect(run(request({ work: 10, exact })).result).toBe('own');
    expect(run(request({ precision: 'single', exact })).result).toBe('kernel:wasm');
  });

  it('"single" forces the kernel whatever the values, with the float32 note', () => {
    const { result, note } = run(request({ precision: 'single', exact: () => false }));
    expect(result).toBe('kernel:wasm');
    expect(note).toContain('computed in single precision (float32) by the WASM SIMD kernel');
  });

  it('the TypeScript fallback (no SIMD) is named as such: double precision, also for "single"', () => {
    const exact = run(request({ kernels: () => ts }));
    expect(exact.result).toBe('kernel:ts');
    expect(exact.backend).toBe('ts');
    expect(exact.note).toMatch(
      /^Computed by the TypeScript reference kernel in double precision .*lacks WebAssembly SIMD/,
    );
    const single = run(request({ kernels: () => ts, precision: 'single', exact: () => false }));
    expect(single.result).toBe('kernel:ts');
    expect(single.note).toMatch(/lacks WebAssembly SIMD: computed in double precision \(float64\) by the TypeScript/);
  });

  it('a backend that cannot load falls back to the own loop: silently for "double", said for "single"', () => {
    const broken = () => {
      throw new Error('no WebAssembly');
    };
    expect(run(request({ kernels: broken }))).toEqual({ result: 'own', note: null, backend: null });
    const single = run(request({ kernels: broken, precision: 'single' }));
    expect(single.result).toBe('own');
    expect(single.backend).toBeNull();
    expect(single.note).toMatch(/could not run here \(no WebAssembly\).*double precision/);
  });

  it('the field description names the unit and the threshold', () => {
    expect(precisionDescription('window cells')).toContain(`from ${KERNEL_THRESHOLD} window cells`);
    expect(precisionDescription('multiply-adds', false)).toMatch(
      /^double \(default\): answers in double precision \(float64\), computed by the step-by-step loop\. single:/,
    );
  });
});
