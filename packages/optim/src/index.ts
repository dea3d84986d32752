/**
 * @dnn/optim — step-by-step solvers (see README.md).
 * @packageDocumentation
 */
import { type AnySolver, createRegistry } from '@dnn/core';
import { gradient } from './gradient.js';
import { hessian } from './hessian.js';
import { learningRate } from './learning-rate.js';

export { type GradientAnswer, type GradientGraphNode, gradient } from './gradient.js';
export { type Classification, type HessianAnswer, hessian } from './hessian.js';
export { type LearningRateAnswer, learningRate } from './learning-rate.js';

/** Every solver of this package, in catalog order. */
export const solvers: readonly AnySolver[] = [gradient, hessian, learningRate];

/** Solves a problem of this package by id. */
export const { solve, list } = createRegistry([{ name: '@dnn/optim', solvers }]);
