/**
 * The solve worker: answers {@link SolveRequest}s with {@link SolveResponse}s,
 * newest request per channel wins (see createSolveHandler). Started by
 * use-solution.ts with `new Worker(new URL('./solve-worker.ts', import.meta.url))`;
 * the bundler gives it its own entry, which shares the solver-library chunk
 * with the pages. It also renders the steps' maths (KaTeX), which the
 * calculator pages then never load on their main thread. Requests wait for the
 * kernels' dnn_core.wasm (fetched once; the bundler emits it as an asset).
 */
import { loadKernels } from '@dnn/core-wasm';
import { solveById, withStepsHtml } from './solve-outcome';
import { createSolveHandler, type SolveRequest, type SolveResponse } from './solve-protocol';

/** The worker global, typed without pulling the WebWorker lib into the site's DOM typings. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SolveRequest>) => void) | null;
  postMessage(message: SolveResponse): void;
};

function post(response: SolveResponse): void {
  try {
    scope.postMessage(response);
  } catch (e) {
    // A solution that cannot be cloned is a solver bug (answers are plain JSON data): say so instead of hanging.
    scope.postMessage({
      ...response,
      outcome: { kind: 'internal', message: `the solution could not be sent to the page: ${String(e)}` },
    });
  }
}

// The answer first, then the steps' maths (KaTeX takes far longer than most solvers).
const handle = createSolveHandler(solveById, post, (drain) => setTimeout(drain, 0), withStepsHtml);
// Without the module the solvers answer with their own double-precision loops (same answers; "single" is told).
const kernelsReady = loadKernels().catch((e: unknown) => console.warn('dnn_core.wasm did not load:', e));
scope.onmessage = (event) => void kernelsReady.then(() => handle(event.data));
