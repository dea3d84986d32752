/**
 * rnn/solve-hidden-size — the inverse of rnn/params: the hidden size H whose
 * layer has a given parameter total, from the quadratic G·H² + b·H + c = total.
 */
import {
  a,
  add,
  DnnInputError,
  defineSolver,
  eq,
  frac,
  mul,
  num,
  pow,
  s,
  sqrt,
  step,
  sub,
  sym,
  tex,
  words,
} from '@dnn/core';
import * as z from 'zod/mini';
import { biasVectors, type CellSpec, cellFields, countParams, GATES, paramNotes, paramSteps } from './param-count.js';

/** Largest parameter total accepted (every count stays an exact float64 integer). */
const MAX_TOTAL = 1e15;

const input = s.object({
  ...cellFields,
  totalParams: s.positiveInt('The total number of trainable parameters to reach.').check(z.maximum(MAX_TOTAL)),
});

const answer = a.answer({
  hiddenSize: a.count(
    'Hidden size H',
    'The positive whole hidden size whose layer (with its dense head, if any) has exactly the given parameter total.',
  ),
});

/** The answer of rnn/solve-hidden-size. */
export type SolveHiddenSizeAnswer = z.output<typeof answer>;

const DELTA = tex('Δ', '\\Delta');

/** Coefficients of params(H) = a·H² + b·H + c. */
function coefficients(spec: CellSpec): { a: number; b: number; c: number } {
  const g = GATES[spec.cell];
  const o = spec.outputSize ?? 0;
  return { a: g, b: g * (spec.inputSize + biasVectors(spec)) + o, c: spec.outputBias ? o : 0 };
}

function bigSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/** The largest H ≥ 0 with params(H) ≤ total (params grows strictly with H). */
function floorRoot(spec: CellSpec, total: number): number {
  const { a, b, c } = coefficients(spec);
  const disc = BigInt(b) * BigInt(b) + 4n * BigInt(a) * BigInt(Math.max(0, total - c));
  let h = Math.max(0, Number((bigSqrt(disc) - BigInt(b)) / BigInt(2 * a)));
  while (countParams(spec, h + 1).params <= total) h++;
  while (h > 0 && countParams(spec, h).params > total) h--;
  return h;
}

/** rnn/solve-hidden-size: the hidden size of a recurrent layer from its parameter total. */
export const solveHiddenSize = defineSolver({
  id: 'rnn/solve-hidden-size',
  title: 'Hidden size of an RNN, LSTM or GRU layer from its parameter count',
  description:
    'The positive whole hidden size H for which a simple RNN, LSTM or GRU layer (and optional dense head) has the given number of parameters: the positive root of a quadratic in H.',
  input,
  answer,
  solveParsed(inp) {
    const total = inp.totalParams;
    const { a, b, c } = coefficients(inp);
    const h = floorRoot(inp, total);
    const smallest = countParams(inp, 1).params;
    if (h < 1) {
      throw new DnnInputError(
        'totalParams',
        `no hidden size gives ${total} parameters: the smallest layer (H = 1) already has ${smallest}`,
      );
    }
    const below = countParams(inp, h).params;
    if (below !== total) {
      const above = countParams(inp, h + 1).params;
      throw new DnnInputError(
        'totalParams',
        `no whole hidden size gives ${total} parameters: H = ${h} gives ${below} and H = ${h + 1} gives ${above}; the possible totals nearby are ${below} and ${above}`,
      );
    }
    const cTotal = c - total;
    const disc = BigInt(b) * BigInt(b) - 4n * BigInt(a) * BigInt(cTotal);
    const root = bigSqrt(disc);
    const discTex = disc <= BigInt(Number.MAX_SAFE_INTEGER) ? num(Number(disc)) : words(disc.toString());
    const H = pow('H', 2);
    const steps = [
      step(
        'Parameters as a function of H (G·H·D + G·H·H + G·H·k + O·H + O, collected)',
        eq('params(H)', add(mul(a, H), mul(b, 'H'), ...(c ? [c] : [])), total),
      ),
      step(
        'Quadratic in standard form a·H² + b·H + c = 0',
        eq(cTotal < 0 ? sub(add(mul(a, H), mul(b, 'H')), -cTotal) : add(mul(a, H), mul(b, 'H'), cTotal), 0),
      ),
      step('Discriminant', eq(DELTA, sub(pow('b', 2), '4ac'), sub(pow(b, 2), mul(4, a, cTotal)), discTex)),
      step(
        'The positive root (the other one is negative)',
        eq('H', frac(add(sym('−b'), sqrt(DELTA)), mul(2, 'a')), frac(sub(root.toString(), b), mul(2, a)), h),
      ),
      step(`Check: the layer with H = ${h}`),
      ...paramSteps(inp, h),
    ];
    return {
      answer: { hiddenSize: h } satisfies SolveHiddenSizeAnswer,
      steps,
      notes: paramNotes(inp, h),
    };
  },
  examples: [
    {
      title: 'BITS: single LSTM cell, 3 features per time step, 180 learnable parameters',
      source:
        'Exam problem; by hand: 4(3H + H² + H) = 180 ⇔ H² + 4H − 45 = 0 ⇔ (H + 9)(H − 5) = 0, so H = 5 (check: 4·5·3 + 4·5·5 + 4·5 = 60 + 100 + 20 = 180; tf.layers.lstm({units: 5}) on 3 features counts 180). The rubric writes the same equation as 3H² + 7H − 45 = 0 and answers "approximately 2": wrong.',
      input: { cell: 'lstm', inputSize: 3, totalParams: 180 },
      answer: { hiddenSize: 5 },
    },
    {
      title: 'TUM I2DL: vanilla RNN with 3 inputs and 45 parameters (inverse of the 45-parameter cell)',
      source: 'By hand: H² + (3 + 1)H = 45 ⇔ (H + 9)(H − 5) = 0, H = 5.',
      input: { cell: 'rnn', inputSize: 3, totalParams: 45 },
      answer: { hiddenSize: 5 },
    },
  ],
});
