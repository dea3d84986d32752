/**
 * optim/step v2 options: `initialState`, `untilConverged`, `finalState`, and a final point where the objective
 * is undefined (TUM 5d). Expected numbers are derived by hand or by a plain loop written here.
 */
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { expectNear, itRejects } from './input-errors.test-util.js';

interface Entry {
  step: number;
  params: Record<string, number>;
  grads: Record<string, number> | null;
  update: Record<string, number> | null;
  value: number | null;
}
interface Answer {
  trajectory: Entry[];
  final: Record<string, number>;
  finalState: Record<string, unknown>;
  converged?: boolean;
}
const run = (input: Record<string, unknown>) => {
  const sol = solve('optim/step', input as Record<string, unknown>);
  return { ...(sol.answer as Answer), notes: sol.notes, steps: sol.steps };
};

/** TUM “Backpropagation and Convolutional Layers” 5d (exam line 272 ff.): the summed BCE of the pooled map. */
const TUM_5D = {
  optimizer: 'sgd',
  lr: 1,
  params: { w1: 1, w2: 1, w3: 1 },
  objective: '-ln(2*w1 - 1.5*w2) - ln(-0.5*w1 + w2)',
};

describe('optim/step: the final point may lie where the objective is undefined', () => {
  it('TUM 5d, lr 1, steps 1: the update (4, 0, 1) — by hand ∂/∂w = (−3, 1, 0) — with grads null and a note', () => {
    const { final, trajectory, notes } = run({ ...TUM_5D, steps: 1 });
    expect(final).toEqual({ w1: 4, w2: 0, w3: 1 });
    expect(trajectory[0]?.grads).toEqual({ w1: -3, w2: 1, w3: 0 });
    expect(trajectory[1]).toMatchObject({ grads: null, value: null, update: { w1: 3, w2: -1, w3: 0 } });
    expect(notes.join(' ')).toMatch(/final point \(w1 = 4, w2 = 0, w3 = 1\) the objective is undefined/);
  });

  it('a second step from that point is still an input error naming step 1', () => {
    itRejectsNow({ ...TUM_5D, steps: 2 }, 'objective', /at step 1 \(w1 = 4, w2 = 0, w3 = 1\).*try a smaller lr/);
  });

  it('sqrt(x) reaching 0: the value 0 is kept, only the (infinite) gradient is null', () => {
    // x = 1 − 0.5·2·√… : f = 2√x has f′ = 1/√x = 1 at x = 1, so SGD with lr 1 lands on x = 0 exactly.
    const { trajectory, notes } = run({ optimizer: 'sgd', lr: 1, params: { x: 1 }, objective: '2*sqrt(x)' });
    expect(trajectory[1]).toMatchObject({ params: { x: 0 }, value: 0, grads: null });
    expect(notes.join(' ')).toMatch(/is defined but its gradient is undefined/);
  });
});

/** Asserts a DnnInputError at `path` (itRejects registers tests; this one checks inline). */
function itRejectsNow(input: Record<string, unknown>, path: string, reason: RegExp) {
  expect(() => run(input)).toThrow(reason);
  try {
    run(input);
  } catch (e) {
    expect((e as { path: string }).path).toBe(path);
  }
}

describe('optim/step: initialState', () => {
  it('exam line 3204: momentum at t + 1 from the update t − 1 → t gives w1 = 0.35, w3 = 1.35 (by hand)', () => {
    const { final, finalState, notes } = run({
      optimizer: 'momentum',
      momentum: 0.7,
      momentumForm: 'classic',
      lr: 0.3,
      params: { w1: 0, w3: 1 },
      gradients: { w1: 0, w3: 0 },
      initialState: { velocity: { w1: 0.5, w3: 0.5 } },
    });
    expectNear(final, { w1: 0.35, w3: 1.35 }, 1e-15);
    expectNear(finalState, { velocity: { w1: 0.35, w3: 0.35 } }, 1e-15);
    expect(notes.join(' ')).toMatch(/velocity as given.*previous update/);
  });

  it('Adam’s second step (exam line 3846): t = 1 and the first step’s m, v give the second step, by hand', () => {
    // L = 3w1² from w1 = 1.5, lr 0.01, β = (0.5, 0.9), bias correction on, ε = 0 for exact arithmetic.
    // Step 1: g = 9, m = 4.5, v = 8.1, m̂ = 9, v̂ = 81 → w1 = 1.5 − 0.01 = 1.49.
    // Step 2: g = 8.94, m = 2.25 + 4.47 = 6.72, v = 7.29 + 7.99236 = 15.28236; m̂ = 6.72/0.75 = 8.96, v̂ = 15.28236/0.19.
    const base = { optimizer: 'adam', lr: 0.01, beta1: 0.5, beta2: 0.9, eps: 0, objective: '3*w1^2' };
    const second = run({ ...base, params: { w1: 1.49 }, initialState: { t: 1, m: { w1: 4.5 }, v: { w1: 8.1 } } });
    const expected = 1.49 - (0.01 * 8.96) / Math.sqrt(15.28236 / 0.19);
    expectNear(second.final, { w1: expected }, 1e-12);
    expect(second.finalState.t).toBe(2);
    expect(second.steps.map((s) => s.text).join('\n')).toContain('Step 2, w1: bias-corrected moments');
    // The same as two steps in one run.
    expectNear(run({ ...base, params: { w1: 1.5 }, steps: 2 }).final, { w1: expected }, 1e-12);
  });

  it('finalState of one run is the initialState of the next: 3 + 4 chained steps equal 7 steps, for rprop', () => {
    const base = { optimizer: 'rprop', lr: 0.5, objective: '24x^2 + 16x + 12' };
    const a = run({ ...base, params: { x: 2 }, steps: 3 });
    const b = run({ ...base, params: a.final, steps: 4, initialState: a.finalState });
    expect(b.final).toEqual(run({ ...base, params: { x: 2 }, steps: 7 }).final);
  });
});

describe('optim/step: untilConverged', () => {
  it('SGD on x² from 1, lr 0.1: stops at the first |Δx| < 1e-9, the step a plain loop finds', () => {
    let x = 1;
    let k = 0;
    let delta = Number.POSITIVE_INFINITY;
    while (Math.abs(delta) >= 1e-9) {
      delta = -0.1 * 2 * x;
      x += delta;
      k++;
    }
    const { trajectory, converged, final, notes } = run({
      optimizer: 'sgd',
      lr: 0.1,
      params: { x: 1 },
      objective: 'x^2',
      untilConverged: true,
    });
    expect(converged).toBe(true);
    expect(trajectory).toHaveLength(k + 1);
    expect(final.x).toBe(x);
    expect(notes.join(' ')).toMatch(new RegExp(`Converged: step ${k} moved`));
  });

  it('exam line 3335 until converged: 15 steps, p_k = −1.5 + 7.5·0.2^k (by hand, see the example)', () => {
    const { trajectory } = run({
      optimizer: 'sgd',
      lr: 0.1,
      params: { p: 6 },
      objective: '(2p + 3)^2',
      untilConverged: true,
    });
    expect(trajectory).toHaveLength(16);
    expectNear(
      trajectory.map((e) => e.params.p),
      trajectory.map((_, k) => -1.5 + 7.5 * 0.2 ** k),
      1e-13,
    );
  });

  it('steps caps the run: converged false and a note', () => {
    const { trajectory, converged, notes } = run({
      optimizer: 'sgd',
      lr: 0.1,
      params: { x: 1 },
      objective: 'x^2',
      untilConverged: true,
      steps: 5,
    });
    expect(converged).toBe(false);
    expect(trajectory).toHaveLength(6);
    expect(notes.join(' ')).toMatch(/Not converged: stopped after 5 steps at the step cap/);
  });

  it('rprop does not count the zero move of a sign flip as convergence', () => {
    const { converged, trajectory } = run({
      optimizer: 'rprop',
      lr: 1,
      etaPlus: 1.1,
      etaMinus: 0.8,
      params: { x: 2 },
      objective: '24x^2 + 16x + 12',
      untilConverged: true,
      steps: 50,
    });
    // The 4th step flips (x stays −1.31, see the example's source); the run goes on to the cap.
    expect(trajectory[4]?.update).toEqual({ x: 0 });
    expect(converged).toBe(false);
    expect(trajectory).toHaveLength(51);
  });
});

describe('optim/step: bad initial states and combinations', () => {
  itRejects('optim/step', [
    [
      'a buffer the optimizer does not keep',
      { ...TUM_5D, optimizer: 'adam', initialState: { velocity: { w1: 0, w2: 0, w3: 0 } } },
      'initialState.velocity',
      /adam keeps no velocity; its state is `m`, `v`, `t`/,
    ],
    [
      'a buffer missing a parameter',
      { ...TUM_5D, optimizer: 'adam', initialState: { m: { w1: 0, w2: 0 } } },
      'initialState.m',
      /needs a value for "w3"/,
    ],
    [
      'a buffer naming an unknown parameter',
      { ...TUM_5D, optimizer: 'adam', initialState: { m: { w1: 0, w2: 0, w3: 0, q: 1 } } },
      'initialState.m.q',
      /"q" is not a parameter/,
    ],
    [
      'a negative second moment',
      { ...TUM_5D, optimizer: 'adam', initialState: { v: { w1: 0, w2: -1, w3: 0 } } },
      'initialState.v.w2',
      /must be ≥ 0/,
    ],
    ['t for sgd', { ...TUM_5D, initialState: { t: 3 } }, 'initialState.t', /sgd does not use the step count/],
    [
      'untilConverged with gradients only',
      { optimizer: 'sgd', lr: 1, params: { w: 1 }, gradients: { w: 1 }, untilConverged: true },
      'untilConverged',
      /needs an objective/,
    ],
    ['a misspelt state field', { ...TUM_5D, initialState: { velocities: {} } }, 'initialState.velocities', /./],
  ]);
});
