/**
 * Loading `dnn_core.wasm`: sync (from the bytes embedded in wasm-bytes.ts) or async, SIMD detection, and typed-array
 * views that are rebuilt whenever the module's memory grows.
 */
import type { CoreWasmExports } from './abi.js';
import { WASM_BASE64 } from './wasm-bytes.js';

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

/** Decodes base64 without Buffer, so browsers and bundlers need no polyfill. */
export function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let embedded: Uint8Array | undefined;

/** The embedded module bytes (decoded once). */
export function wasmBytes(): Uint8Array {
  embedded ??= decodeBase64(WASM_BASE64);
  return embedded;
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
  /** Module bytes (default: the embedded ones). */
  bytes?: Bytes;
  /** SIMD check (default `WebAssembly.validate`): returning false selects the TypeScript fallback. */
  validate?: (bytes: Bytes) => boolean;
}

/** True when this engine can compile the module (it uses SIMD128, so this is the SIMD check). */
export function simdSupported(opts: LoadOptions = {}): boolean {
  const api = wasmApi();
  const validate = opts.validate ?? (api ? (b: Bytes) => api.validate(b) : () => false);
  try {
    return validate(opts.bytes ?? wasmBytes());
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
  const { instance } = await requireApi().instantiate(opts.bytes ?? wasmBytes(), {});
  return runtimeOf(instance);
}
