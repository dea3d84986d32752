import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Domains, pickBias, type Sample, type Separation, separate, type Unit } from './threshold.js';

/**
 * The specification of the small-integer search, enumerated plainly: over the ranges m = 1 … 3, every weight
 * vector of {−m, …, m}ⁿ in lexicographic order, the bias the integer of smallest magnitude strictly inside the
 * bias range (tried 0, 1, −1, 2, −2, …), the best by max |w|, then Σ|w| + |b|, the first on ties.
 */
function plainSearch(samples: readonly Sample[], n: number): Unit | undefined {
  for (let m = 1; m <= 3; m++) {
    let best: Unit | undefined;
    let bestKey: [number, number] = [0, 0];
    const total = (2 * m + 1) ** n;
    for (let index = 0; index < total; index++) {
      // Lexicographic order: the first weight is the most significant digit.
      const w = Array.from({ length: n }, (_, i) => (Math.floor(index / (2 * m + 1) ** (n - 1 - i)) % (2 * m + 1)) - m);
      const z = samples.map((s) => s.x.reduce((acc, v, i) => acc + (w[i] as number) * v, 0));
      const low = Math.max(...samples.flatMap((s, k) => (s.target ? [-(z[k] as number)] : [])));
      const high = Math.min(...samples.flatMap((s, k) => (s.target ? [] : [-(z[k] as number)])));
      let bias: number | undefined;
      for (let t = 0; t <= 40 && bias === undefined; t++) {
        const b = t % 2 === 1 ? (t + 1) / 2 : -t / 2;
        if (low < b && b < high) bias = b + 0;
      }
      if (bias === undefined) continue;
      const key: [number, number] = [
        Math.max(...w.map(Math.abs)),
        w.reduce((acc, v) => acc + Math.abs(v), 0) + Math.abs(bias),
      ];
      if (!best || key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
        best = { weights: w, bias };
        bestKey = key;
      }
    }
    if (best) return best;
  }
  return undefined;
}

/**
 * The exhaustive search over a weight domain, enumerated plainly: W sorted by |w| (then larger first), every
 * vector of Wⁿ in lexicographic order of its indices, counted as empty bias range, no allowed bias, or scored
 * (robust bias first, then Σ|w| + |b|; the first of equal scores wins).
 */
function plainExhaustive(samples: readonly Sample[], n: number, rule: '>0' | '>=0', domains: Domains): Separation {
  const W = [...new Set(domains.weights)].sort((a, b) => Math.abs(a) - Math.abs(b) || b - a);
  const total = W.length ** n;
  let emptyRange = 0;
  let noAllowedBias = 0;
  let best: Unit | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let index = 0; index < total; index++) {
    const w = Array.from({ length: n }, (_, i) => W[Math.floor(index / W.length ** (n - 1 - i)) % W.length] as number);
    const z = samples.map((s) => s.x.reduce((acc, v, i) => acc + (w[i] as number) * v, 0));
    const low = Math.max(...samples.flatMap((s, k) => (s.target ? [-(z[k] as number)] : [])));
    const high = Math.min(...samples.flatMap((s, k) => (s.target ? [] : [-(z[k] as number)])));
    if (!(low < high)) {
      emptyRange++;
      continue;
    }
    const b = pickBias({ low, high }, rule, domains.bias, 'robust');
    if (b === undefined) {
      noAllowedBias++;
      continue;
    }
    const score = (low < b && b < high ? 0 : 1e15) + w.reduce((acc, v) => acc + Math.abs(v), 0) + Math.abs(b);
    if (score < bestScore) {
      best = { weights: w, bias: b };
      bestScore = score;
    }
  }
  return best
    ? { separable: true, unit: best, method: 'exhaustive', checked: total }
    : { separable: false, method: 'exhaustive', checked: total, emptyRange, noAllowedBias };
}

/** Truth-table rows (0/1 or ±1), some left out, with targets from a random threshold unit or at random. */
const samplesArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc
    .record({
      bipolar: fc.boolean(),
      kept: fc.array(fc.boolean(), { minLength: 2 ** n, maxLength: 2 ** n }),
      unit: fc.option(
        fc.record({
          w: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }),
          b: fc.integer({ min: -12, max: 12 }).map((v) => v / 2),
        }),
      ),
      coins: fc.array(fc.boolean(), { minLength: 2 ** n, maxLength: 2 ** n }),
    })
    .map(({ bipolar, kept, unit, coins }) => {
      const samples: Sample[] = [];
      for (let r = 0; r < 2 ** n; r++) {
        if (!kept[r] && r > 0) continue;
        const x = Array.from({ length: n }, (_, i) => ((r >> (n - 1 - i)) & 1 ? 1 : bipolar ? -1 : 0));
        const target = unit ? x.reduce((acc, v, i) => acc + (unit.w[i] as number) * v, unit.b) > 0 : !!coins[r];
        samples.push({ x, target });
      }
      return { n, samples };
    }),
);

describe('separate over real weights: the small-integer search', () => {
  it('returns the unit of the plain enumeration, and searches in vain exactly when it finds none (n ≤ 4)', () => {
    fc.assert(
      fc.property(samplesArb, fc.constantFrom<'>0' | '>=0'>('>0', '>=0'), ({ n, samples }, rule) => {
        const expected = plainSearch(samples, n);
        const got = separate(samples, n, rule, {});
        if (expected) expect(got).toEqual({ separable: true, unit: expected, method: 'small-integer-search' });
        else expect(got.method).not.toBe('small-integer-search');
      }),
      { numRuns: 400 },
    );
  });

  it('over a weight domain: the unit and the counts of the plain enumeration (n ≤ 4)', () => {
    fc.assert(
      fc.property(
        samplesArb,
        fc.constantFrom<'>0' | '>=0'>('>0', '>=0'),
        fc.constantFrom([-1, 0, 1], [-10, 0, 10], [-2, -1, 0, 1, 2], [3, -3], [1], [0.5, 0, -1.5]),
        fc.option(fc.constantFrom([-1, 0, 1], [-30, -20, -10, 0, 10, 20, 30], [0.5, -0.5])),
        ({ n, samples }, rule, weights, bias) => {
          const domains: Domains = { weights: [...weights], bias: bias ? [...bias] : undefined };
          expect(separate(samples, n, rule, domains, 'weightDomain', false)).toEqual(
            plainExhaustive(samples, n, rule, domains),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
