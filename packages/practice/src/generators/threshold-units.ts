/**
 * Threshold units for grading logic answers: a student's perceptron or network
 * is right when it computes the same outputs as the solver's, whatever its weights.
 */

import { readNumber } from '../compare.js';

/** How a unit fires and what it outputs (the logic solvers' `fireWhen` and `encoding`). */
export interface UnitConvention {
  fireWhen: '>0' | '>=0';
  encoding: 'binary' | 'bipolar';
}

/** A layer of threshold units: weights [out][in] and one bias per unit. */
export interface ThresholdLayer {
  weights: number[][];
  bias: number[];
}

/** Reads `fireWhen` and `encoding` from a logic solver's input (the catalog's defaults when absent). */
export function conventionOf(input: unknown): UnitConvention {
  const i = (input ?? {}) as { fireWhen?: unknown; encoding?: unknown };
  return { fireWhen: i.fireWhen === '>=0' ? '>=0' : '>0', encoding: i.encoding === 'bipolar' ? 'bipolar' : 'binary' };
}

/** The output of one unit with weights `w` and bias `b` on `x`. */
export function fire(w: readonly number[], b: number, x: readonly number[], c: UnitConvention): number {
  if (w.length !== x.length || !w.every(Number.isFinite) || !Number.isFinite(b)) return Number.NaN;
  const z = w.reduce((sum, wi, i) => sum + wi * (x[i] as number), b);
  const on = c.fireWhen === '>=0' ? z >= 0 : z > 0;
  return on ? 1 : c.encoding === 'bipolar' ? -1 : 0;
}

/** The outputs of a layered threshold network on `x` (NaN entries when the layers do not fit together). */
export function runNetwork(layers: readonly ThresholdLayer[], x: readonly number[], c: UnitConvention): number[] {
  return layers.reduce<number[]>(
    (a, layer) => layer.weights.map((w, i) => fire(w, layer.bias[i] ?? Number.NaN, a, c)),
    [...x],
  );
}

/** Every input row of n variables (0/1, or ±1 when bipolar). */
export function allRows(n: number, c: UnitConvention): number[][] {
  const low = c.encoding === 'bipolar' ? -1 : 0;
  return Array.from({ length: 2 ** n }, (_, r) =>
    Array.from({ length: n }, (_, i) => ((r >> (n - 1 - i)) & 1 ? 1 : low)),
  );
}

/** The most weights a student's network may have to be judged (an exam network has tens; running more costs time). */
export const MAX_NETWORK_WEIGHTS = 10_000;

/** Reads a student's list of layers, or undefined when it is not one (or has over {@link MAX_NETWORK_WEIGHTS} weights). */
export function readLayers(value: unknown): ThresholdLayer[] | undefined {
  if (!Array.isArray(value)) return undefined;
  let weights = 0;
  for (const l of value) {
    const rows = (l ?? {}) as { weights?: unknown };
    if (Array.isArray(rows.weights)) for (const row of rows.weights) weights += Array.isArray(row) ? row.length : 1;
    if (weights > MAX_NETWORK_WEIGHTS) return undefined;
  }
  // Numbers as a student may write them (decimals, fractions); a single number for a one-unit bias.
  const numbers = (v: unknown): number[] | undefined => {
    const read = Array.isArray(v) ? v.map(readNumber) : [readNumber(v)];
    return read.includes(undefined) ? undefined : (read as number[]);
  };
  const layers = value.map((l) => {
    const { weights, bias } = (l ?? {}) as { weights?: unknown; bias?: unknown };
    const rows = Array.isArray(weights) ? weights.map((row) => (Array.isArray(row) ? numbers(row) : undefined)) : [];
    const b = numbers(bias);
    return rows.length > 0 && !rows.includes(undefined) && b && rows.length === b.length
      ? { weights: rows as number[][], bias: b }
      : undefined;
  });
  return layers.every((l) => l !== undefined) ? (layers as ThresholdLayer[]) : undefined;
}

/** True when two networks give the same outputs on every row of n inputs. */
export function sameFunction(a: ThresholdLayer[], b: ThresholdLayer[], n: number, c: UnitConvention): boolean {
  return allRows(n, c).every((x) => {
    const [ya, yb] = [runNetwork(a, x, c), runNetwork(b, x, c)];
    return ya.length === yb.length && ya.every((v, i) => v === yb[i]);
  });
}
