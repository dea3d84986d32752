/** Parameter types of the kernels and their resolution into plain integers (shared by the TS and WASM backends). */

/** Numbers in: plain arrays, Float64Array, Float32Array… (read as f32 by the WASM backend). */
export type Floats = ArrayLike<number>;
/** One size for both axes, or [height, width]. */
export type Pair = number | readonly [number, number];
/** Padding: one for all sides, [vertical, horizontal], or [top, bottom, left, right]. */
export type Padding = number | readonly [number, number] | readonly [number, number, number, number];

/** A kernel's result: the numbers (row-major) and their shape. */
export interface Tensor {
  data: Float64Array;
  shape: number[];
}

/** conv2d, NCHW input and [Cout][Cin][kH][kW] weights (cross-correlation, groups 1). */
export interface Conv2dParams {
  /** N (default 1). */
  batch?: number;
  /** Cin. */
  channels: number;
  height: number;
  width: number;
  /** Cout. */
  outChannels: number;
  kernel: Pair;
  /** Default 1. */
  stride?: Pair;
  /** Zero padding; default 0. */
  padding?: Padding;
  /** Default 1. */
  dilation?: Pair;
  /** [Cout], optional. */
  bias?: Floats;
  /** Apply max(0, ·) after the bias. */
  relu?: boolean;
}

/** Depthwise conv2d (groups = channels, one filter per channel): weights [C][kH][kW], bias [C]. */
export type DepthwiseConv2dParams = Omit<Conv2dParams, 'outChannels' | 'relu'>;

/** Pooling over NCHW. */
export interface Pool2dParams {
  /** N (default 1). */
  batch?: number;
  channels: number;
  height: number;
  width: number;
  kernel: Pair;
  /** Default: the kernel. */
  stride?: Pair;
  /** Default 0. */
  padding?: Padding;
  /**
   * `zero` (default, the exam convention of `conv/pool`): padded cells take part as 0 — a max sees zeros, an average
   * divides by kH·kW. `ignore`: they never win a max and are not counted in an average (a window entirely in the
   * padding gives −∞ for max, 0 for average).
   */
  padValue?: 'zero' | 'ignore';
}

/** Batch norm over NCHW ([N][C] when `spatial` is 1). */
export interface BatchNormParams {
  batch: number;
  channels: number;
  /** H·W (default 1). */
  spatial?: number;
  /** [C], default all 1. */
  gamma?: Floats;
  /** [C], default all 0. */
  beta?: Floats;
  /** Default 0; std = √(var + eps). */
  eps?: number;
  /** `population` (default) or `sample`: batch statistics with that variance; `inference`: use `mean`, `variance`. */
  mode?: 'population' | 'sample' | 'inference';
  /** [C], required for `inference`. */
  mean?: Floats;
  /** [C], required for `inference`. */
  variance?: Floats;
}

/** Batch norm result: y (shape of x) and the per-channel statistics used. */
export interface BatchNormResult {
  y: Float64Array;
  mean: Float64Array;
  variance: Float64Array;
}

/** LSTM forward. Keras layout: `w` [inputSize][4H], `r` [H][4H], `b` [4H], gate blocks in the order i, f, g, o. */
export interface LstmParams {
  steps: number;
  /** Default 1. */
  batch?: number;
  inputSize: number;
  hiddenSize: number;
  w: Floats;
  r: Floats;
  b?: Floats;
  /** [batch][H], default zeros. */
  h0?: Floats;
  /** [batch][H], default zeros. */
  c0?: Floats;
  /** g's activation (default tanh). */
  candidateActivation?: 'tanh' | 'sigmoid';
  /** The activation of c in h = o∘act(c) (default tanh). */
  cellActivation?: 'tanh' | 'sigmoid' | 'linear';
}

/** LSTM result: h and c of every step [T][batch][H], gates after activation [T][batch][4H] (i, f, g, o). */
export interface LstmResult {
  h: Float64Array;
  c: Float64Array;
  gates: Float64Array;
}

/** Every kernel, on one backend. All inputs are row-major; all outputs are fresh Float64Arrays. */
export interface Kernels {
  /** `wasm` (SIMD128, f32 arithmetic) or `ts` (the reference, f64 arithmetic). */
  readonly backend: 'wasm' | 'ts';
  /** C[m×n] = A[m×k]·B[k×n]. */
  matmul(a: Floats, b: Floats, m: number, k: number, n: number): Float64Array;
  /** conv2d NCHW → [N][Cout][H′][W′]. */
  conv2d(x: Floats, weight: Floats, p: Conv2dParams): Tensor;
  /** Max pooling NCHW → [N][C][H′][W′]. */
  maxpool2d(x: Floats, p: Pool2dParams): Tensor;
  /** Average pooling NCHW → [N][C][H′][W′]. */
  avgpool2d(x: Floats, p: Pool2dParams): Tensor;
  /** Depthwise conv2d NCHW, weights [C][kH][kW] → [N][C][H′][W′]. */
  depthwiseConv2d(x: Floats, weight: Floats, p: DepthwiseConv2dParams): Tensor;
  /** ∂L/∂X of conv2d: `gradOutput` [N][Cout][H′][W′] → [N][Cin][H][W] (`bias` and `relu` are not used). */
  conv2dGradInput(gradOutput: Floats, weight: Floats, p: Conv2dParams): Tensor;
  /** ∂L/∂W of conv2d: x and `gradOutput` → [Cout][Cin][kH][kW], summed over the batch. */
  conv2dGradWeight(x: Floats, gradOutput: Floats, p: Conv2dParams): Tensor;
  /** ∂L/∂X of max pooling: each output gradient to its window's first maximum (row-major; padded winners lose it). */
  maxpool2dGrad(x: Floats, gradOutput: Floats, p: Pool2dParams): Tensor;
  /** ∂L/∂X of average pooling: each output gradient ÷ its window's count, to every cell inside the image. */
  avgpool2dGrad(gradOutput: Floats, p: Pool2dParams): Tensor;
  /** Batch normalisation. */
  batchnorm(x: Floats, p: BatchNormParams): BatchNormResult;
  /** LSTM over a sequence x [T][batch][inputSize]. */
  lstm(x: Floats, p: LstmParams): LstmResult;
  /** max(0, x). */
  relu(x: Floats): Float64Array;
  /** 1 / (1 + e^−x). */
  sigmoid(x: Floats): Float64Array;
  /** tanh x. */
  tanh(x: Floats): Float64Array;
  /** Softmax of each row of a rows × cols matrix. */
  softmax(x: Floats, rows: number, cols: number): Float64Array;
}

/** conv2d / pool geometry resolved to integers. */
export interface Geometry {
  n: number;
  c: number;
  h: number;
  w: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  pt: number;
  pb: number;
  pl: number;
  pr: number;
  dh: number;
  dw: number;
  oh: number;
  ow: number;
}

function size(v: number, what: string, min = 0): number {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${what} must be an integer ≥ ${min}, got ${v}`);
  return v;
}

function pair(v: Pair | undefined, fallback: readonly [number, number], what: string, min: number): [number, number] {
  const [a, b] = v === undefined ? fallback : typeof v === 'number' ? [v, v] : v;
  return [size(a, what, min), size(b, what, min)];
}

function padding(p: Padding | undefined): [number, number, number, number] {
  if (p === undefined) return [0, 0, 0, 0];
  const [t, b, l, r] = typeof p === 'number' ? [p, p, p, p] : p.length === 2 ? [p[0], p[0], p[1], p[1]] : p;
  return [size(t, 'padding', 0), size(b, 'padding', 0), size(l, 'padding', 0), size(r, 'padding', 0)];
}

/** Checks that an array has the expected length. */
export function expectLength(a: Floats, len: number, what: string): void {
  if (a.length !== len) throw new RangeError(`${what} has ${a.length} numbers, expected ${len}`);
}

/** Output size of one axis: ⌊(in + pads − dil·(k−1) − 1)/stride⌋ + 1, at least 0. */
export function outSize(input: number, k: number, stride: number, pads: number, dil: number): number {
  const span = input + pads - dil * (k - 1) - 1;
  return span < 0 ? 0 : Math.floor(span / stride) + 1;
}

/** Resolves conv2d parameters (and checks x, weight, bias lengths). */
export function convGeometry(x: Floats, weight: Floats, p: Conv2dParams): Geometry & { oc: number } {
  const g = geometry(x, p, p.kernel, p.stride ?? 1, p.dilation);
  const oc = size(p.outChannels, 'outChannels');
  expectLength(weight, oc * g.c * g.kh * g.kw, 'weight');
  if (p.bias) expectLength(p.bias, oc, 'bias');
  return { ...g, oc };
}

/** Resolves depthwise conv2d parameters (and checks x, weight [C][kH][kW] and bias [C] lengths). */
export function depthwiseGeometry(x: Floats, weight: Floats, p: DepthwiseConv2dParams): Geometry {
  const g = geometry(x, p, p.kernel, p.stride ?? 1, p.dilation);
  expectLength(weight, g.c * g.kh * g.kw, 'weight');
  if (p.bias) expectLength(p.bias, g.c, 'bias');
  return g;
}

/**
 * Resolves the geometry of a conv2d gradient and checks the arrays given: `gradOutput` [N][Cout][H′][W′] always,
 * the input x and the weights when the gradient reads them.
 */
export function convGradGeometry(
  p: Conv2dParams,
  gradOutput: Floats,
  arrays: { x?: Floats; weight?: Floats },
): Geometry & { oc: number } {
  const g = geometry(arrays.x ?? null, p, p.kernel, p.stride ?? 1, p.dilation);
  const oc = size(p.outChannels, 'outChannels');
  if (arrays.weight) expectLength(arrays.weight, oc * g.c * g.kh * g.kw, 'weight');
  expectLength(gradOutput, g.n * oc * g.oh * g.ow, 'gradOutput');
  return { ...g, oc };
}

/** Resolves the geometry of a pooling gradient; checks `gradOutput` [N][C][H′][W′] and x when given. */
export function poolGradGeometry(p: Pool2dParams, gradOutput: Floats, x?: Floats): Geometry {
  const g = geometry(x ?? null, p, p.kernel, p.stride ?? p.kernel, 1);
  expectLength(gradOutput, g.n * g.c * g.oh * g.ow, 'gradOutput');
  return g;
}

/** Resolves pooling parameters (and checks x's length). */
export function poolGeometry(x: Floats, p: Pool2dParams): Geometry {
  return geometry(x, p, p.kernel, p.stride ?? p.kernel, 1);
}

function geometry(
  x: Floats | null,
  p: { batch?: number; channels: number; height: number; width: number; padding?: Padding },
  kernel: Pair,
  stride: Pair,
  dilation: Pair | undefined,
): Geometry {
  const n = size(p.batch ?? 1, 'batch');
  const c = size(p.channels, 'channels');
  const h = size(p.height, 'height');
  const w = size(p.width, 'width');
  const [kh, kw] = pair(kernel, [1, 1], 'kernel', 1);
  const [sh, sw] = pair(stride, [1, 1], 'stride', 1);
  const [dh, dw] = pair(dilation, [1, 1], 'dilation', 1);
  const [pt, pb, pl, pr] = padding(p.padding);
  if (x) expectLength(x, n * c * h * w, 'x');
  const oh = outSize(h, kh, sh, pt + pb, dh);
  const ow = outSize(w, kw, sw, pl + pr, dw);
  return { n, c, h, w, kh, kw, sh, sw, pt, pb, pl, pr, dh, dw, oh, ow };
}

/** Resolved batch-norm parameters. */
export interface BatchNormGeometry {
  n: number;
  c: number;
  hw: number;
  eps: number;
  mode: 'population' | 'sample' | 'inference';
}

/** Resolves batch-norm parameters (and checks every length). */
export function batchNormGeometry(x: Floats, p: BatchNormParams): BatchNormGeometry {
  const n = size(p.batch, 'batch');
  const c = size(p.channels, 'channels');
  const hw = size(p.spatial ?? 1, 'spatial');
  const mode = p.mode ?? 'population';
  const eps = p.eps ?? 0;
  if (!(eps >= 0)) throw new RangeError(`eps must be ≥ 0, got ${eps}`);
  expectLength(x, n * c * hw, 'x');
  if (p.gamma) expectLength(p.gamma, c, 'gamma');
  if (p.beta) expectLength(p.beta, c, 'beta');
  if (mode === 'inference') {
    if (!p.mean || !p.variance) throw new RangeError('inference mode needs mean and variance');
    expectLength(p.mean, c, 'mean');
    expectLength(p.variance, c, 'variance');
  }
  return { n, c, hw, eps, mode };
}

/** Resolved LSTM sizes. */
export interface LstmGeometry {
  t: number;
  batch: number;
  ni: number;
  nh: number;
  cand: 'tanh' | 'sigmoid';
  cell: 'tanh' | 'sigmoid' | 'linear';
}

/** Resolves LSTM parameters (and checks every length). */
export function lstmGeometry(x: Floats, p: LstmParams): LstmGeometry {
  const t = size(p.steps, 'steps');
  const batch = size(p.batch ?? 1, 'batch');
  const ni = size(p.inputSize, 'inputSize');
  const nh = size(p.hiddenSize, 'hiddenSize');
  expectLength(x, t * batch * ni, 'x');
  expectLength(p.w, ni * 4 * nh, 'w');
  expectLength(p.r, nh * 4 * nh, 'r');
  if (p.b) expectLength(p.b, 4 * nh, 'b');
  if (p.h0) expectLength(p.h0, batch * nh, 'h0');
  if (p.c0) expectLength(p.c0, batch * nh, 'c0');
  return { t, batch, ni, nh, cand: p.candidateActivation ?? 'tanh', cell: p.cellActivation ?? 'tanh' };
}

/** Checks matmul sizes against the array lengths. */
export function checkMatmul(a: Floats, b: Floats, m: number, k: number, n: number): void {
  size(m, 'm');
  size(k, 'k');
  size(n, 'n');
  expectLength(a, m * k, 'a');
  expectLength(b, k * n, 'b');
}

/** Checks softmax sizes against the array length. */
export function checkRows(x: Floats, rows: number, cols: number): void {
  size(rows, 'rows');
  size(cols, 'cols');
  expectLength(x, rows * cols, 'x');
}
