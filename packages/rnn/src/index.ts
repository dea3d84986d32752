/**
 * @dnn/rnn — step-by-step solvers for recurrent networks: parameter counts and
 * their inverse, RNN and LSTM forward passes, BPTT gradients, gradient flow.
 * @packageDocumentation
 */
import { createRegistry } from '@dnn/core';
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
export const solvers = [params, solveHiddenSize, forward, bptt, lstmForward, gradientFlow] as const;

// Pure and only reached through the functions below, so a bundle that imports one solver drops it (and the others).
const registry = /* @__PURE__ */ createRegistry([{ name: '@dnn/rnn', solvers }]);

/** The ids of this package's solvers. */
export type RnnSolverId = (typeof solvers)[number]['id'];

/**
 * Validates and solves a problem of this package by id, typed per id: the input is checked against the solver's
 * schema type and the answer has its answer schema's type. Bad input throws `DnnInputError` naming the field.
 */
export const solve = ((id: never, input: unknown) => registry.solve(id, input)) as typeof registry.solve;

/** Every solver's id, title and package. */
export const list = (() => registry.list()) as typeof registry.list;

/** The solver with this id. */
export const get = ((id: never) => registry.get(id)) as typeof registry.get;
