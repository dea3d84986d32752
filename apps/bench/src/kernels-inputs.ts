/**
 * What every kernel workload shares: the workload shape, the WASM instance our rows run on, deterministic inputs,
 * and our kernel's runner on buffers already in WASM memory.
 */
import { instantiateSync, type WasmRuntime } from '@dnn/core-wasm';
import type { Runner, Timed } from './kernels-measure.js';

/** The kernels the bench measures (forward, and the conv/backprop gradients). */
export type KernelName =
  | 'matmul'
  | 'conv2d'
  | 'conv1d'
  | 'depthwise'
  | 'maxpool2d'
  | 'avgpool2d'
  | 'batchnorm'
  | 'lstm'
  | 'conv2d-grad-input'
  | 'conv2d-grad-weight'
  | 'maxpool2d-grad'
  | 'avgpool2d-grad';
/** The implementations of a workload. */
export type Impl = 'dnn-wasm' | 'dnn-ts' | 'tfjs-wasm' | 'tfjs-cpu' | 'onnxruntime-web' | 'simd-peak' | 'read-peak';
/** One benchmark row group: a kernel on one shape, its implementations, and the peer its target is against. */
export interface Workload {
  kernel: KernelName;
  shape: string;
  flops: number;
  /** Builders of each implementation's runner (each built right before it is measured). */
  impls: Partial<Record<Impl | 'dnn-wasm+copy', () => Promise<Timed | Runner> | Timed | Runner>>;
  /** The target's peer (default tfjs-wasm). */
  peer?: Impl;
  /** Least % of the SIMD peak (GEMM rows; also runs `simd-peak` in the rounds). */
  minOfPeak?: number;
  /**
   * Bytes the kernel must read (the GEMV: B): its rows are also printed as GB/s and as a fraction of the same rounds'
   * `read-peak`, a bare v128 read of that many bytes (the workload's `read-peak` implementation).
   */
  readBytes?: number;
  /** Issue 7's shapes: dnn-ts must also reach 2× tfjs-cpu. */
  tsTarget?: boolean;
}

/** The WASM instance our rows run on. */
export const rt: WasmRuntime = instantiateSync();

/** Deterministic values in [-1, 1). */
export function rand(n: number, seed: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = s / 2 ** 31 - 1;
  }
  return a;
}

/** Our kernel on buffers already in WASM memory: copies `inputs` in once, returns a runner that only calls. */
export function inMemory(rt: WasmRuntime, inputs: (Float32Array | number)[], call: (ptrs: number[]) => void): Runner {
  const ptrs = inputs.map((b) => rt.alloc(typeof b === 'number' ? b : b.length));
  const mem = rt.f32();
  inputs.forEach((b, i) => {
    if (typeof b !== 'number') mem.set(b, ptrs[i]! / 4);
  });
  return () => call(ptrs);
}
