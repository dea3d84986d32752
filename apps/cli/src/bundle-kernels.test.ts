/**
 * The bundled `dnn` (dist/dnn.mjs, scripts/bundle.mjs) finds the kernels' dnn_core.wasm it ships: a conv/forward
 * above the kernel threshold with precision "single" is computed by the WASM kernel, not the f64 fallback.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/dnn.mjs', import.meta.url));

/** 8 × 4 × 3 × 3 weights over a 4 × 32 × 32 input, padding 1: 294,912 multiply-adds (the kernels start at 65,536). */
const input = {
  input: Array.from({ length: 4 }, (_, c) =>
    Array.from({ length: 32 }, (_, y) => Array.from({ length: 32 }, (_, x) => ((c * 7 + y * 3 + x) % 9) - 4)),
  ),
  weight: Array.from({ length: 8 }, (_, o) =>
    Array.from({ length: 4 }, (_, c) => Array.from({ length: 3 }, (_, i) => [o - c, i - 1, (o + i) % 3])),
  ),
  padding: 1,
  precision: 'single',
};

describe('bundled dnn and the wasm kernels', () => {
  it('ships dist/wasm/dnn_core.wasm and uses it for precision "single"', () => {
    expect(existsSync(fileURLToPath(new URL('../dist/wasm/dnn_core.wasm', import.meta.url)))).toBe(true);
    const r = spawnSync(
      process.execPath,
      [bin, 'solve', 'conv/forward', '--json', JSON.stringify(input), '--format', 'json'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    );
    expect(r.stderr).toBe('');
    const notes: string[] = JSON.parse(r.stdout).notes;
    expect(notes.join('\n')).toContain(
      'precision "single": computed in single precision (float32) by the WASM SIMD kernel',
    );
  });
});
