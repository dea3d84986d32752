/** The loader: embedded bytes, backend selection (SIMD fallback), async init, memory growth and buffer reuse. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from './close.test-util.js';
import {
  init,
  initSync,
  instantiateSync,
  kernels,
  referenceKernels,
  simdSupported,
  wasmBytes,
  wasmKernels,
} from './index.js';
import { matmulRef } from './reference.js';

const committed = new Uint8Array(readFileSync(new URL('../wasm/dnn_core.wasm', import.meta.url)));
const dyadicSeq = (n: number, s: number) => Float64Array.from({ length: n }, (_, i) => (((i * 7 + s) % 17) - 8) / 8);

describe('embedded bytes', () => {
  it('the base64 module equals the committed wasm/dnn_core.wasm byte for byte', () => {
    expect(Buffer.from(wasmBytes()).equals(Buffer.from(committed))).toBe(true);
  });

  it('validates on this engine (Node 20 has SIMD128), so the default backend is wasm', () => {
    expect(simdSupported()).toBe(true);
    expect(kernels().backend).toBe('wasm');
  });
});

describe('backend selection', () => {
  it('picks the TypeScript reference when WebAssembly.validate reports the module (SIMD) unsupported', () => {
    let asked = 0;
    const k = initSync({
      validate: () => {
        asked++;
        return false;
      },
    });
    expect(asked).toBe(1);
    expect(k.backend).toBe('ts');
    expect(k).toBe(referenceKernels);
  });

  it('async init falls back the same way, and otherwise loads the WASM kernels', async () => {
    expect((await init({ validate: () => false })).backend).toBe('ts');
    const k = await init();
    expect(k.backend).toBe('wasm');
    expect(Array.from(k.matmul([1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 2))).toEqual([19, 22, 43, 50]);
  });

  it('a validate that throws counts as unsupported', () => {
    expect(
      initSync({
        validate: () => {
          throw new Error('no SIMD');
        },
      }).backend,
    ).toBe('ts');
  });

  it('forcing wasm where SIMD is missing is an error; forcing ts never touches WebAssembly', () => {
    expect(() => initSync({ backend: 'wasm', validate: () => false })).toThrow(/SIMD128/);
    expect(initSync({ backend: 'ts', validate: () => expect.fail('validate called') }).backend).toBe('ts');
  });
});

describe('memory', () => {
  it('growth detaches the old buffer and the views are rebuilt; results stay right', () => {
    const rt = instantiateSync();
    const k = wasmKernels(rt);
    const before = rt.f32();
    const pages = rt.exports.memory.buffer.byteLength / 65536;
    const [m, kk, n] = [300, 700, 500]; // 3 × ~1 MB buffers plus packing: more than the initial memory
    const a = dyadicSeq(m * kk, 1);
    const b = dyadicSeq(kk * n, 2);
    expectClose(k.matmul(a, b, m, kk, n), matmulRef(a, b, m, kk, n), 'C');
    expect(rt.exports.memory.buffer.byteLength / 65536).toBeGreaterThan(pages);
    expect(before.byteLength).toBe(0); // detached by memory.grow
    expect(rt.rebuilds).toBeGreaterThan(0);
    expect(rt.f32().byteLength).toBe(rt.exports.memory.buffer.byteLength);
    expect(Array.from(k.matmul([1, 2], [3, 4], 1, 2, 1))).toEqual([11]);
  });

  it('every call frees its buffers: repeated calls do not grow memory', () => {
    const rt = instantiateSync();
    const k = wasmKernels(rt);
    const x = dyadicSeq(3 * 40 * 40, 3);
    const w = dyadicSeq(8 * 3 * 9, 4);
    const p = { channels: 3, height: 40, width: 40, outChannels: 8, kernel: 3, padding: 1 };
    k.conv2d(x, w, p);
    const size = rt.exports.memory.buffer.byteLength;
    for (let i = 0; i < 30; i++) k.conv2d(x, w, p);
    expect(rt.exports.memory.buffer.byteLength).toBe(size);
  });

  it('a runtime hands out raw buffers for callers that keep data in WASM memory', () => {
    const rt = instantiateSync();
    const pa = rt.alloc(4);
    const pb = rt.alloc(4);
    const pc = rt.alloc(4);
    rt.f32().set([1, 2, 3, 4], pa / 4);
    rt.f32().set([5, 6, 7, 8], pb / 4);
    rt.exports.matmul(pa, pb, pc, 2, 2, 2);
    expect(Array.from(rt.f32().subarray(pc / 4, pc / 4 + 4))).toEqual([19, 22, 43, 50]);
    for (const p of [pa, pb, pc]) rt.free(p, 4);
  });
});

describe('argument checks (both backends)', () => {
  for (const k of [referenceKernels, initSync({ backend: 'wasm' })]) {
    it(`${k.backend}: wrong lengths and non-integer sizes are RangeErrors`, () => {
      expect(() => k.matmul([1, 2, 3], [1, 2], 1, 2, 1)).toThrow(/a has 3 numbers, expected 2/);
      expect(() => k.conv2d([1], [1], { channels: 1, height: 1, width: 1, outChannels: 1, kernel: 0 })).toThrow(
        RangeError,
      );
      expect(() => k.maxpool2d([1, 2], { channels: 1, height: 1, width: 1, kernel: 1 })).toThrow(/x has 2 numbers/);
      expect(() => k.batchnorm([1], { batch: 1, channels: 1, mode: 'inference' })).toThrow(/mean and variance/);
      expect(() => k.lstm([1], { steps: 1, inputSize: 1, hiddenSize: 1.5, w: [], r: [] })).toThrow(/hiddenSize/);
      expect(() => k.softmax([1, 2, 3], 2, 2)).toThrow(RangeError);
    });
  }
});
