/** Deterministic LSTM problems of a given size for the kernel switch-over tests, and an independent float64 oracle. */
import { lstmRef, packGateMatrices, packGateVectors, splitGates } from '@dnn/core-wasm';

/** Numbers k/8 with |k| ≤ 4 from a cheap hash of (seed, indices): varied, reproducible, no saturated gates. */
function eighths(seed: number, ...idx: number[]): number {
  let h = seed * 2654435761;
  for (const i of idx) h = Math.imul(h ^ (i + 0x9e3779b9), 0x85ebca6b) >>> 0;
  return ((h % 9) - 4) / 8;
}

const matrix = (rows: number, cols: number, seed: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, q) => eighths(seed, r, q)));
const vector = (n: number, seed: number) => Array.from({ length: n }, (_, j) => eighths(seed, j));
const gates = <T>(make: (seed: number) => T, seed: number) => ({
  i: make(seed),
  f: make(seed + 1),
  g: make(seed + 2),
  o: make(seed + 3),
});

/** An rnn/lstm-forward input with H hidden units, D features and T time steps (all fields given). */
export function lstmProblem(H: number, D: number, T: number, seed = 1) {
  return {
    Wx: gates((s) => matrix(H, D, s), seed),
    Wh: gates((s) => matrix(H, H, s), seed + 10),
    b: gates((s) => vector(H, s), seed + 20),
    h0: vector(H, seed + 30),
    c0: vector(H, seed + 31),
    xs: matrix(T, D, seed + 40),
  };
}

/** A problem from {@link lstmProblem}. */
export type LstmProblem = ReturnType<typeof lstmProblem>;

/** Its multiply-adds T·4H·(D+H), the work that decides the kernel switch-over. */
export function lstmWork(p: LstmProblem): number {
  const H = p.h0.length;
  return p.xs.length * 4 * H * ((p.xs[0]?.length ?? 0) + H);
}

/** The same LSTM on @dnn/core-wasm's float64 reference kernel (its own summation order): h, c, gates per step. */
export function f64Oracle(
  p: LstmProblem,
  candidateActivation: 'tanh' | 'sigmoid' = 'tanh',
  cellActivation: 'tanh' | 'sigmoid' | 'linear' = 'tanh',
) {
  const H = p.h0.length;
  const D = p.xs[0]?.length ?? 0;
  const T = p.xs.length;
  const run = lstmRef(p.xs.flat(), {
    steps: T,
    inputSize: D,
    hiddenSize: H,
    w: packGateMatrices(p.Wx, H, D),
    r: packGateMatrices(p.Wh, H, H),
    b: packGateVectors(p.b, H),
    h0: p.h0,
    c0: p.c0,
    candidateActivation,
    cellActivation,
  });
  const rows = (a: Float64Array) => Array.from({ length: T }, (_, t) => Array.from(a.subarray(t * H, (t + 1) * H)));
  return {
    h: rows(run.h),
    c: rows(run.c),
    gates: Array.from({ length: T }, (_, t) => splitGates(run.gates, H, t * 4 * H)),
  };
}
