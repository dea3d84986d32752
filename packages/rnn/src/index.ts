/**
 * @dnn/rnn — step-by-step solvers (see README.md).
 * @packageDocumentation
 */
import { type AnySolver, createRegistry } from '@dnn/core';

/** Every solver of this package, in catalog order. */
export const solvers: readonly AnySolver[] = [];

/** Solves a problem of this package by id. */
export const { solve, list } = createRegistry([{ name: '@dnn/rnn', solvers }]);
