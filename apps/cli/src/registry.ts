/** The registry of every published solver: what `dnn`, the docs and the benchmarks use. */
import { solvers as conv } from '@dnn/conv';
import { createRegistry } from '@dnn/core';
import { solvers as logicNets } from '@dnn/logic-nets';
import { solvers as optim } from '@dnn/optim';
import { solvers as rnn } from '@dnn/rnn';

/** All solver packages, in catalog order. */
export const packages = [
  { name: '@dnn/conv', solvers: conv },
  { name: '@dnn/rnn', solvers: rnn },
  { name: '@dnn/optim', solvers: optim },
  { name: '@dnn/logic-nets', solvers: logicNets },
] as const;

/** Every solver by id. */
export const registry = createRegistry(packages);
