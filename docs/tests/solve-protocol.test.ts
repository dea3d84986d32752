/**
 * Solving off the main thread, without a browser: the worker's queue keeps
 * only each channel's newest request, the page's client delivers only the
 * answer to a channel's latest request, and the fallback on the page gives the
 * same outcomes as the worker would.
 */
import { createElement, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { calculatorData } from '../src/components/calculator-data.mjs';
import { type Outcome, solveAndRender, solveById } from '../src/components/solve-outcome';
import {
  createSolveClient,
  createSolveHandler,
  type SolveRequest,
  type SolveResponse,
  solveKey,
} from '../src/components/solve-protocol';
import { useSolution } from '../src/components/use-solution';
import { findSolver, registry } from '../src/registry';

const fake = (id: string, input: unknown): Outcome => ({ kind: 'internal', message: `${id}:${JSON.stringify(input)}` });
/** The page-side fallback: the same outcomes, asynchronously (it loads the solver library first). */
const fakeOnPage = async (id: string, input: unknown) => fake(id, input);
/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createSolveHandler (worker side)', () => {
  it('solves only the newest request of each channel that arrived before the drain', () => {
    const posted: SolveResponse[] = [];
    const solved: unknown[] = [];
    let drain: (() => void) | undefined;
    const handle = createSolveHandler(
      (id, input) => {
        solved.push(input);
        return fake(id, input);
      },
      (r) => posted.push(r),
      (f) => {
        drain = f;
      },
    );
    handle({ channel: 1, seq: 1, id: 'a', input: 1 });
    handle({ channel: 1, seq: 2, id: 'a', input: 2 });
    handle({ channel: 2, seq: 1, id: 'b', input: 'x' });
    handle({ channel: 1, seq: 3, id: 'a', input: 3 });
    expect(solved).toEqual([]);
    drain?.();
    expect(solved).toEqual([3, 'x']);
    expect(posted.map((r) => [r.channel, r.seq])).toEqual([
      [1, 3],
      [2, 1],
    ]);
    // A later request schedules a new drain.
    drain = undefined;
    handle({ channel: 2, seq: 2, id: 'b', input: 'y' });
    expect(drain).toBeTypeOf('function');
  });

  it('ignores a request older than the one already queued', () => {
    const posted: SolveResponse[] = [];
    let drain: (() => void) | undefined;
    const handle = createSolveHandler(
      fake,
      (r) => posted.push(r),
      (f) => (drain = f),
    );
    handle({ channel: 1, seq: 5, id: 'a', input: 5 });
    handle({ channel: 1, seq: 4, id: 'a', input: 4 });
    drain?.();
    expect(posted.map((r) => r.seq)).toEqual([5]);
  });
});

describe('createSolveHandler with rendering (answer first, maths after)', () => {
  const solvedFake = (id: string, input: unknown): Outcome => ({
    kind: 'solved',
    solution: { answer: { id, input }, steps: [], notes: [] },
  });
  const render = (o: Outcome): Outcome => (o.kind === 'solved' ? { ...o, html: ['rendered'] } : o);

  function setup() {
    const posted: SolveResponse[] = [];
    const turns: (() => void)[] = [];
    const handle = createSolveHandler(
      solvedFake,
      (r) => posted.push(r),
      (f) => turns.push(f),
      render,
    );
    const turn = () => turns.shift()?.();
    return { posted, handle, turn };
  }

  it('posts the solution as partial, then the rendered outcome in a later turn', () => {
    const { posted, handle, turn } = setup();
    handle({ channel: 1, seq: 1, id: 'a', input: 1 });
    turn();
    expect(posted).toEqual([{ channel: 1, seq: 1, outcome: solvedFake('a', 1), partial: true }]);
    turn();
    expect(posted[1]).toEqual({ channel: 1, seq: 1, outcome: render(solvedFake('a', 1)) });
    expect(posted).toHaveLength(2);
  });

  it("skips rendering an outcome that a newer request of its channel overtook, and renders the newer one's", () => {
    const { posted, handle, turn } = setup();
    handle({ channel: 1, seq: 1, id: 'a', input: 1 });
    turn();
    handle({ channel: 1, seq: 2, id: 'a', input: 2 });
    turn(); // solves seq 2 (seq 1 is never rendered)
    turn(); // renders seq 2
    expect(
      posted.map((r) => [r.seq, r.partial === true, r.outcome.kind === 'solved' && r.outcome.html !== undefined]),
    ).toEqual([
      [1, true, false],
      [2, true, false],
      [2, false, true],
    ]);
  });

  it('posts input errors once, with nothing to render', () => {
    const posted: SolveResponse[] = [];
    const turns: (() => void)[] = [];
    const handle = createSolveHandler(
      fake,
      (r) => posted.push(r),
      (f) => turns.push(f),
      render,
    );
    handle({ channel: 3, seq: 1, id: 'a', input: 1 });
    while (turns.length) turns.shift()?.();
    expect(posted).toEqual([{ channel: 3, seq: 1, outcome: fake('a', 1) }]);
  });

  it('the client delivers the partial and then the final answer of the latest request, never a stale one', () => {
    const sent: SolveRequest[] = [];
    const client = createSolveClient(fakeOnPage, (r) => sent.push(r));
    const got: unknown[] = [];
    const ch = client.open();
    ch.solve('a', 1, (o) => got.push(o));
    client.receive({ channel: sent[0]!.channel, seq: 1, outcome: solvedFake('a', 1), partial: true });
    ch.solve('a', 2, (o) => got.push(o));
    client.receive({ channel: sent[0]!.channel, seq: 1, outcome: render(solvedFake('a', 1)) }); // stale: dropped
    client.receive({ channel: sent[0]!.channel, seq: 2, outcome: solvedFake('a', 2), partial: true });
    client.receive({ channel: sent[0]!.channel, seq: 2, outcome: render(solvedFake('a', 2)) });
    client.receive({ channel: sent[0]!.channel, seq: 2, outcome: render(solvedFake('a', 2)) }); // duplicate: dropped
    expect(got).toEqual([solvedFake('a', 1), solvedFake('a', 2), render(solvedFake('a', 2))]);
  });
});

describe('createSolveClient (page side)', () => {
  function setup() {
    const sent: SolveRequest[] = [];
    const client = createSolveClient(fakeOnPage, (r) => sent.push(r));
    const answer = (r: SolveRequest) =>
      client.receive({ channel: r.channel, seq: r.seq, outcome: fake(r.id, r.input) });
    return { sent, client, answer };
  }

  it('delivers the answer to the latest request and drops stale ones', () => {
    const { sent, client, answer } = setup();
    const got: Outcome[] = [];
    const ch = client.open();
    ch.solve('a', 1, (o) => got.push(o));
    ch.solve('a', 2, (o) => got.push(o));
    expect(sent.map((r) => r.seq)).toEqual([1, 2]);
    answer(sent[0] as SolveRequest);
    expect(got).toEqual([]);
    answer(sent[1] as SolveRequest);
    expect(got).toEqual([fake('a', 2)]);
    // A duplicate answer is not delivered twice.
    answer(sent[1] as SolveRequest);
    expect(got).toHaveLength(1);
  });

  it('keeps channels apart, and cancel or close drops the answer in flight', () => {
    const { sent, client, answer } = setup();
    const got: string[] = [];
    const one = client.open();
    const two = client.open();
    one.solve('a', 1, () => got.push('one'));
    two.solve('b', 1, () => got.push('two'));
    expect(sent[0]?.channel).not.toBe(sent[1]?.channel);
    one.cancel();
    answer(sent[0] as SolveRequest);
    answer(sent[1] as SolveRequest);
    expect(got).toEqual(['two']);
    two.solve('b', 2, () => got.push('two again'));
    two.close();
    answer(sent[2] as SolveRequest);
    expect(got).toEqual(['two']);
  });

  it('answers on the page without a worker (latest request wins), and after fail() re-solves what was in flight', async () => {
    const onPage = createSolveClient(fakeOnPage, undefined);
    expect(onPage.onPageThread).toBe(true);
    const got: Outcome[] = [];
    const first = onPage.open();
    first.solve('a', 6, (o) => got.push(o));
    first.solve('a', 7, (o) => got.push(o));
    await settle();
    expect(got).toEqual([fake('a', 7)]);

    const { client } = setup();
    const later: Outcome[] = [];
    const ch = client.open();
    ch.solve('a', 1, (o) => later.push(o));
    ch.solve('a', 2, (o) => later.push(o));
    expect(client.onPageThread).toBe(false);
    client.fail();
    expect(client.onPageThread).toBe(true);
    await settle();
    expect(later).toEqual([fake('a', 2)]);
    ch.solve('a', 3, (o) => later.push(o));
    await settle();
    expect(later).toEqual([fake('a', 2), fake('a', 3)]);
  });

  it('falls back for good when a request cannot be sent', async () => {
    const client = createSolveClient(fakeOnPage, () => {
      throw new Error('DataCloneError');
    });
    const got: Outcome[] = [];
    client.open().solve('a', 1, (o) => got.push(o));
    await settle();
    expect(got).toEqual([fake('a', 1)]);
    expect(client.onPageThread).toBe(true);
  });

  it('turns a fallback that cannot load into an internal outcome, never a hang', async () => {
    const client = createSolveClient(() => Promise.reject(new Error('chunk failed')), undefined);
    const got: Outcome[] = [];
    client.open().solve('a', 1, (o) => got.push(o));
    await settle();
    expect(got).toHaveLength(1);
    expect(got[0]?.kind).toBe('internal');
  });
});

describe('solveKey and solveById', () => {
  it('keys by solver and JSON value', () => {
    expect(solveKey('a', { x: [1, 2] })).toBe(solveKey('a', { x: [1, 2] }));
    expect(solveKey('a', { x: 1 })).not.toBe(solveKey('b', { x: 1 }));
    expect(solveKey('a', undefined)).toBe(solveKey('a', {}));
  });

  it("gives each solver's first example a solution, a bad field an input error naming it, an unknown id an internal error", () => {
    const solver = findSolver('conv/output-shape');
    expect(solver).toBeDefined();
    const first = solver?.examples[0]?.input;
    const ok = solveById('conv/output-shape', first);
    expect(ok.kind).toBe('solved');
    const bad = solveById('conv/output-shape', { ...(first as object), stride: -1 });
    expect(bad.kind).toBe('input-error');
    if (bad.kind === 'input-error') expect(bad.path).toBe('stride');
    expect(solveById('no/such-solver', {}).kind).toBe('internal');
  });

  it('gives outcomes that survive structured cloning (what the worker sends) unchanged', () => {
    const solver = findSolver('conv/summary');
    for (const ex of solver?.examples ?? []) {
      const outcome = solveById('conv/summary', ex.input);
      expect(structuredClone(outcome)).toEqual(outcome);
    }
  });
});

describe('what a calculator page gets instead of the solver library', () => {
  it('gives every solver JSON calculator data whose first outcome is its first example solved', () => {
    for (const { id } of registry.list()) {
      const solver = findSolver(id);
      if (!solver) throw new Error(id);
      const data = calculatorData(solver, { pkg: 'x' });
      // What the build writes and the page reads is JSON: nothing may be lost on the way.
      expect(JSON.parse(JSON.stringify(data))).toEqual(data);
      expect(data.examples.length).toBe(solver.examples.length);
      expect(data.input).toEqual(solver.examples[0]?.input ?? {});
      expect(data.outcome).toEqual(solveById(id, data.input));
      expect(data.outcome.kind).toBe('solved');
      expect(data.inputSchema.type).toBe('object');
    }
  });

  it("renders each step's maths in the worker's answer: KaTeX HTML where the step has LaTeX, '' where not", () => {
    const solver = findSolver('conv/summary');
    const outcome = solveAndRender('conv/summary', solver?.examples[0]?.input);
    if (outcome.kind !== 'solved' || !outcome.html) throw new Error(outcome.kind);
    expect(outcome.html).toHaveLength(outcome.solution.steps.length);
    outcome.solution.steps.forEach((step, i) => {
      if (step.latex) expect(outcome.html?.[i]).toContain('class="katex');
      else expect(outcome.html?.[i]).toBe('');
    });
    expect(solveAndRender('conv/output-shape', { stride: -1 }).kind).toBe('input-error');
  });
});

/** Shows whether useSolution's outcome is current, and its answer (the first outcome given, as a calculator's data does). */
function Probe({ input }: { input: unknown }) {
  const { outcome, pending } = useSolution('conv/output-shape', input, solveById('conv/output-shape', input));
  const answer = outcome.kind === 'solved' ? JSON.stringify(outcome.solution.answer) : outcome.kind;
  return createElement('p', null, `${pending ? 'pending' : 'current'} ${answer}`);
}

describe('useSolution', () => {
  it('shows the first outcome in the server render, so the prerendered HTML holds the answer (not pending)', async () => {
    // react-dom ships no types here; only renderToString is needed.
    const server = (await import('react-dom/server' as string)) as { renderToString(el: ReactElement): string };
    const input = findSolver('conv/output-shape')?.examples[0]?.input;
    const html = server.renderToString(createElement(Probe, { input }));
    const expected = solveById('conv/output-shape', input);
    expect(expected.kind).toBe('solved');
    expect(html).toContain('current');
    if (expected.kind === 'solved')
      expect(html).toContain(JSON.stringify(expected.solution.answer).replace(/"/g, '&quot;'));
  });
});
