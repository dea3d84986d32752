import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { expectNear, itRejects, itSolvesExamples } from './input-errors.test-util.js';
import { optimStep } from './step.js';

interface Entry {
  step: number;
  params: Record<string, number>;
  grads: Record<string, number> | null;
  state: Record<string, Record<string, number>>;
  update: Record<string, number> | null;
  value: number | null;
}
const run = (input: unknown) =>
  solve('optim/step', input).answer as { trajectory: Entry[]; final: Record<string, number> };

itSolvesExamples(optimStep);

describe('optim/step: exam trajectories in detail', () => {
  it('SGD on (2p + 3)²: p = 6, 0, −1.2, −1.44 with gradients 60, 12, 2.4 (by hand, 8p + 12)', () => {
    const { trajectory } = run({ optimizer: 'sgd', lr: 0.1, params: { p: 6 }, objective: '(2p + 3)^2', steps: 3 });
    expectNear(
      trajectory.map((e) => e.params.p),
      [6, 0, -1.2, -1.44],
      1e-14,
    );
    expectNear(
      trajectory.map((e) => e.grads?.p),
      [60, 12, 2.4, 0.48],
      1e-14,
    );
  });

  it('Adam without bias correction: m = (4.5, 9), v = (8.1, 32.4) after step 1 (by hand)', () => {
    const sol = solve('optim/step', optimStep.examples[1]?.input);
    const [, first] = (sol.answer as { trajectory: Entry[] }).trajectory;
    expectNear(first?.state, { m: { w1: 4.5, w2: 9 }, v: { w1: 8.1, w2: 32.4 } }, 1e-14);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('m = 0.5·0 + 0.5·9 = 4.5;  v = 0.9·0 + 0.1·9^2 = 8.1');
    expect(text).toContain('w1′ = 1.5 − (0.01·4.5)/√(8.1 + 1e-8) = 1.48418861171');
    expect(sol.notes.join(' ')).toMatch(/No bias correction/);
  });

  it('Rprop (PyTorch rule): x = 2, 1, −0.1, −1.31, −1.31 (flip: stays), −0.342, 0.7228 (by hand)', () => {
    const { trajectory } = run(optimStep.examples[2]?.input);
    expectNear(
      trajectory.map((e) => e.params.x),
      [2, 1, -0.1, -1.31, -1.31, -0.342, 0.7228],
      1e-12,
    );
    expectNear(
      trajectory.map((e) => e.state.stepSize?.x),
      [1, 1, 1.1, 1.21, 0.968, 0.968, 1.0648],
      1e-12,
    );
  });

  it('Rprop reaches the true minimum x = −1/3, f = 28/3 (not the rubric’s 12)', () => {
    const { final, trajectory } = run({ ...optimStep.examples[2]?.input, steps: 200 });
    expect(final.x).toBeCloseTo(-1 / 3, 6);
    expect(trajectory.at(-1)?.value).toBeCloseTo(28 / 3, 9);
  });

  it('Adam with bias correction: the first step moves every parameter by ≈ lr against its gradient sign', () => {
    // m̂ = g, v̂ = g² at t = 1, so Δθ = −lr·g/(|g| + ε).
    const { trajectory } = run({ optimizer: 'adam', lr: 0.1, params: { a: 1, b: -3 }, objective: 'a^2 + b^4' });
    expectNear(trajectory[1]?.update, { a: -0.1 * (2 / (2 + 1e-8)), b: 0.1 * (108 / (108 + 1e-8)) }, 1e-14);
  });

  it('one step from given gradients (no objective): grads of the final entry are null', () => {
    const { trajectory, final } = run({
      optimizer: 'momentum',
      momentum: 0.9,
      lr: 0.5,
      params: { w: 1 },
      gradients: { w: 4 },
    });
    // v = 0.9·0 + 4 = 4, w = 1 − 0.5·4 = −1.
    expect(final).toEqual({ w: -1 });
    expect(trajectory[1]).toMatchObject({ grads: null, value: null, state: { v: { w: 4 } } });
  });

  it('nesterov: v = μv + g, θ −= lr·(g + μv) (by hand: g = 2·1 = 2, v = 2, θ = 1 − 0.1·(2 + 1.8) = 0.62)', () => {
    expect(
      run({ optimizer: 'nesterov', momentum: 0.9, lr: 0.1, params: { x: 1 }, objective: 'x^2' }).final.x,
    ).toBeCloseTo(0.62, 14);
  });

  it('adagrad, rmsprop: by hand one step on x² from x = 1 (g = 2)', () => {
    // adagrad: G = 4, x = 1 − 0.1·2/(2 + 1e-8); rmsprop α = 0.99: v = 0.04, x = 1 − 0.1·2/(0.2 + 1e-8).
    expect(run({ optimizer: 'adagrad', lr: 0.1, params: { x: 1 }, objective: 'x^2' }).final.x).toBeCloseTo(0.9, 7);
    expect(run({ optimizer: 'rmsprop', lr: 0.1, params: { x: 1 }, objective: 'x^2' }).final.x).toBeCloseTo(0, 7);
  });

  it('steps beyond the tenth are summarised, the last one is shown', () => {
    const sol = solve('optim/step', { optimizer: 'sgd', lr: 0.1, params: { x: 1 }, objective: 'x^2', steps: 50 });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('Steps 11 to 49 apply the same rule');
    expect(text).toContain('Step 50, x: update');
    expect((sol.answer as { trajectory: Entry[] }).trajectory).toHaveLength(51);
  });

  it('latex is KaTeX-clean for every optimizer and option', () => {
    for (const extra of [
      { optimizer: 'sgd', weightDecay: 0.1 },
      { optimizer: 'momentum', momentum: 0.9 },
      { optimizer: 'momentum', momentum: 0.9, momentumForm: 'classic' },
      { optimizer: 'nesterov', momentum: 0.9 },
      { optimizer: 'nesterov', momentum: 0.9, momentumForm: 'classic' },
      { optimizer: 'adagrad', epsPlacement: 'inside' },
      { optimizer: 'rmsprop' },
      { optimizer: 'adam' },
      { optimizer: 'adamw', weightDecay: 0.01 },
      { optimizer: 'rprop' },
    ]) {
      const sol = solve('optim/step', {
        lr: 0.1,
        params: { x: 1, y: 2 },
        objective: 'x^2 + x*y',
        steps: 3,
        ...extra,
      } as Record<string, unknown>);
      for (const st of sol.steps) expect(st.latex, JSON.stringify(extra)).not.toMatch(/[·−∂σ∇±√²′θηεμβαλΔ]/);
    }
  });
});

describe('optim/step: bad input is a DnnInputError naming the field', () => {
  const base = { optimizer: 'sgd', lr: 0.1, params: { x: 1 }, objective: 'x^2' };
  itRejects('optim/step', [
    ['zero lr', { ...base, lr: 0 }, 'lr', /must be positive/],
    ['negative lr', { ...base, lr: -0.1 }, 'lr', /must be positive/],
    ['missing lr', { optimizer: 'sgd', params: { x: 1 }, objective: 'x^2' }, 'lr', /required/],
    ['unknown optimizer', { ...base, optimizer: 'adadelta' }, 'optimizer', /must be one of "sgd"/],
    ['too many steps', { ...base, steps: 10001 }, 'steps', /above the limit of 10,000 per request/],
    ['zero steps', { ...base, steps: 0 }, 'steps', /at least 1/],
    ['momentum missing', { ...base, optimizer: 'momentum' }, 'momentum', /required for momentum/],
    ['momentum on adam', { ...base, optimizer: 'adam', momentum: 0.9 }, 'momentum', /adam has no momentum term/],
    ['momentum ≥ 1', { ...base, optimizer: 'momentum', momentum: 1 }, 'momentum', /less than 1/],
    [
      'neither objective nor gradients',
      { optimizer: 'sgd', lr: 0.1, params: { x: 1 } },
      'objective',
      /required unless/,
    ],
    ['both objective and gradients', { ...base, gradients: { x: 1 } }, 'gradients', /not both/],
    [
      'gradients with several steps',
      { optimizer: 'sgd', lr: 0.1, params: { x: 1 }, gradients: { x: 1 }, steps: 2 },
      'steps',
      /must be 1 with `gradients`/,
    ],
    [
      'gradient missing',
      { optimizer: 'sgd', lr: 0.1, params: { x: 1, y: 2 }, gradients: { x: 1 } },
      'gradients',
      /"y"/,
    ],
    [
      'gradient of a non-parameter',
      { optimizer: 'sgd', lr: 0.1, params: { x: 1 }, gradients: { x: 1, z: 2 } },
      'gradients.z',
      /not a parameter/,
    ],
    ['objective variable without a value', { ...base, objective: 'x^2 + k*x' }, 'params', /needs a value for "k"/],
    ['no parameters', { ...base, params: {}, objective: '3' }, 'params', /at least one/],
    ['hostile objective', { ...base, objective: 'x; require("fs")' }, 'objective', /unexpected character/],
    ['divergence overflows', { ...base, lr: 10, steps: 1000 }, 'objective', /at step \d+ .*overflows/],
    [
      'leaves the domain',
      { ...base, objective: 'log(x)', lr: 10, steps: 3 },
      'objective',
      /at step 1 .*log\(-9\) is undefined/,
    ],
    [
      'stepMin above stepMax',
      { ...base, optimizer: 'rprop', stepMin: 2, stepMax: 1 },
      'stepMin',
      /must not exceed stepMax/,
    ],
    ['stepInit on sgd', { ...base, stepInit: 1 }, 'stepInit', /rprop only/],
    ['beta1 = 1', { ...base, optimizer: 'adam', beta1: 1 }, 'beta1', /less than 1/],
    ['work budget', { ...base, objective: Array(300).fill('x').join('+'), steps: 10000 }, 'steps', /budget/],
  ]);
});
