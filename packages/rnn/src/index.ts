/**
 * @dnn/rnn — step-by-step solvers for recurrent networks: parameter counts and
 * their inverse, RNN and LSTM forward passes, BPTT gradients, gradient flow.
 * @packageDocumentation
 */
import { type AnySolver, createRegistry } from '@dnn/core';
import { bptt } from './bptt.js';
import { forward } from './forward.js';
import { gradientFlow } from './gradient-flow.js';
import { lstmForward } from './lstm-forward.js';
import { params } from './params.js';
import { solveHiddenSize } from './solve-hidden-size.js';

export { type BpttAnswer, bptt } from './bptt.js';
export { type ForwardAnswer, forward } from './forward.js';
export { type GradientFlowAnswer, gradientFlow, type Verdict } from './gradient-flow.js';
export { type GateValues, type LstmForwardAnswer, lstmForward } from './lstm-forward.js';
export type { ParamBreakdown } from './param-count.js';
export { type ParamsAnswer, params } from './params.js';
export { type SolveHiddenSizeAnswer, solveHiddenSize } from './solve-hidden-size.js';

/** Every rnn/* solver, in catalog order. */
export const solvers: readonly AnySolver[] = [params, solveHiddenSize, forward, bptt, lstmForward, gradientFlow];

/** Solves an rnn/* problem by id: `solve('rnn/params', {...})`. */
export const { solve, list } = createRegistry([{ name: '@dnn/rnn', solvers }]);
