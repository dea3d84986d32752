/**
 * Where each window of a 2-D sliding-window layer sits: the resolved padding,
 * the output size with its worked formula, and the input position of every
 * tap. Shared by conv/forward, conv/pool and conv/solve-kernel.
 */
import { add, DnnInputError, eq, floor, frac, type Step, step, sym, tex } from '@dnn/core';
import {
  type Axis,
  type AxisPadding,
  type Pair,
  samePadding,
  samePaddingSteps,
  slidingOutput,
  toPair,
} from './geometry.js';

/** A `padding` field value: number, pair, `"valid"` or `"same"`. */
export type PaddingValue = number | readonly number[] | 'valid' | 'same';

/** Padding on the four sides of a feature map. */
export interface Pads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The resolved geometry of a 2-D sliding window over an H×W map. */
export interface WindowGeometry {
  /** The H and W axes with their resolved padding. */
  axes: [Axis, Axis];
  kernel: Pair;
  stride: Pair;
  dilation: Pair;
  pads: Pads;
  /** Output [H_out, W_out]. */
  out: Pair;
  /** The size formula, "same" padding derivation and both axes substituted. */
  steps: Step[];
  /** Notes on inexact divisions and uneven "same" padding. */
  notes: string[];
}

/** What {@link windowGeometry} needs. */
export interface WindowSpec {
  /** Input [H, W]. */
  size: Pair;
  kernel: number | readonly number[];
  stride: number | readonly number[];
  dilation?: number | readonly number[];
  padding: PaddingValue;
  /** Field path blamed when the kernel does not fit (`weight`, `kernel`). */
  kernelPath: string;
  /** Heading of the formula step (`Convolution output size`). */
  title: string;
}

/** Resolves padding and the output size, with the steps a grader expects. */
export function windowGeometry(spec: WindowSpec): WindowGeometry {
  const kernel = toPair(spec.kernel);
  const stride = toPair(spec.stride);
  const dilation = toPair(spec.dilation ?? 1);
  const same = spec.padding === 'same';
  const fixed = toPair(spec.padding === 'same' || spec.padding === 'valid' ? 0 : spec.padding);
  const axes = [0, 1].map((i) => {
    const size = spec.size[i] as number;
    const k = kernel[i] as number;
    const s = stride[i] as number;
    const d = dilation[i] as number;
    const padding: AxisPadding = same
      ? samePadding(size, k, s, d)
      : { before: fixed[i] as number, after: fixed[i] as number };
    return { name: i === 0 ? 'H' : 'W', size, kernel: k, stride: s, dilation: d, padding };
  }) as [Axis, Axis];
  const dilated = dilation.some((d) => d > 1);
  const steps: Step[] = [
    step(
      spec.title,
      eq('out', add(floor(frac(sym(dilated ? 'in + 2p − d(k − 1) − 1' : 'in + 2p − (k − 1) − 1'), 's')), 1)),
    ),
  ];
  if (same) for (const a of axes) steps.push(...samePaddingSteps(a));
  const results = axes.map((a) => slidingOutput(a, spec.kernelPath));
  const notes: string[] = [];
  results.forEach((r, i) => {
    steps.push(...r.steps);
    if (r.remainder !== 0) {
      const a = axes[i] as Axis;
      notes.push(
        `${a.name}: ${r.numerator}/${a.stride} is not a whole number; the floor drops the last ${r.remainder} row(s)/column(s) of the padded input, which no window reaches.`,
      );
    }
  });
  if (same && axes.some((a) => a.padding.before !== a.padding.after)) {
    notes.push(
      '"same" padding is uneven here: as in TensorFlow, the extra row/column of padding is at the bottom/right.',
    );
  }
  const [h, w] = axes;
  return {
    axes,
    kernel,
    stride,
    dilation,
    pads: { top: h.padding.before, bottom: h.padding.after, left: w.padding.before, right: w.padding.after },
    out: [(results[0] as { out: number }).out, (results[1] as { out: number }).out],
    steps,
    notes,
  };
}

/*
 * Tap positions come as two numbers rather than a [row, col] pair: they are read once per tap of every worked
 * window, and a pair meant an allocation and a destructuring each time.
 */

/** Input row of tap row `a` of the window of output row `oy`; may lie in the padding (outside 0…H−1). */
export function tapRow(g: WindowGeometry, oy: number, a: number): number {
  return oy * g.stride[0] - g.pads.top + a * g.dilation[0];
}

/** Input column of tap column `b` of the window of output column `ox`; may lie in the padding (outside 0…W−1). */
export function tapCol(g: WindowGeometry, ox: number, b: number): number {
  return ox * g.stride[1] - g.pads.left + b * g.dilation[1];
}

/** True when (row, col) is inside an H×W map, false when it is padding. */
export function inside(H: number, W: number, row: number, col: number): boolean {
  return row >= 0 && row < H && col >= 0 && col < W;
}

/** A name with an index: `Y[0][1]` in text, `Y_{0,1}` in LaTeX. */
export function indexed(name: string, ...index: number[]) {
  // One native join rather than a string per index: names are written for every worked cell.
  return tex(`${name}${index.length ? `[${index.join('][')}]` : ''}`, `${name}_{${index.join(',')}}`);
}

/** Rejects a padding that is not smaller than the kernel when it would leave windows made of padding only. */
export function checkPaddingBelowKernel(g: WindowGeometry, path: string, why: string): void {
  g.axes.forEach((a, i) => {
    const lastStart = ((g.out[i] as number) - 1) * a.stride - a.padding.before;
    if (a.padding.before >= a.kernel || lastStart >= a.size) {
      throw new DnnInputError(
        path,
        `along ${a.name} a window lies entirely in the padding (padding ${a.padding.before}/${a.padding.after}, kernel ${a.kernel}); ${why}`,
      );
    }
  });
}
