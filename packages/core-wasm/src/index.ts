/**
 * @dnn/core-wasm — the hot loops of the solvers: matmul, conv2d, max/avg pooling, batch norm, LSTM and activations,
 * as WASM SIMD128 kernels (crates/core-wasm, f32 arithmetic) with a plain-TypeScript reference (f64 arithmetic) that
 * is both their test oracle and the fallback where WebAssembly SIMD is missing.
 *
 * ```ts
 * import { kernels } from '@dnn/core-wasm';
 * const k = kernels(); // sync; in Node it reads wasm/dnn_core.wasm on first use, elsewhere `await loadKernels()` first
 * const { data, shape } = k.conv2d(x, w, { channels: 3, height: 32, width: 32, outChannels: 8, kernel: 3, padding: 1 });
 * ```
 * @packageDocumentation
 */
import { type Bytes, fetchWasmBytes, instantiate, instantiateSync, type LoadOptions, simdSupported } from './loader.js';
import type { Kernels } from './params.js';
import { referenceKernels } from './reference.js';
import { wasmKernels } from './wasm-kernels.js';

export type { CoreWasmExports } from './abi.js';
export { averageExact, type DyadicRange, dyadicRange, lowBit, sumOfProductsExact } from './exact.js';
export { GATES, type Gates, type Nested, packGateMatrices, packGateVectors, splitGates, toNested } from './layout.js';
export {
  ABI_VERSION,
  type Bytes,
  fetchWasmBytes,
  type Instance,
  instantiate,
  instantiateSync,
  type LoadOptions,
  provideWasmBytes,
  runtimeOf,
  simdSupported,
  type WasmRuntime,
  wasmBytes,
  wasmUrl,
} from './loader.js';
export type {
  BatchNormParams,
  BatchNormResult,
  Conv2dParams,
  DepthwiseConv2dParams,
  Floats,
  Kernels,
  LstmParams,
  LstmResult,
  Padding,
  Pair,
  Pool2dParams,
  Tensor,
} from './params.js';
export { outSize } from './params.js';
export {
  avgpool2dRef,
  batchnormRef,
  conv2dRef,
  depthwiseConv2dRef,
  lstmRef,
  matmulRef,
  maxpool2dRef,
  referenceKernels,
  reluRef,
  sigmoidRef,
  softmaxRef,
  tanhRef,
} from './reference.js';
export { avgpool2dGradRef, conv2dGradInputRef, conv2dGradWeightRef, maxpool2dGradRef } from './reference-grad.js';
export {
  type Dispatched,
  KERNEL_THRESHOLD,
  type KernelRequest,
  PRECISIONS,
  type Precision,
  precisionDescription,
  withKernels,
} from './solver-kernels.js';
export { wasmKernels } from './wasm-kernels.js';

/** Kernel names this package provides. */
export const KERNELS: readonly string[] = [
  'matmul',
  'conv2d',
  'maxpool2d',
  'avgpool2d',
  'depthwiseConv2d',
  'conv2dGradInput',
  'conv2dGradWeight',
  'maxpool2dGrad',
  'avgpool2dGrad',
  'batchnorm',
  'lstm',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
];

/** Options of {@link initSync} / {@link init}. */
export interface InitOptions extends LoadOptions {
  /** Force a backend: `ts` skips WebAssembly entirely; `wasm` throws instead of falling back. */
  backend?: 'wasm' | 'ts';
}

/** Why there is no WASM backend on an engine whose WebAssembly lacks SIMD128 (the module needs it). */
const NO_SIMD = 'this engine lacks WebAssembly SIMD128, which dnn_core.wasm needs';

/** The WASM backend, synchronously; throws where the engine lacks SIMD128 (`supported`: that check, if made). */
function wasmSync(opts: LoadOptions, supported = simdSupported(opts)): Kernels {
  if (!supported) throw new Error(NO_SIMD);
  return wasmKernels(instantiateSync(opts));
}

/** {@link wasmSync}, compiling asynchronously. */
async function wasmAsync(opts: LoadOptions, supported = simdSupported(opts)): Promise<Kernels> {
  if (!supported) throw new Error(NO_SIMD);
  return wasmKernels(await instantiate(opts));
}

/**
 * Creates a backend synchronously: WASM when the engine validates the module (SIMD128), else the TS reference.
 * Without `bytes` it needs {@link wasmBytes} (Node, or after {@link loadKernels}) and throws when the module is not
 * available.
 */
export function initSync(opts: InitOptions = {}): Kernels {
  if (opts.backend === 'ts') return referenceKernels;
  const supported = simdSupported(opts);
  return supported || opts.backend === 'wasm' ? wasmSync(opts, supported) : referenceKernels;
}

/**
 * Creates a backend asynchronously (compiles off the main thread in browsers); same choice as {@link initSync}.
 * Without `bytes` it fetches the packaged module ({@link fetchWasmBytes}); rejects when that fails.
 */
export async function init(opts: InitOptions = {}): Promise<Kernels> {
  if (opts.backend === 'ts') return referenceKernels;
  const ready = { ...opts, bytes: opts.bytes ?? (await fetchWasmBytes()) };
  const supported = simdSupported(ready);
  return supported || opts.backend === 'wasm' ? wasmAsync(ready, supported) : referenceKernels;
}

let shared: Kernels | undefined;

/**
 * The shared WASM backend the solvers use (one instance per process / page), created on first use: in Node from
 * the packaged file, elsewhere after {@link loadKernels}. Throws where there is none (the module is not loaded, or
 * the engine lacks WebAssembly SIMD128); the solvers then compute with their own double-precision loops, the same
 * answers, and a `precision: "single"` request is told why in a note. It never falls back to the TypeScript
 * reference, so bundles of the solvers leave that out; {@link initSync} and {@link init} offer it.
 */
export function kernels(): Kernels {
  shared ??= wasmSync({});
  return shared;
}

/**
 * Loads the module asynchronously and makes it the shared backend ({@link kernels}), so the synchronous solvers
 * use the kernels: call (and await) it once where Node's synchronous read is unavailable, e.g. in a browser or
 * worker before the first solve. `source`: the module's bytes, or a URL to fetch (default: the packaged
 * `dnn_core.wasm`, which bundlers emit as an asset). Rejects when the module cannot be fetched or compiled, or the
 * engine lacks SIMD128.
 */
export async function loadKernels(source?: Bytes | URL | string): Promise<Kernels> {
  const bytes =
    source === undefined || source instanceof URL || typeof source === 'string' ? await fetchWasmBytes(source) : source;
  shared = await wasmAsync({ bytes });
  return shared;
}
