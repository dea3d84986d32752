/**
 * @dnn/core-wasm — typed-array kernels (WASM SIMD128 with a plain-TypeScript reference).
 * @packageDocumentation
 */

/** Kernel names this package provides. */
export const KERNELS: readonly string[] = [];
