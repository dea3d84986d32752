/** Answer fields shared by the unrolled forward solvers (rnn/forward, rnn/lstm-forward). */
import { a } from '@dnn/core';
import * as z from 'zod/mini';

/** Hidden states h_1 … h_T, one row per time step. */
export const hiddenStates = a.matrix(
  'Hidden states',
  'h_1 … h_T, [T][H]: row t is the hidden state after time step t (h_0 is not included).',
  { axes: ['t', 'H'] },
);

/** Outputs y_1 … y_T of the optional dense output layer. */
export const outputs = z.nullable(
  a.matrix(
    'Outputs',
    'y_t = outAct(Why·h_t + by), [T][O]: one row per time step; null without an output layer (no Why given).',
    { axes: ['t', 'O'] },
  ),
);
