/** Numbers and their written form for generated questions: humane at `easy`, realistic at `hard`. */
import type { Difficulty } from '../generator.js';
import type { Rng } from '../rng.js';

/** The value for the difficulty: `easy`, `medium` or `hard`. */
export function byDifficulty<T>(difficulty: Difficulty, easy: T, medium: T, hard: T): T {
  return difficulty === 'easy' ? easy : difficulty === 'medium' ? medium : hard;
}

/**
 * A weight or input value: an integer in [−3, 3] at `easy`, a multiple of ½ in
 * [−2, 2] at `medium`, two decimals in [−1.5, 1.5] at `hard`.
 */
export function smallValue(rng: Rng, difficulty: Difficulty): number {
  return byDifficulty(
    difficulty,
    () => rng.int(-3, 3),
    () => rng.int(-4, 4) / 2,
    () => rng.decimal(-1.5, 1.5, 2) + 0,
  )();
}

/** A rows × cols matrix of `item()` values. */
export function matrix(rng: Rng, rows: number, cols: number, item: () => number): number[][] {
  return rng.list(rows, () => rng.list(cols, item));
}

/** A random subset of `count` distinct items, in their original order. */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(rng.int(0, items.length - 1));
  return items.filter((_, i) => chosen.has(i));
}

/** A value written for a question: numbers as is, lists as [1, 2], matrices as [[1, 2], [3, 4]]. */
export function show(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(', ')}}`;
  return String(value);
}

/**
 * A sum of terms written as an exam would and the expression parser reads it:
 * `[[2, 'x^2'], [-1, 'x*y'], [3, '']]` → "2x^2 - x*y + 3"; zero terms are left out.
 */
export function polynomial(terms: readonly (readonly [number, string])[]): string {
  let text = '';
  for (const [c, monomial] of terms) {
    if (c === 0) continue;
    const size = Math.abs(c);
    const body = monomial === '' ? `${size}` : size === 1 ? monomial : `${size}${monomial}`;
    text += text === '' ? (c < 0 ? `-${body}` : body) : c < 0 ? ` - ${body}` : ` + ${body}`;
  }
  return text || '0';
}

/**
 * A probability vector of `k` entries that are multiples of 1/`denominator`
 * (quarters, tenths, …), each at least `least`/`denominator`; sums to 1 up to rounding.
 */
export function distribution(rng: Rng, k: number, denominator: number, least = 1): number[] {
  const counts = Array.from({ length: k }, () => least);
  for (let left = denominator - least * k; left > 0; left--) counts[rng.int(0, k - 1)]! += 1;
  return counts.map((c) => c / denominator);
}

/** The items in a random order (Fisher–Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
