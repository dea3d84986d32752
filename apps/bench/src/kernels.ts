/**
 * Kernel benchmarks: @dnn/core-wasm (WASM SIMD128 and the TS fallback) against @tensorflow/tfjs-backend-wasm
 * (XNNPACK, 1 thread), tfjs's cpu backend and onnxruntime-web (wasm, 1 thread), single-threaded in one process.
 * Like for like: our kernel on buffers already in WASM memory against a peer's op on tensors already created; our
 * full call with copies in and out is a second row (`dnn-wasm+copy`, table only). Median of ≥ 7 runs after warm-up,
 * measured round-robin across the implementations of a workload.
 * Prints a table (ms, GFLOP/s, speed relative to tfjs-wasm and to the target's peer) and writes bench/results.json.
 * Env: DNN_BENCH_KERNELS=matmul,conv2d… to run some kernels only; DNN_BENCH_QUICK=1 for small sizes and few runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { instantiateSync, referenceKernels, type WasmRuntime, wasmKernels } from '@dnn/core-wasm';
import { ortRunner, ortVersion, type Runner, tf, useTfjs } from './kernels-peers.js';

type KernelName = 'matmul' | 'conv2d' | 'maxpool2d' | 'avgpool2d' | 'batchnorm' | 'lstm';
type Impl = 'dnn-wasm' | 'dnn-ts' | 'tfjs-wasm' | 'tfjs-cpu' | 'onnxruntime-web';
/** One row of bench/results.json. */
export interface Result {
  kernel: KernelName;
  shape: string;
  impl: Impl;
  median_ms: number;
  gflops: number;
}

const quick = process.env.DNN_BENCH_QUICK === '1';
const only = process.env.DNN_BENCH_KERNELS?.split(',');

/** Deterministic values in [-1, 1). */
function rand(n: number, seed: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = s / 2 ** 31 - 1;
  }
  return a;
}

/** A runner plus an untimed step before each run (tfjs: switch to the runner's backend). */
interface Timed {
  prepare?: () => Promise<unknown>;
  run: Runner;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Median ms of each implementation after 2 warm-up runs, measured round-robin (one run of each per round, ≥ 7 rounds,
 * more for fast ops up to ~1.5 s) so that load from other processes falls on every implementation alike.
 */
async function measureAll(impls: [string, Timed][]): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(impls.map(([k]) => [k, []]));
  for (const [, t] of impls) {
    await t.prepare?.();
    for (let i = 0; i < 2; i++) await t.run();
  }
  const t0 = performance.now();
  const [minRounds, budget] = quick ? [3, 50] : [7, 1500];
  for (let round = 0; round < minRounds || (performance.now() - t0 < budget && round < 300); round++) {
    for (const [k, t] of impls) {
      await t.prepare?.();
      const start = performance.now();
      await t.run();
      times[k]!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

/** Our kernel on buffers already in WASM memory: copies `inputs` in once, returns a runner that only calls. */
function inMemory(rt: WasmRuntime, inputs: (Float32Array | number)[], call: (ptrs: number[]) => void): Runner {
  const ptrs = inputs.map((b) => rt.alloc(typeof b === 'number' ? b : b.length));
  const mem = rt.f32();
  inputs.forEach((b, i) => {
    if (typeof b !== 'number') mem.set(b, ptrs[i]! / 4);
  });
  return () => call(ptrs);
}

interface Workload {
  kernel: KernelName;
  shape: string;
  flops: number;
  /** Builders of each implementation's runner (each built right before it is measured). */
  impls: Partial<Record<Impl | 'dnn-wasm+copy', () => Promise<Timed | Runner> | Timed | Runner>>;
}

const rt = instantiateSync();
const wk = wasmKernels(rt);
const ex = rt.exports;

function matmul(m: number, k: number, n: number): Workload {
  const a = rand(m * k, 1);
  const b = rand(k * n, 2);
  const tfjs = (backend: 'wasm' | 'cpu') => async () => {
    await useTfjs(backend);
    const [ta, tb] = [tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])];
    return { prepare: () => useTfjs(backend), run: () => tf.matMul(ta, tb).dispose() };
  };
  return {
    kernel: 'matmul',
    shape: `${m}x${k} · ${k}x${n}`,
    flops: 2 * m * n * k,
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

function workloads(): Workload[] {
  if (quick) {
    return [
      matmul(128, 128, 128),
      conv2d({ c: 8, h: 16, oc: 8, k: 3, s: 1, p: 1 }),
      pool('max', 8, 16, 3, 2, 1),
      pool('avg', 8, 16, 3, 2, 1),
      batchnorm(8, 16),
      lstm(10, 16, 32),
    ];
  }
  return [
    matmul(1024, 1024, 1024),
    matmul(256, 256, 256),
    conv2d({ c: 64, h: 56, oc: 64, k: 3, s: 1, p: 1 }),
    conv2d({ c: 3, h: 224, oc: 64, k: 7, s: 2, p: 3 }),
    pool('max', 64, 112, 3, 2, 1),
    pool('avg', 64, 112, 3, 2, 1),
    batchnorm(64, 56),
    lstm(100, 128, 256),
  ];
}

/** Targets of issue 7: dnn-wasm ≥ 1.0× the peer, dnn-ts ≥ 2× tfjs-cpu, as speed ratios (peer ms / our ms). */
const TARGETS: { kernels: KernelName[]; ours: Impl; peer: Impl; min: number }[] = [
  { kernels: ['matmul', 'conv2d', 'maxpool2d'], ours: 'dnn-wasm', peer: 'tfjs-wasm', min: 1 },
  { kernels: ['lstm'], ours: 'dnn-wasm', peer: 'onnxruntime-web', min: 1 },
  { kernels: ['matmul', 'conv2d'], ours: 'dnn-ts', peer: 'tfjs-cpu', min: 2 },
];

const fmt = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '—');

/** Runs every kernel workload, prints the table and the targets, writes bench/results.json. */
export async function kernelBench(): Promise<void> {
  const load = os.loadavg().map((l) => l.toFixed(2));
  console.log(`${await useTfjs('wasm')}; ${ortVersion()}; @dnn/core-wasm (SIMD128); load average ${load.join(' ')}`);
  const results: Result[] = [];
  const widths = [10, 58, 16, 10, 8, 15];
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  '));
  line(['kernel', 'shape', 'impl', 'median ms', 'GFLOP/s', '× vs tfjs-wasm']);
  for (const wl of workloads()) {
    if (only && !only.includes(wl.kernel)) continue;
    const built: [string, Timed][] = [];
    for (const [impl, build] of Object.entries(wl.impls)) {
      try {
        const b = await build();
        built.push([impl, typeof b === 'function' ? { run: b } : b]);
      } catch (err) {
        console.log(`  ${wl.kernel} ${wl.shape} ${impl}: failed — ${(err as Error).message.split('\n')[0]}`);
      }
    }
    const ms = await measureAll(built);
    for (const [impl, m] of Object.entries(ms)) {
      const gflops = wl.flops / m / 1e6;
      if (impl !== 'dnn-wasm+copy') {
        results.push({ kernel: wl.kernel, shape: wl.shape, impl: impl as Impl, median_ms: m, gflops });
      }
      const vsTfjs = ms['tfjs-wasm'] !== undefined ? ms['tfjs-wasm'] / m : Number.NaN;
      line([wl.kernel, wl.shape, impl, fmt(m, 3), fmt(gflops, 1), `${fmt(vsTfjs)}×`]);
    }
  }

  console.log('\ntargets (speed ratio = peer ms / our ms, same run):');
  for (const t of TARGETS) {
    for (const r of results.filter((x) => t.kernels.includes(x.kernel) && x.impl === t.ours)) {
      const peer = results.find((x) => x.kernel === r.kernel && x.shape === r.shape && x.impl === t.peer);
      if (!peer) continue;
      const ratio = peer.median_ms / r.median_ms;
      const verdict = ratio >= t.min ? 'met' : 'MISSED';
      console.log(`  ${r.kernel} ${r.shape}: ${t.ours} ${fmt(ratio)}× ${t.peer} (target ≥ ${t.min}×) ${verdict}`);
    }
  }
  const out = fileURLToPath(new URL('../bench/results.json', import.meta.url));
  mkdirSync(fileURLToPath(new URL('../bench/', import.meta.url)), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}
