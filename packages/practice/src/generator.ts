/** Exam-question generators: one per solver, deterministic per seed and difficulty. */
import type { Registry, Solution } from '@dnn/core';
import { createRng, type Rng } from './rng.js';

/** How humane the numbers are: small exact ones at `easy`, realistic ones at `hard`. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/** The difficulties, easiest first. */
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** A generator for one solver id. */
export interface Generator<I = unknown> {
  /** The solver id this generator writes questions for. */
  id: string;
  /** Draws an exam-style question (text with the numbers) and the solver input it asks about. */
  generate(rng: Rng, difficulty: Difficulty): { question: string; input: I };
  /**
   * Whether the solver's answer makes a real question (a loss above 0 and a
   * non-zero update, not all-zero outputs, …); a draw that fails it is drawn
   * again from the same random stream.
   */
  nonTrivial(answer: Record<string, unknown>, input: I): boolean;
}

/** Draws per question before a generator that keeps drawing trivial questions is called broken. */
const MAX_DRAWS = 50;

/** A generated exercise: the question, its input and the worked solution (the answer key). */
export interface Exercise {
  id: string;
  seed: number;
  difficulty: Difficulty;
  question: string;
  input: unknown;
  solution: Solution;
}

/** Declares a generator; the identity, there for type inference. */
export function defineGenerator<I>(generator: Generator<I>): Generator<I> {
  return generator;
}

/**
 * Generates the exercise for `id`, `seed` and `difficulty`, solved by the
 * registry's solver. The seed is mixed with the id, so one seed gives a whole
 * varied exam sheet. A trivial draw (see {@link Generator.nonTrivial}) is
 * replaced by the next draw of the same stream: still one question per seed.
 */
export function generateExercise(
  registry: Registry,
  generators: readonly Generator[],
  id: string,
  seed: number,
  difficulty: Difficulty,
): Exercise {
  const generator = generators.find((g) => g.id === id);
  if (!generator) throw new Error(`no generator for ${id}`);
  const rng = createRng(seed ^ hash(`${id}/${difficulty}`));
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const { question, input } = generator.generate(rng, difficulty);
    const solution = registry.solve(id, input);
    if (generator.nonTrivial(solution.answer, input)) return { id, seed, difficulty, question, input, solution };
  }
  throw new Error(`${id} (${difficulty}, seed ${seed}): no non-trivial question in ${MAX_DRAWS} draws`);
}

/** A 32-bit FNV-1a hash of text: mixes names (a solver id, a student id) into seeds. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
