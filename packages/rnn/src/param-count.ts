/**
 * The parameter count of one recurrent layer (simple RNN, LSTM, GRU) with an
 * optional dense head, shared by rnn/params and its inverse rnn/solve-hidden-size.
 */
import { add, eq, mul, type Step, s, step } from '@dnn/core';
import * as z from 'zod/mini';

/** Recurrent cell kinds. */
export const CELLS = ['rnn', 'lstm', 'gru'] as const;
/** A recurrent cell kind. */
export type Cell = (typeof CELLS)[number];

/** Weight blocks G per cell: each has an input matrix [H][D], a recurrent matrix [H][H] and its biases. */
export const GATES: Record<Cell, number> = { rnn: 1, lstm: 4, gru: 3 };

const BLOCKS: Record<Cell, string> = {
  rnn: 'a simple RNN has one weight block (the state update h = act(Wxh·x + Whh·h + b))',
  lstm: 'an LSTM has four weight blocks: input gate i, forget gate f, candidate g and output gate o',
  gru: 'a GRU has three weight blocks: update gate z, reset gate r and candidate n',
};

/** Largest input, hidden or output size the counting solvers accept (keeps totals exact in float64). */
export const MAX_UNITS = 1e6;

/** The schema fields shared by rnn/params and rnn/solve-hidden-size (all but the hidden size). */
export const cellFields = {
  cell: s.oneOf(CELLS, 'Recurrent cell: rnn (simple/vanilla RNN), lstm or gru.'),
  inputSize: s
    .positiveInt('Input features D per time step (for word models: the embedding size).')
    .check(z.maximum(MAX_UNITS)),
  bias: z._default(z.boolean(), true).check(z.describe('Whether the recurrent layer has biases (default true).')),
  biasesPerGate: z
    ._default(z.number().check(z.int(), z.minimum(1), z.maximum(2)), 1)
    .check(
      z.describe(
        'Bias vectors per weight block: 1 (textbook; Keras SimpleRNN, LSTM and GRU with reset_after=False; default) or 2 (PyTorch b_ih + b_hh; Keras GRU with reset_after=True).',
      ),
    ),
  outputSize: z.optional(
    s
      .positiveInt('Units O of an optional dense output layer on top of the hidden state (e.g. the vocabulary size).')
      .check(z.maximum(MAX_UNITS)),
  ),
  outputBias: z
    ._default(z.boolean(), true)
    .check(z.describe('Whether the dense output layer has a bias (default true).')),
};

/** A recurrent layer without its hidden size. */
export interface CellSpec {
  cell: Cell;
  inputSize: number;
  bias: boolean;
  biasesPerGate: number;
  outputSize?: number | undefined;
  outputBias: boolean;
  /** PyTorch proj_size (LSTM only): h has projSize units, c keeps the hidden size. */
  projSize?: number | undefined;
}

/** Parameters by kind. */
export interface ParamBreakdown {
  /** G·H·D. */
  inputWeights: number;
  /** G·H·H. */
  recurrentWeights: number;
  /** G·H·(bias vectors per block), 0 without bias. */
  biases: number;
  /** Dense head O·H (+ O), 0 without one (O·P with a projection). */
  output: number;
  /** Projection W_hr, P·H (only with projSize). */
  projection?: number;
}

/** Bias vectors per weight block actually present (0 without bias). */
export function biasVectors(spec: CellSpec): number {
  return spec.bias ? spec.biasesPerGate : 0;
}

/** Counts the parameters of the layer with hidden size `hidden`. */
export function countParams(spec: CellSpec, hidden: number): { params: number; breakdown: ParamBreakdown } {
  const g = GATES[spec.cell];
  const o = spec.outputSize ?? 0;
  const p = spec.projSize ?? hidden;
  const breakdown: ParamBreakdown = {
    inputWeights: g * hidden * spec.inputSize,
    recurrentWeights: g * hidden * p,
    biases: g * hidden * biasVectors(spec),
    output: o * p + (spec.outputBias ? o : 0),
    ...(spec.projSize === undefined ? {} : { projection: p * hidden }),
  };
  const params =
    breakdown.inputWeights +
    breakdown.recurrentWeights +
    breakdown.biases +
    breakdown.output +
    (breakdown.projection ?? 0);
  return { params, breakdown };
}

/** The worked count: blocks, input weights, recurrent weights, biases, output layer, total. */
export function paramSteps(spec: CellSpec, hidden: number): Step[] {
  const g = GATES[spec.cell];
  const k = biasVectors(spec);
  const { params, breakdown: b } = countParams(spec, hidden);
  const P = spec.projSize;
  const steps = [
    step(`Weight blocks: ${BLOCKS[spec.cell]}`, eq('G', g)),
    step('Input weights: G matrices of H×D', eq('G·H·D', mul(g, hidden, spec.inputSize), b.inputWeights)),
    P === undefined
      ? step('Recurrent weights: G matrices of H×H', eq('G·H·H', mul(g, hidden, hidden), b.recurrentWeights))
      : step(
          `Recurrent weights: G matrices of H×P (they read h, which has P = ${P} units)`,
          eq('G·H·P', mul(g, hidden, P), b.recurrentWeights),
        ),
    spec.bias
      ? step(`Biases: ${k} vector${k === 1 ? '' : 's'} of H per block`, eq(`G·H·${k}`, mul(g, hidden, k), b.biases))
      : step('No biases', eq('biases', 0)),
  ];
  const o = spec.outputSize;
  const terms: number[] = [b.inputWeights, b.recurrentWeights, b.biases];
  if (P !== undefined) {
    steps.push(
      step(
        `Projection W_hr: one P×H matrix (h = W_hr·(o∘tanh(c)), P = ${P})`,
        eq('P·H', mul(P, hidden), b.projection ?? 0),
      ),
    );
    terms.push(b.projection ?? 0);
  }
  const hs = P ?? hidden;
  const H = P === undefined ? 'H' : 'P';
  if (o !== undefined) {
    steps.push(
      spec.outputBias
        ? step(`Dense output layer: O×${H} weights plus O biases`, eq(`O·${H} + O`, add(mul(o, hs), o), b.output))
        : step(`Dense output layer: O×${H} weights, no bias`, eq(`O·${H}`, mul(o, hs), b.output)),
    );
    terms.push(b.output);
  }
  steps.push(step('Total', eq('params', add(...terms), params)));
  return steps;
}

/** The conventions behind the count, with what the other convention would give. */
export function paramNotes(spec: CellSpec, hidden: number): string[] {
  const notes: string[] = [];
  const g = GATES[spec.cell];
  if (spec.bias) {
    const other = spec.biasesPerGate === 1 ? 2 : 1;
    const alt = countParams({ ...spec, biasesPerGate: other }, hidden).params;
    notes.push(
      spec.biasesPerGate === 1
        ? `One bias vector per weight block (textbook, Keras${spec.cell === 'gru' ? ' GRU with reset_after=False' : ''}); PyTorch keeps two (b_ih and b_hh) and would count ${alt}.`
        : `Two bias vectors per weight block (PyTorch b_ih and b_hh${spec.cell === 'gru' ? '; Keras GRU with reset_after=True' : ''}); the textbook form with one would count ${alt}.`,
    );
  } else {
    notes.push('No biases in the recurrent layer.');
  }
  if (spec.cell === 'gru') {
    notes.push(
      'Keras GRU defaults to reset_after=True in TensorFlow 2 (two bias vectors, biasesPerGate 2); TensorFlow.js supports only reset_after=False (one).',
    );
  }
  if (g > 1) notes.push(`Keras stores the ${g} blocks side by side: kernel [D, ${g}H], recurrent kernel [H, ${g}H].`);
  if (spec.projSize !== undefined) {
    notes.push(
      `Projection (PyTorch proj_size = ${spec.projSize}): the cell state c has H = ${hidden} units and the hidden state h = W_hr·(o∘tanh(c)) has P = ${spec.projSize}; the recurrent weights and the output layer read h (P columns). Keras has no projection.`,
    );
  }
  return notes;
}
