/**
 * The units of logic/region-mlp under its conventions: step units that fire on
 * w·x + b ≥ 0 and output 1 or 0 (−1 when bipolar), with weights and biases
 * optionally restricted to finite domains (exams: weights 0, ±10, biases
 * multiples of 10). A half-plane unit is the edge's inequality scaled by a
 * positive factor (the same half-plane); an AND or OR unit counts how many of
 * its inputs fire.
 */
import { DnnInputError } from '@dnn/core';
import type { Encoding } from './boolean-function.js';
import type { Unit } from './threshold.js';

/** Allowed weight and bias values (sorted, distinct); `undefined` = any real. */
export interface UnitDomains {
  weights?: number[] | undefined;
  bias?: number[] | undefined;
}

/** The value of `domain` equal to `v` up to rounding (relative 1e-9), or `undefined`. */
function member(domain: readonly number[], v: number): number | undefined {
  return domain.find((d) => Math.abs(d - v) <= 1e-9 * Math.max(1, Math.abs(d), Math.abs(v)));
}

const set = (v: readonly number[]) => `{${v.join(', ')}}`;

/**
 * The unit of the half-plane a·x + c ≥ 0 with weights and bias from the domains: λ·(a, c) for the smallest λ > 0
 * that puts every weight in `weightDomain` and the bias in `biasDomain` (λ = 1 without domains). `what` names the
 * half-plane in the error when no multiple fits.
 */
export function halfPlaneUnit(a: readonly [number, number], c: number, d: UnitDomains, what: string): Unit {
  const W = d.weights;
  if (!W) return { weights: [...a], bias: c };
  const ak = (a[0] !== 0 ? a[0] : a[1]) as number;
  const scales = W.map((w) => w / ak)
    .filter((l) => l > 0)
    .sort((x, y) => x - y);
  let weightsFit = false;
  for (const l of scales) {
    const weights = a.map((v) => member(W, l * v + 0));
    if (weights.some((w) => w === undefined)) continue;
    weightsFit = true;
    const bias = d.bias ? member(d.bias, l * c) : l * c + 0;
    if (bias !== undefined) return { weights: weights as number[], bias };
  }
  throw new DnnInputError(
    weightsFit ? 'biasDomain' : 'weightDomain',
    weightsFit
      ? `the half-plane ${what} has weights from ${set(W)} only when scaled so that its bias is outside ${set(d.bias ?? [])}; the region cannot be drawn exactly with these domains (add the bias values it needs)`
      : `no positive multiple of the half-plane ${what} has all its weights in ${set(W)}${a.includes(0) && member(W, 0) === undefined ? ' (its zero weight needs 0 in the domain)' : ''}; the region cannot be drawn exactly with these weights`,
  );
}

/**
 * A unit over `m` step outputs that fires when at least `r` of them fire (AND: r = m; OR: r = 1), all weights
 * equal. Binary inputs sum to λ·count, so the bias lies in [−λr, −λ(r − 1)); bipolar ones to λ(2·count − m), so in
 * [−λ(2r − m), −λ(2r − 2 − m)). Without a bias domain the bias is −λr (binary) or the middle −λ(2r − m − 1)
 * (bipolar); with one, the allowed value closest to it. `zeroWeights` says whether the unit also needs weight 0
 * (for the hidden units it ignores). `what` names the unit in the error when nothing fits.
 */
export function countingUnit(
  m: number,
  r: number,
  encoding: Encoding,
  d: UnitDomains,
  what: string,
  zeroWeights: boolean,
): { weight: number; bias: number } {
  const [hi, lo, mid] = encoding === 'bipolar' ? [2 * r - 2 - m, 2 * r - m, 2 * r - m - 1] : [r - 1, r, r];
  if (zeroWeights && d.weights && member(d.weights, 0) === undefined) {
    throw new DnnInputError(
      'weightDomain',
      `${what} ignores some hidden units, which needs weight 0; add 0 to ${set(d.weights)}`,
    );
  }
  const scales = d.weights ? d.weights.filter((w) => w > 0) : [1];
  for (const l of scales) {
    const preferred = -l * mid + 0;
    if (!d.bias) return { weight: l, bias: preferred };
    const fits = d.bias.filter((b) => b >= -l * lo && b < -l * hi);
    if (fits.length > 0) {
      const bias = fits.reduce((best, b) => (Math.abs(b - preferred) < Math.abs(best - preferred) ? b : best));
      return { weight: l, bias };
    }
  }
  throw new DnnInputError(
    scales.length === 0 ? 'weightDomain' : 'biasDomain',
    scales.length === 0
      ? `${what} needs a positive weight; ${set(d.weights ?? [])} has none`
      : `${what} needs, for a weight λ from ${set(scales)}, a bias in [${encoding === 'bipolar' ? '−λ(2r − m)' : '−λr'}, ${encoding === 'bipolar' ? '−λ(2r − 2 − m)' : '−λ(r − 1)'}) with m = ${m}, r = ${r}; none of ${set(d.bias ?? [])} is`,
  );
}
