/**
 * @dnn/conv — step-by-step solvers for convolutional networks.
 * @packageDocumentation
 */
import { type AnySolver, createRegistry } from '@dnn/core';
import { initVariance } from './init-variance.js';
import { outputShape } from './output-shape.js';
import { receptiveField } from './receptive-field.js';
import { summary } from './summary.js';

export { type InitVarianceAnswer, initVariance } from './init-variance.js';
export { type OutputShapeAnswer, outputShape } from './output-shape.js';
export { type FieldRow, type ReceptiveFieldAnswer, receptiveField } from './receptive-field.js';
export { type SummaryAnswer, type SummaryRow, summary } from './summary.js';

/** Every conv/* solver, in catalog order. */
export const solvers: readonly AnySolver[] = [outputShape, summary, receptiveField, initVariance];

/** Solves a conv/* problem by id: `solve('conv/output-shape', {...})`. */
export const { solve, list } = createRegistry([{ name: '@dnn/conv', solvers }]);
