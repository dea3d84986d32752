/**
 * conv/forward when @dnn/core-wasm's dnn_core.wasm cannot be loaded (a bundle that left the file behind): the
 * answers are the same numbers as with the kernels, and only a `precision: "single"` request is told why.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** conv/forward and runSolver from fresh module copies (no shared backend yet), as a new process has them. */
async function freshSolve(): Promise<(input: unknown) => { answer: { output: unknown }; notes?: string[] }> {
  vi.resetModules();
  const [{ runSolver }, { forward }] = await Promise.all([import('@dnn/core'), import('./forward.js')]);
  return (input) => runSolver(forward, input) as never;
}

/** 8 × 4 × 3 × 3 small-integer weights over a 4 × 32 × 32 input, padding 1: 294,912 multiply-adds (kernels from 65,536). */
const big = JSON.parse(
  readFileSync(new URL('../../../scripts/fixtures/conv-forward-above-threshold.json', import.meta.url), 'utf8'),
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('conv/forward without the wasm file', () => {
  it('gives the answers it gives with the kernels; "single" says the kernel could not run', async () => {
    const loaded = await freshSolve();
    const withKernels = loaded(big);
    expect(withKernels.notes?.join(' ')).toMatch(/Computed by the WASM SIMD kernel/); // the kernels did run here

    const real = process.getBuiltinModule;
    vi.spyOn(process, 'getBuiltinModule').mockImplementation(((id: string) =>
      id === 'node:fs'
        ? {
            readFileSync: () => {
              throw new Error('ENOENT: no such file or directory');
            },
          }
        : real(id)) as typeof real);
    const missing = await freshSolve();
    const double = missing(big);
    expect(double.answer).toEqual(withKernels.answer);
    expect(double.notes?.join(' ') ?? '').not.toMatch(/WASM|TypeScript reference/);
    const single = missing({ ...big, precision: 'single' });
    expect(single.answer).toEqual(withKernels.answer); // small integers: exact in float32 too; here f64 computed them
    expect(single.notes?.join(' ')).toMatch(
      /precision "single": the WASM SIMD kernel could not run here \(dnn_core\.wasm could not be read .*ENOENT.*\), so the solver's own loop computed this in double precision/,
    );
  });
});
