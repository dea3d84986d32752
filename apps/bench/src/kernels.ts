/**
 * Kernel benchmarks: @dnn/core-wasm (WASM SIMD128 and the TS fallback) against @tensorflow/tfjs-backend-wasm
 * (XNNPACK, 1 thread), tfjs's cpu backend and onnxruntime-web (wasm, 1 thread), single-threaded in one process.
 * Like for like: our kernel on buffers already in WASM memory against a peer's op on tensors already created; our
 * full call with copies in and out is a second row (`dnn-wasm+copy`, table only). What each side does per call is not
 * quite the same for matmul: tfjs-backend-wasm creates its XNNPACK fully-connected operator on the first call, which
 * packs B (the "weights"), and caches it by B's tensor (batch_mat_mul_impl.cc), so its timed calls skip the packing;
 * ours packs B's blocks on every call (m ≥ 4) or reads B in place (the GEMV, m < 4). The same holds for tfjs's conv
 * filters. The comparison thus leans to tfjs-wasm, never to us. Implementations run round-robin
 * (kernels-measure.ts); ratios are medians of per-round ratios with their spread (95 % confidence of the median).
 * The GEMM rows also run `simd-peak`, our wasm's register-only f32x4 multiply-add loop (mul + add: wasm SIMD in
 * Rust 1.63 has no FMA), and print GFLOP/s as a percentage of that same-run peak. The GEMV (a dense layer at batch 1)
 * reads each weight once, so its roof is memory, not arithmetic: it also runs `read-peak`, our wasm's fastest bare read
 * (v128 loads OR-ed together) of a copy of B, and prints GB/s of B and the percentage of that same-run read bandwidth
 * for ours and tfjs-wasm. Its rounds run ours, tfjs-wasm, read-peak: each call follows another implementation's
 * 4 MB stream (tfjs-wasm reads its packed copy, read-peak its own copy), so none finds its bytes left in L2 by itself.
 * Prints a table (ms, GFLOP/s, speed relative to tfjs-wasm ± spread, % of peak) and writes bench/results.json.
 * Env: DNN_BENCH_KERNELS=matmul,conv2d… to run some kernels only; DNN_BENCH_QUICK=1 for small sizes and few runs;
 * DNN_BENCH_RESULTS=file to write the rows there instead of bench/results.json (trial runs leave the committed one).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceKernels, wasmKernels } from '@dnn/core-wasm';
import { backwardWorkloads } from './kernels-backward.js';
import { type Impl, inMemory, type KernelName, rand, rt, type Workload } from './kernels-inputs.js';
import {
  measureRounds,
  median,
  perRound,
  type Spread,
  spreadOf,
  TARGET_SPREAD,
  type Timed,
} from './kernels-measure.js';
import { ortRunner, ortVersion, tf, useTfjs } from './kernels-peers.js';

/** One row of bench/results.json. */
export interface Result {
  kernel: KernelName;
  shape: string;
  impl: Impl;
  median_ms: number;
  /** The workload's flops ÷ this row's time (simd-peak: its own flops; read-peak: the GEMV's, at the speed of a read). */
  gflops: number;
  /** Speed relative to tfjs-wasm (tfjs-wasm ms ÷ this row's ms), median of the rounds, and its relative spread. */
  vs_tfjs_wasm?: number;
  vs_tfjs_wasm_spread?: number;
  /** GEMM rows: GFLOP/s as a fraction of the same rounds' simd-peak GFLOP/s, and its relative spread. */
  of_peak?: number;
  of_peak_spread?: number;
  /** GEMV rows: GB/s of the bytes read (B), and that as a fraction of the same rounds' read-peak, with its spread. */
  gb_per_s?: number;
  of_read_bandwidth?: number;
  of_read_bandwidth_spread?: number;
}

const quick = process.env.DNN_BENCH_QUICK === '1';
const only = process.env.DNN_BENCH_KERNELS?.split(',');

const wk = wasmKernels(rt);
const ex = rt.exports;

function matmul(m: number, k: number, n: number, minOfPeak?: number): Workload {
  const a = rand(m * k, 1);
  const b = rand(k * n, 2);
  const tfjs = (backend: 'wasm' | 'cpu') => async () => {
    await useTfjs(backend);
    const [ta, tb] = [tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])];
    return { prepare: () => useTfjs(backend), run: () => tf.matMul(ta, tb).dispose() };
  };
  return {
    kernel: 'matmul',
    shape:
      m === 1
        ? `1x${k} · ${k}x${n} (GEMV; tfjs-wasm: B packed once, cached; ours: B in place)`
        : `${m}x${k} · ${k}x${n}`,
    flops: 2 * m * n * k,
    ...(minOfPeak ? { minOfPeak } : {}),
    ...(m === 1 ? { readBytes: 4 * k * n } : {}),
    impls: {
      'dnn-wasm': () => inMemory(rt, [a, b, m * n], ([pa, pb, pc]) => ex.matmul(pa!, pb!, pc!, m, k, n)),
      'dnn-wasm+copy': () => () => wk.matmul(a, b, m, k, n),
      'dnn-ts': () => () => referenceKernels.matmul(a, b, m, k, n),
      'tfjs-wasm': tfjs('wasm'),
      'tfjs-cpu': tfjs('cpu'),
      'onnxruntime-web': () =>
        ortRunner(
          'MatMul',
          [
            ['A', [m, k], a],
            ['B', [k, n], b],
          ],
          [['C', [m, n]]],
        ),
      // the GEMV's roof: reading a same-size copy of B (not B itself, which would leave B in L2 for the next call)
      ...(m === 1 ? { 'read-peak': () => inMemory(rt, [b], ([pb]) => ex.read_peak(pb!, k * n)) } : {}),
    },
  };
}

interface ConvShape {
  c: number;
  h: number;
  oc: number;
  k: number;
  s: number;
  p: number;
}

function conv2d({ c, h, oc, k, s, p }: ConvShape): Workload {
  const x = rand(c * h * h, 3);
  const w = rand(oc * c * k * k, 4);
  const bias = rand(oc, 5);
  const o = Math.floor((h + 2 * p - k) / s) + 1;
  const params = { channels: c, height: h, width: h, outChannels: oc, kernel: k, stride: s, padding: p, bias };
  const tfjs = (backend: 'wasm' | 'cpu') => async () => {
    await useTfjs(backend);
    const tx = tf.tensor4d(x, [1, c, h, h]).transpose([0, 2, 3, 1]) as tf.Tensor4D;
    const tw = tf.tensor4d(w, [oc, c, k, k]).transpose([2, 3, 1, 0]) as tf.Tensor4D;
    const tb = tf.tensor1d(bias);
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [p, p],
      [p, p],
      [0, 0],
    ];
    return {
      prepare: () => useTfjs(backend),
      run: () => tf.fused.conv2d({ x: tx, filter: tw, bias: tb, strides: s, pad }).dispose(),
    };
  };
  return {
    kernel: 'conv2d',
    shape: `1x${c}x${h}x${h}, ${oc} filters ${k}x${k}, stride ${s}, pad ${p}`,
    flops: 2 * oc * o * o * c * k * k,
    impls: {
      'dnn-wasm': () =>
        inMemory(rt, [x, w, bias, oc * o * o], ([px, pw, pb, py]) =>
          ex.conv2d(px!, pw!, pb!, py!, 1, c, h, h, oc, k, k, s, s, p, p, 1, 1, o, o, 0),
        ),
      'dnn-wasm+copy': () => () => wk.conv2d(x, w, params),
      'dnn-ts': () => () => referenceKernels.conv2d(x, w, params),
      'tfjs-wasm': tfjs('wasm'),
      'tfjs-cpu': tfjs('cpu'),
      'onnxruntime-web': () =>
        ortRunner(
          'Conv',
          [
            ['X', [1, c, h, h], x],
            ['W', [oc, c, k, k], w],
            ['B', [oc], bias],
          ],
          [['Y', [1, oc, o, o]]],
          { kernel_shape: [k, k], strides: [s, s], pads: [p, p, p, p], dilations: [1, 1] },
        ),
    },
  };
}

function pool(kind: 'max' | 'avg', c: number, h: number, k: number, s: number, p: number): Workload {
  const x = rand(c * h * h, 6);
  const o = Math.floor((h + 2 * p - k) / s) + 1;
  const params = { channels: c, height: h, width: h, kernel: k, stride: s, padding: p, padValue: 'ignore' as const };
  const tfjs = (backend: 'wasm' | 'cpu') => async () => {
    await useTfjs(backend);
    const tx = tf.tensor4d(x, [1, c, h, h]).transpose([0, 2, 3, 1]) as tf.Tensor4D;
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [p, p],
      [p, p],
      [0, 0],
    ];
    const op = kind === 'max' ? tf.maxPool : tf.avgPool;
    return { prepare: () => useTfjs(backend), run: () => op(tx, k, s, pad as never).dispose() };
  };
  const fn = kind === 'max' ? ex.maxpool2d : ex.avgpool2d;
  return {
    kernel: kind === 'max' ? 'maxpool2d' : 'avgpool2d',
    shape: `1x${c}x${h}x${h}, ${k}x${k}, stride ${s}, pad ${p} (padding ignored)`,
    flops: c * o * o * k * k,
    impls: {
      'dnn-wasm': () => inMemory(rt, [x, c * o * o], ([px, py]) => fn(px!, py!, c, h, h, k, k, s, s, p, p, o, o, 0)),
      'dnn-wasm+copy': () => () => (kind === 'max' ? wk.maxpool2d(x, params) : wk.avgpool2d(x, params)),
      'dnn-ts': () => () =>
        kind === 'max' ? referenceKernels.maxpool2d(x, params) : referenceKernels.avgpool2d(x, params),
      'tfjs-wasm': tfjs('wasm'),
      'tfjs-cpu': tfjs('cpu'),
      'onnxruntime-web': () =>
        ortRunner(kind === 'max' ? 'MaxPool' : 'AveragePool', [['X', [1, c, h, h], x]], [['Y', [1, c, o, o]]], {
          kernel_shape: [k, k],
          strides: [s, s],
          pads: [p, p, p, p],
          ...(kind === 'avg' ? { count_include_pad: 0 } : {}),
        }),
    },
  };
}

function batchnorm(c: number, h: number): Workload {
  const x = rand(c * h * h, 7);
  const [gamma, beta, mean] = [rand(c, 8), rand(c, 9), rand(c, 10)];
  const variance = rand(c, 11).map((v) => v + 1.5);
  const eps = 1e-5;
  const params = {
    batch: 1,
    channels: c,
    spatial: h * h,
    gamma,
    beta,
    mean,
    variance,
    eps,
    mode: 'inference' as const,
  };
  const tfjs = (backend: 'wasm' | 'cpu') => async () => {
    await useTfjs(backend);
    const tx = tf.tensor4d(x, [1, c, h, h]).transpose([0, 2, 3, 1]) as tf.Tensor4D;
    const [tm, tv, tb, tg] = [mean, variance, beta, gamma].map((a) => tf.tensor1d(a));
    return { prepare: () => useTfjs(backend), run: () => tf.batchNorm(tx, tm!, tv!, tb, tg, eps).dispose() };
  };
  return {
    kernel: 'batchnorm',
    shape: `1x${c}x${h}x${h}, inference`,
    flops: 2 * c * h * h,
    impls: {
      'dnn-wasm': () =>
        inMemory(rt, [x, c * h * h, gamma, beta, mean, variance], ([px, py, pg, pb, pm, pv]) =>
          ex.batchnorm(px!, py!, 1, c, h * h, pg!, pb!, pm!, pv!, eps, 0),
        ),
      'dnn-wasm+copy': () => () => wk.batchnorm(x, params),
      'dnn-ts': () => () => referenceKernels.batchnorm(x, params),
      'tfjs-wasm': tfjs('wasm'),
      'tfjs-cpu': tfjs('cpu'),
      'onnxruntime-web': () =>
        ortRunner(
          'BatchNormalization',
          [
            ['X', [1, c, h, h], x],
            ['scale', [c], gamma],
            ['B', [c], beta],
            ['mean', [c], mean],
            ['var', [c], variance],
          ],
          [['Y', [1, c, h, h]]],
          { epsilon: { float: eps } },
        ),
    },
  };
}

function lstm(t: number, ni: number, nh: number): Workload {
  const x = rand(t * ni, 12);
  const w = rand(ni * 4 * nh, 13).map((v) => v * 0.1);
  const r = rand(nh * 4 * nh, 14).map((v) => v * 0.1);
  const b = rand(4 * nh, 15);
  const params = { steps: t, inputSize: ni, hiddenSize: nh, w, r, b };
  const tfjs = (backend: 'wasm' | 'cpu') => async () => {
    await useTfjs(backend);
    const kernel = tf.concat([tf.tensor2d(w, [ni, 4 * nh]), tf.tensor2d(r, [nh, 4 * nh])], 0) as tf.Tensor2D;
    const bias = tf.tensor1d(b);
    const forget = tf.scalar(0);
    const xs = Array.from({ length: t }, (_, i) => tf.tensor2d(x.subarray(i * ni, (i + 1) * ni), [1, ni]));
    const run = () =>
      tf
        .tidy(() => {
          let c = tf.zeros([1, nh]) as tf.Tensor2D;
          let h = tf.zeros([1, nh]) as tf.Tensor2D;
          for (const xt of xs) [c, h] = tf.basicLSTMCell(forget, kernel, bias, xt, c, h);
          return h;
        })
        .dispose();
    return { prepare: () => useTfjs(backend), run };
  };
  return {
    kernel: 'lstm',
    shape: `${ni}→${nh}, ${t} steps, batch 1`,
    peer: 'onnxruntime-web',
    flops: 2 * t * 4 * nh * (ni + nh),
    impls: {
      'dnn-wasm': () =>
        inMemory(rt, [x, w, r, b, t * nh, t * nh], ([px, pw, pr, pb, ph, pc]) =>
          ex.lstm(px!, pw!, pr!, pb!, 0, 0, ph!, pc!, 0, t, 1, ni, nh, 0, 0),
        ),
      'dnn-wasm+copy': () => () => wk.lstm(x, params),
      'dnn-ts': () => () => referenceKernels.lstm(x, params),
      'tfjs-wasm': tfjs('wasm'),
      'tfjs-cpu': tfjs('cpu'),
      'onnxruntime-web': () =>
        ortRunner(
          'LSTM',
          [
            ['X', [t, 1, ni], x],
            ['W', [1, 4 * nh, ni], w],
            ['R', [1, 4 * nh, nh], r],
            ['B', [1, 8 * nh], new Float32Array(8 * nh).fill(0.1)],
          ],
          [['Y', [t, 1, 1, nh]]],
          { hidden_size: nh },
        ),
    },
  };
}

/** conv1d over [C][L] (our conv2d with H = 1, a 1×k kernel) against tf.conv1d (NWC); no bias on either side. */
function conv1d(c: number, len: number, oc: number, k: number): Workload {
  const x = rand(c * len, 16);
  const w = rand(oc * c * k, 17);
  const p = (k - 1) >> 1;
  const params = {
    channels: c,
    height: 1,
    width: len,
    outChannels: oc,
    kernel: [1, k] as const,
    padding: [0, p] as const,
  };
  const tfjs = (backend: 'wasm' | 'cpu') => async () => {
    await useTfjs(backend);
    const tx = tf.tensor3d(x, [1, c, len]).transpose([0, 2, 1]) as tf.Tensor3D;
    const tw = tf.tensor3d(w, [oc, c, k]).transpose([2, 1, 0]) as tf.Tensor3D;
    return { prepare: () => useTfjs(backend), run: () => tf.conv1d(tx, tw, 1, 'same').dispose() };
  };
  return {
    kernel: 'conv1d',
    shape: `1x${c}x${len}, ${oc} filters of ${k}, stride 1, same padding`,
    flops: 2 * oc * len * c * k,
    impls: {
      'dnn-wasm': () =>
        inMemory(rt, [x, w, oc * len], ([px, pw, py]) =>
          ex.conv2d(px!, pw!, 0, py!, 1, c, 1, len, oc, 1, k, 1, 1, 0, p, 1, 1, 1, len, 0),
        ),
      'dnn-wasm+copy': () => () => wk.conv2d(x, w, params),
      'dnn-ts': () => () => referenceKernels.conv2d(x, w, params),
      'tfjs-wasm': tfjs('wasm'),
      'tfjs-cpu': tfjs('cpu'),
    },
  };
}

/** Depthwise 3×3 conv (MobileNet) against tf.depthwiseConv2d (NHWC, channel multiplier 1); bias on neither side. */
function depthwise(c: number, h: number, k: number, s: number, p: number): Workload {
  const x = rand(c * h * h, 18);
  const w = rand(c * k * k, 19);
  const o = Math.floor((h + 2 * p - k) / s) + 1;
  const params = { channels: c, height: h, width: h, kernel: k, stride: s, padding: p };
  const tfjs = (backend: 'wasm' | 'cpu') => async () => {
    await useTfjs(backend);
    const tx = tf.tensor4d(x, [1, c, h, h]).transpose([0, 2, 3, 1]) as tf.Tensor4D;
    const tw = tf.tensor4d(w, [c, 1, k, k]).transpose([2, 3, 0, 1]) as tf.Tensor4D;
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [p, p],
      [p, p],
      [0, 0],
    ];
    return { prepare: () => useTfjs(backend), run: () => tf.depthwiseConv2d(tx, tw, s, pad).dispose() };
  };
  return {
    kernel: 'depthwise',
    shape: `1x${c}x${h}x${h}, depthwise ${k}x${k}, stride ${s}, pad ${p}`,
    flops: 2 * c * o * o * k * k,
    impls: {
      'dnn-wasm': () =>
        inMemory(rt, [x, w, c * o * o], ([px, pw, py]) =>
          ex.dwconv2d(px!, pw!, 0, py!, 1, c, h, h, k, k, s, s, p, p, 1, 1, o, o),
        ),
      'dnn-wasm+copy': () => () => wk.depthwiseConv2d(x, w, params),
      'dnn-ts': () => () => referenceKernels.depthwiseConv2d(x, w, params),
      'tfjs-wasm': tfjs('wasm'),
      'tfjs-cpu': tfjs('cpu'),
    },
  };
}

function workloads(): Workload[] {
  if (quick) {
    return [
      { ...matmul(128, 128, 128, 1), tsTarget: true },
      matmul(1, 64, 64),
      conv2d({ c: 8, h: 16, oc: 8, k: 3, s: 1, p: 1 }),
      conv2d({ c: 16, h: 8, oc: 8, k: 1, s: 1, p: 0 }),
      conv1d(8, 64, 8, 3),
      depthwise(8, 16, 3, 1, 1),
      pool('max', 8, 16, 3, 2, 1),
      pool('avg', 8, 16, 3, 2, 1),
      batchnorm(8, 16),
      lstm(10, 16, 32),
      ...backwardWorkloads(true),
    ];
  }
  return [
    { ...matmul(1024, 1024, 1024, 80), tsTarget: true },
    { ...matmul(256, 256, 256), tsTarget: true },
    matmul(1, 1024, 1024),
    { ...conv2d({ c: 64, h: 56, oc: 64, k: 3, s: 1, p: 1 }), tsTarget: true },
    { ...conv2d({ c: 3, h: 224, oc: 64, k: 7, s: 2, p: 3 }), tsTarget: true },
    conv2d({ c: 256, h: 56, oc: 64, k: 1, s: 1, p: 0 }),
    conv1d(64, 1024, 64, 3),
    depthwise(128, 56, 3, 1, 1),
    depthwise(128, 112, 3, 2, 1),
    pool('max', 64, 112, 3, 2, 1),
    pool('avg', 64, 112, 3, 2, 1),
    batchnorm(64, 56),
    lstm(100, 128, 256),
    ...backwardWorkloads(false),
  ];
}

/** Targets: dnn-wasm ≥ 1.2× its peer on every workload (issue 17); dnn-ts ≥ 2× tfjs-cpu on issue 7's shapes. */
const TS_TARGET = 2;
const WASM_TARGET = 1.2;

const fmt = (v: number | undefined, d = 2) => (v !== undefined && Number.isFinite(v) ? v.toFixed(d) : '—');
const pm = (s: Spread | undefined, d = 2, scale = 1, unit = '×') =>
  s ? `${fmt(s.value * scale, d)}${unit} ±${fmt(s.spread * 100, 1)} %` : '—';

/** One workload measured: its rows and the verdicts of its targets. */
async function runWorkload(
  wl: Workload,
  line: (cells: string[]) => void,
): Promise<{ rows: Result[]; verdicts: string[] }> {
  const built: [string, Timed][] = [];
  for (const [impl, build] of Object.entries(wl.impls)) {
    try {
      const b = await build();
      built.push([impl, typeof b === 'function' ? { run: b } : b]);
    } catch (err) {
      console.log(`  ${wl.kernel} ${wl.shape} ${impl}: failed — ${(err as Error).message.split('\n')[0]}`);
    }
  }
  // the peak probe runs about a quarter of the GEMM's flops per round, so both see the same stretch of load
  const peakIters = Math.max(1 << 16, Math.round(wl.flops / 4 / 96));
  const peakFlops = 96 * peakIters;
  if (wl.minOfPeak) built.push(['simd-peak', { run: () => ex.simd_peak(peakIters, 0.999, 0.001) }]);
  const peer = wl.peer ?? 'tfjs-wasm';
  const ratios: [string, string][] = [[peer, 'dnn-wasm']];
  if (wl.minOfPeak) ratios.push(['simd-peak', 'dnn-wasm']);
  if (wl.readBytes) ratios.push(['read-peak', 'dnn-wasm']);
  const focus = ['dnn-wasm', peer, 'tfjs-wasm', 'simd-peak', 'read-peak'];
  const { focus: ft, all } = await measureRounds(built, {
    focus,
    ratios,
    minRounds: quick ? 3 : 9,
    capMs: quick ? 300 : 6000,
    allRounds: quick ? 2 : 4,
  });
  const ofPeak = (impl: string) => spreadOf(perRound(ft, 'simd-peak', impl, (p, t) => wl.flops / t / (peakFlops / p)));
  // the same bytes on both sides, so the fraction of read bandwidth is read-peak's time over the kernel's
  const ofRead = (impl: string) => spreadOf(perRound(ft, 'read-peak', impl, (r, t) => r / t));
  const rows: Result[] = [];
  for (const [impl, allTimes] of Object.entries(all)) {
    const times = focus.includes(impl) ? ft : all;
    const ms = median(focus.includes(impl) ? ft[impl]! : allTimes);
    const flops = impl === 'simd-peak' ? peakFlops : wl.flops;
    const vs =
      impl === 'tfjs-wasm' || impl === 'simd-peak' || !times['tfjs-wasm']
        ? undefined
        : spreadOf(perRound(times, 'tfjs-wasm', impl, (a, b) => a / b));
    const peak = wl.minOfPeak && focus.includes(impl) && impl !== 'simd-peak' ? ofPeak(impl) : undefined;
    const read = wl.readBytes && focus.includes(impl) && impl !== 'read-peak' ? ofRead(impl) : undefined;
    const row: Result = {
      kernel: wl.kernel,
      shape: wl.shape,
      impl: impl as Impl,
      median_ms: ms,
      gflops: flops / ms / 1e6,
    };
    if (vs) Object.assign(row, { vs_tfjs_wasm: vs.value, vs_tfjs_wasm_spread: vs.spread });
    if (peak) Object.assign(row, { of_peak: peak.value, of_peak_spread: peak.spread });
    if (wl.readBytes) row.gb_per_s = wl.readBytes / ms / 1e6;
    if (read) Object.assign(row, { of_read_bandwidth: read.value, of_read_bandwidth_spread: read.spread });
    if (impl !== 'dnn-wasm+copy') rows.push(row);
    const ofRoof = read ? `${pm(read, 1, 100, ' %')} of read` : pm(peak, 1, 100, ' %');
    line([wl.kernel, wl.shape, impl, fmt(ms, 3), fmt(row.gflops, 1), pm(vs), ofRoof]);
  }
  const verdicts: string[] = [];
  const ratio = spreadOf(perRound(ft, peer, 'dnn-wasm', (a, b) => a / b));
  const verdict = (ok: boolean, s: Spread) =>
    `${ok ? 'met' : 'MISSED'}${s.spread < TARGET_SPREAD ? '' : ` (spread ≥ ${TARGET_SPREAD * 100} % after ${s.rounds} rounds)`}`;
  if (ratio.rounds > 0) {
    verdicts.push(
      `${wl.kernel} ${wl.shape}: dnn-wasm ${pm(ratio)} ${peer} (target ≥ ${WASM_TARGET}×) ${verdict(ratio.value >= WASM_TARGET, ratio)}`,
    );
  }
  if (wl.minOfPeak) {
    const p = ofPeak('dnn-wasm');
    const gf = rows.find((r) => r.impl === 'dnn-wasm')?.gflops;
    const pg = rows.find((r) => r.impl === 'simd-peak')?.gflops;
    verdicts.push(
      `${wl.kernel} ${wl.shape}: dnn-wasm ${fmt(gf, 1)} GFLOP/s = ${pm(p, 1, 100, ' %')} of peak (simd-peak ${fmt(pg, 1)} GFLOP/s; target ≥ ${wl.minOfPeak} %) ${verdict(p.value * 100 >= wl.minOfPeak, p)}`,
    );
  }
  if (wl.readBytes) {
    const at = (impl: string) => {
      const r = rows.find((row) => row.impl === impl);
      return r ? `${fmt(r.gb_per_s, 1)} GB/s` : '—';
    };
    const gf = rows.find((r) => r.impl === 'dnn-wasm')?.gflops;
    const ceiling = spreadOf(perRound(ft, 'tfjs-wasm', 'read-peak', (a, b) => a / b));
    verdicts.push(
      `${wl.kernel} ${wl.shape}: roofline — dnn-wasm ${at('dnn-wasm')} of B (${fmt(gf, 1)} GFLOP/s) = ${pm(ofRead('dnn-wasm'), 1, 100, ' %')} of read bandwidth; tfjs-wasm ${at('tfjs-wasm')} = ${pm(ofRead('tfjs-wasm'), 1, 100, ' %')}; read-peak ${at('read-peak')} (a bare v128 read of as many bytes, same rounds) = ${pm(ceiling)} tfjs-wasm, the most a kernel reading B once could reach`,
    );
  }
  if (wl.tsTarget && all['dnn-ts'] && all['tfjs-cpu']) {
    const ts = spreadOf(perRound(all, 'tfjs-cpu', 'dnn-ts', (a, b) => a / b));
    verdicts.push(
      `${wl.kernel} ${wl.shape}: dnn-ts ${pm(ts)} tfjs-cpu (target ≥ ${TS_TARGET}×) ${ts.value >= TS_TARGET ? 'met' : 'MISSED'}`,
    );
  }
  return { rows, verdicts };
}

/** Runs every kernel workload, prints the table and the targets, writes bench/results.json. */
export async function kernelBench(): Promise<void> {
  const load = os.loadavg().map((l) => l.toFixed(2));
  console.log(`${await useTfjs('wasm')}; ${ortVersion()}; @dnn/core-wasm (SIMD128); load average ${load.join(' ')}`);
  console.log(
    `ratios: median over rounds of (peer ms ÷ ours) ± the 95 % confidence half-width of that median; rounds repeat until it is < ${TARGET_SPREAD * 100} % or the cap`,
  );
  const results: Result[] = [];
  const verdicts: string[] = [];
  const widths = [18, 78, 16, 10, 8, 18, 24];
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  '));
  line(['kernel', 'shape', 'impl', 'median ms', 'GFLOP/s', '× tfjs-wasm', '% of peak (or read)']);
  for (const wl of workloads()) {
    if (only && !only.includes(wl.kernel)) continue;
    const r = await runWorkload(wl, line);
    results.push(...r.rows);
    verdicts.push(...r.verdicts);
  }
  console.log(
    `\ntargets (speed ratio = peer ms / our ms, same rounds; load average now ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}):`,
  );
  for (const v of verdicts) console.log(`  ${v}`);
  const out = process.env.DNN_BENCH_RESULTS ?? fileURLToPath(new URL('../bench/results.json', import.meta.url));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}
