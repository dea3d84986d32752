/** The registry of every solver package, for the practice tests. */
import { solvers as conv } from '@dnn/conv';
import { createRegistry, type TypedRegistry } from '@dnn/core';
import { solvers as logicNets } from '@dnn/logic-nets';
import { solvers as optim } from '@dnn/optim';
import { solvers as rnn } from '@dnn/rnn';

/** Every registered solver. */
export const registry: TypedRegistry<[...typeof conv, ...typeof rnn, ...typeof optim, ...typeof logicNets]> =
  createRegistry([
    { name: '@dnn/conv', solvers: conv },
    { name: '@dnn/rnn', solvers: rnn },
    { name: '@dnn/optim', solvers: optim },
    { name: '@dnn/logic-nets', solvers: logicNets },
  ]);
