/**
 * Strictly layered threshold networks: evaluation, verification on every row
 * of a boolean function, and the steps that show each unit.
 */
import { add, call, eq, mul, type Step, step, sym, vec } from '@dnn/core';
import { type BoolFunction, type Encoding, encodeBit, type FireWhen } from './boolean-function.js';
import { dot, fires, type Unit } from './threshold.js';

/** One layer of threshold units: `weights[out][in]`, `bias[out]`. */
export interface Layer {
  weights: number[][];
  bias: number[];
}

/** Output of a unit as a number of the encoding (1, and 0 or −1). */
export function unitOutput(z: number, rule: FireWhen, encoding: Encoding): number {
  return encodeBit(fires(z, rule) ? 1 : 0, encoding);
}

/** Runs the network on one encoded input; returns every layer's outputs. */
export function runNetwork(
  layers: readonly Layer[],
  x: readonly number[],
  rule: FireWhen,
  encoding: Encoding,
): number[][] {
  const outs: number[][] = [];
  let a = x;
  // An index loop, not for-of: no iterator and try/finally in TurboFan's graph.
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l] as Layer;
    a = layer.weights.map((w, k) => unitOutput(dot(w, a) + (layer.bias[k] as number), rule, encoding));
    outs.push(a as number[]);
  }
  return outs;
}

/**
 * The network as a function of one encoded input returning its first output unit,
 * with no allocation per call (buffers reused): the same sums in the same order
 * as {@link runNetwork}, so the same outputs, for checking many points.
 */
export function networkOutput(
  layers: readonly Layer[],
  rule: FireWhen,
  encoding: Encoding,
): (x: ArrayLike<number>) => number | undefined {
  const on = encodeBit(1, encoding);
  const off = encodeBit(0, encoding);
  const strict = rule === '>0';
  // Row-major weights of every layer in one array; a row shorter or longer than its input reads
  // past it, as runNetwork's dot product does (NaN from a missing input).
  // Built by push, not layers.map: a map inlined by an optimized caller makes a holey array, the
  // interpreter's a packed one, and the returned function, optimized for one, deoptimized on the other
  // ("wrong map"; logic/region-mlp's checkGrid was compiled twice for it).
  const compiled: {
    starts: Int32Array;
    lengths: Int32Array;
    w: Float64Array;
    bias: Float64Array;
    out: Float64Array;
  }[] = [];
  for (const { weights, bias } of layers) {
    compiled.push({
      starts: Int32Array.from(weights.map((_, k) => weights.slice(0, k).reduce((n, w) => n + w.length, 0))),
      lengths: Int32Array.from(weights.map((w) => w.length)),
      w: Float64Array.from(weights.flat()),
      bias: Float64Array.from(bias),
      out: new Float64Array(bias.length),
    });
  }
  return (x) => {
    let a: ArrayLike<number> = x;
    // An index loop, not for-of: this function is inlined into checkGrid, where an iterator's
    // try/finally made the optimized graph larger (TurboFan's compile is per worker thread).
    for (let l = 0; l < compiled.length; l++) {
      const { starts, lengths, w, bias, out } = compiled[l] as (typeof compiled)[number];
      for (let k = 0; k < out.length; k++) {
        const start = starts[k] as number;
        const n = lengths[k] as number;
        let s = 0;
        for (let i = 0; i < n; i++) s += (w[start + i] as number) * (a[i] as number);
        const z = s + (bias[k] as number);
        out[k] = (strict ? z > 0 : z >= 0) ? on : off;
      }
      a = out;
    }
    return a === x || a.length === 0 ? undefined : a[0];
  };
}

/** Rows (truth-table indices) where the network's single output differs from the function; [] when it reproduces it. */
export function failingRows(layers: readonly Layer[], f: BoolFunction, rule: FireWhen, encoding: Encoding): number[] {
  const bad: number[] = [];
  const network = networkOutput(layers, rule, encoding);
  const x = new Float64Array(f.n);
  f.values.forEach((v, r) => {
    if (v < 0) return;
    for (let i = 0; i < f.n; i++) x[i] = encodeBit((r >> (f.n - 1 - i)) & 1, encoding);
    if (network(x) !== encodeBit(v, encoding)) bad.push(r);
  });
  return bad;
}

/** Groups units into one layer. */
export function layerOf(units: readonly Unit[]): Layer {
  return { weights: units.map((u) => [...u.weights]), bias: units.map((u) => u.bias) };
}

/** `w·x + b` written out with the input names: `w₁·x + w₂·y + b` → `1·x − 1·y + 0`. */
export function weightedSum(unit: Unit, inputs: readonly string[]) {
  const terms = unit.weights.flatMap((w, i) => (w === 0 ? [] : [mul(w, sym(inputs[i] as string))]));
  return add(...terms, unit.bias);
}

/** A step per unit: its weighted sum and output (step(z) is 1 when z > 0, or z ≥ 0, by the rule in the notes). */
export function unitStep(title: string, name: string, unit: Unit, inputs: readonly string[]): Step {
  return step(
    title,
    eq(`z_${name}`, weightedSum(unit, inputs)),
    eq(name, call('step', [`z_${name}`])),
    eq('w', vec(unit.weights)),
    eq('b', unit.bias),
  );
}
