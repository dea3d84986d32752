/** Grading weights per solver: which answer fields earn how many points, and their equivalent forms. */
import type { Tolerance } from './compare.js';
import { readStudentList } from './read-answer.js';

/** One graded answer field. */
export interface RubricField {
  /** Path in the answer, e.g. `outputShape` or `layers[0].params`. */
  path: string;
  /** Points for a fully right value (partial credit scales them). */
  points: number;
  /** Tolerance of numbers in this field (default three significant figures). */
  tolerance?: Partial<Tolerance>;
  /**
   * Other accepted forms of the expected value, e.g. a [1][H][W] output written
   * as [H][W]. The best-scoring form counts. A form made by {@link partialForm}
   * earns only its credit and adds its remark (an [H, W, C] shape where
   * [C, H, W] was asked).
   */
  equivalents?: (expected: unknown, input: unknown) => unknown[];
  /** A list whose order does not matter (a set of numbers): the student's list is compared after sorting. */
  unordered?: boolean;
  /**
   * Judges the field itself, replacing the comparison with the expected value,
   * where many different answers are right (any weights that separate a
   * perceptron's rows, any network computing the function, a set in any order):
   * called with the student's value, the whole student answer, the problem
   * input and the solver's answer; returns the fraction earned, in [0, 1].
   */
  judge?: (got: unknown, student: Record<string, unknown>, input: unknown, answer: unknown) => number | Judgement;
  /** Grades the field only for problems that ask for it (e.g. `y` only when the network has an output layer). */
  when?: (input: unknown) => boolean;
}

/** A judge's verdict with a remark for the student (why the network is wrong, where). */
export interface Judgement {
  /** The fraction earned, in [0, 1]. */
  fraction: number;
  remark?: string;
}

const PARTIAL = Symbol('partialForm');

/** An equivalent form that earns only part of the points, with a remark naming what is off. */
export interface PartialForm {
  readonly [PARTIAL]: true;
  value: unknown;
  /** The share of the field's points a fully matching form earns, in [0, 1]. */
  credit: number;
  remark: string;
}

/** A form of the expected value worth `credit` of the points, e.g. a shape in the wrong layout. */
export function partialForm(value: unknown, credit: number, remark: string): PartialForm {
  return { [PARTIAL]: true, value, credit, remark };
}

/** True for a form made by {@link partialForm}. */
export function isPartialForm(form: unknown): form is PartialForm {
  return form !== null && typeof form === 'object' && PARTIAL in form;
}

/** The credit of a layout-sensitive answer in the other layout (H×W×C for C×H×W): half the points. */
export const LAYOUT_CREDIT = 0.5;

const LAYOUT_REMARK =
  'this is the channels-last layout H×W×C (Keras); the question asks for channels × height × width (C×H×W)';

/** The grading weights of one solver. */
export interface Rubric {
  id: string;
  fields: RubricField[];
}

/** Declares a rubric; the identity, there for type inference. */
export function defineRubric(rubric: Rubric): Rubric {
  return rubric;
}

/**
 * A 3-D shape [C, H, W] written channels-last as [H, W, C] (Keras): the question fixes C×H×W, so this earns
 * {@link LAYOUT_CREDIT} with a remark naming the layout.
 */
export function channelsLast(expected: unknown): unknown[] {
  if (!Array.isArray(expected) || expected.length !== 3) return [];
  const [c, h, w] = expected as number[];
  return [partialForm([h, w, c], LAYOUT_CREDIT, LAYOUT_REMARK)];
}

/** Every 3-D shape of a list of shapes written channels-last (a Keras summary's column): partial credit, as {@link channelsLast}. */
export function channelsLastEach(expected: unknown): unknown[] {
  if (!Array.isArray(expected)) return [];
  const swapped = expected.map((shape) => {
    const [form] = channelsLast(shape);
    return isPartialForm(form) ? form.value : shape;
  });
  return [partialForm(swapped, LAYOUT_CREDIT, LAYOUT_REMARK)];
}

/** A list of one-element rows ([[h1], [h2], …], a scalar network's states) also written flat as [h1, h2, …]. */
export function flatSingles(expected: unknown): unknown[] {
  if (!Array.isArray(expected) || !expected.every((row) => Array.isArray(row) && row.length === 1)) return [];
  return [expected.map((row) => (row as unknown[])[0])];
}

/** A matrix also written transposed (a dense weight [out][in] in Keras's [in][out] layout). */
export function transposed(expected: unknown): unknown[] {
  if (!isMatrix(expected) || expected.length === 0) return [];
  const cols = (expected[0] as unknown[]).length;
  return [Array.from({ length: cols }, (_, j) => expected.map((row) => row[j]))];
}

/** Every layer's `weights` of a list of `{weights, bias}` also written transposed. */
export function transposedWeights(expected: unknown): unknown[] {
  if (!Array.isArray(expected)) return [];
  return [
    expected.map((layer) =>
      layer !== null && typeof layer === 'object' && 'weights' in layer
        ? { ...layer, weights: transposed(layer.weights)[0] ?? layer.weights }
        : layer,
    ),
  ];
}

/** A value with a leading axis of length 1 also written without it (one filter's [1][H][W] output as [H][W], [1, H, W] as [H, W]). */
export function squeezed(expected: unknown): unknown[] {
  return Array.isArray(expected) && expected.length === 1 && Array.isArray(expected[0])
    ? [expected[0]]
    : Array.isArray(expected) && expected.length === 3 && expected[0] === 1
      ? [expected.slice(1)]
      : [];
}

/** A short list in any order (eigenvalues, roots): every permutation of up to 5 items. */
export function anyOrder(expected: unknown): unknown[] {
  if (!Array.isArray(expected) || expected.length > 5) return [];
  const permutations = (items: unknown[]): unknown[][] =>
    items.length <= 1
      ? [items]
      : items.flatMap((item, i) =>
          permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [item, ...p]),
        );
  return permutations(expected).slice(1);
}

/**
 * How well a list of names matches the expected set, in any order and case:
 * the shared names over all names named (Jaccard), 1 for the same set.
 */
export function stringSetScore(got: unknown, expected: unknown): number {
  if (!Array.isArray(expected)) return 0;
  const list = Array.isArray(got) ? got : typeof got === 'string' ? (readStudentList(got) ?? [got]) : [];
  const norm = (items: unknown[]) => new Set(items.map((v) => String(v).trim().toLowerCase()));
  const [g, e] = [norm(list), norm(expected)];
  const union = new Set([...g, ...e]);
  if (union.size === 0) return 1;
  return [...g].filter((v) => e.has(v)).length / union.size;
}

function isMatrix(value: unknown): value is unknown[][] {
  return (
    Array.isArray(value) && value.every((row) => Array.isArray(row) && row.length === (value[0] as unknown[]).length)
  );
}
