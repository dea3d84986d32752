/**
 * @dnn/conv — step-by-step solvers for convolutional networks.
 * @packageDocumentation
 */
import { createRegistry } from '@dnn/core';
import { backprop } from './backprop.js';
import { batchnorm } from './batchnorm.js';
import { designKernel } from './design-kernel.js';
import { forward } from './forward.js';
import { initVariance } from './init-variance.js';
import { kernelEffect } from './kernel-effect.js';
import { outputShape } from './output-shape.js';
import { pool } from './pool.js';
import { receptiveField } from './receptive-field.js';
import { solveKernel } from './solve-kernel.js';
import { summary } from './summary.js';

export { type BackpropAnswer, backprop } from './backprop.js';
export { type BatchnormAnswer, batchnorm } from './batchnorm.js';
export { type DesignKernelAnswer, designKernel } from './design-kernel.js';
export { type ForwardAnswer, forward } from './forward.js';
export { type InitVarianceAnswer, initVariance } from './init-variance.js';
export { type KernelEffect, type KernelEffectAnswer, kernelEffect } from './kernel-effect.js';
export { type OutputShapeAnswer, outputShape } from './output-shape.js';
export { type PoolAnswer, pool } from './pool.js';
export { type FieldRow, type ReceptiveFieldAnswer, receptiveField } from './receptive-field.js';
export { type SolveKernelAnswer, solveKernel } from './solve-kernel.js';
export { type SummaryAnswer, type SummaryRow, summary } from './summary.js';
/** A nested list of numbers (a tensor of any rank), as the tensor inputs take it. */
export type { Nested } from './tensor.js';

/** Every conv/* solver, in catalog order. */
export const solvers = [
  outputShape,
  summary,
  receptiveField,
  forward,
  pool,
  solveKernel,
  kernelEffect,
  batchnorm,
  initVariance,
  backprop,
  designKernel,
] as const;

// Pure and only reached through the functions below, so a bundle that imports one solver drops it (and the others).
const registry = /* @__PURE__ */ createRegistry([{ name: '@dnn/conv', solvers }]);

/** The ids of this package's solvers. */
export type ConvSolverId = (typeof solvers)[number]['id'];

/**
 * Validates and solves a conv/* problem by id, typed per id: `solve('conv/output-shape', {...}).answer.outputShape`.
 * Bad input throws `DnnInputError` naming the field.
 */
export const solve = ((id: never, input: unknown) => registry.solve(id, input)) as typeof registry.solve;

/** Every conv/* solver's id, title and package. */
export const list = (() => registry.list()) as typeof registry.list;

/** The conv/* solver with this id. */
export const get = ((id: never) => registry.get(id)) as typeof registry.get;
