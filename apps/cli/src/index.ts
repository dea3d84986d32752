/**
 * @dnn/cli — the `dnn` command, also usable as a library: `main` runs it
 * with injected I/O, `registry` holds every solver.
 * @packageDocumentation
 */
export { type BlockSolver, runBatch, type SolvedBlock, solveLine, solveLines } from './batch.js';
export { type Io, main } from './main.js';
export { packages, registry } from './registry.js';
