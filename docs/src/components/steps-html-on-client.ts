/**
 * The browser build's stand-in for steps-html-on-server.ts (swapped in by the
 * site-weight plugin): no KaTeX on the main thread, so no HTML here.
 */
import type { Solution } from '@dnn/core';

/** Always undefined in the browser: the prerendered maths stays, new maths comes from the worker. */
export function serverStepsHtml(_solution: Solution<unknown>): readonly string[] | undefined {
  return undefined;
}
