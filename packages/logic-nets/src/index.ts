/**
 * @dnn/logic-nets — step-by-step solvers for perceptrons and boolean threshold
 * networks: separability, minimal MLPs, perceptron learning, parity networks,
 * decision regions (see README.md).
 * @packageDocumentation
 */
import { createRegistry } from '@dnn/core';
import { mlp } from './mlp.js';
import { perceptron } from './perceptron.js';
import { perceptronTrain } from './perceptron-train.js';
import { regionMlp } from './region-mlp.js';
import { xorParity } from './xor-parity.js';

export { type MlpAnswer, mlp } from './mlp.js';
export { type PerceptronAnswer, perceptron } from './perceptron.js';
export { type PerceptronTrainAnswer, perceptronTrain, type TrainRow } from './perceptron-train.js';
export { type HalfPlane, type RegionMlpAnswer, regionMlp } from './region-mlp.js';
export { type XorParityAnswer, xorParity } from './xor-parity.js';

/** Every logic/* solver, in catalog order. */
export const solvers = [perceptron, mlp, perceptronTrain, xorParity, regionMlp] as const;

// Pure and only reached through the functions below, so a bundle that imports one solver drops it (and the others).
const registry = /* @__PURE__ */ createRegistry([{ name: '@dnn/logic-nets', solvers }]);

/** The ids of this package's solvers. */
export type LogicSolverId = (typeof solvers)[number]['id'];

/**
 * Validates and solves a problem of this package by id, typed per id: the input is checked against the solver's
 * schema type and the answer has its answer schema's type. Bad input throws `DnnInputError` naming the field.
 */
export const solve = ((id: never, input: unknown) => registry.solve(id, input)) as typeof registry.solve;

/** Every solver's id, title and package. */
export const list = (() => registry.list()) as typeof registry.list;

/** The solver with this id. */
export const get = ((id: never) => registry.get(id)) as typeof registry.get;
