/**
 * The receptive-field recursion of Araujo, Norris & Sim ("Computing Receptive
 * Fields of Convolutional Neural Networks", Distill 2019), one axis at a time:
 * r_k = r_{k−1} + d_k(k_k − 1)·j_{k−1}, j_k = j_{k−1}·s_k,
 * start_k = start_{k−1} + (d_k(k_k − 1)/2 − p_k)·j_{k−1}.
 * Shared by conv/receptive-field and conv/summary.
 */
import { add, ceil, DnnInputError, eq, frac, mul, sub, type Tex } from '@dnn/core';

/** Receptive field of one axis, in input pixels (input pixel i is centred at i, 0-based). */
export interface Field {
  /** Size r of the field of one unit. */
  r: number;
  /** Jump j: distance between the fields of two adjacent units. */
  j: number;
  /** Centre of the field of the first unit. */
  start: number;
}

/** One sliding layer along one axis. */
export interface FieldLayer {
  kernel: number;
  stride: number;
  /** Padding before the first pixel (left/top). */
  padding: number;
  dilation: number;
}

/** The field of an input pixel: itself. */
export const INPUT_FIELD: Field = { r: 1, j: 1, start: 0 };

/** Applies one layer to a field (the Distill recursion). */
export function growField(f: Field, l: FieldLayer): Field {
  const reach = l.dilation * (l.kernel - 1);
  return { r: f.r + reach * f.j, j: f.j * l.stride, start: f.start + (reach / 2 - l.padding) * f.j };
}

/** `(k − 1)` or `d·(k − 1)` with numbers. */
function reachTex(l: FieldLayer): Tex {
  return l.dilation === 1 ? sub(l.kernel, 1) : mul(l.dilation, sub(l.kernel, 1));
}

/**
 * The substituted recursion for one layer: `r_k = r + d(k − 1)·j = …`, `j_k = j·s = …`
 * and, when `withStart`, `start_k = …`. `label` is the subscript (`2`, `H`, …).
 */
export function fieldMaths(prev: Field, l: FieldLayer, next: Field, label: string, withStart = false): Tex[] {
  const maths = [
    eq(`r_${label}`, add(prev.r, mul(reachTex(l), prev.j)), next.r),
    eq(`j_${label}`, mul(prev.j, l.stride), next.j),
  ];
  if (withStart) {
    const shift = sub(frac(reachTex(l), 2), l.padding);
    maths.push(eq(`start_${label}`, add(prev.start, mul(shift, prev.j)), next.start));
  }
  return maths;
}

/**
 * A transposed convolution seen as a sliding layer over its input: an output
 * unit receives at most ⌈k·g/s⌉ taps (g = gcd(d, s)), consecutive ones d/g
 * input units apart, so its field spans (⌈k·g/s⌉ − 1)·d/g + 1 input units,
 * and adjacent outputs are j/s input pixels apart. `start` is carried over
 * unchanged: conv/summary, the only user, does not report it.
 */
export function transposedField(f: Field, kernel: number, stride: number, dilation: number): Field {
  const g = gcd(dilation, stride);
  const taps = Math.ceil((kernel * g) / stride);
  const units = ((taps - 1) * dilation) / g + 1;
  return { r: f.r + (units - 1) * f.j, j: f.j / stride, start: f.start };
}

/** The substituted transposed-convolution field: `r = r + (⌈k·g/s⌉ − 1)·(d/g)·j`, `j = j/s`. */
export function transposedFieldMaths(
  prev: Field,
  kernel: number,
  stride: number,
  dilation: number,
  next: Field,
  label: string,
): Tex[] {
  const g = gcd(dilation, stride);
  const taps = sub(ceil(frac(g === 1 ? kernel : mul(kernel, g), stride)), 1);
  const spacing = dilation / g;
  return [
    eq(`r_${label}`, add(prev.r, spacing === 1 ? mul(taps, prev.j) : mul(taps, spacing, prev.j)), next.r),
    eq(`j_${label}`, frac(prev.j, stride), next.j),
  ];
}

function gcd(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Throws when a field has grown beyond exact integers (2^53): no answer would be exact. */
export function checkFieldExact(f: Field, path: string): void {
  if (![f.r, f.j, f.start].every((v) => Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER)) {
    throw new DnnInputError(
      path,
      'the receptive field grows beyond 2^53 input pixels here, too large to compute exactly; use smaller strides or fewer layers',
    );
  }
}
