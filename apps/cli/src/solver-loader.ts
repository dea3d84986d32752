/**
 * The registry the `dnn` process needs, loaded lazily: `dnn solve <id>` evaluates only the solver package
 * its id names (conv/… → @dnn/conv), which starts it about a quarter faster; everything else, and an id
 * that package does not hold, loads every package (so unknown-id messages are the same).
 */
import { createRegistry, type Registry, type SolverPackage } from '@dnn/core';

/** Each package's id prefix and a loader; the order is the catalog's (registry.ts). */
const PACKAGES: Record<string, () => Promise<SolverPackage>> = {
  conv: async () => ({ name: '@dnn/conv', solvers: (await import('@dnn/conv')).solvers }),
  rnn: async () => ({ name: '@dnn/rnn', solvers: (await import('@dnn/rnn')).solvers }),
  optim: async () => ({ name: '@dnn/optim', solvers: (await import('@dnn/optim')).solvers }),
  logic: async () => ({ name: '@dnn/logic-nets', solvers: (await import('@dnn/logic-nets')).solvers }),
};

/** The registry for a `dnn` command line (`argv` without node and the script). */
export async function registryFor(argv: readonly string[]): Promise<Registry> {
  const [command, id] = argv;
  const prefix = command === 'solve' && id !== undefined ? id.split('/')[0] : undefined;
  const load = prefix !== undefined && Object.hasOwn(PACKAGES, prefix) ? PACKAGES[prefix] : undefined;
  if (load && id !== undefined) {
    const one = createRegistry([await load()]);
    if (one.has(id)) return one;
  }
  return (await import('./registry.js')).registry;
}
