/**
 * The kernel playground's convolution, through @dnn/core-wasm: its WASM SIMD
 * kernels when the browser validates them, else the package's plain-TypeScript
 * reference (the same fallback the solvers use).
 */
import { init, type Kernels, referenceKernels } from '@dnn/core-wasm';

/** A single-channel image as row-major floats. */
export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

/** The backend and its name. */
export interface Backend {
  kernels: Kernels;
  name: string;
}

let loading: Promise<Backend> | undefined;

/** Loads the kernels once per page (async compile; falls back to the TS reference when SIMD is missing). */
export function loadBackend(): Promise<Backend> {
  loading ??= init()
    .then((kernels) => ({
      kernels,
      name: kernels === referenceKernels ? 'TypeScript fallback (no WASM SIMD here)' : 'WASM SIMD (@dnn/core-wasm)',
    }))
    .catch(() => ({ kernels: referenceKernels, name: 'TypeScript fallback (the WASM module did not load)' }));
  return loading;
}

/** Cross-correlation (no kernel flip, as in deep learning) with zero padding that keeps the size (odd kernels). */
export function convolve(backend: Backend, image: Plane, kernel: readonly number[][]): Plane {
  const k = kernel.length;
  const { data } = backend.kernels.conv2d(image.data, Float32Array.from(kernel.flat()), {
    channels: 1,
    height: image.height,
    width: image.width,
    outChannels: 1,
    kernel: k,
    padding: Math.floor(k / 2),
  });
  return { width: image.width, height: image.height, data: Float32Array.from(data) };
}
