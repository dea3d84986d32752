/**
 * Sliding-window geometry shared by the conv/* solvers: the number-or-pair
 * fields, TensorFlow's `same` padding, and the output-size formulas with the
 * steps that show them.
 */
import { add, ceil, DnnInputError, eq, floor, frac, mul, type Step, s, step, sub, type Tex } from '@dnn/core';
import * as z from 'zod/mini';

/** `[height, width]` after expanding a number-or-pair field. */
export type Pair = [number, number];

/** Expands a number into `[n, n]`; a pair stays as is. */
export function toPair(x: number | readonly number[]): Pair {
  return typeof x === 'number' ? [x, x] : [x[0] as number, x[1] as number];
}

/** Schema of `kernel`: a whole number ≥ 1 or a pair. */
export const kernelField = s.numberOrPair(
  z.number().check(z.int(), z.minimum(1)),
  'Kernel (window) size k, or [kH, kW].',
);
/** Schema of `stride`: a whole number ≥ 1 or a pair. */
export const strideField = s.numberOrPair(z.number().check(z.int(), z.minimum(1)), 'Stride s, or [sH, sW].');
/** Schema of `dilation`: a whole number ≥ 1 or a pair. */
export const dilationField = s.numberOrPair(
  z.number().check(z.int(), z.minimum(1)),
  'Dilation d (gap between kernel taps; 1 = dense), or [dH, dW].',
);
/** Schema of `padding`: zeros added on each side, a pair, `"valid"` (0) or `"same"` (TensorFlow rule). */
export const paddingField = z
  .union([s.numberOrPair(z.number().check(z.int(), z.minimum(0)), ''), z.enum(['valid', 'same'])], {
    error: (iss) =>
      typeof iss.input === 'string'
        ? `must be a number, a pair [h, w], "valid" or "same" (got ${JSON.stringify(iss.input)})`
        : undefined,
  })
  .check(
    z.describe(
      'Zero padding p added on each side, or [pH, pW], or "valid" (no padding), or "same" (TensorFlow: output = ceil(in / stride), the odd extra row/column at the bottom/right).',
    ),
  );

/** Padding before and after one axis. */
export interface AxisPadding {
  before: number;
  after: number;
}

/** One axis of a sliding window: input size, kernel, stride, dilation, padding. */
export interface Axis {
  /** `H` or `W`, for the steps. */
  name: string;
  size: number;
  kernel: number;
  stride: number;
  dilation: number;
  padding: AxisPadding;
}

/** The output size of one axis, with the division's remainder. */
export interface AxisResult {
  out: number;
  /** in + pads − d(k−1) − 1, the numerator of the formula. */
  numerator: number;
  remainder: number;
  steps: Step[];
}

/** Effective kernel extent d(k−1) + 1. */
export function span(kernel: number, dilation: number): number {
  return dilation * (kernel - 1) + 1;
}

/**
 * TensorFlow's `same` padding for one axis: output ceil(in / s), total padding
 * max((out − 1)·s + d(k−1) + 1 − in, 0), the odd pixel after.
 */
export function samePadding(size: number, kernel: number, stride: number, dilation: number): AxisPadding {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + span(kernel, dilation) - size, 0);
  return { before: Math.floor(total / 2), after: total - Math.floor(total / 2) };
}

/** Steps that derive `same` padding for one axis. */
export function samePaddingSteps(a: Axis): Step[] {
  const out = Math.ceil(a.size / a.stride);
  const need = (out - 1) * a.stride + span(a.kernel, a.dilation) - a.size;
  const total = a.padding.before + a.padding.after;
  return [
    step(`"same" padding, ${a.name}: target size`, eq(`${a.name}_out`, ceil(frac(a.size, a.stride)), out)),
    step(
      `"same" padding, ${a.name}: total padding`,
      eq('P', `max((${a.name}_out − 1)·s + d(k − 1) + 1 − ${a.name}_in, 0)`, `max(${need}, 0)`, total),
      eq('p_before', floor(frac('P', 2)), a.padding.before),
      eq('p_after', sub('P', 'p_before'), a.padding.after),
    ),
  ];
}

/** Rejects an axis whose dilated kernel does not fit the padded input. */
function checkFits(a: Axis, path: string): void {
  const padded = a.size + a.padding.before + a.padding.after;
  const extent = span(a.kernel, a.dilation);
  if (extent > padded) {
    const what = a.dilation > 1 ? `dilated kernel extent ${extent} (d(k−1)+1)` : `kernel ${a.kernel}`;
    throw new DnnInputError(path, `${what} is larger than the padded input ${padded} along ${a.name}`);
  }
}

/** The numbers of an {@link AxisResult}, without its steps. */
export type AxisSize = Omit<AxisResult, 'steps'>;

/**
 * out = ⌊(in + p_before + p_after − d(k−1) − 1)/s⌋ + 1, numbers only (for
 * callers that typeset the formula themselves). `ceilMode` rounds up instead
 * (PyTorch's rule: the last window must start inside the input or the left padding).
 */
export function slidingSize(a: Axis, path: string, ceilMode = false): AxisSize {
  checkFits(a, path);
  const { before, after } = a.padding;
  const numerator = a.size + before + after - a.dilation * (a.kernel - 1) - 1;
  const remainder = numerator % a.stride;
  let out = Math.floor(numerator / a.stride) + 1;
  if (ceilMode && remainder !== 0) {
    out += 1;
    if ((out - 1) * a.stride >= a.size + before) out -= 1;
  }
  return { out, numerator, remainder };
}

/** {@link slidingSize} with the substituted formula as a step. */
export function slidingOutput(a: Axis, path: string, ceilMode = false): AxisResult {
  const r = slidingSize(a, path, ceilMode);
  // Fields named rather than `...r`: V8's object spread costs ≈ 0.7 µs per object, and every window solver calls this.
  const steps = [step(`Output ${axisWord(a.name)}`, slidingFormula(a, r.numerator, r.out, ceilMode))];
  return { out: r.out, numerator: r.numerator, remainder: r.remainder, steps };
}

/**
 * The substituted size formula of one axis,
 * `H_out = ⌊(in + 2p − (k − 1) − 1)/s⌋ + 1 = ⌊numerator/s⌋ + 1 = out`.
 */
export function slidingFormula(a: Axis, numerator: number, out: number, ceilMode = false): Tex {
  const round = ceilMode ? ceil : floor;
  return eq(
    `${a.name}_out`,
    add(round(frac(sub(sub(paddedSize(a), dilatedKernel(a)), 1), a.stride)), 1),
    add(round(frac(numerator, a.stride)), 1),
    out,
  );
}

function axisWord(name: string): string {
  return name === 'H' ? 'height' : name === 'W' ? 'width' : 'length';
}

/** `in + 2·p` (or `in + p_before + p_after` when asymmetric). */
function paddedSize(a: Axis): Tex {
  const { before, after } = a.padding;
  return before === after ? add(a.size, mul(2, before)) : add(a.size, before, after);
}

/** `(k − 1)` or `d·(k − 1)`. */
function dilatedKernel(a: Axis): Tex {
  return a.dilation === 1 ? sub(a.kernel, 1) : mul(a.dilation, sub(a.kernel, 1));
}

/**
 * Transposed convolution: out = (in − 1)·s − p_before − p_after + d(k−1) + outputPadding + 1, numbers only.
 */
export function transposedSize(a: Axis, outputPadding: number, path: string): AxisSize {
  const { before, after } = a.padding;
  const out = (a.size - 1) * a.stride - before - after + a.dilation * (a.kernel - 1) + outputPadding + 1;
  if (out < 1) {
    throw new DnnInputError(
      path,
      `padding ${before + after} in total removes the whole output along ${a.name} (it would be ${out})`,
    );
  }
  return { out, numerator: out, remainder: 0 };
}

/** {@link transposedSize} with the substituted formula as a step. */
export function transposedOutput(a: Axis, outputPadding: number, path: string): AxisResult {
  const r = transposedSize(a, outputPadding, path);
  const steps = [step(`Output ${axisWord(a.name)}`, transposedFormula(a, outputPadding, r.out))];
  return { out: r.out, numerator: r.numerator, remainder: r.remainder, steps };
}

/** The substituted transposed-convolution size formula of one axis. */
export function transposedFormula(a: Axis, outputPadding: number, out: number): Tex {
  const { before, after } = a.padding;
  const pads = before === after ? mul(2, before) : add(before, after);
  return eq(`${a.name}_out`, add(sub(mul(sub(a.size, 1), a.stride), pads), dilatedKernel(a), outputPadding, 1), out);
}

/** Keras `Conv2DTranspose(padding="same")`: out = in·s, whatever the kernel. */
export function transposedSameFormula(a: Axis): { out: number; tex: Tex } {
  const out = a.size * a.stride;
  return { out, tex: eq(`${a.name}_out`, `${a.name}_in·s`, mul(a.size, a.stride), out) };
}

/** A `padding` field value: a number, a pair, `"valid"` or `"same"`. */
export type PaddingValue = number | readonly number[] | 'valid' | 'same';

/** Resolves one axis (0 = H, 1 = W) of a `padding` field; `same` uses TensorFlow's rule. */
export function axisPadding(
  padding: PaddingValue,
  axis: 0 | 1,
  size: number,
  kernel: number,
  stride: number,
  dilation: number,
): AxisPadding {
  if (padding === 'same') return samePadding(size, kernel, stride, dilation);
  const p = toPair(padding === 'valid' ? 0 : padding)[axis];
  return { before: p, after: p };
}
