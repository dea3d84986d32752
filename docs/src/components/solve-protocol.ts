/**
 * The pure parts of solving off the main thread, with no React and no Worker
 * in sight so they can be tested in Node: the messages, the worker's
 * latest-request-wins queue, and the page's client that numbers requests and
 * drops stale answers.
 *
 * A *channel* is one consumer (one calculator on the page); each request of a
 * channel gets the next sequence number, and only the answer to a channel's
 * latest request is delivered. A solved outcome may come in two messages:
 * first the solution (`partial`, so the answer shows at once), then the same
 * outcome with its steps' maths rendered, unless a newer request came first.
 */
import type { Outcome } from './solve-outcome';

/** Page → worker: solve `input` with solver `id` for `channel`, request number `seq`. */
export interface SolveRequest {
  channel: number;
  seq: number;
  id: string;
  input: unknown;
}

/** Worker → page: the outcome of request `seq` of `channel`; `partial` when a rendered version follows. */
export interface SolveResponse {
  channel: number;
  seq: number;
  outcome: Outcome;
  partial?: boolean;
}

/**
 * The worker side. Requests are queued per channel, newest wins: a request
 * that a newer one of the same channel overtook before it was solved is
 * skipped (typing fast never piles up work). With `render`, a solved outcome
 * is posted at once as `partial`, and rendered (the steps' maths) in a later
 * turn, only if no newer request of its channel has arrived by then. `defer`
 * schedules a turn after the messages already waiting have been received
 * (`setTimeout(f, 0)` in a worker). Returns the function to call with each
 * incoming request.
 */
export function createSolveHandler(
  solve: (id: string, input: unknown) => Outcome,
  post: (response: SolveResponse) => void,
  defer: (drain: () => void) => void,
  render?: (outcome: Outcome) => Outcome,
): (request: SolveRequest) => void {
  const latest = new Map<number, SolveRequest>();
  const unrendered = new Map<number, { seq: number; outcome: Outcome }>();
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    defer(drain);
  };
  const drain = () => {
    scheduled = false;
    if (latest.size > 0) {
      for (const [channel, req] of [...latest]) {
        latest.delete(channel);
        const outcome = solve(req.id, req.input);
        const later = render !== undefined && outcome.kind === 'solved';
        post({ channel, seq: req.seq, outcome, ...(later ? { partial: true } : {}) });
        if (later) unrendered.set(channel, { seq: req.seq, outcome });
      }
      // Rendering waits a turn, so that requests which arrived meanwhile overtake it.
      if (unrendered.size > 0) schedule();
      return;
    }
    const next = unrendered.entries().next();
    if (next.done || !render) return;
    const [channel, job] = next.value;
    unrendered.delete(channel);
    post({ channel, seq: job.seq, outcome: render(job.outcome) });
    if (unrendered.size > 0) schedule();
  };
  return (request) => {
    const known = latest.get(request.channel);
    if (!known || known.seq < request.seq) latest.set(request.channel, request);
    unrendered.delete(request.channel);
    schedule();
  };
}

/** One consumer's end of a {@link SolveClient}. */
export interface SolveChannel {
  /**
   * Asks for `input` solved with solver `id`; `onOutcome` is called unless a
   * newer request (or `cancel`) came first — once, or twice when the worker
   * sends the solution before its rendered maths.
   */
  solve(id: string, input: unknown, onOutcome: (outcome: Outcome) => void): void;
  /** Drops the answer to any request in flight. */
  cancel(): void;
  /** Cancels and forgets this channel. */
  close(): void;
}

/** The page side of the protocol (see {@link createSolveClient}). */
export interface SolveClient {
  /** A new channel, for one consumer. */
  open(): SolveChannel;
  /** Hand every worker response here. */
  receive(response: SolveResponse): void;
  /** The worker failed: solve every request in flight, and all later ones, on the page's thread. */
  fail(): void;
  /** True once requests are solved on the page's thread (no worker, or it failed). */
  readonly onPageThread: boolean;
}

/**
 * The page side: numbers each channel's requests, sends them with `post`,
 * delivers only the answer to a channel's latest request. With `post`
 * undefined (no Worker) or after {@link SolveClient.fail}, `solveFallback`
 * answers on the page's thread (asynchronously: it may first load the solver
 * library), with the same latest-request-wins delivery.
 */
export function createSolveClient(
  solveFallback: (id: string, input: unknown) => Promise<Outcome>,
  post: ((request: SolveRequest) => void) | undefined,
): SolveClient {
  let send = post;
  let nextChannel = 1;
  type Waiting = { seq: number; id: string; input: unknown; onOutcome: (outcome: Outcome) => void };
  const inFlight = new Map<number, Waiting | undefined>();
  const seqs = new Map<number, number>();
  const deliver = (channel: number, seq: number, outcome: Outcome, partial = false) => {
    const waiting = inFlight.get(channel);
    if (!waiting || waiting.seq !== seq || seqs.get(channel) !== seq) return;
    if (!partial) inFlight.set(channel, undefined);
    waiting.onOutcome(outcome);
  };
  const solveHere = (channel: number, { seq, id, input }: Waiting) => {
    solveFallback(id, input).then(
      (outcome) => deliver(channel, seq, outcome),
      (e: unknown) =>
        deliver(channel, seq, { kind: 'internal', message: `the solver could not be loaded: ${String(e)}` }),
    );
  };
  const client: SolveClient = {
    get onPageThread() {
      return send === undefined;
    },
    open() {
      const channel = nextChannel++;
      seqs.set(channel, 0);
      return {
        solve(id, input, onOutcome) {
          const seq = (seqs.get(channel) ?? 0) + 1;
          seqs.set(channel, seq);
          const waiting = { seq, id, input, onOutcome };
          inFlight.set(channel, waiting);
          if (!send) {
            solveHere(channel, waiting);
            return;
          }
          try {
            send({ channel, seq, id, input });
          } catch {
            // The input cannot be cloned or the worker is gone: fall back for good.
            client.fail();
          }
        },
        cancel() {
          seqs.set(channel, (seqs.get(channel) ?? 0) + 1);
          inFlight.set(channel, undefined);
        },
        close() {
          seqs.delete(channel);
          inFlight.delete(channel);
        },
      };
    },
    receive({ channel, seq, outcome, partial }) {
      deliver(channel, seq, outcome, partial);
    },
    fail() {
      send = undefined;
      for (const [channel, waiting] of [...inFlight]) if (waiting) solveHere(channel, waiting);
    },
  };
  return client;
}

/**
 * The identity of a request, for deciding whether the shown outcome is the
 * current input's: equal keys ⇔ same solver and same JSON input.
 */
export function solveKey(id: string, input: unknown): string {
  return `${id}\n${JSON.stringify(input ?? {})}`;
}
