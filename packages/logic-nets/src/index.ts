/**
 * @dnn/logic-nets — step-by-step solvers for perceptrons and boolean threshold
 * networks: separability, minimal MLPs, perceptron learning, parity networks,
 * decision regions (see README.md).
 * @packageDocumentation
 */
import { type AnySolver, createRegistry } from '@dnn/core';
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
export const solvers: readonly AnySolver[] = [perceptron, mlp, perceptronTrain, xorParity, regionMlp];

/** Solves a logic/* problem by id: `solve('logic/perceptron', {...})`. */
export const { solve, list } = createRegistry([{ name: '@dnn/logic-nets', solvers }]);
