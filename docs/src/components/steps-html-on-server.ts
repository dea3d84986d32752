/**
 * The steps' KaTeX HTML of a prerendered calculator — on the server only.
 *
 * The server render calls this to put the maths into the static HTML. In the
 * browser bundle the site-weight plugin replaces this module with
 * steps-html-on-client.ts (which returns undefined), so the calculator pages
 * never load KaTeX on the main thread: hydration keeps the prerendered maths
 * (React leaves `dangerouslySetInnerHTML` content it hydrates as it is), and
 * later solutions arrive from the worker with their HTML.
 */
import type { Solution } from '@dnn/core';
import { stepsHtml } from './steps-html';

/** Each step's maths as KaTeX HTML (undefined in the browser build). */
export function serverStepsHtml(solution: Solution<unknown>): readonly string[] | undefined {
  return stepsHtml(solution);
}
