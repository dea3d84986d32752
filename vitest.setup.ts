// Property tests explore new random cases on every local run; under CI (CI=true) they replay a fixed seed so a
// landing is decided by the code, not by luck. FC_SEED=<n> replays any run that printed its seed.
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261126' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
