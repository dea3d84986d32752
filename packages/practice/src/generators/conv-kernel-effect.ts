/** Questions for conv/kernel-effect: the classic image kernels (box, Gaussian, Sobel, Laplacian, …), varied. */
import { defineGenerator } from '../generator.js';
import { defineRubric, stringSetScore } from '../rubric.js';
import { positive } from './non-trivial.js';
import { matrix, show } from './numbers.js';

/** The lecture's kernels, each with the scale it is written with. */
const CLASSICS: { kernel: number[][]; scale: number; scaleText: string }[] = [
  {
    kernel: [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ],
    scale: 1 / 9,
    scaleText: '1/9',
  },
  {
    kernel: [
      [1, 1],
      [1, 1],
    ],
    scale: 1 / 4,
    scaleText: '1/4',
  },
  {
    kernel: [
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ],
    scale: 1 / 16,
    scaleText: '1/16',
  },
  {
    kernel: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
    scale: 1,
    scaleText: '',
  },
  {
    kernel: [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ],
    scale: 1,
    scaleText: '',
  },
  {
    kernel: [
      [1, -1],
      [1, -1],
    ],
    scale: 1,
    scaleText: '',
  },
  {
    kernel: [
      [1, 0, -1],
      [2, 0, -2],
      [1, 0, -1],
    ],
    scale: 1,
    scaleText: '',
  },
  {
    kernel: [
      [1, 0, -1],
      [1, 0, -1],
      [1, 0, -1],
    ],
    scale: 1,
    scaleText: '',
  },
  {
    kernel: [
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ],
    scale: 1,
    scaleText: '',
  },
  {
    kernel: [
      [1, 1, 1],
      [1, -8, 1],
      [1, 1, 1],
    ],
    scale: 1,
    scaleText: '',
  },
  {
    kernel: [
      [2, 1, 0],
      [1, 0, -1],
      [0, -1, -2],
    ],
    scale: 1,
    scaleText: '',
  },
  {
    kernel: [
      [0, 0, 0],
      [0, -1, 0],
      [0, 0, 0],
    ],
    scale: 1,
    scaleText: '',
  },
];

const transpose = (m: number[][]) => (m[0] ?? []).map((_, j) => m.map((row) => row[j] as number));

/** Generator of conv/kernel-effect questions. */
export const convKernelEffectGenerator = defineGenerator({
  id: 'conv/kernel-effect',
  generate(rng, difficulty) {
    if (difficulty === 'hard' && rng.chance(0.25)) {
      const kernel = matrix(rng, 3, 3, () => rng.int(-2, 2));
      return {
        question: `What is the effect of the convolution kernel ${show(kernel)} on an image, and what is its gain (the sum of its weights)?`,
        input: { kernel },
      };
    }
    const classic = rng.pick(CLASSICS);
    let kernel = difficulty === 'easy' ? classic.kernel : rng.chance(0.5) ? transpose(classic.kernel) : classic.kernel;
    if (difficulty !== 'easy' && rng.chance(0.3)) kernel = kernel.map((row) => row.map((v) => -v + 0));
    const scaled = classic.scale !== 1;
    return {
      question: `What is the effect of the convolution kernel ${scaled ? `${classic.scaleText} · ` : ''}${show(kernel)} on an image, and what is its gain (the sum of its weights)?`,
      input: { kernel, ...(scaled ? { scale: classic.scale } : {}) },
    };
  },
  /** Non-trivial: some patch gets a positive response. */
  nonTrivial: (a) => positive(a.bestResponse),
});

/** Grading weights of conv/kernel-effect: the effects (any order), then the gain. */
export const convKernelEffectRubric = defineRubric({
  id: 'conv/kernel-effect',
  fields: [
    {
      path: 'effects',
      points: 3,
      judge: (got, _student, _input, answer) => stringSetScore(got, (answer as { effects: unknown }).effects),
    },
    { path: 'gain', points: 1 },
  ],
});
