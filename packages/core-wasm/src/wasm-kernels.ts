/** The {@link Kernels} over a WASM instance: allocate, copy in (as f32), run, copy out (as f64), free. */
import type { WasmRuntime } from './loader.js';
import {
  type BatchNormParams,
  type BatchNormResult,
  batchNormGeometry,
  type Conv2dParams,
  checkMatmul,
  checkRows,
  convGeometry,
  convGradGeometry,
  depthwiseGeometry,
  type Floats,
  type Kernels,
  type LstmParams,
  type LstmResult,
  lstmGeometry,
  type Pool2dParams,
  poolGeometry,
  poolGradGeometry,
  type Tensor,
} from './params.js';

/** One buffer of a call: its input numbers, or just a size for an output. */
type Buf = Floats | number | undefined;

/**
 * Allocates every buffer, copies the inputs in, calls `run` with the pointers (0 for `undefined`), copies the
 * buffers named in `outs` back as Float64Arrays, and frees everything (also when `run` throws).
 */
function call(rt: WasmRuntime, bufs: Buf[], outs: number[], run: (ptrs: number[]) => void): Float64Array[] {
  const sizes = bufs.map((b) => (b === undefined ? 0 : typeof b === 'number' ? b : b.length));
  const ptrs: number[] = [];
  try {
    for (const s of sizes) ptrs.push(s > 0 ? rt.alloc(s) : 0);
    // views only after every alloc: an alloc may grow memory and detach the old buffer
    const mem = rt.f32();
    bufs.forEach((b, i) => {
      if (b !== undefined && typeof b !== 'number' && ptrs[i]) mem.set(b, ptrs[i]! / 4);
    });
    run(ptrs);
    const after = rt.f32();
    return outs.map((i) => Float64Array.from(after.subarray(ptrs[i]! / 4, ptrs[i]! / 4 + sizes[i]!)));
  } finally {
    ptrs.forEach((p, i) => {
      if (p) rt.free(p, sizes[i]!);
    });
  }
}

const CAND = { tanh: 0, sigmoid: 1 } as const;
const CELL = { tanh: 0, sigmoid: 1, linear: 2 } as const;

/** Builds the WASM backend over a runtime. */
export function wasmKernels(rt: WasmRuntime): Kernels {
  const e = rt.exports;
  const pool = (x: Floats, p: Pool2dParams, isMax: boolean): Tensor => {
    const g = poolGeometry(x, p);
    const { n, c, h, w, kh, kw, sh, sw, pt, pl, oh, ow } = g;
    const flag = (p.padValue ?? 'zero') === 'zero' ? 1 : 0;
    const fn = isMax ? e.maxpool2d : e.avgpool2d;
    const [y] = call(rt, [x, n * c * oh * ow], [1], ([px, py]) =>
      fn(px!, py!, n * c, h, w, kh, kw, sh, sw, pt, pl, oh, ow, flag),
    );
    return { data: y!, shape: [n, c, oh, ow] };
  };
  const unary = (x: Floats, fn: (x: number, y: number, len: number) => void): Float64Array =>
    call(rt, [x, x.length], [1], ([px, py]) => fn(px!, py!, x.length))[0]!;
  return {
    backend: 'wasm',
    matmul(a, b, m, k, n) {
      checkMatmul(a, b, m, k, n);
      return call(rt, [a, b, m * n], [2], ([pa, pb, pc]) => e.matmul(pa!, pb!, pc!, m, k, n))[0]!;
    },
    conv2d(x: Floats, weight: Floats, p: Conv2dParams): Tensor {
      const { n, c, h, w, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow, oc } = convGeometry(x, weight, p);
      const [y] = call(rt, [x, weight, p.bias, n * oc * oh * ow], [3], ([px, pw, pb, py]) =>
        e.conv2d(px!, pw!, pb!, py!, n, c, h, w, oc, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow, p.relu ? 1 : 0),
      );
      return { data: y!, shape: [n, oc, oh, ow] };
    },
    maxpool2d: (x, p) => pool(x, p, true),
    avgpool2d: (x, p) => pool(x, p, false),
    depthwiseConv2d(x, weight, p) {
      const { n, c, h, w, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow } = depthwiseGeometry(x, weight, p);
      const [y] = call(rt, [x, weight, p.bias, n * c * oh * ow], [3], ([px, pw, pb, py]) =>
        e.dwconv2d(px!, pw!, pb!, py!, n, c, h, w, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow),
      );
      return { data: y!, shape: [n, c, oh, ow] };
    },
    conv2dGradInput(gradOutput, weight, p) {
      const { n, c, h, w, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow, oc } = convGradGeometry(p, gradOutput, { weight });
      const [gx] = call(rt, [gradOutput, weight, n * c * h * w], [2], ([pg, pw, px]) =>
        e.conv2d_grad_input(pg!, pw!, px!, n, c, h, w, oc, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow),
      );
      return { data: gx!, shape: [n, c, h, w] };
    },
    conv2dGradWeight(x, gradOutput, p) {
      const { n, c, h, w, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow, oc } = convGradGeometry(p, gradOutput, { x });
      const [gw] = call(rt, [x, gradOutput, oc * c * kh * kw], [2], ([px, pg, pw]) =>
        e.conv2d_grad_weight(px!, pg!, pw!, n, c, h, w, oc, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow),
      );
      return { data: gw!, shape: [oc, c, kh, kw] };
    },
    maxpool2dGrad(x, gradOutput, p) {
      const { n, c, h, w, kh, kw, sh, sw, pt, pl, oh, ow } = poolGradGeometry(p, gradOutput, x);
      const flag = (p.padValue ?? 'zero') === 'zero' ? 1 : 0;
      const [gx] = call(rt, [x, gradOutput, n * c * h * w], [2], ([px, pg, pd]) =>
        e.maxpool2d_grad(px!, pg!, pd!, n * c, h, w, kh, kw, sh, sw, pt, pl, oh, ow, flag),
      );
      return { data: gx!, shape: [n, c, h, w] };
    },
    avgpool2dGrad(gradOutput, p) {
      const { n, c, h, w, kh, kw, sh, sw, pt, pl, oh, ow } = poolGradGeometry(p, gradOutput);
      const flag = (p.padValue ?? 'zero') === 'zero' ? 1 : 0;
      const [gx] = call(rt, [gradOutput, n * c * h * w], [1], ([pg, pd]) =>
        e.avgpool2d_grad(pg!, pd!, n * c, h, w, kh, kw, sh, sw, pt, pl, oh, ow, flag),
      );
      return { data: gx!, shape: [n, c, h, w] };
    },
    batchnorm(x: Floats, p: BatchNormParams): BatchNormResult {
      const { n, c, hw, eps, mode } = batchNormGeometry(x, p);
      const inference = mode === 'inference';
      const [y, mean, variance] = call(
        rt,
        [x, x.length, p.gamma, p.beta, inference ? p.mean : c, inference ? p.variance : c],
        [1, 4, 5],
        ([px, py, pg, pb, pm, pv]) =>
          e.batchnorm(px!, py!, n, c, hw, pg!, pb!, pm!, pv!, eps, inference ? 0 : mode === 'sample' ? 2 : 1),
      );
      return {
        y: y!,
        mean: inference ? Float64Array.from(p.mean!) : mean!,
        variance: inference ? Float64Array.from(p.variance!) : variance!,
      };
    },
    lstm(x: Floats, p: LstmParams): LstmResult {
      const { t, batch, ni, nh, cand, cell } = lstmGeometry(x, p);
      const hs = t * batch * nh;
      const [h, c, gates] = call(
        rt,
        [x, p.w, p.r, p.b, p.h0, p.c0, hs, hs, hs * 4],
        [6, 7, 8],
        ([px, pw, pr, pb, ph0, pc0, ph, pc, pg]) =>
          e.lstm(px!, pw!, pr!, pb!, ph0!, pc0!, ph!, pc!, pg!, t, batch, ni, nh, CAND[cand], CELL[cell]),
      );
      return { h: h!, c: c!, gates: gates! };
    },
    relu: (x) => unary(x, e.act_relu),
    sigmoid: (x) => unary(x, e.act_sigmoid),
    tanh: (x) => unary(x, e.act_tanh),
    softmax(x, rows, cols) {
      checkRows(x, rows, cols);
      return call(rt, [x, x.length], [1], ([px, py]) => e.softmax(px!, py!, rows, cols))[0]!;
    },
  };
}
