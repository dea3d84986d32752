/**
 * How a solver switches its numeric core to the kernels: from {@link KERNEL_THRESHOLD} units of work, in double
 * precision only when the float32 result is provably identical (see exact.ts), always with `precision: "single"`;
 * and the note that tells the user which backend computed the answer and why.
 */
import type { Kernels } from './params.js';

/**
 * Switch-over for solvers (see README): the kernels are used when a problem's multiply-adds (conv2d:
 * Cout·H′·W′·Cin·kH·kW; LSTM: T·4H·(D+H)) or pooled window cells (C·H′·W′·kH·kW) reach this many. Below it the
 * solvers' own f64 loops are fast enough and stay bit-identical to their worked steps.
 */
export const KERNEL_THRESHOLD = 65_536;

/** A solver's `precision` input: `double` (default, float64 answers) or `single` (the float32 WASM kernel). */
export type Precision = 'double' | 'single';

/** The values of a solver's `precision` field. */
export const PRECISIONS = ['double', 'single'] as const;

/**
 * The `.describe()` text of a solver's `precision` field; `unit` names its work, e.g. "multiply-adds". `exact`:
 * whether double precision may use the kernel when float32 is provably exact (false for LSTM: its gates'
 * transcendental functions never are).
 */
export function precisionDescription(unit: string, exact = true): string {
  const double = exact
    ? `answers in double precision (float64); from ${KERNEL_THRESHOLD} ${unit} the WASM SIMD kernel (float32) is used only when its result is provably identical (small integers or binary fractions like 0.5, 0.25)`
    : 'answers in double precision (float64), computed by the step-by-step loop';
  return `double (default): ${double}. single: from ${KERNEL_THRESHOLD} ${unit} always use the WASM SIMD kernel, computing in float32 (about 7 significant digits); smaller problems stay in double precision.`;
}

/** The part of a solver's request {@link withKernels} decides on. */
export interface KernelRequest {
  /** The problem's work in `unit`s. */
  work: number;
  /** What `work` counts, plural ("multiply-adds", "window cells"). */
  unit: string;
  precision: Precision;
  /** True when the float32 kernel provably gives the float64 answer (evaluated only above the threshold). */
  exact: () => boolean;
  /** Why it does, one clause for the note ("every product and partial sum is exact in float32"). */
  why: string;
  /** The backend: solvers pass `kernels` (the shared WASM one, which throws where it is unavailable); tests force one. */
  kernels: () => Kernels;
}

/** A result and the note saying which backend computed it (null: the solver's own float64 loop, nothing to say). */
export interface Dispatched<T> {
  result: T;
  note: string | null;
  /** The backend that computed `result`: `wasm` (float32), `ts` (the float64 reference), null (the own loop). */
  backend: Kernels['backend'] | null;
}

/**
 * Runs `run` on the kernels when the request qualifies, else `own` (the solver's float64 loop, with no note). If
 * loading or running the kernels fails, `own` runs instead (and a `single` request is told so).
 */
export function withKernels<T>(req: KernelRequest, run: (k: Kernels) => T, own: () => T): Dispatched<T> {
  const single = req.precision === 'single';
  if (req.work < KERNEL_THRESHOLD || !(single || req.exact())) return { result: own(), note: null, backend: null };
  const size = `${req.work} ${req.unit}; the kernels take over from ${KERNEL_THRESHOLD}`;
  let result: T;
  let backend: Kernels['backend'];
  try {
    const k = req.kernels();
    backend = k.backend;
    result = run(k);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const note = single
      ? `precision "single": the WASM SIMD kernel could not run here (${why}), so the solver's own loop computed this in double precision (float64).`
      : null;
    return { result: own(), note, backend: null };
  }
  if (backend === 'wasm') {
    return {
      result,
      backend,
      note: single
        ? `precision "single": computed in single precision (float32) by the WASM SIMD kernel (${size}); values carry about 7 significant digits and may differ from double precision in the last ones.`
        : `Computed by the WASM SIMD kernel in float32 (${size}): ${req.why}, so the answer is identical to double precision.`,
    };
  }
  return {
    result,
    backend,
    note: single
      ? `precision "single" asks for the float32 WASM SIMD kernel, but this engine lacks WebAssembly SIMD: computed in double precision (float64) by the TypeScript reference kernel instead (${size}).`
      : `Computed by the TypeScript reference kernel in double precision (${size}; this engine lacks WebAssembly SIMD): ${req.why}, so the answer is identical to the step-by-step loop.`,
  };
}
