/**
 * Every published solver, combined from the packages directly (not through
 * apps/cli, so the site bundles only the solver code). The calculators, the
 * widgets and the route plugin all discover solvers here: a new solver in a
 * package's `solvers` array appears on the site with no docs change.
 */
import { solvers as conv } from '@dnn/conv';
import { type AnySolver, createRegistry, type Registry, type SolverInfo } from '@dnn/core';
import { solvers as logicNets } from '@dnn/logic-nets';
import { solvers as optim } from '@dnn/optim';
import { solvers as rnn } from '@dnn/rnn';
import { packageTopics } from './solver-topics';

const topic = (name: string) => packageTopics.find((p) => p.name === name)?.topic ?? name;

/** Solver packages in catalog order, with the API-reference page of each. */
export const solverPackages = [
  { name: '@dnn/conv', topic: topic('@dnn/conv'), solvers: conv },
  { name: '@dnn/rnn', topic: topic('@dnn/rnn'), solvers: rnn },
  { name: '@dnn/optim', topic: topic('@dnn/optim'), solvers: optim },
  { name: '@dnn/logic-nets', topic: topic('@dnn/logic-nets'), solvers: logicNets },
] as const;

/** The registry of every solver on the site. */
export const registry = createRegistry(solverPackages);

/** Every solver's id, title and package, in catalog order. */
export const solverInfos: SolverInfo[] = registry.list();

/** The solver with this id, or undefined when it is not registered (yet). */
export function findSolver(id: string): AnySolver | undefined {
  const untyped: Registry = registry;
  return untyped.has(id) ? untyped.get(id) : undefined;
}

/** The package that publishes solver `id`. */
export function packageOf(id: string): string | undefined {
  return solverInfos.find((i) => i.id === id)?.package;
}

export { apiPath, calculatorPath } from './solver-paths';
