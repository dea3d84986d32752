/**
 * Cheap exact answers tried before the exact LP of {@link gordan}, which is
 * slow on highly degenerate tables (the AND of 12 variables took ≈ 260 s):
 *
 * - a unateness certificate: a function that rises with input i on one row
 *   pair and falls with it on another is not separable (the four rows sum to
 *   zero in Gordan's form). Cost: O(rows · n), an array of 2ⁿ row indices.
 *   Random tables almost always fail unateness.
 * - the Chow-parameter candidate: weights wᵢ = Σ over rows of (±1 target)·(±1
 *   input i), the correlations of f with each input. For AND, OR, majority
 *   and every symmetric threshold function they separate exactly. Cost:
 *   O(rows · n). The candidate is checked on every row before it is used.
 */
import { biasRange, integerInside, type Sample, type Unit } from './threshold.js';

/** The ±1 form of an encoded input (binary 0/1 or bipolar −1/+1). */
const sign = (v: number) => (v > 0 ? 1 : -1);

/**
 * Non-negative multipliers on four samples whose signed sum (Gordan's form:
 * [x, 1] for firing rows, −[x, 1] for silent ones) is zero, when some input
 * raises the output on one row pair and lowers it on another; else undefined.
 */
export function unatenessCertificate(samples: readonly Sample[], n: number): number[] | undefined {
  // Rows by their bit pattern (bit i set when input i is true): a pair differs in one bit.
  const bits = samples.map((s) => s.x.reduce((acc, v, i) => acc + (v > 0 ? 2 ** i : 0), 0));
  const index = new Int32Array(2 ** n).fill(-1);
  bits.forEach((b, k) => {
    index[b] = k;
  });
  for (let i = 0; i < n; i++) {
    let rising: [number, number] | undefined;
    let falling: [number, number] | undefined;
    for (let k = 0; k < samples.length && !(rising && falling); k++) {
      const row = bits[k] as number;
      if (row & (1 << i)) continue;
      const partner = index[row | (1 << i)] as number;
      if (partner < 0) continue;
      const low = (samples[k] as Sample).target;
      const up = (samples[partner] as Sample).target;
      if (up === low) continue;
      if (up) rising ??= [k, partner];
      else falling ??= [k, partner];
    }
    if (rising && falling) {
      const lambda = new Array<number>(samples.length).fill(0);
      for (const k of [...rising, ...falling]) lambda[k] = 1;
      return lambda;
    }
  }
  return undefined;
}

/**
 * The integer unit along the Chow parameters (divided by their gcd), doubled
 * once when no integer bias fits strictly inside the bias range; undefined
 * when that direction does not separate the samples.
 */
export function chowUnit(samples: readonly Sample[], n: number): Unit | undefined {
  const chow = new Array<number>(n).fill(0);
  // Index loops, not for-of: each for-of put an iterator and a try/finally in TurboFan's graph of chowUnit.
  for (let k = 0; k < samples.length; k++) {
    const s = samples[k] as Sample;
    const t = s.target ? 1 : -1;
    for (let i = 0; i < n; i++) chow[i] = (chow[i] as number) + t * sign(s.x[i] as number);
  }
  const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
  const g = chow.reduce(gcd, 0);
  if (g === 0) return undefined;
  for (let scale = 1; scale <= 2; scale++) {
    const weights = chow.map((c) => (c / g) * scale + 0);
    const r = biasRange(samples, weights);
    if (!(r.low < r.high)) return undefined;
    const bias = integerInside(r.low, r.high);
    if (bias !== undefined) return { weights, bias: bias + 0 };
  }
  return undefined;
}
