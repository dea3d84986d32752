/**
 * The bundled `dnn` (dist/dnn.mjs, scripts/bundle.mjs) finds the kernels' dnn_core.wasm it ships: a conv/forward
 * above the kernel threshold with precision "single" is computed by the WASM kernel, not the f64 fallback.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/dnn.mjs', import.meta.url));

/** 8 × 4 × 3 × 3 small-integer weights over a 4 × 32 × 32 input, padding 1: 294,912 multiply-adds (kernels from 65,536). */
const input = fileURLToPath(new URL('../../../scripts/fixtures/conv-forward-above-threshold.json', import.meta.url));

describe('bundled dnn and the wasm kernels', () => {
  it('ships dist/wasm/dnn_core.wasm and uses it for precision "single"', () => {
    expect(existsSync(fileURLToPath(new URL('../dist/wasm/dnn_core.wasm', import.meta.url)))).toBe(true);
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'solve',
        'conv/forward',
        '--json',
        JSON.stringify({ ...JSON.parse(readFileSync(input, 'utf8')), precision: 'single' }),
        '--format',
        'json',
      ],
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
