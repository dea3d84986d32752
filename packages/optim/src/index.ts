/**
 * @dnn/optim — step-by-step solvers (see README.md).
 * @packageDocumentation
 */
import { type AnySolver, createRegistry } from '@dnn/core';
import { batches } from './batches.js';
import { divergence } from './divergence.js';
import { dropout } from './dropout.js';
import { gradient } from './gradient.js';
import { hessian } from './hessian.js';
import { learningRate } from './learning-rate.js';
import { loss } from './loss.js';
import { mlpStep } from './mlp-step.js';
import { regularization } from './regularization.js';
import { softmax } from './softmax.js';
import { optimStep } from './step.js';

export { type BatchesAnswer, batches } from './batches.js';
export { type DivergenceAnswer, divergence } from './divergence.js';
export { type DropoutAnswer, dropout } from './dropout.js';
export { type GradientAnswer, type GradientGraphNode, gradient } from './gradient.js';
export { type Classification, type HessianAnswer, hessian } from './hessian.js';
export { type LearningRateAnswer, learningRate } from './learning-rate.js';
export { type LossAnswer, loss } from './loss.js';
export { type LayerParams, type MlpStepAnswer, mlpStep } from './mlp-step.js';
export { type RegularizationAnswer, regularization } from './regularization.js';
export { type SoftmaxAnswer, softmax } from './softmax.js';
export { optimStep, type StepAnswer, type TrajectoryEntry } from './step.js';

/** Every solver of this package, in catalog order. */
export const solvers: readonly AnySolver[] = [
  gradient,
  hessian,
  optimStep,
  learningRate,
  loss,
  softmax,
  divergence,
  mlpStep,
  batches,
  dropout,
  regularization,
];

/** Solves a problem of this package by id. */
export const { solve, list } = createRegistry([{ name: '@dnn/optim', solvers }]);
