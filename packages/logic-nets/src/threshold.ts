/**
 * One threshold unit: its output, the range of biases that realise a target
 * for fixed weights, and the exact separability decision (small-integer
 * search, exact LP via Gordan's alternative, or exhaustive search over finite
 * weight and bias domains).
 */
import { checkLimit } from '@dnn/core';
import type { FireWhen } from './boolean-function.js';
import { type GordanResult, gordan } from './gordan.js';
import { chowUnit, unatenessCertificate } from './separation-shortcuts.js';

/** One perceptron: output fires when w·x + b > 0 (or ≥ 0). */
export interface Unit {
  weights: number[];
  bias: number;
}

/** An input vector (already encoded as numbers) and whether the unit must fire on it. */
export interface Sample {
  x: number[];
  target: boolean;
}

/** Allowed values; `undefined` means any real. */
export interface Domains {
  weights?: number[] | undefined;
  bias?: number[] | undefined;
}

/** w·x. */
export function dot(w: readonly number[], x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += (w[i] as number) * (x[i] as number);
  return s;
}

/** Whether a unit with pre-activation z fires under the rule. */
export function fires(z: number, rule: FireWhen): boolean {
  return rule === '>0' ? z > 0 : z >= 0;
}

/**
 * The biases that make fixed weights reproduce every sample: b must exceed
 * (or reach, for `>=0`) `low` = −min over firing samples of w·x, and stay at
 * or below (below, for `>=0`) `high` = −max over silent samples of w·x.
 */
export function biasRange(samples: readonly Sample[], w: readonly number[]): { low: number; high: number } {
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  for (let k = 0; k < samples.length; k++) {
    const s = samples[k] as Sample;
    const z = -dot(w, s.x);
    if (s.target) low = Math.max(low, z);
    else high = Math.min(high, z);
  }
  return { low, high };
}

/** True when b satisfies the range under the rule; `strict` asks for z ≠ 0 on every sample. */
function inRange(b: number, r: { low: number; high: number }, rule: FireWhen, strict: boolean): boolean {
  if (strict) return b > r.low && b < r.high;
  return rule === '>0' ? b > r.low && b <= r.high : b >= r.low && b < r.high;
}

/** The integer of smallest magnitude strictly between low and high, if any. */
export function integerInside(low: number, high: number): number | undefined {
  const lo = Math.floor(low) + 1;
  const hi = Math.ceil(high) - 1;
  if (lo > hi) return undefined;
  return lo > 0 ? lo : Math.min(hi, 0);
}

/**
 * Picks a bias in the range. `robust`: strictly inside (no sample at z = 0, so
 * both firing rules agree), an integer when one fits; `endpoint`: the exam's
 * choice — the boundary value the rule allows (high for `>0`, low for `>=0`).
 * With a bias domain: an allowed value, robust first, then smallest magnitude.
 */
export function pickBias(
  r: { low: number; high: number },
  rule: FireWhen,
  domain: readonly number[] | undefined,
  style: 'robust' | 'endpoint',
): number | undefined {
  const b = chooseBias(r, rule, domain, style);
  return b === undefined ? undefined : b + 0; // no −0 in answers
}

function chooseBias(
  r: { low: number; high: number },
  rule: FireWhen,
  domain: readonly number[] | undefined,
  style: 'robust' | 'endpoint',
): number | undefined {
  if (!(r.low < r.high)) return undefined;
  if (domain) {
    const ok = domain.filter((b) => inRange(b, r, rule, false));
    const score = (b: number) => (inRange(b, r, rule, true) ? 0 : 1e12) + Math.abs(b) * 2 + (b < 0 ? 1 : 0);
    return ok.sort((a, b) => score(a) - score(b))[0];
  }
  if (style === 'endpoint') {
    if (rule === '>0' && Number.isFinite(r.high)) return r.high;
    if (rule === '>=0' && Number.isFinite(r.low)) return r.low;
  }
  const inside = integerInside(r.low, r.high);
  if (inside !== undefined) return inside;
  return (r.low + r.high) / 2;
}

/**
 * Fits a unit whose weights follow a sign pattern (−1, 0, +1 per input) scaled
 * by a positive c: c = 1 for real weights, else the smallest |w| of the weight
 * domain with every needed ±c (and 0) allowed. The bias comes from
 * {@link pickBias}. Undefined when no allowed scale and bias work.
 */
export function fitPattern(
  samples: readonly Sample[],
  pattern: readonly number[],
  rule: FireWhen,
  domains: Domains,
  style: 'robust' | 'endpoint' = 'endpoint',
): Unit | undefined {
  const scales = domains.weights
    ? [...new Set(domains.weights.filter((c) => c !== 0).map(Math.abs))].sort((a, b) => a - b)
    : [1];
  for (const c of scales) {
    const weights = pattern.map((p) => p * c + 0);
    if (domains.weights && !weights.every((w) => domains.weights?.includes(w))) continue;
    const bias = pickBias(biasRange(samples, weights), rule, domains.bias, style);
    if (bias !== undefined) return { weights, bias };
  }
  return undefined;
}

/** Outcome of {@link separate}. */
export type Separation =
  | {
      separable: true;
      unit: Unit;
      method: 'small-integer-search' | 'chow-parameters' | 'exact-lp' | 'exhaustive';
      checked?: number;
    }
  | {
      separable: false;
      method: 'unateness' | 'exact-lp' | 'exhaustive';
      /** Non-negative integer multipliers per sample whose combination is contradictory (when not separable over the reals). */
      lambda?: number[];
      /** Exhaustive search: weight vectors tried, those no real bias fits, those whose biases all lie outside the domain. */
      checked?: number;
      emptyRange?: number;
      noAllowedBias?: number;
      /** Exhaustive search: a real-valued separating unit, when one exists (the domain is the obstacle). */
      realUnit?: Unit;
    };

/** Largest |w| tried by the small-integer search for n inputs (0: skip it). */
function searchBound(n: number): number {
  return n <= 4 ? 3 : n <= 6 ? 2 : n <= 8 ? 1 : 0;
}

const cost = (u: Unit) => u.weights.reduce((s, w) => s + Math.abs(w), 0) + Math.abs(u.bias);

/** Dense ids of the pairs (a[k], x[k]): equal exactly for equal pairs (−0 and 0 alike), and how many there are. */
function pairIds(a: ArrayLike<number>, x: ArrayLike<number>): { ids: Int32Array; size: number } {
  const idOf = (map: Map<number, number>, key: number) => {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  };
  const values = new Map<number, number>();
  const pairs = new Map<number, number>();
  const ids = new Int32Array(x.length);
  for (let k = 0; k < x.length; k++) {
    ids[k] = idOf(pairs, (a[k] as number) * x.length + idOf(values, x[k] as number));
  }
  return { ids, size: pairs.size };
}

/**
 * The weight vectors of valuesⁿ over fixed samples, in odometer order (the first weight changes slowest), with the
 * partial sums w₀·x₀ + … shared along the odometer and summed left to right as dot() does, so that each bias range
 * is biasRange's. `walk(values, outerOnly, found, empty)` calls `found(w, low, high)` for every vector whose bias
 * range has low < high (w is reused), and `empty(k)` for k vectors in a row whose range is empty. `outerOnly`: only
 * the vectors with some weight equal to the first or the last value (the others are neither visited nor counted).
 * The values must be distinct.
 */
function weightTree(
  samples: readonly Sample[],
  n: number,
): (
  values: readonly number[],
  outerOnly: boolean,
  found: (w: readonly number[], low: number, high: number) => void,
  empty: (vectors: number) => void,
) => void {
  // Firing and silent samples alternate, so an empty bias range shows early (max and min ignore the order).
  const fire = samples.filter((s) => s.target);
  const silent = samples.filter((s) => !s.target);
  const order: Sample[] = [];
  for (let k = 0; k < Math.max(fire.length, silent.length); k++) {
    if (k < fire.length) order.push(fire[k] as Sample);
    if (k < silent.length) order.push(silent[k] as Sample);
  }
  const count = order.length;
  // column[i][k] = x_i of sample k (filled in one pass: no call per entry); partial[d][k] = w_0·x_0 + … + w_{d−1}·x_{d−1}.
  const firing = new Uint8Array(count);
  const column = Array.from({ length: n }, () => new Float64Array(count));
  order.forEach((s, k) => {
    firing[k] = s.target ? 1 : 0;
    for (let i = 0; i < n; i++) (column[i] as Float64Array)[k] = s.x[i] as number;
  });
  const partial = Array.from({ length: n }, () => new Float64Array(count));
  // group[d][k] (1 ≤ d < n): which samples agree with sample k on the inputs d … n − 1.
  const group: { ids: Int32Array; size: number }[] = [];
  let after: ArrayLike<number> = new Int32Array(count);
  for (let d = n - 1; d >= 1; d--) {
    const g = pairIds(after, column[d] as Float64Array);
    group[d] = g;
    after = g.ids;
  }
  const least = new Float64Array(count);
  const most = new Float64Array(count);
  /**
   * Whether some firing sample scores no more than a silent one that agrees with it on the inputs d … n − 1,
   * after the first d weights: every completion adds the same terms to both (and rounding is monotone), so the
   * bias range stays empty in the whole subtree. Cuts most of a search that fails.
   */
  const blocked = (d: number): boolean => {
    const { ids, size } = group[d] as { ids: Int32Array; size: number };
    const sums = partial[d] as Float64Array;
    least.fill(Number.POSITIVE_INFINITY, 0, size);
    most.fill(Number.NEGATIVE_INFINITY, 0, size);
    for (let k = 0; k < count; k++) {
      const j = ids[k] as number;
      const s = sums[k] as number;
      if (firing[k] === 1) {
        if (s <= (most[j] as number)) return true;
        least[j] = Math.min(least[j] as number, s);
      } else {
        if (s >= (least[j] as number)) return true;
        most[j] = Math.max(most[j] as number, s);
      }
    }
    return false;
  };
  const w = new Array<number>(n).fill(0);
  return (values, outerOnly, found, empty) => {
    const L = values.length;
    const first = values[0] as number;
    const last = values[L - 1] as number;
    /** Vectors of the r weights after a prefix (`outer`: the prefix already has an end value). */
    const vectors = (r: number, outer: boolean) => (outer ? L ** r : L ** r - Math.max(L - 2, 0) ** r);
    /** The last weight set to v: the bias range from the partial sums, given up as soon as it is empty. */
    const leaf = (v: number) => {
      const from = partial[n - 1] as Float64Array;
      const x = column[n - 1] as Float64Array;
      let low = Number.NEGATIVE_INFINITY;
      let high = Number.POSITIVE_INFINITY;
      for (let k = 0; k < count; k++) {
        const z = -((from[k] as number) + v * (x[k] as number));
        if (firing[k] === 1) low = Math.max(low, z);
        else high = Math.min(high, z);
        if (low >= high) {
          empty(1);
          return;
        }
      }
      w[n - 1] = v;
      found(w, low, high);
    };
    /** `outer`: some weight before d has an end value. */
    const level = (d: number, outer: boolean) => {
      if (d === n - 1) {
        // One call site of leaf (the values are distinct, so this is leaf(first), then leaf(last) when not
        // outer): TurboFan inlines leaf, and the `found` it calls, once per call site — three sites made
        // level the largest compile of the logic solvers.
        for (let k = 0; k < L; k++) {
          const v = values[k] as number;
          if (outer || v === first || v === last) leaf(v);
        }
        return;
      }
      const from = partial[d] as Float64Array;
      const to = partial[d + 1] as Float64Array;
      const x = column[d] as Float64Array;
      for (let k = 0; k < L; k++) {
        const v = values[k] as number;
        w[d] = v;
        const inner = outer || v === first || v === last;
        for (let k = 0; k < count; k++) to[k] = (from[k] as number) + v * (x[k] as number);
        if (blocked(d + 1)) empty(vectors(n - d - 1, inner));
        else level(d + 1, inner);
      }
    };
    level(0, !outerOnly);
  };
}

/**
 * The small-integer search over the samples: `search(m, outerOnly)` is the
 * separating unit with weights in {−m, …, m} of smallest max |w|, then
 * smallest Σ|w| + |b|, first in odometer order on ties; the bias is the integer
 * of smallest magnitude strictly inside the bias range (no sample on the boundary).
 * `outerOnly`: the range m − 1 was searched in vain, so only vectors with some
 * |wᵢ| = m are tried (the others cannot separate; skipping them changes nothing).
 */
function integerSearch(samples: readonly Sample[], n: number): (m: number, outerOnly: boolean) => Unit | undefined {
  const walk = weightTree(samples, n);
  return (m, outerOnly) => {
    let best: Unit | undefined;
    let bestMax = 0;
    let bestCost = 0;
    const values = Array.from({ length: 2 * m + 1 }, (_, i) => i - m);
    walk(
      values,
      outerOnly,
      (w, low, high) => {
        const b = integerInside(low, high);
        if (b === undefined) return;
        // max |w| and cost(u), without building u for a unit that loses. An index loop, not for-of: this
        // callback is inlined into weightTree's level, whose graph an iterator's try/finally enlarged.
        let max = 0;
        let sum = 0;
        for (let i = 0; i < w.length; i++) {
          const wi = w[i] as number;
          max = Math.max(max, Math.abs(wi));
          sum += Math.abs(wi);
        }
        const c = sum + Math.abs(b);
        if (!best || max < bestMax || (max === bestMax && c < bestCost)) {
          best = { weights: [...w], bias: b };
          bestMax = max;
          bestCost = c;
        }
      },
      () => {},
    );
    return best;
  };
}

/** The exact LP's answer (Gordan's alternative on the signed rows [x, 1]). */
function lpSeparation(samples: readonly Sample[], n: number): Separation {
  const result: GordanResult = gordan(samples.map((s) => [...s.x, 1].map((v) => (s.target ? v : -v) + 0)));
  return result.kind === 'certificate'
    ? { separable: false, method: 'exact-lp', lambda: result.lambda }
    : { separable: true, unit: { weights: result.u.slice(0, n), bias: result.u[n] as number }, method: 'exact-lp' };
}

/**
 * Real-valued separability: small integers when they exist, else the exact LP.
 * The integer search grows the weight range 1, 2, … up to the bound for n (the
 * first range with a separating unit holds the overall best: smaller ranges had
 * none); once range 1 fails, a Chow-parameter unit or else the exact LP tells
 * whether any unit exists, and a non-separability certificate ends the search
 * (no unit exists, with any weights). Beyond the
 * search's reach (n > 8) the cheap exact answers of separation-shortcuts.ts
 * come first — a unateness certificate, the Chow-parameter unit — and the LP
 * only when both fail (cost: O(2ⁿ·n) for them; the LP is the slow part).
 */
function separateReal(samples: readonly Sample[], n: number): Separation {
  let lp: Separation | undefined;
  const decide = (): Separation => {
    if (searchBound(n) > 0) return lpSeparation(samples, n);
    const lambda = unatenessCertificate(samples, n);
    if (lambda) return { separable: false, method: 'unateness', lambda };
    const chow = chowUnit(samples, n);
    if (chow) return { separable: true, unit: chow, method: 'chow-parameters' };
    return lpSeparation(samples, n);
  };
  const exact = (): Separation => {
    lp ??= decide();
    return lp;
  };
  // A Chow-parameter unit proves separability in O(rows·n): the LP then runs only when the search fails (its
  // answer is the result), not merely to learn that a larger range is worth searching.
  let separable: boolean | undefined;
  const search = integerSearch(samples, n);
  for (let m = 1; m <= searchBound(n); m++) {
    const best = search(m, m > 1);
    if (best) return { separable: true, unit: best, method: 'small-integer-search' };
    separable ??= chowUnit(samples, n) !== undefined || exact().separable;
    if (!separable) break;
  }
  return exact();
}

/**
 * Decides whether one unit reproduces every sample, exactly. Real weights:
 * small-integer search, then the exact LP (a separating unit with no sample on
 * the boundary, or a contradiction certificate). Finite weight domain:
 * exhaustive search (bias from the domain, or any real bias). `explain`: when
 * the exhaustive search fails, also decide real-weight separability (the
 * `realUnit` or `lambda` of the answer); callers that only need a unit skip it.
 */
export function separate(
  samples: readonly Sample[],
  n: number,
  rule: FireWhen,
  domains: Domains,
  path = 'weightDomain',
  explain = true,
): Separation {
  if (!domains.weights) return separateReal(samples, n);
  const W = [...new Set(domains.weights)].sort((a, b) => Math.abs(a) - Math.abs(b) || b - a);
  const vectors = W.length ** n;
  checkLimit(
    path,
    'multiplyAdds',
    vectors * samples.length * n,
    'the exhaustive search (|weightDomain|ⁿ × rows × inputs)',
  );
  let best: Unit | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  let emptyRange = 0;
  let noAllowedBias = 0;
  const found = (w: readonly number[], low: number, high: number) => {
    const r = { low, high };
    const b = pickBias(r, rule, domains.bias, 'robust');
    if (b === undefined) {
      noAllowedBias++;
      return;
    }
    const u = { weights: [...w], bias: b };
    const score = (inRange(b, r, rule, true) ? 0 : 1e15) + cost(u);
    if (score < bestScore) {
      best = u;
      bestScore = score;
    }
  };
  weightTree(samples, n)(W, false, found, (k) => {
    emptyRange += k;
  });
  if (best) return { separable: true, unit: best, method: 'exhaustive', checked: vectors };
  if (!explain) return { separable: false, method: 'exhaustive', checked: vectors, emptyRange, noAllowedBias };
  const real = separateReal(samples, n);
  return {
    separable: false,
    method: 'exhaustive',
    checked: vectors,
    emptyRange,
    noAllowedBias,
    ...(real.separable ? { realUnit: real.unit } : { lambda: real.lambda }),
  };
}
