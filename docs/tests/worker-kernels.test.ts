/**
 * The solve worker uses @dnn/core-wasm's kernels: it awaits loadKernels() (the
 * site fetches the emitted dnn_core.wasm asset once) before its first solve, so
 * a conv/forward above the kernel threshold is computed by the WASM kernel,
 * in precision "single" and, with exact values, in double precision too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { servedSite } from './harness';

const { open } = servedSite();

/** 8 × 4 × 3 × 3 small-integer weights over a 4 × 32 × 32 input, padding 1: 294,912 multiply-adds (kernels from 65,536). */
const big = JSON.parse(
  readFileSync(new URL('../../scripts/fixtures/conv-forward-above-threshold.json', import.meta.url), 'utf8'),
);

describe('solve worker and the wasm kernels', () => {
  it('fetches dnn_core.wasm once and computes large convolutions with the kernel', async () => {
    const { page } = await open('/calculators/conv/forward');
    // Reloaded with the page's worker kept reachable, to send it requests of our own (channel 999).
    await page.addInitScript(() => {
      const Base = window.Worker;
      const kept: Worker[] = [];
      (window as unknown as { dnnWorkers: Worker[] }).dnnWorkers = kept;
      window.Worker = class extends Base {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          kept.push(this);
        }
      };
    });
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(r.url());
    });
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForFunction(() => (window as unknown as { dnnWorkers: Worker[] }).dnnWorkers.length > 0);
    const notes = await page.evaluate(async (input) => {
      const worker = (window as unknown as { dnnWorkers: Worker[] }).dnnWorkers[0]!;
      const ask = (request: unknown, seq: number) =>
        new Promise<string[]>((done) => {
          const on = (e: MessageEvent) => {
            if (e.data.channel !== 999 || e.data.seq !== seq || e.data.partial) return;
            worker.removeEventListener('message', on);
            done(e.data.outcome.solution?.notes ?? [JSON.stringify(e.data.outcome)]);
          };
          worker.addEventListener('message', on);
          worker.postMessage({ channel: 999, seq, id: 'conv/forward', input: request });
        });
      return { single: await ask({ ...input, precision: 'single' }, 1), double: await ask(input, 2) };
    }, big);
    expect(notes.single.join('\n')).toContain('computed in single precision (float32) by the WASM SIMD kernel');
    expect(notes.double.join('\n')).toContain('Computed by the WASM SIMD kernel in float32 (294912 multiply-adds');
    expect(wasm).toHaveLength(1); // per page load
    await page.close();
  });
});
