/** Recurrent layer specs shared by the rnn/params and rnn/solve-hidden-size questions. */
import type { Difficulty } from '../generator.js';
import type { Rng } from '../rng.js';
import { byDifficulty } from './numbers.js';

/** A recurrent layer as the two solvers take it (without the hidden size or total). */
export interface CellSpec {
  cell: 'rnn' | 'lstm' | 'gru';
  inputSize: number;
  bias: boolean;
  biasesPerGate: 1 | 2;
  outputSize?: number;
  outputBias?: boolean;
}

const GATES = { rnn: 1, lstm: 4, gru: 3 } as const;

/** Draws a layer: textbook biases at `easy`, PyTorch's two bias vectors and a dense head at harder levels. */
export function drawCell(rng: Rng, difficulty: Difficulty): CellSpec {
  const cell = rng.pick(['rnn', 'lstm', 'gru'] as const);
  const inputSize = byDifficulty(difficulty, rng.int(1, 6), rng.int(2, 32), rng.pick([50, 100, 128, 256, 300]));
  const bias = difficulty === 'easy' || rng.chance(0.85);
  const biasesPerGate = difficulty !== 'easy' && rng.chance(0.4) ? 2 : 1;
  const head = difficulty !== 'easy' && rng.chance(0.4);
  return {
    cell,
    inputSize,
    bias,
    biasesPerGate,
    ...(head ? { outputSize: rng.int(1, byDifficulty(difficulty, 4, 10, 1000)), outputBias: rng.chance(0.8) } : {}),
  };
}

/** The number of parameters of the layer with `hidden` units (G·H·(D + H) + G·H·k + O·H + O). */
export function countParams(spec: CellSpec, hidden: number): number {
  const g = GATES[spec.cell];
  const k = spec.bias ? spec.biasesPerGate : 0;
  const o = spec.outputSize ?? 0;
  return (
    g * hidden * (spec.inputSize + hidden) + g * hidden * k + o * hidden + (o && spec.outputBias !== false ? o : 0)
  );
}

/** The layer in words, e.g. "an LSTM layer on 3 input features (one bias vector per gate)". */
export function describeCell(spec: CellSpec): string {
  const name = { rnn: 'a simple RNN', lstm: 'an LSTM', gru: 'a GRU' }[spec.cell];
  const biases = !spec.bias
    ? 'without biases'
    : spec.biasesPerGate === 2
      ? 'with two bias vectors per gate, as in PyTorch'
      : 'with one bias vector per gate';
  const head = spec.outputSize
    ? `, followed by a dense output layer of ${spec.outputSize} units ${spec.outputBias === false ? 'without' : 'with'} bias`
    : '';
  return `${name} layer on ${spec.inputSize} input features ${biases}${head}`;
}
