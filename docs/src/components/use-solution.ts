/**
 * `useSolution`: a calculator's outcome, solved off the main thread.
 *
 * The first outcome comes with the calculator's data (solved at build time for
 * a calculator page, or by the guide's calculator itself), so the prerendered
 * HTML already holds the default answer and hydration matches it. Every later
 * input goes to one Web Worker shared by all calculators of the page
 * (solve-worker.ts), which also renders the steps' maths; answers to
 * superseded inputs are dropped, and the previous outcome stays on screen,
 * flagged `pending`, until the current one arrives. Where Worker is missing or
 * the worker fails, the solver library is loaded into the page and solves
 * there, same outcomes.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Outcome } from './calculator-data.mjs';
import { createSolveClient, type SolveChannel, type SolveClient, type SolveResponse, solveKey } from './solve-protocol';

export type { Outcome } from './calculator-data.mjs';

/** What {@link useSolution} returns. */
export interface SolutionState {
  /**
   * The outcome to show: the current input's, or, while `pending`, the last
   * outcome that arrived (of an earlier input), never `undefined`.
   */
  outcome: Outcome;
  /** True while the current input is being solved and `outcome` belongs to an earlier input. */
  pending: boolean;
}

let shared: SolveClient | undefined;

type Shown = { key: string; outcome: Outcome };

/**
 * The state after `outcome` for `key` arrived: when it only adds the steps' maths to the solution already
 * shown for that key (the worker's second message), the shown solution object is kept, so the answer
 * (memoised on it) does not render again.
 */
function arrived(prev: Shown, key: string, outcome: Outcome): Shown {
  const old = prev.outcome;
  if (prev.key === key && old.kind === 'solved' && !old.html && outcome.kind === 'solved' && outcome.html)
    return { key, outcome: { ...old, html: outcome.html } };
  return { key, outcome };
}

/** Runs `fn` after the next frame has been painted. */
function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/** Solving on the page's thread, for when there is no worker: loads the solver library on first use. */
async function solveOnPage(id: string, input: unknown): Promise<Outcome> {
  const { solveAndRender } = await import('./solve-outcome');
  return solveAndRender(id, input);
}

/** The page's solve client: one worker for every calculator, or solving on the page where that fails. */
function solveClient(): SolveClient {
  if (shared) return shared;
  let worker: Worker | undefined;
  try {
    if (typeof Worker !== 'undefined') {
      worker = new Worker(new URL('./solve-worker.ts', import.meta.url), { type: 'module' });
    }
  } catch {
    worker = undefined;
  }
  const client = createSolveClient(solveOnPage, worker ? (request) => worker.postMessage(request) : undefined);
  if (worker) {
    const w = worker;
    w.onmessage = (event: MessageEvent<SolveResponse>) => client.receive(event.data);
    w.onerror = (event) => {
      event.preventDefault();
      w.terminate();
      client.fail();
    };
    w.onmessageerror = () => {
      w.terminate();
      client.fail();
    };
  }
  shared = client;
  return client;
}

/**
 * Solves `input` with solver `solverId` and keeps the outcome current as the
 * input changes, without blocking the main thread.
 *
 * - First render (server prerender and hydration): `first`, the outcome of
 *   the first `input`, which the caller already has; not pending.
 * - If `first` is solved but its steps' maths was not rendered (a calculator
 *   page in the browser: KaTeX stays off the main thread) and `mathMissing()`
 *   says the page lacks it (no prerendered maths: a client-side navigation),
 *   the worker solves the first input again for its maths once the page is
 *   idle, without flagging it pending.
 * - A solved outcome may arrive twice (see solve-protocol.ts): first without
 *   its steps' maths, then with it. The maths is rendered only after the frame
 *   that shows the answer: laying out a long worked solution never delays the
 *   answer, even when both arrive together.
 * - Later changes of `solverId` or `input` (compared by value, as JSON): sent
 *   to the solve worker (started when the page is first idle, or by the first
 *   change if that comes sooner); until the answer arrives `pending` is true and
 *   `outcome` is the previous one. Answers to inputs that were replaced
 *   meanwhile are dropped; returning to the input already shown cancels the
 *   request in flight. The new outcome is rendered as a transition, so a large
 *   answer never blocks typing.
 *
 * `input` must be JSON data (it is cloned to the worker and keyed by its JSON).
 *
 * @example
 * const { outcome, pending } = useSolution('conv/output-shape', value, data.outcome);
 * if (outcome.kind === 'solved') show(outcome.solution, { dimmed: pending });
 */
export function useSolution(
  solverId: string,
  input: unknown,
  first: Outcome,
  mathMissing: () => boolean = () => true,
): SolutionState {
  const key = solveKey(solverId, input);
  const [shown, setShown] = useState<Shown>(() => ({ key, outcome: first }));
  const shownKey = useRef(shown.key);
  shownKey.current = shown.key;
  const channel = useRef<SolveChannel | undefined>(undefined);
  const latest = useRef({ solverId, input });
  latest.current = { solverId, input };
  const needsHtml = useRef(first.kind === 'solved' && !first.html);
  const lacksMath = useRef(mathMissing);
  lacksMath.current = mathMissing;
  // The steps' maths of an answer waits here until that answer has been committed and painted.
  const committedKey = useRef(shown.key);
  const mathWaiting = useRef<{ key: string; show: () => void }>(undefined);
  const releaseMath = useCallback(() => {
    const waiting = mathWaiting.current;
    if (!waiting || waiting.key !== committedKey.current) return;
    mathWaiting.current = undefined;
    afterNextPaint(waiting.show);
  }, []);
  useEffect(() => {
    committedKey.current = shown.key;
    releaseMath();
  }, [shown, releaseMath]);

  useEffect(() => {
    // Start the worker once the page is idle (it loads and runs the solver chunk), not during hydration;
    // the first input change starts it at once if that comes first.
    const warm = () => {
      channel.current ??= solveClient().open();
      if (!needsHtml.current) return;
      needsHtml.current = false;
      if (!lacksMath.current()) return;
      const { solverId: id, input: value } = latest.current;
      const current = solveKey(id, value);
      // Only while the first outcome is on screen: a later input's answer brings its own HTML.
      if (current !== shownKey.current) return;
      channel.current.solve(id, value, (outcome) =>
        startTransition(() => setShown((prev) => arrived(prev, current, outcome))),
      );
    };
    const idle = 'requestIdleCallback' in window;
    const handle = idle ? window.requestIdleCallback(warm, { timeout: 2000 }) : window.setTimeout(warm, 500);
    return () => {
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
      channel.current?.close();
      channel.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (key === shownKey.current) {
      channel.current?.cancel();
      return;
    }
    needsHtml.current = false;
    channel.current ??= solveClient().open();
    const { solverId: id, input: value } = latest.current;
    let answered = false;
    channel.current.solve(id, value, (outcome) => {
      const mathOnly = answered && outcome.kind === 'solved' && outcome.html !== undefined;
      answered = true;
      if (!mathOnly) {
        // A transition: rendering a large new answer yields to typing, and is dropped if the input changes again.
        startTransition(() => setShown((prev) => arrived(prev, key, outcome)));
        return;
      }
      // Only onto this key's answer: a newer input's answer may have come meanwhile.
      const show = () =>
        startTransition(() => setShown((prev) => (prev.key === key ? arrived(prev, key, outcome) : prev)));
      mathWaiting.current = { key, show };
      releaseMath();
    });
  }, [key, releaseMath]);

  return { outcome: shown.outcome, pending: key !== shown.key };
}
