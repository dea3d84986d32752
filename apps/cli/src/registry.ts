/** The registry of every published solver: what `dnn`, the docs and the benchmarks use. */
import { solvers as conv } from '@dnn/conv';
import { createRegistry, type TypedRegistry } from '@dnn/core';
import { solvers as logicNets } from '@dnn/logic-nets';
import { solvers as optim } from '@dnn/optim';
import { solvers as rnn } from '@dnn/rnn';

/** All solver packages, in catalog order. */
export const packages: readonly [
  { readonly name: '@dnn/conv'; readonly solvers: typeof conv },
  { readonly name: '@dnn/rnn'; readonly solvers: typeof rnn },
  { readonly name: '@dnn/optim'; readonly solvers: typeof optim },
  { readonly name: '@dnn/logic-nets'; readonly solvers: typeof logicNets },
] = [
  { name: '@dnn/conv', solvers: conv },
  { name: '@dnn/rnn', solvers: rnn },
  { name: '@dnn/optim', solvers: optim },
  { name: '@dnn/logic-nets', solvers: logicNets },
];

/** Every solver by id, typed per id (the type names the packages' `solvers`, keeping the declarations small). */
export const registry: TypedRegistry<[...typeof conv, ...typeof rnn, ...typeof optim, ...typeof logicNets]> =
  createRegistry(packages);
