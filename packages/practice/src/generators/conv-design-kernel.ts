/** Questions for conv/design-kernel: hand-craft a detector for a cross, an X, a bar or a corner, and find it. */

import { score } from '../compare.js';
import { defineGenerator } from '../generator.js';
import { readStudentList, readStudentNumber } from '../read-answer.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, show } from './numbers.js';

/** 3×3 shapes as 1 = on the shape, 0 = background. */
const SHAPES: { name: string; cells: number[][] }[] = [
  {
    name: 'plus-shaped cross',
    cells: [
      [0, 1, 0],
      [1, 1, 1],
      [0, 1, 0],
    ],
  },
  {
    name: 'X-shaped cross',
    cells: [
      [1, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
    ],
  },
  {
    name: 'vertical bar',
    cells: [
      [0, 1, 0],
      [0, 1, 0],
      [0, 1, 0],
    ],
  },
  {
    name: 'horizontal bar',
    cells: [
      [0, 0, 0],
      [1, 1, 1],
      [0, 0, 0],
    ],
  },
  {
    name: 'L-shaped corner',
    cells: [
      [1, 0, 0],
      [1, 0, 0],
      [1, 1, 1],
    ],
  },
  {
    name: 'single dot',
    cells: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
  },
];

/** Generator of conv/design-kernel questions: a black or white shape in [0, 1] (or [0, 255] at `hard`). */
export const convDesignKernelGenerator = defineGenerator<Record<string, unknown>>({
  id: 'conv/design-kernel',
  generate(rng, difficulty) {
    const shape = rng.pick(SHAPES);
    const black = rng.chance(0.5);
    const white = difficulty === 'hard' && rng.chance(0.5) ? 255 : 1;
    const pattern = shape.cells.map((row) => row.map((v) => ((v === 1) === black ? 0 : white)));
    const colour = black ? 'black' : 'white';
    const background = black ? 'white' : 'black';
    const range = `pixels from 0 (black) to ${white} (white)`;
    if (difficulty === 'easy') {
      return {
        question: `Design a 3×3 filter that responds most strongly to a ${colour} ${shape.name} on a ${background} background (${range}). What is its response on the shape, and the largest response any 3×3 window can give?`,
        input: { pattern },
      };
    }
    const size = byDifficulty(difficulty, 4, 5, 6);
    const image = Array.from({ length: size }, () => Array.from({ length: size }, () => (black ? white : 0)));
    const top = rng.int(0, size - 3);
    const left = rng.int(0, size - 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) (image[top + i] as number[])[left + j] = (pattern[i] as number[])[j] as number;
    return {
      question: `Design a zero-mean 3×3 filter that detects a ${colour} ${shape.name} on a ${background} background (${range}), apply it to the image ${show(image)} (valid cross-correlation) and say where the shape is.`,
      input: { pattern, image },
    };
  },
  /** Non-trivial: the kernel is not all zero. */
  nonTrivial: (a) => nonZero(a.kernel),
});

/** A 3×3 matrix of numbers as the student wrote it (numbers, or text such as `1, 1, 1; -2, -2, -2; 1, 1, 1`). */
function studentMatrix(got: unknown): number[][] | undefined {
  const rows = typeof got === 'string' ? readStudentList(got) : got;
  if (!Array.isArray(rows) || rows.length !== 3) return undefined;
  const out = rows.map((row) =>
    Array.isArray(row) && row.length === 3 ? row.map((v) => readStudentNumber(v)) : undefined,
  );
  return out.every((row) => row?.every((v) => v !== undefined)) ? (out as number[][]) : undefined;
}

/** 1 when every tap has the sign of the expected kernel's tap (any positive scaling of the detector is right). */
function sameSigns(got: unknown, expected: unknown): number {
  const g = studentMatrix(got);
  if (!g || !Array.isArray(expected)) return 0;
  const e = (expected as number[][]).flat();
  return g.flat().every((v, i) => Math.sign(v) === Math.sign(e[i] as number)) ? 1 : 0;
}

/**
 * The kernel the student's numbers follow from: their own when it is a detector of the right signs (a scaled
 * kernel gives scaled responses, all right), otherwise the answer key's.
 */
function kernelOf(student: Record<string, unknown>, answer: unknown): number[][] {
  const key = (answer as { kernel: number[][] }).kernel;
  const own = studentMatrix(student.kernel);
  return own && sameSigns(own, key) === 1 ? own : key;
}

/** Σ k·x over a 3×3 window of `x` at (top, left). */
const windowSum = (k: number[][], x: number[][], top = 0, left = 0) =>
  k.reduce((sum, row, i) => row.reduce((s, v, j) => s + v * ((x[top + i] as number[])[left + j] as number), sum), 0);

/**
 * Grades a value that follows from the kernel against what the student's own kernel gives (when it has the
 * right signs), so a correctly scaled kernel's responses are not marked wrong for differing from the key's.
 */
const fromOwnKernel =
  (value: (k: number[][], input: DesignInput) => unknown) =>
  (got: unknown, student: Record<string, unknown>, input: unknown, answer: unknown) =>
    score(value(kernelOf(student, answer), input as DesignInput), got);

/** The problem: the pattern (image values) and, above easy, the image the kernel is applied to. */
interface DesignInput {
  pattern: number[][];
  image?: number[][];
}

/** Grading weights of conv/design-kernel: the kernel up to a positive scale, the responses it gives, the best position. */
export const convDesignKernelRubric = defineRubric({
  id: 'conv/design-kernel',
  fields: [
    {
      path: 'kernel',
      points: 3,
      judge: (got, _student, _input, answer) => sameSigns(got, (answer as { kernel: unknown }).kernel),
    },
    { path: 'responseOnPattern', points: 1, judge: fromOwnKernel((k, input) => windowSum(k, input.pattern)) },
    {
      path: 'maxPossibleResponse',
      points: 1,
      // Over windows with values in the pattern's range [lo, hi]: hi under every positive tap, lo under negative ones.
      judge: fromOwnKernel((k, input) => {
        const [lo, hi] = [Math.min(...input.pattern.flat()), Math.max(...input.pattern.flat())];
        return k.flat().reduce((sum, v) => sum + v * (v > 0 ? hi : lo), 0);
      }),
    },
    {
      path: 'response',
      points: 2,
      when: (input) => (input as DesignInput).image !== undefined,
      // The valid cross-correlation of the image with the kernel (the question asks to apply it).
      judge: fromOwnKernel((k, input) => {
        const image = input.image as number[][];
        const n = image.length - 2;
        const m = (image[0] as number[]).length - 2;
        return Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => windowSum(k, image, i, j)));
      }),
    },
    { path: 'best', points: 2, when: (input) => (input as DesignInput).image !== undefined },
  ],
});
