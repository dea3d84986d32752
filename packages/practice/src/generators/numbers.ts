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
