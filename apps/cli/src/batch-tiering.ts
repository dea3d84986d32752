/**
 * V8 tiering for `dnn batch`. A batch runs dozens of different solvers a few hundred times each: a flat profile
 * over a lot of code. With V8's default interrupt budget (67,584 bytes of bytecode run before a function is
 * considered for optimisation), TurboFan compiles most of that code in every thread, and on the bench's
 * 10,000-line mixed file that compiling cost more CPU than the optimised code saved (2-core AMD EPYC, Node 20:
 * 3.2 s and 5.8 CPU-s with one worker; `--no-opt` took 4.4 CPU-s on one thread, the same as the default).
 * A budget of 400,000 optimises only what runs long: 2.3 s and 3.8 CPU-s, the same output. Measured budgets then:
 * 200,000 → 2.5 s, 400,000 → 2.3 s, 10⁶ → 2.4 s, 4·10⁶ → 2.4 s (one worker). Once the solvers did less work per
 * line, 800,000 came out ahead: medians of 9 interleaved runs 2.22 s against 2.26 s for 400,000 (fastest 2.00 against
 * 2.19); 1.5·10⁶ and 3·10⁶ were no better. The figures vary ±15 % from run to run on this machine.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytes of bytecode a function runs before V8 considers optimising it, in `dnn batch` and its workers. */
export const BATCH_INTERRUPT_BUDGET = 800_000;

/**
 * Raises V8's interrupt budget for this process (worker threads share it). Call before solving: a function's
 * budget is set when its feedback is first allocated, so functions that have not run yet all get the new one.
 */
export function tuneTieringForBatch(): void {
  setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
}
