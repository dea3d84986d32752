/**
 * dnn-solvers — every step-by-step solver of the `@dnn/*` packages in one registry typed per id, the
 * packages themselves as namespaces, and the `dnn` command (`npx dnn-solvers list`).
 *
 * ```ts
 * import { solve } from 'dnn-solvers';
 * const { answer, steps } = solve('rnn/params', { cell: 'lstm', inputSize: 10, hiddenSize: 20 });
 * ```
 * @packageDocumentation
 */
import { solvers as convSolvers } from '@dnn/conv';
import { createRegistry, type TypedRegistry } from '@dnn/core';
import { solvers as logicSolvers } from '@dnn/logic-nets';
import { solvers as optimSolvers } from '@dnn/optim';
import { solvers as rnnSolvers } from '@dnn/rnn';

export * as conv from '@dnn/conv';
export * as core from '@dnn/core';
export {
  DnnInputError,
  isDnnInputError,
  type RenderFormat,
  renderSolution,
  type Solution,
  type Step,
} from '@dnn/core';
export * as kernels from '@dnn/core-wasm';
export * as logicNets from '@dnn/logic-nets';
export * as optim from '@dnn/optim';
export * as practice from '@dnn/practice';
export * as rnn from '@dnn/rnn';

/** Every solver, in catalog order: conv, rnn, optim, logic. */
export type AllSolvers = [...typeof convSolvers, ...typeof rnnSolvers, ...typeof optimSolvers, ...typeof logicSolvers];

/** Every solver id of the catalog. */
export type SolverId = AllSolvers[number]['id'];

/** The solver packages, in catalog order (the shape `createRegistry` and the CLI take). */
export const packages: readonly [
  { readonly name: '@dnn/conv'; readonly solvers: typeof convSolvers },
  { readonly name: '@dnn/rnn'; readonly solvers: typeof rnnSolvers },
  { readonly name: '@dnn/optim'; readonly solvers: typeof optimSolvers },
  { readonly name: '@dnn/logic-nets'; readonly solvers: typeof logicSolvers },
] = [
  { name: '@dnn/conv', solvers: convSolvers },
  { name: '@dnn/rnn', solvers: rnnSolvers },
  { name: '@dnn/optim', solvers: optimSolvers },
  { name: '@dnn/logic-nets', solvers: logicSolvers },
];

/** Every solver by id, typed per id (pure: dropped by bundlers when only a namespace is imported). */
export const registry: TypedRegistry<AllSolvers> = /* @__PURE__ */ createRegistry(packages);

/**
 * Validates and solves any problem of the catalog by id, typed per id: the input is checked against that
 * solver's schema type, the answer has its answer schema's type. Bad input throws `DnnInputError` naming the field.
 */
export const solve = ((id: never, input: unknown) => registry.solve(id, input)) as typeof registry.solve;

/** Every solver's id, title and package, in catalog order. */
export const list = (() => registry.list()) as typeof registry.list;

/** The solver with this id (its schemas, examples and `run`). */
export const get = ((id: never) => registry.get(id)) as typeof registry.get;
