/**
 * The plain-TypeScript reference of every kernel, in f64 arithmetic: the test oracle of the WASM kernels and the
 * fallback the loader picks when WebAssembly SIMD is missing. Loops are written for clarity first, with the loop
 * order chosen so the innermost loop runs over contiguous memory.
 */
import {
  type BatchNormParams,
  type BatchNormResult,
  batchNormGeometry,
  type Conv2dParams,
  checkMatmul,
  checkRows,
  convGeometry,
  type DepthwiseConv2dParams,
  depthwiseGeometry,
  type Floats,
  type Geometry,
  type Kernels,
  type LstmParams,
  type LstmResult,
  lstmGeometry,
  type Pool2dParams,
  poolGeometry,
  type Tensor,
} from './params.js';
import { avgpool2dGradRef, conv2dGradInputRef, conv2dGradWeightRef, maxpool2dGradRef } from './reference-grad.js';

const f64 = (a: Floats): Float64Array => (a instanceof Float64Array ? a : Float64Array.from(a));

/**
 * C[m×n] = A[m×k]·B[k×n]: each C[i][j] is Σ_p A[i][p]·B[p][j] summed in increasing p (the textbook order). For
 * speed, B is first copied into panels of 4 columns ([panel][p][4]) and a 4×4 tile of C is accumulated in local
 * variables; neither changes any sum's order.
 */
export function matmulRef(a: Floats, b: Floats, m: number, k: number, n: number): Float64Array {
  checkMatmul(a, b, m, k, n);
  const B = f64(b);
  const Bp = new Float64Array(Math.ceil(n / 4) * 4 * k);
  for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) Bp[((j >> 2) * k + p) * 4 + (j & 3)] = B[p * n + j]!;
  return gemmPanels(f64(a), m, k, Bp, n);
}

/** C[m×n] = A[m×k]·B with B given as panels of 4 columns ([⌈n/4⌉][k][4], zero-padded); sums in increasing p. */
function gemmPanels(A: Float64Array, m: number, k: number, Bp: Float64Array, n: number): Float64Array {
  const C = new Float64Array(m * n);
  const panels = Math.ceil(n / 4);
  const store4 = (i: number, j: number, v0: number, v1: number, v2: number, v3: number) => {
    if (i >= m) return;
    const o = i * n + j;
    C[o] = v0;
    if (j + 1 < n) C[o + 1] = v1;
    if (j + 2 < n) C[o + 2] = v2;
    if (j + 3 < n) C[o + 3] = v3;
  };
  for (let i = 0; i < m; i += 4) {
    // rows past m repeat the last row; their results are dropped by store4()
    const r0 = i * k;
    const r1 = Math.min(i + 1, m - 1) * k;
    const r2 = Math.min(i + 2, m - 1) * k;
    const r3 = Math.min(i + 3, m - 1) * k;
    for (let q = 0; q < panels; q++) {
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      for (let p = 0, bo = q * k * 4; p < k; p++, bo += 4) {
        const b0 = Bp[bo]!;
        const b1 = Bp[bo + 1]!;
        const b2 = Bp[bo + 2]!;
        const b3 = Bp[bo + 3]!;
        const a0 = A[r0 + p]!;
        const a1 = A[r1 + p]!;
        const a2 = A[r2 + p]!;
        const a3 = A[r3 + p]!;
        c00 += a0 * b0;
        c01 += a0 * b1;
        c02 += a0 * b2;
        c03 += a0 * b3;
        c10 += a1 * b0;
        c11 += a1 * b1;
        c12 += a1 * b2;
        c13 += a1 * b3;
        c20 += a2 * b0;
        c21 += a2 * b1;
        c22 += a2 * b2;
        c23 += a2 * b3;
        c30 += a3 * b0;
        c31 += a3 * b1;
        c32 += a3 * b2;
        c33 += a3 * b3;
      }
      const j = q * 4;
      store4(i, j, c00, c01, c02, c03);
      store4(i + 1, j, c10, c11, c12, c13);
      store4(i + 2, j, c20, c21, c22, c23);
      store4(i + 3, j, c30, c31, c32, c33);
    }
  }
  return C;
}

/**
 * conv2d NCHW: y[o][oy][ox] = Σ_{ci, ky, kx} w[o][ci][ky][kx]·x[ci][oy·sh − pt + ky·dh][ox·sw − pl + kx·dw] + b[o],
 * the sum taken in that (ci, ky, kx) order. Computed as weights [Cout][Cin·kH·kW] times the im2col matrix of each
 * image (built straight into the GEMM's 4-column panels; cells in the padding are 0).
 */
export function conv2dRef(x: Floats, weight: Floats, p: Conv2dParams): Tensor {
  const g = convGeometry(x, weight, p);
  const { n, c, h, w, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow, oc } = g;
  const X = f64(x);
  const W = f64(weight);
  const K = c * kh * kw;
  const N = oh * ow;
  const Y = new Float64Array(n * oc * N);
  const Bp = new Float64Array(Math.ceil(N / 4) * 4 * K);
  // per im2col row (ci, ky, kx): its plane and displacement; per column (oy, ox): the window's top-left corner
  const plane = new Int32Array(K);
  const dy = new Int32Array(K);
  const dx = new Int32Array(K);
  for (let ci = 0, row = 0; ci < c; ci++) {
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++, row++) [plane[row], dy[row], dx[row]] = [ci * h * w, ky * dh, kx * dw];
    }
  }
  const iy0 = Int32Array.from({ length: N }, (_, j) => Math.floor(j / ow) * sh - pt);
  const ix0 = Int32Array.from({ length: N }, (_, j) => (j % ow) * sw - pl);
  for (let img = 0; img < n; img++) {
    const xi = img * c * h * w;
    // written panel by panel, so Bp fills sequentially
    for (let j0 = 0, o = 0; j0 < N; j0 += 4) {
      for (let row = 0; row < K; row++) {
        for (let j = j0; j < j0 + 4; j++, o++) {
          const iy = iy0[j]! + dy[row]!;
          const ix = ix0[j]! + dx[row]!;
          Bp[o] = j < N && iy >= 0 && iy < h && ix >= 0 && ix < w ? X[xi + plane[row]! + iy * w + ix]! : 0;
        }
      }
    }
    const out = gemmPanels(W, oc, K, Bp, N);
    for (let o = 0; o < oc; o++) {
      const bias = p.bias ? p.bias[o]! : 0;
      const yo = (img * oc + o) * N;
      for (let j = 0; j < N; j++) {
        const v = out[o * N + j]! + bias;
        Y[yo + j] = p.relu && !(v > 0) ? 0 : v;
      }
    }
  }
  return { data: Y, shape: [n, oc, oh, ow] };
}

function poolRef(x: Floats, p: Pool2dParams, isMax: boolean): Tensor {
  const g: Geometry = poolGeometry(x, p);
  const { n, c, h, w, kh, kw, sh, sw, pt, pl, oh, ow } = g;
  const zero = (p.padValue ?? 'zero') === 'zero';
  const Y = new Float64Array(n * c * oh * ow);
  for (let plane = 0; plane < n * c; plane++) {
    const xp = plane * h * w;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        let acc = isMax ? Number.NEGATIVE_INFINITY : 0;
        let inside = 0;
        let padded = false;
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * sh - pt + ky;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox * sw - pl + kx;
            if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
              padded = true;
              continue;
            }
            const v = x[xp + iy * w + ix]!;
            acc = isMax ? Math.max(acc, v) : acc + v;
            inside++;
          }
        }
        if (isMax && zero && padded) acc = Math.max(acc, 0);
        if (!isMax) {
          const count = zero ? kh * kw : inside;
          acc = count > 0 ? acc / count : 0;
        }
        Y[(plane * oh + oy) * ow + ox] = acc;
      }
    }
  }
  return { data: Y, shape: [n, c, oh, ow] };
}

/** Max pooling NCHW with the `padValue` convention (see {@link Pool2dParams}). */
export function maxpool2dRef(x: Floats, p: Pool2dParams): Tensor {
  return poolRef(x, p, true);
}

/** Average pooling NCHW with the `padValue` convention (see {@link Pool2dParams}). */
export function avgpool2dRef(x: Floats, p: Pool2dParams): Tensor {
  return poolRef(x, p, false);
}

/**
 * Batch norm: per channel over N·H·W, y = γ·(x − μ)/√(σ² + ε) + β; y = β where √(σ² + ε) = 0. The sample variance
 * of fewer than 2 values is taken as 0.
 */
export function batchnormRef(x: Floats, p: BatchNormParams): BatchNormResult {
  const { n, c, hw, eps, mode } = batchNormGeometry(x, p);
  const y = new Float64Array(n * c * hw);
  const mean = new Float64Array(c);
  const variance = new Float64Array(c);
  const count = n * hw;
  for (let ch = 0; ch < c; ch++) {
    let mu: number;
    let v: number;
    if (mode === 'inference') {
      mu = p.mean![ch]!;
      v = p.variance![ch]!;
    } else {
      let s = 0;
      for (let b = 0; b < n; b++) for (let j = 0; j < hw; j++) s += x[(b * c + ch) * hw + j]!;
      mu = count > 0 ? s / count : 0;
      let ss = 0;
      for (let b = 0; b < n; b++) for (let j = 0; j < hw; j++) ss += (x[(b * c + ch) * hw + j]! - mu) ** 2;
      const div = mode === 'sample' ? count - 1 : count;
      v = div > 0 ? ss / div : 0;
    }
    mean[ch] = mu;
    variance[ch] = v;
    const sd = Math.sqrt(v + eps);
    const scale = sd > 0 ? (p.gamma ? p.gamma[ch]! : 1) / sd : 0;
    const beta = p.beta ? p.beta[ch]! : 0;
    for (let b = 0; b < n; b++) {
      for (let j = 0; j < hw; j++) {
        const idx = (b * c + ch) * hw + j;
        y[idx] = (x[idx]! - mu) * scale + beta;
      }
    }
  }
  return { y, mean, variance };
}

const sigmoid1 = (v: number): number => 1 / (1 + Math.exp(-v));
const ACT = { tanh: Math.tanh, sigmoid: sigmoid1, linear: (v: number) => v } as const;

/** LSTM forward (see {@link LstmParams}): gates = x_t·W + h_{t−1}·R + b, then i, f, o = σ, g = cand, c, h. */
export function lstmRef(x: Floats, p: LstmParams): LstmResult {
  const { t, batch, ni, nh, cand, cell } = lstmGeometry(x, p);
  const g4 = 4 * nh;
  const h = new Float64Array(t * batch * nh);
  const c = new Float64Array(t * batch * nh);
  const gates = new Float64Array(t * batch * g4);
  let hPrev: Floats = p.h0 ?? new Float64Array(batch * nh);
  let cPrev: Floats = p.c0 ?? new Float64Array(batch * nh);
  const candAct = ACT[cand];
  const cellAct = ACT[cell];
  for (let s = 0; s < t; s++) {
    for (let bi = 0; bi < batch; bi++) {
      const row = (s * batch + bi) * g4;
      const z = gates.subarray(row, row + g4);
      for (let j = 0; j < g4; j++) z[j] = p.b ? p.b[j]! : 0;
      const xo = (s * batch + bi) * ni;
      for (let q = 0; q < ni; q++) {
        const xv = x[xo + q]!;
        for (let j = 0; j < g4; j++) z[j]! += xv * p.w[q * g4 + j]!;
      }
      for (let q = 0; q < nh; q++) {
        const hv = hPrev[bi * nh + q]!;
        for (let j = 0; j < g4; j++) z[j]! += hv * p.r[q * g4 + j]!;
      }
      const out = (s * batch + bi) * nh;
      for (let j = 0; j < nh; j++) {
        const i = sigmoid1(z[j]!);
        const f = sigmoid1(z[nh + j]!);
        const gg = candAct(z[2 * nh + j]!);
        const o = sigmoid1(z[3 * nh + j]!);
        z[j] = i;
        z[nh + j] = f;
        z[2 * nh + j] = gg;
        z[3 * nh + j] = o;
        const cv = f * cPrev[bi * nh + j]! + i * gg;
        c[out + j] = cv;
        h[out + j] = o * cellAct(cv);
      }
    }
    hPrev = h.subarray(s * batch * nh, (s + 1) * batch * nh);
    cPrev = c.subarray(s * batch * nh, (s + 1) * batch * nh);
  }
  return { h, c, gates };
}

/** max(0, x). */
export function reluRef(x: Floats): Float64Array {
  return Float64Array.from(x, (v) => Math.max(0, v));
}

/** 1 / (1 + e^−x). */
export function sigmoidRef(x: Floats): Float64Array {
  return Float64Array.from(x, sigmoid1);
}

/** tanh x. */
export function tanhRef(x: Floats): Float64Array {
  return Float64Array.from(x, Math.tanh);
}

/** Row-wise softmax, the row's maximum subtracted first. */
export function softmaxRef(x: Floats, rows: number, cols: number): Float64Array {
  checkRows(x, rows, cols);
  const y = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) m = Math.max(m, x[r * cols + j]!);
    let s = 0;
    for (let j = 0; j < cols; j++) s += y[r * cols + j] = Math.exp(x[r * cols + j]! - m);
    for (let j = 0; j < cols; j++) y[r * cols + j]! /= s;
  }
  return y;
}

/** Depthwise conv2d: channel c of x convolved with filter c of `weight` [C][kH][kW] (plus bias[c]), each channel alone through {@link conv2dRef}. */
export function depthwiseConv2dRef(x: Floats, weight: Floats, p: DepthwiseConv2dParams): Tensor {
  const g = depthwiseGeometry(x, weight, p);
  const plane = g.h * g.w;
  const taps = g.kh * g.kw;
  const out = g.oh * g.ow;
  const y = new Float64Array(g.n * g.c * out);
  for (let img = 0; img < g.n; img++) {
    for (let c = 0; c < g.c; c++) {
      const at = img * g.c + c;
      const xc = Array.prototype.slice.call(x, at * plane, (at + 1) * plane) as number[];
      const wc = Array.prototype.slice.call(weight, c * taps, (c + 1) * taps) as number[];
      const { batch: _, ...one } = p;
      const yc = conv2dRef(xc, wc, {
        ...one,
        channels: 1,
        outChannels: 1,
        ...(p.bias ? { bias: [p.bias[c]!] } : {}),
      });
      y.set(yc.data, at * out);
    }
  }
  return { data: y, shape: [g.n, g.c, g.oh, g.ow] };
}

/** The reference kernels as a {@link Kernels} backend (`ts`). */
export const referenceKernels: Kernels = {
  backend: 'ts',
  matmul: matmulRef,
  conv2d: conv2dRef,
  maxpool2d: maxpool2dRef,
  avgpool2d: avgpool2dRef,
  depthwiseConv2d: depthwiseConv2dRef,
  conv2dGradInput: conv2dGradInputRef,
  conv2dGradWeight: conv2dGradWeightRef,
  maxpool2dGrad: maxpool2dGradRef,
  avgpool2dGrad: avgpool2dGradRef,
  batchnorm: batchnormRef,
  lstm: lstmRef,
  relu: reluRef,
  sigmoid: sigmoidRef,
  tanh: tanhRef,
  softmax: softmaxRef,
};
