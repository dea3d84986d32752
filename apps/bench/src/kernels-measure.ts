/**
 * Round-robin timing of a kernel workload's implementations and the same-run statistics the kernel table prints:
 * each round runs every implementation once, so load from other processes falls on all of them alike, and a ratio
 * (peer ms ÷ our ms, or our GFLOP/s ÷ the SIMD peak's) is taken per round. Rounds repeat until the ratio's spread
 * drops below {@link TARGET_SPREAD} or the workload's time cap passes.
 */

/** One timed call (may be async: onnxruntime-web). */
export type Runner = () => unknown;

/** A runner plus an untimed step before each run (tfjs: switch to the runner's backend). */
export interface Timed {
  prepare?: () => Promise<unknown>;
  run: Runner;
}

/** A per-round ratio's median and its spread. */
export interface Spread {
  /** Median of the per-round values. */
  value: number;
  /** Half-width of the median's 95 % confidence interval (order statistics), relative to the median: 0.021 = ±2.1 %. */
  spread: number;
  /** Rounds it was taken over. */
  rounds: number;
}

/** A ratio's spread below this ends the rounds (the "below 5 %"). */
export const TARGET_SPREAD = 0.05;

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The median of `xs` and the half-width of its distribution-free 95 % confidence interval: the order statistics at
 * ranks n/2 ∓ 0.98·√n (the normal approximation of the binomial), so it narrows as rounds are added, unlike a range.
 */
export function spreadOf(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  const value = median(s);
  const half = 0.98 * Math.sqrt(n);
  const lo = Math.max(0, Math.floor(n / 2 - half));
  const hi = Math.min(n - 1, Math.ceil(n / 2 + half) - 1);
  return { value, spread: n < 2 || value === 0 ? Number.NaN : (s[hi]! - s[lo]!) / 2 / value, rounds: n };
}

/** Per-round values of `f(a's ms, b's ms)` over the rounds in which both ran. */
export function perRound(
  times: Record<string, number[]>,
  a: string,
  b: string,
  f: (ta: number, tb: number) => number,
): number[] {
  const ta = times[a] ?? [];
  const tb = times[b] ?? [];
  return Array.from({ length: Math.min(ta.length, tb.length) }, (_, i) => f(ta[i]!, tb[i]!));
}

/** How long and on what to keep measuring. */
export interface Schedule {
  /** Implementations timed until the ratios settle (ours, the target's peer, tfjs-wasm, the SIMD peak). */
  focus: string[];
  /** The per-round ratios whose spreads must fall below {@link TARGET_SPREAD}: [numerator impl, denominator impl]. */
  ratios: [string, string][];
  /** Least rounds of the focus implementations. */
  minRounds: number;
  /** Wall-clock cap of the focus rounds, ms (stretched up to 3× for workloads whose rounds are slow). */
  capMs: number;
  /** Rounds of every implementation afterwards (the slow reference rows get only these). */
  allRounds: number;
}

/** Each implementation's ms per round: `focus` rounds ran the focus implementations only, `all` rounds everyone. */
export interface Rounds {
  focus: Record<string, number[]>;
  all: Record<string, number[]>;
}

async function once(t: Timed): Promise<number> {
  await t.prepare?.();
  const start = performance.now();
  await t.run();
  return performance.now() - start;
}

/**
 * Times the implementations round-robin after a warm-up (focus ones: ≥ 2 runs and ≥ 100 ms, so the engines'
 * optimising tiers are in; others 1 run): first the focus implementations alone until every ratio's spread is below
 * {@link TARGET_SPREAD} (at least `minRounds`, at most `capMs`), then `allRounds` rounds of every implementation.
 * Focus ratios come from the focus rounds only, where no slow reference row (or tfjs backend switch) interleaves.
 */
export async function measureRounds(impls: [string, Timed][], schedule: Schedule): Promise<Rounds> {
  const focus = impls.filter(([k]) => schedule.focus.includes(k));
  const rounds: Rounds = {
    focus: Object.fromEntries(focus.map(([k]) => [k, []])),
    all: Object.fromEntries(impls.map(([k]) => [k, []])),
  };
  for (const [k, t] of impls) {
    const start = performance.now();
    const isFocus = schedule.focus.includes(k);
    for (let i = 0; i < (isFocus ? 2 : 1) || (isFocus && performance.now() - start < 100 && i < 50); i++) {
      await once(t);
    }
  }
  const settled = () =>
    schedule.ratios.every(([a, b]) => {
      const s = spreadOf(perRound(rounds.focus, a, b, (ta, tb) => ta / tb));
      return s.rounds >= schedule.minRounds && s.spread < TARGET_SPREAD;
    });
  const t0 = performance.now();
  // the cap stretches (up to 3×) so that slow workloads still get about 25 rounds
  let cap = schedule.capMs;
  while (!settled() && performance.now() - t0 < cap) {
    for (const [k, t] of focus) rounds.focus[k]!.push(await once(t));
    if (rounds.focus[focus[0]![0]]!.length === 1) {
      cap = Math.min(3 * schedule.capMs, Math.max(schedule.capMs, 25 * (performance.now() - t0)));
    }
  }
  for (let round = 0; round < schedule.allRounds; round++) {
    for (const [k, t] of impls) rounds.all[k]!.push(await once(t));
  }
  return rounds;
}
