/**
 * The optional dense output layer y_t = act(Why·h_t + by) shared by
 * rnn/forward and rnn/lstm-forward: its schema fields, shape checks and step.
 */
import { DnnInputError, eq, type Step, step } from '@dnn/core';
import * as z from 'zod/mini';
import { activate, activationChain, type OutputActivation, outputActivationField } from './activations.js';
import {
  type MatrixInput,
  rowCount,
  scalarOrMatrix,
  scalarOrVector,
  toMatrix,
  toVector,
  type VectorInput,
} from './arrays.js';
import { affine } from './show.js';

/** Schema fields of the output layer. */
export const outputFields = {
  Why: z.optional(
    scalarOrMatrix('Output weights [O][H] (optional: without them there is no output layer and y is null).'),
  ),
  by: z.optional(scalarOrVector('Output bias [O] (optional, default zeros; needs Why).')),
  outputActivation: outputActivationField,
};

/** A checked output layer. */
export interface OutputLayer {
  W: number[][];
  b: number[] | undefined;
  activation: OutputActivation;
}

/** Checks the output fields against hidden size `hidden`; `null` when there is no output layer. */
export function parseOutputLayer(
  inp: { Why?: MatrixInput | undefined; by?: VectorInput | undefined; outputActivation: OutputActivation },
  hidden: number,
  paths: { Why?: string | undefined; by?: string | undefined } = {},
): OutputLayer | null {
  const whyPath = paths.Why ?? 'Why';
  const byPath = paths.by ?? 'by';
  if (inp.Why === undefined) {
    if (inp.by !== undefined) throw new DnnInputError(byPath, 'is the output bias; it needs the output weights Why');
    if (inp.outputActivation !== 'linear') {
      throw new DnnInputError('outputActivation', 'applies to the output layer; give its weights Why');
    }
    return null;
  }
  const o = rowCount(inp.Why, whyPath);
  const W = toMatrix(inp.Why, whyPath, o, hidden, '[O][H]');
  const b = inp.by === undefined ? undefined : toVector(inp.by, byPath, o, `one per output, O = ${o} rows of Why`);
  return { W, b, activation: inp.outputActivation };
}

/** Multiply-adds of the output layer per time step. */
export function outputCost(layer: OutputLayer | null): number {
  return layer ? layer.W.length * (layer.W[0]?.length ?? 0) : 0;
}

/** Applies the output layer to h_t, with the step that shows it (built only when `explain`). */
export function outputAt(layer: OutputLayer, t: number, h: number[], explain = true): { y: number[]; step?: Step } {
  const pre = affine(
    [{ W: 'W_hy', v: `h_${t}`, M: layer.W, x: h }],
    layer.b && { name: 'b_y', value: layer.b },
    explain,
  );
  const y = activate(layer.activation, pre.value);
  if (!explain) return { y };
  return { y, step: step(`t = ${t}: output`, eq(`y_${t}`, ...activationChain(layer.activation, pre.chain, y))) };
}
