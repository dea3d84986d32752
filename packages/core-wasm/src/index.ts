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

function chooseTs(opts: InitOptions): boolean {
  if (opts.backend === 'ts') return true;
  const ok = simdSupported(opts);
  if (!ok && opts.backend === 'wasm') throw new Error('WebAssembly SIMD128 is not supported by this engine');
  return !ok;
}

/**
 * Creates a backend synchronously: WASM when the engine validates the module (SIMD128), else the TS reference.
 * Without `bytes` it needs {@link wasmBytes} (Node, or after {@link loadKernels}) and throws when the module is not
 * available.
 */
export function initSync(opts: InitOptions = {}): Kernels {
  return chooseTs(opts) ? referenceKernels : wasmKernels(instantiateSync(opts));
}

/**
 * Creates a backend asynchronously (compiles off the main thread in browsers); same choice as {@link initSync}.
 * Without `bytes` it fetches the packaged module ({@link fetchWasmBytes}); rejects when that fails.
 */
export async function init(opts: InitOptions = {}): Promise<Kernels> {
  if (opts.backend === 'ts') return referenceKernels;
  const ready = { ...opts, bytes: opts.bytes ?? (await fetchWasmBytes()) };
  return chooseTs(ready) ? referenceKernels : wasmKernels(await instantiate(ready));
}

let shared: Kernels | undefined;

/**
 * The shared backend the solvers use, created by {@link initSync} on first use (one instance per process / page).
 * Throws while the module is not available (outside Node before {@link loadKernels}); the solvers then compute with
 * their own double-precision loops, and a `precision: "single"` request is told so in a note.
 */
export function kernels(): Kernels {
  shared ??= initSync();
  return shared;
}

/**
 * Loads the module asynchronously and makes it the shared backend ({@link kernels}), so the synchronous solvers
 * use the kernels: call (and await) it once where Node's synchronous read is unavailable, e.g. in a browser or
 * worker before the first solve. `source`: the module's bytes, or a URL to fetch (default: the packaged
 * `dnn_core.wasm`, which bundlers emit as an asset). Rejects when the module cannot be fetched or compiled.
 */
export async function loadKernels(source?: Bytes | URL | string): Promise<Kernels> {
  const bytes = typeof source === 'string' || source instanceof URL ? await fetchWasmBytes(source) : source;
  shared = await init(bytes ? { bytes } : {});
  return shared;
}
