/**
 * @dnn/logic-nets — step-by-step solvers for perceptrons and boolean threshold
 * networks: separability, minimal MLPs, perceptron learning, parity networks,
 * decision regions (see README.md).
 * @packageDocumentation
 */
import { type AnySolver, createRegistry } from '@dnn/core';
import { perceptron } from './perceptron.js';

export { type PerceptronAnswer, perceptron } from './perceptron.js';

/** Every logic/* solver, in catalog order. */
export const solvers: readonly AnySolver[] = [perceptron];

/** Solves a logic/* problem by id: `solve('logic/perceptron', {...})`. */
export const { solve, list } = createRegistry([{ name: '@dnn/logic-nets', solvers }]);
