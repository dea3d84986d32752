/** Questions for conv/solve-kernel: recover unknown kernel taps from an input and its convolution output. */
import { defineGenerator } from '../generator.js';
import type { Rng } from '../rng.js';
import { defineRubric } from '../rubric.js';
import { byDifficulty, matrix, sample, show } from './numbers.js';
import { rank } from './rank.js';

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f'];

interface Draft {
  input: number[][];
  kernel: (number | string)[][];
  output: (number | null)[][];
  stride: number;
}

/** One attempt: a random input and kernel with `unknowns` named taps; undefined when the system is not uniquely solvable. */
function draft(rng: Rng, difficulty: 'easy' | 'medium' | 'hard'): Draft | undefined {
  const k = difficulty === 'hard' ? rng.pick([2, 3]) : 2;
  const stride = difficulty === 'hard' ? rng.pick([1, 2]) : 1;
  const outSize = byDifficulty(difficulty, 2, rng.int(1, 2), 2);
  const size = (outSize - 1) * stride + k;
  const input = matrix(rng, size, size, () =>
    rng.int(byDifficulty(difficulty, 0, -3, -5), byDifficulty(difficulty, 3, 3, 5)),
  );
  const truth = matrix(rng, k, k, () => rng.int(-3, 3));
  const taps = Array.from({ length: k * k }, (_, i) => i);
  const unknown = sample(rng, taps, Math.min(rng.int(1, byDifficulty(difficulty, 2, 3, 4)), outSize * outSize));
  const cells = Array.from({ length: outSize * outSize }, (_, i) => [Math.floor(i / outSize), i % outSize] as const);
  const window = (y: number, x: number, t: number) => input[y * stride + Math.floor(t / k)]![x * stride + (t % k)]!;
  // easy: outputs of a true integer kernel; otherwise as many given outputs as unknowns, chosen freely (fractions).
  const given = difficulty === 'easy' ? cells : sample(rng, cells, unknown.length);
  const coefficients = given.map(([y, x]) => unknown.map((t) => window(y, x, t)));
  if (rank(coefficients) < unknown.length) return undefined;
  const full = (y: number, x: number) =>
    taps.reduce((sum, t) => sum + window(y, x, t) * truth[Math.floor(t / k)]![t % k]!, 0);
  const isGiven = (y: number, x: number) => given.some(([gy, gx]) => gy === y && gx === x);
  const output = Array.from({ length: outSize }, (_, y) =>
    Array.from({ length: outSize }, (_, x) =>
      isGiven(y, x) ? (difficulty === 'easy' ? full(y, x) : rng.int(-6, 9)) : null,
    ),
  );
  const kernel = truth.map((row, a) =>
    row.map((v, b) => (unknown.includes(a * k + b) ? NAMES[unknown.indexOf(a * k + b)]! : v)),
  );
  return { input, kernel, output, stride };
}

/** Generator of conv/solve-kernel questions. */
export const convSolveKernelGenerator = defineGenerator({
  id: 'conv/solve-kernel',
  generate(rng, difficulty) {
    let d = draft(rng, difficulty);
    for (let attempt = 0; !d && attempt < 50; attempt++) d = draft(rng, difficulty);
    // Fallback (never needed in practice): one unknown tap over a window of ones.
    const { input, kernel, output, stride } = d ?? {
      input: [
        [1, 1],
        [1, 1],
      ],
      kernel: [
        ['a', 1],
        [0, 2],
      ],
      output: [[5]],
      stride: 1,
    };
    return {
      question: `The input ${show(input)} convolved (cross-correlation, no padding, stride ${stride}) with the kernel ${show(kernel)} gives the output ${show(output)}${output.flat().includes(null) ? ' (null: not given)' : ''}. Find the unknown kernel values.`,
      input: { input, kernel, output, stride },
    };
  },
  /** Non-trivial: there is an unknown to solve for. */
  nonTrivial: (a) => Object.keys(Object(a.values)).length > 0,
});

/** Grading weights of conv/solve-kernel: the unknowns (exact fractions accepted). */
export const convSolveKernelRubric = defineRubric({
  id: 'conv/solve-kernel',
  fields: [{ path: 'values', points: 3 }],
});
