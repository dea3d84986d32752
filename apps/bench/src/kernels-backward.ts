/** Backward-kernel workloads (conv/backprop's gradients) against tfjs-wasm's gradients. */
import type { Workload } from './kernels.js';

/** The gradient workloads (small shapes when `quick`). */
export function backwardWorkloads(_quick: boolean): Workload[] {
  return [];
}
