/** Boolean functions of the logic exercises, by difficulty. */
import type { Difficulty } from '../generator.js';
import type { Rng } from '../rng.js';
import { byDifficulty } from './numbers.js';

const TWO = ['x & y', 'x | y', '!(x & y)', '!(x | y)', 'x & !y', '!x | y', 'x ^ y', 'x xnor y'];
const THREE = [
  'x & y & z',
  'x | y | z',
  'x & (y | z)',
  'x & y | y & z | x & z',
  'x ^ y ^ z',
  'x & y | !z',
  '(x ^ y) & z',
];
const FOUR = ['x & y | z & w', '(x | y) & (z | w)', 'x & y & z & !w', 'x ^ y ^ z ^ w', '(x xnor y) & (z | w)'];

/** A boolean function and its variables: two inputs at `easy`, up to three at `medium`, up to four at `hard`. */
export function drawBoolean(rng: Rng, difficulty: Difficulty): { expression: string; variables: string[] } {
  const expression = rng.pick(byDifficulty(difficulty, TWO, [...TWO, ...THREE], [...THREE, ...FOUR]));
  const variables = ['x', 'y', 'z', 'w'].filter((v) => new RegExp(`\\b${v}\\b`).test(expression));
  return { expression, variables };
}

/** The operators in words, for the question. */
export const OPERATORS = '(& and, | or, ! not, ^ xor, xnor equivalence)';
