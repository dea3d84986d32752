/**
 * Loading `dnn_core.wasm`, shipped beside the code as wasm/dnn_core.wasm (the package exports it as
 * `@dnn/core-wasm/dnn_core.wasm`): in Node read synchronously on first use, elsewhere fetched by an explicit async
 * load; SIMD detection; and typed-array views that are rebuilt whenever the module's memory grows.
 */
import type { CoreWasmExports } from './abi.js';

/** Module bytes, as the WebAssembly API accepts them. */
export type Bytes = ArrayBuffer | ArrayBufferView;

/** The part of the global `WebAssembly` API the loader uses (typed here: Node 20's types lack it without DOM). */
interface WebAssemblyApi {
  validate(bytes: Bytes): boolean;
  Module: new (bytes: Bytes) => object;
  Instance: new (module: object, imports: object) => Instance;
  instantiate(bytes: Bytes, imports: object): Promise<{ instance: Instance }>;
}

/** An instantiated module. */
export interface Instance {
  readonly exports: unknown;
}

function wasmApi(): WebAssemblyApi | undefined {
  return (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
}

function requireApi(): WebAssemblyApi {
  const api = wasmApi();
  if (!api) throw new Error('WebAssembly is not available in this engine');
  return api;
}

/** ABI version this loader speaks (the module's `abi_version()`). */
export const ABI_VERSION = 1;

/**
 * Where the module is: wasm/dnn_core.wasm of this package, from src/ and dist/ alike. Bundlers that understand
 * `new URL(…, import.meta.url)` (webpack, rspack, Vite, Parcel) emit the file as an asset and rewrite this URL.
 */
export function wasmUrl(): URL {
  return new URL('../wasm/dnn_core.wasm', import.meta.url);
}

/** `node:fs`'s readFileSync where the engine is Node (no static import, so browser bundles stay free of it). */
function nodeReadFile(): ((url: URL) => Uint8Array) | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as { readFileSync(url: URL): Uint8Array } | undefined;
  return fs && ((url) => fs.readFileSync(url));
}

let loaded: Uint8Array | undefined;
let unreadable: Error | undefined;

/**
 * The module bytes, synchronously: those {@link provideWasmBytes} or {@link fetchWasmBytes} stored, else, in Node,
 * {@link wasmUrl} read on first call. Throws where neither is possible (a browser before an async load, or a bundle
 * that left the file behind); a failed read is remembered, not retried.
 */
export function wasmBytes(): Uint8Array {
  if (loaded) return loaded;
  if (unreadable) throw unreadable;
  const read = nodeReadFile();
  if (!read) {
    throw new Error(
      'dnn_core.wasm is not loaded: outside Node, await loadKernels() (or pass its bytes) before the first kernel use',
    );
  }
  const url = wasmUrl();
  try {
    loaded = new Uint8Array(read(url));
  } catch (e) {
    unreadable = new Error(`dnn_core.wasm could not be read from ${url.href}: ${e instanceof Error ? e.message : e}`);
    throw unreadable;
  }
  return loaded;
}

/** Stores module bytes obtained elsewhere (a bundler's asset, a cache), so that {@link wasmBytes} returns them. */
export function provideWasmBytes(bytes: Bytes): Uint8Array {
  loaded = ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
  unreadable = undefined;
  return loaded;
}

/**
 * The module bytes, asynchronously: `source` when given (a URL or path to fetch), else {@link wasmBytes} where that
 * works, else {@link wasmUrl} fetched. `file:` URLs are read with `node:fs`. The default module's bytes are stored
 * for {@link wasmBytes}.
 */
export async function fetchWasmBytes(source?: URL | string): Promise<Uint8Array> {
  if (source === undefined) {
    try {
      return wasmBytes();
    } catch {
      // not Node, or the file is not where the code is: fetch the (possibly rewritten) URL
    }
  }
  const url = source === undefined ? wasmUrl() : new URL(source, wasmUrl());
  const read = nodeReadFile();
  let bytes: Uint8Array;
  if (url.protocol === 'file:' && read) bytes = new Uint8Array(read(url));
  else {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`dnn_core.wasm could not be fetched from ${url.href}: HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  }
  return source === undefined ? provideWasmBytes(bytes) : bytes;
}

/** A live instance: its exports and f32 views of its memory that survive memory growth. */
export interface WasmRuntime {
  readonly exports: CoreWasmExports;
  /** A Float32Array over the whole memory, rebuilt if memory grew since the last call. */
  f32(): Float32Array;
  /** How many times the views were rebuilt after growth (diagnostics and tests). */
  readonly rebuilds: number;
  /** Allocates room for `floats` f32 values; returns the byte pointer. Throws if memory is exhausted. */
  alloc(floats: number): number;
  /** Frees a block from {@link WasmRuntime.alloc}. */
  free(ptr: number, floats: number): void;
}

/** Wraps an instance's exports in a {@link WasmRuntime}. */
export function runtimeOf(instance: Instance): WasmRuntime {
  const exports = instance.exports as unknown as CoreWasmExports;
  if (exports.abi_version() !== ABI_VERSION) {
    throw new Error(`dnn_core.wasm ABI ${exports.abi_version()} does not match the loader's ${ABI_VERSION}`);
  }
  let view = new Float32Array(exports.memory.buffer);
  let rebuilds = 0;
  return {
    exports,
    f32() {
      if (view.buffer !== exports.memory.buffer) {
        view = new Float32Array(exports.memory.buffer);
        rebuilds++;
      }
      return view;
    },
    get rebuilds() {
      return rebuilds;
    },
    alloc(floats) {
      const ptr = exports.alloc(floats * 4);
      if (ptr === 0) throw new RangeError(`dnn_core.wasm: out of memory allocating ${floats} floats`);
      return ptr;
    },
    free(ptr, floats) {
      exports.dealloc(ptr, floats * 4);
    },
  };
}

/** Options of {@link instantiateSync} / {@link instantiate} and of the kernel inits. */
export interface LoadOptions {
  /** Module bytes (default: {@link wasmBytes}, or {@link fetchWasmBytes} for the async inits). */
  bytes?: Bytes;
  /** SIMD check (default `WebAssembly.validate`): returning false selects the TypeScript fallback. */
  validate?: (bytes: Bytes) => boolean;
}

/**
 * True when this engine can compile the module (it uses SIMD128, so this is the SIMD check). Throws, like
 * {@link wasmBytes}, when no bytes are given and the module is not available: that is not a missing SIMD.
 */
export function simdSupported(opts: LoadOptions = {}): boolean {
  const bytes = opts.bytes ?? wasmBytes();
  const api = wasmApi();
  const validate = opts.validate ?? (api ? (b: Bytes) => api.validate(b) : () => false);
  try {
    return validate(bytes);
  } catch {
    return false;
  }
}

/** Compiles and instantiates synchronously (fine in Node and workers; browsers' main thread prefers {@link instantiate}). */
export function instantiateSync(opts: LoadOptions = {}): WasmRuntime {
  const api = requireApi();
  const module = new api.Module(opts.bytes ?? wasmBytes());
  return runtimeOf(new api.Instance(module, {}));
}

/** Compiles and instantiates asynchronously. */
export async function instantiate(opts: LoadOptions = {}): Promise<WasmRuntime> {
  const { instance } = await requireApi().instantiate(opts.bytes ?? (await fetchWasmBytes()), {});
  return runtimeOf(instance);
}
