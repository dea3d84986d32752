/** A small seeded random-number generator (SplitMix32): the same seed gives the same question, forever. */

/** Seeded random choices for generators. */
export interface Rng {
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
  /** A number in [min, max] rounded to `decimals` decimal places. */
  decimal(min: number, max: number, decimals: number): number;
  /** A list of `length` values. */
  list<T>(length: number, item: () => T): T[];
}

/** Creates the generator for a seed (any integer). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number],
    chance: (p) => next() < p,
    decimal: (min, max, decimals) => Number((min + next() * (max - min)).toFixed(decimals)),
    list: (length, item) => Array.from({ length }, item),
  };
}
