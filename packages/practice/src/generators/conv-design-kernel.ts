/** Questions for conv/design-kernel: hand-craft a detector for a cross, an X, a bar or a corner, and find it. */
import { defineGenerator } from '../generator.js';
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

/** 1 when every tap has the sign of the expected kernel's tap (any positive scaling of the detector is right). */
function sameSigns(got: unknown, expected: unknown): number {
  if (!Array.isArray(got) || !Array.isArray(expected) || got.length !== expected.length) return 0;
  const g = got.flat() as unknown[];
  const e = (expected as number[][]).flat();
  if (g.length !== e.length) return 0;
  return g.every((v, i) => typeof v === 'number' && Math.sign(v) === Math.sign(e[i] as number)) ? 1 : 0;
}

/** Grading weights of conv/design-kernel: the kernel up to a positive scale, the responses, the best position. */
export const convDesignKernelRubric = defineRubric({
  id: 'conv/design-kernel',
  fields: [
    {
      path: 'kernel',
      points: 3,
      judge: (got, _student, _input, answer) => sameSigns(got, (answer as { kernel: unknown }).kernel),
    },
    { path: 'responseOnPattern', points: 1 },
    { path: 'maxPossibleResponse', points: 1 },
    { path: 'best', points: 2, when: (input) => (input as { image?: unknown }).image !== undefined },
  ],
});
