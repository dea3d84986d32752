/**
 * The loader: the packaged module (Node's sync read, the explicit async load, a missing file), backend selection
 * (SIMD fallback), async init, memory growth and buffer reuse.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectClose } from './close.test-util.js';
import { init, initSync, instantiateSync, referenceKernels, wasmKernels, wasmUrl } from './index.js';
import { matmulRef } from './reference.js';

const committed = new Uint8Array(readFileSync(new URL('../wasm/dnn_core.wasm', import.meta.url)));
const dyadicSeq = (n: number, s: number) => Float64Array.from({ length: n }, (_, i) => (((i * 7 + s) % 17) - 8) / 8);

/** A fresh copy of the package (its module state: loaded bytes, shared backend), as a new process would see it. */
async function fresh(): Promise<typeof import('./index.js')> {
  vi.resetModules();
  return import('./index.js');
}

/** Makes this process look like an engine without Node's builtins (a browser, a worker) until restored. */
function withoutNodeBuiltins(): void {
  vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
}

/** Makes `node:fs` fail to find any file, as when a bundle left wasm/dnn_core.wasm behind. */
function withoutWasmFile(): void {
  const real = process.getBuiltinModule;
  vi.spyOn(process, 'getBuiltinModule').mockImplementation(((id: string) =>
    id === 'node:fs'
      ? {
          readFileSync: () => {
            throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
          },
        }
      : real(id)) as typeof real);
}

/** Serves `body` at /dnn_core.wasm over HTTP (what a browser fetches); other paths are 404s. */
async function serve(body: Uint8Array): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    if (req.url !== '/dnn_core.wasm') res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/wasm' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/dnn_core.wasm`, close: () => server.close() };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the packaged module', () => {
  it('is wasm/dnn_core.wasm, the file the package exports as ./dnn_core.wasm', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(new URL(pkg.exports['./dnn_core.wasm'], new URL('../', import.meta.url)).href).toBe(wasmUrl().href);
    expect(pkg.files).toContain('wasm/dnn_core.wasm');
  });

  it('Node: read synchronously on the first kernel use, with no init call, so the default backend is wasm', async () => {
    const read = vi.spyOn(process, 'getBuiltinModule');
    const m = await fresh();
    expect(read).not.toHaveBeenCalled(); // importing the package reads nothing
    expect(m.simdSupported()).toBe(true);
    const k = m.kernels();
    expect(k.backend).toBe('wasm');
    expect(Array.from(k.matmul([1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 2))).toEqual([19, 22, 43, 50]);
    expect(Buffer.from(m.wasmBytes()).equals(Buffer.from(committed))).toBe(true);
    expect(read.mock.calls.filter(([id]) => id === 'node:fs')).toHaveLength(1); // read once, then kept
  });

  it('elsewhere: kernels() throws until loadKernels() fetched the module, then the shared backend is wasm', async () => {
    withoutNodeBuiltins();
    const m = await fresh();
    expect(() => m.kernels()).toThrow(/dnn_core\.wasm is not loaded: .*await loadKernels\(\)/);
    expect(() => m.simdSupported()).toThrow(/not loaded/); // a missing module is not a missing SIMD
    const server = await serve(committed);
    try {
      const k = await m.loadKernels(server.url);
      expect(k.backend).toBe('wasm');
      expect(m.kernels()).toBe(k);
      expect(Array.from(k.matmul([1, 2], [3, 4], 1, 2, 1))).toEqual([11]);
      await expect(m.loadKernels(server.url.replace('dnn_core', 'missing'))).rejects.toThrow(/HTTP 404/);
    } finally {
      server.close();
    }
  });

  it('loadKernels(bytes) and provideWasmBytes make given bytes the module; init() fetches the default one', async () => {
    withoutNodeBuiltins();
    let m = await fresh();
    expect((await m.loadKernels(committed.slice())).backend).toBe('wasm');
    m = await fresh();
    m.provideWasmBytes(committed.buffer.slice(committed.byteOffset, committed.byteOffset + committed.byteLength));
    expect(m.kernels().backend).toBe('wasm');
    vi.restoreAllMocks();
    m = await fresh();
    expect((await m.init()).backend).toBe('wasm'); // Node: fetchWasmBytes reads the file: URL
  });

  it('a missing file: kernels() throws (the read is not retried) and the solvers fall back to their own loop', async () => {
    withoutWasmFile();
    const m = await fresh();
    expect(() => m.kernels()).toThrow(/dnn_core\.wasm could not be read from file:.*ENOENT/);
    const reads = vi.mocked(process.getBuiltinModule).mock.calls.length;
    expect(() => m.kernels()).toThrow(/ENOENT/);
    expect(vi.mocked(process.getBuiltinModule).mock.calls.length).toBe(reads);
    // The dispatch a solver makes, exact values above the threshold: the same numbers as with the kernels loaded.
    const [rows, inner, cols] = [64, 64, 64];
    const a = dyadicSeq(rows * inner, 1);
    const b = dyadicSeq(inner * cols, 2);
    const request = (precision: 'double' | 'single') => ({
      work: rows * inner * cols,
      unit: 'multiply-adds',
      precision,
      exact: () => true,
      why: 'every product is exact',
      kernels: m.kernels,
    });
    const solve = (precision: 'double' | 'single') =>
      m.withKernels(
        request(precision),
        (k) => k.matmul(a, b, rows, inner, cols),
        () => matmulRef(a, b, rows, inner, cols),
      );
    const loaded = initSync().matmul(a, b, rows, inner, cols); // this test file's own, loaded copy
    for (const precision of ['double', 'single'] as const) {
      const { result, backend, note } = solve(precision);
      expect(backend).toBeNull();
      expect(Array.from(result)).toEqual(Array.from(loaded));
      if (precision === 'double') expect(note).toBeNull();
      else
        expect(note).toMatch(
          /^precision "single": the WASM SIMD kernel could not run here \(dnn_core\.wasm could not be read.*double precision/,
        );
    }
  });
});

describe('an engine without WebAssembly SIMD128', () => {
  it('kernels() and loadKernels() refuse, saying why; initSync and init give the TypeScript reference', async () => {
    const api = (globalThis as unknown as { WebAssembly: { validate(bytes: unknown): boolean } }).WebAssembly;
    vi.spyOn(api, 'validate').mockReturnValue(false);
    const m = await fresh();
    expect(() => m.kernels()).toThrow(/lacks WebAssembly SIMD128/);
    await expect(m.loadKernels()).rejects.toThrow(/lacks WebAssembly SIMD128/);
    expect(m.initSync()).toBe(m.referenceKernels);
    expect(await m.init()).toBe(m.referenceKernels);
    const single = m.withKernels(
      {
        work: m.KERNEL_THRESHOLD,
        unit: 'multiply-adds',
        precision: 'single',
        exact: () => true,
        why: '',
        kernels: m.kernels,
      },
      () => 'kernel',
      () => 'own',
    );
    expect(single.result).toBe('own');
    expect(single.note).toMatch(/could not run here \(this engine lacks WebAssembly SIMD128/);
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
