/**
 * Feature maps and sliding windows: a tensor answer as channels of maps, and —
 * when the solver's input holds an input map and a sliding window (`kernel`
 * and/or `weight`/`weights`, `stride`, `padding`, `dilation`, as conv/forward
 * and conv/pool take them) — the input cells each output cell reads.
 *
 * Geometry (the convention of conv/forward and conv/pool, sliding-window.ts):
 * with padding p_top/p_left added before the map, tap (a, b) of the window of
 * output (oy, ox) reads input row oy·s_H − p_top + a·d_H and column
 * ox·s_W − p_left + b·d_W; rows or columns outside 0…H−1 / 0…W−1 are padding.
 */
import { isMatrix } from './format';

/** Channels of maps `[C][H][W]`. */
export type Maps = number[][][];

/** `[H][W]` → one channel; `[C][H][W]` as is; undefined for anything else (ragged, empty, non-numeric). */
export function toMaps(value: unknown): Maps | undefined {
  if (isMatrix(value)) return [value];
  if (!Array.isArray(value) || value.length === 0 || !value.every(isMatrix)) return undefined;
  const [h, w] = [value[0]!.length, value[0]![0]!.length];
  return value.every((m) => m.length === h && m[0]!.length === w) ? (value as Maps) : undefined;
}

/** `[rows, columns]` of the first map. */
export function mapSize(maps: Maps): [number, number] {
  return [maps[0]!.length, maps[0]![0]!.length];
}

/** A number-or-pair field (`3` or `[3, 2]`) as a pair of positive integers, or undefined. */
export function toPair(v: unknown): [number, number] | undefined {
  const ok = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (ok(v)) return [v, v];
  if (Array.isArray(v) && v.length === 2 && ok(v[0]) && ok(v[1])) return [v[0], v[1]];
  return undefined;
}

/** The resolved window of a sliding-window layer. */
export interface SlidingWindow {
  kernel: [number, number];
  stride: [number, number];
  dilation: [number, number];
  /** Padding before (top, left) and after (bottom, right). */
  pads: { top: number; bottom: number; left: number; right: number };
  /** Output channel c reads every input channel (a convolution) or only channel c (pooling). */
  allChannels: boolean;
}

/** TensorFlow's `same` padding on one axis: [before, after], the odd cell after. */
export function samePadding(size: number, k: number, s: number, d: number): [number, number] {
  const out = Math.ceil(size / s);
  const total = Math.max((out - 1) * s + d * (k - 1) + 1 - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** Output size of one axis: ⌊(in + before + after − d(k − 1) − 1) / s⌋ + 1. */
export function slidingSize(size: number, k: number, s: number, d: number, before: number, after: number): number {
  return Math.floor((size + before + after - d * (k - 1) - 1) / s) + 1;
}

/**
 * The window that produced `output` from `inputMaps`, read from the solver's
 * input: kernel size from `kernel`, else the last two axes of `weight` (or
 * `weights`); stride from `stride`, else the kernel for pooling (a `kernel`
 * field and no weight, PyTorch's default) and 1 for a convolution (a
 * `kernel` given as a matrix counts as a weight); `padding`
 * a number, a pair, "valid" or "same"; `dilation` (default 1). Undefined
 * unless the window reproduces the output's size exactly (so a highlight is
 * never drawn for a layer this does not understand).
 */
export function slidingWindowOf(
  input: Record<string, unknown>,
  inputMaps: Maps,
  output: Maps,
): SlidingWindow | undefined {
  const weight = input.weight ?? input.weights ?? (isMatrix(input.kernel) ? input.kernel : undefined);
  let kernel = toPair(input.kernel);
  if (!kernel && weight !== undefined) {
    let w: unknown = weight;
    while (Array.isArray(w) && Array.isArray(w[0]) && Array.isArray((w[0] as unknown[])[0])) w = w[0];
    if (isMatrix(w)) kernel = [w.length, w[0]!.length];
  }
  if (!kernel || kernel[0] < 1 || kernel[1] < 1) return undefined;
  const stride =
    input.stride === undefined ? (weight === undefined ? kernel : ([1, 1] as [number, number])) : toPair(input.stride);
  const dilation = input.dilation === undefined ? ([1, 1] as [number, number]) : toPair(input.dilation);
  if (!stride || !dilation || stride[0] < 1 || stride[1] < 1 || dilation[0] < 1 || dilation[1] < 1) return undefined;
  const [H, W] = mapSize(inputMaps);
  const padding = input.padding ?? 0;
  let rows: [number, number];
  let cols: [number, number];
  if (padding === 'same') {
    rows = samePadding(H, kernel[0], stride[0], dilation[0]);
    cols = samePadding(W, kernel[1], stride[1], dilation[1]);
  } else {
    const p = padding === 'valid' ? ([0, 0] as [number, number]) : toPair(padding);
    if (!p) return undefined;
    rows = [p[0], p[0]];
    cols = [p[1], p[1]];
  }
  const [Ho, Wo] = mapSize(output);
  if (slidingSize(H, kernel[0], stride[0], dilation[0], ...rows) !== Ho) return undefined;
  if (slidingSize(W, kernel[1], stride[1], dilation[1], ...cols) !== Wo) return undefined;
  const allChannels = weight !== undefined;
  if (!allChannels && output.length !== inputMaps.length) return undefined;
  return {
    kernel,
    stride,
    dilation,
    pads: { top: rows[0], bottom: rows[1], left: cols[0], right: cols[1] },
    allChannels,
  };
}

/** The input rows and columns read by output cell (oy, ox); values outside the map are padding. */
export function windowTaps(w: SlidingWindow, oy: number, ox: number): { rows: number[]; cols: number[] } {
  const rows = Array.from({ length: w.kernel[0] }, (_, a) => oy * w.stride[0] - w.pads.top + a * w.dilation[0]);
  const cols = Array.from({ length: w.kernel[1] }, (_, b) => ox * w.stride[1] - w.pads.left + b * w.dilation[1]);
  return { rows, cols };
}

/** The input maps of a solver input: `input` or `image`, [H][W] or [C][H][W]. */
export function inputMapsOf(input: Record<string, unknown>): Maps | undefined {
  for (const key of ['input', 'image']) {
    const maps = toMaps(input[key]);
    if (maps) return maps;
  }
  return undefined;
}
