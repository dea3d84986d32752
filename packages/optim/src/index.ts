/**
 * @dnn/optim — step-by-step solvers (see README.md).
 * @packageDocumentation
 */
import { createRegistry } from '@dnn/core';
import { batches } from './batches.js';
import { criticalPoints } from './critical-points.js';
import { derivative } from './derivative.js';
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

export { type Activation, activate, activationDerivative, DERIVATIVE_TEXT, sigmoid } from './activations.js';
export { type BatchesAnswer, batches } from './batches.js';
export { type CriticalPointsAnswer, criticalPoints } from './critical-points.js';
export { type DerivativeAnswer, derivative } from './derivative.js';
export { type DivergenceAnswer, divergence } from './divergence.js';
export { type DropoutAnswer, dropout } from './dropout.js';
export { type GradientAnswer, type GradientGraphNode, gradient } from './gradient.js';
export { type Classification, type HessianAnswer, hessian } from './hessian.js';
export { type LearningRateAnswer, learningRate } from './learning-rate.js';
export { logBaseField } from './log-base.js';
export { type LossAnswer, loss } from './loss.js';
export { computeLoss, LOSS_KINDS, type LossKind, type LossResult, lossOptionFields } from './loss-functions.js';
export { type LayerParams, type MlpStepAnswer, mlpStep } from './mlp-step.js';
export { type RegularizationAnswer, regularization } from './regularization.js';
export { type SoftmaxAnswer, softmax } from './softmax.js';
export { optimStep, type StepAnswer, type TrajectoryEntry } from './step.js';

/** Every solver of this package, in catalog order. */
export const solvers = [
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
  derivative,
  criticalPoints,
] as const;

// Pure and only reached through the functions below, so a bundle that imports one solver drops it (and the others).
const registry = /* @__PURE__ */ createRegistry([{ name: '@dnn/optim', solvers }]);

/** The ids of this package's solvers. */
export type OptimSolverId = (typeof solvers)[number]['id'];

/**
 * Validates and solves a problem of this package by id, typed per id: the input is checked against the solver's
 * schema type and the answer has its answer schema's type. Bad input throws `DnnInputError` naming the field.
 */
export const solve = ((id: never, input: unknown) => registry.solve(id, input)) as typeof registry.solve;

/** Every solver's id, title and package. */
export const list = (() => registry.list()) as typeof registry.list;

/** The solver with this id. */
export const get = ((id: never) => registry.get(id)) as typeof registry.get;
