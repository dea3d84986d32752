/** Grading weights per solver: which answer fields earn how many points, and their equivalent forms. */
import type { Tolerance } from './compare.js';

/** One graded answer field. */
export interface RubricField {
  /** Path in the answer, e.g. `outputShape` or `layers[0].params`. */
  path: string;
  /** Points for a fully right value (partial credit scales them). */
  points: number;
  /** Tolerance of numbers in this field (default three significant figures). */
  tolerance?: Partial<Tolerance>;
  /**
   * Other accepted forms of the expected value, e.g. the shape in Keras's
   * [H, W, C] order for a [C, H, W] answer. The best-scoring form counts.
   */
  equivalents?: (expected: unknown, input: unknown) => unknown[];
}

/** The grading weights of one solver. */
export interface Rubric {
  id: string;
  fields: RubricField[];
}

/** Declares a rubric; the identity, there for type inference. */
export function defineRubric(rubric: Rubric): Rubric {
  return rubric;
}

/** A 3-D shape [C, H, W] also written channels-last as [H, W, C] (Keras). */
export function channelsLast(expected: unknown): unknown[] {
  if (!Array.isArray(expected) || expected.length !== 3) return [];
  const [c, h, w] = expected as number[];
  return [[h, w, c]];
}
