/**
 * @dnn/conv — step-by-step solvers for convolutional networks.
 * @packageDocumentation
 */
import { type AnySolver, createRegistry } from '@dnn/core';
import { batchnorm } from './batchnorm.js';
import { forward } from './forward.js';
import { initVariance } from './init-variance.js';
import { kernelEffect } from './kernel-effect.js';
import { outputShape } from './output-shape.js';
import { pool } from './pool.js';
import { receptiveField } from './receptive-field.js';
import { solveKernel } from './solve-kernel.js';
import { summary } from './summary.js';

export { type BatchnormAnswer, batchnorm } from './batchnorm.js';
export { type ForwardAnswer, forward } from './forward.js';
export { type InitVarianceAnswer, initVariance } from './init-variance.js';
export { type KernelEffect, type KernelEffectAnswer, kernelEffect } from './kernel-effect.js';
export { type OutputShapeAnswer, outputShape } from './output-shape.js';
export { type PoolAnswer, pool } from './pool.js';
export { type FieldRow, type ReceptiveFieldAnswer, receptiveField } from './receptive-field.js';
export { type SolveKernelAnswer, solveKernel } from './solve-kernel.js';
export { type SummaryAnswer, type SummaryRow, summary } from './summary.js';

/** Every conv/* solver, in catalog order. */
export const solvers: readonly AnySolver[] = [
  outputShape,
  summary,
  receptiveField,
  forward,
  pool,
  solveKernel,
  kernelEffect,
  batchnorm,
  initVariance,
];

/** Solves a conv/* problem by id: `solve('conv/output-shape', {...})`. */
export const { solve, list } = createRegistry([{ name: '@dnn/conv', solvers }]);
