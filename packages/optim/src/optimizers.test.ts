/**
 * The update rules of optimizers.ts against TensorFlow.js's own optimizers
 * (CPU backend, float32) and against hand-derived numbers.
 *
 * Mapping of TF.js conventions to our options (read from tfjs-core 4.22 sources):
 * - tf.train.sgd(lr)                        = sgd
 * - tf.train.momentum(lr, μ)                = momentum, momentumForm "pytorch" (accum = μ·accum + g, θ −= lr·accum)
 * - tf.train.momentum(lr, μ, true)          = nesterov, momentumForm "pytorch" (θ −= lr·(g + μ·accum))
 * - tf.train.adagrad(lr, 0)                 = adagrad, epsPlacement "inside", eps = backend ε (1e-7);
 *                                             TF.js's accumulator starts at 0.1 unless told 0
 * - tf.train.rmsprop(lr, ρ, 0, ε)           = rmsprop, alpha = ρ, epsPlacement "inside"
 * - tf.train.adam(lr, β₁, β₂, ε)            = adam, biasCorrection true, epsPlacement "outside"
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  initialState,
  type OptimizerConfig,
  type OptimizerOptions,
  optimizerOptions,
  optimizerStep,
  type ParamMap,
  resolveOptimizer,
} from './optimizers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config = (o: Partial<OptimizerOptions> & { optimizer: OptimizerOptions['optimizer'] }): OptimizerConfig =>
  resolveOptimizer(optimizerOptions.parse(o));

/** A diagonal quadratic ½·Σ aᵢθᵢ² + bᵢθᵢ: gradient aᵢθᵢ + bᵢ. */
interface Quadratic {
  a: number[];
  b: number[];
  start: number[];
}

const quadratic = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record({
    a: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
    b: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
    start: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
  }),
);

const gradOf = (q: Quadratic, p: ParamMap): ParamMap =>
  Object.fromEntries(q.a.map((a, i) => [`w${i}`, a * (p[`w${i}`] as number) + (q.b[i] as number)]));

/** Runs our rule for `steps` steps, returning the parameters after each step. */
function ours(q: Quadratic, cfg: OptimizerConfig, steps: number): ParamMap[] {
  let params: ParamMap = Object.fromEntries(q.start.map((v, i) => [`w${i}`, v]));
  let state = initialState(cfg, params);
  const out: ParamMap[] = [];
  for (let k = 0; k < steps; k++) {
    const r = optimizerStep(cfg, params, gradOf(q, params), state);
    params = r.params;
    state = r.state;
    out.push(params);
  }
  return out;
}

/** Runs a TF.js optimizer, feeding it the gradient at its own current values. */
function theirs(q: Quadratic, optimizer: tf.Optimizer, steps: number): ParamMap[] {
  const vars = q.start.map((v, i) => tf.variable(tf.scalar(v), true, `w${i}_${Math.random()}`));
  const out: ParamMap[] = [];
  for (let k = 0; k < steps; k++) {
    const grads: tf.NamedTensorMap = {};
    vars.forEach((v, i) => {
      grads[v.name] = tf.scalar((q.a[i] as number) * (v.dataSync()[0] as number) + (q.b[i] as number));
    });
    optimizer.applyGradients(grads);
    for (const g of Object.values(grads)) g.dispose();
    out.push(Object.fromEntries(vars.map((v, i) => [`w${i}`, v.dataSync()[0] as number])));
  }
  optimizer.dispose();
  for (const v of vars) v.dispose();
  return out;
}

function expectClose(a: ParamMap[], b: ParamMap[]): void {
  a.forEach((p, k) => {
    for (const [name, v] of Object.entries(p)) {
      const w = b[k]?.[name] as number;
      expect(Math.abs(v - w)).toBeLessThanOrEqual(2e-4 * Math.max(1, Math.abs(v)));
    }
  });
}

const lr = fc.double({ min: 0.001, max: 0.2, noNaN: true });
const unit = fc.double({ min: 0.05, max: 0.95, noNaN: true });
const steps = 6;

describe('optimizer rules equal TF.js optimizers on random quadratics (conventions mapped in the header)', () => {
  it('sgd equals tf.train.sgd', () => {
    fc.assert(
      fc.property(quadratic, lr, (q, eta) => {
        expectClose(ours(q, config({ optimizer: 'sgd', lr: eta }), steps), theirs(q, tf.train.sgd(eta), steps));
      }),
      { numRuns: 30 },
    );
  });

  it('momentum (pytorch form) equals tf.train.momentum', () => {
    fc.assert(
      fc.property(quadratic, lr, unit, (q, eta, mu) => {
        expectClose(
          ours(q, config({ optimizer: 'momentum', lr: eta, momentum: mu }), steps),
          theirs(q, tf.train.momentum(eta, mu), steps),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('nesterov (pytorch form) equals tf.train.momentum with useNesterov', () => {
    fc.assert(
      fc.property(quadratic, lr, unit, (q, eta, mu) => {
        expectClose(
          ours(q, config({ optimizer: 'nesterov', lr: eta, momentum: mu }), steps),
          theirs(q, tf.train.momentum(eta, mu, true), steps),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('adagrad (ε inside, accumulator from 0) equals tf.train.adagrad(lr, 0)', () => {
    fc.assert(
      fc.property(quadratic, lr, (q, eta) => {
        const eps = tf.backend().epsilon();
        expectClose(
          ours(q, config({ optimizer: 'adagrad', lr: eta, eps, epsPlacement: 'inside' }), steps),
          theirs(q, tf.train.adagrad(eta, 0), steps),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('rmsprop (ε inside, alpha = decay) equals tf.train.rmsprop', () => {
    fc.assert(
      fc.property(quadratic, lr, unit, (q, eta, rho) => {
        expectClose(
          ours(q, config({ optimizer: 'rmsprop', lr: eta, alpha: rho, eps: 1e-7, epsPlacement: 'inside' }), steps),
          theirs(q, tf.train.rmsprop(eta, rho, 0, 1e-7), steps),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('adam (bias correction, ε outside) equals tf.train.adam', () => {
    fc.assert(
      fc.property(quadratic, lr, unit, unit, (q, eta, b1, b2) => {
        expectClose(
          ours(q, config({ optimizer: 'adam', lr: eta, beta1: b1, beta2: b2, eps: 1e-7 }), steps),
          theirs(q, tf.train.adam(eta, b1, b2, 1e-7), steps),
        );
      }),
      { numRuns: 30 },
    );
  });
});

describe('optimizer rules: hand-derived cases', () => {
  it('momentum classic and pytorch forms give the same trajectory (v_classic = −lr·v_pytorch)', () => {
    const q = { a: [2], b: [1], start: [3] };
    const a = ours(q, config({ optimizer: 'momentum', lr: 0.1, momentum: 0.9 }), 5);
    const b = ours(q, config({ optimizer: 'momentum', lr: 0.1, momentum: 0.9, momentumForm: 'classic' }), 5);
    expectClose(a, b);
    // By hand: g = 2·3 + 1 = 7, v = 7, θ = 3 − 0.7 = 2.3; g = 5.6, v = 0.9·7 + 5.6 = 11.9, θ = 2.3 − 1.19 = 1.11.
    expect(a[0]?.w0).toBeCloseTo(2.3, 12);
    expect(a[1]?.w0).toBeCloseTo(1.11, 12);
  });

  it('adamw decays decoupled: θ −= lr·wd·θ, the moments see the raw gradient', () => {
    const cfg = config({ optimizer: 'adamw', lr: 0.1, weightDecay: 0.5 });
    const r = optimizerStep(cfg, { w: 2 }, { w: 4 }, initialState(cfg, { w: 2 }));
    // By hand: decay −0.1·0.5·2 = −0.1; m̂ = 4, v̂ = 16, Adam step −0.1·4/(4 + 1e-8) ≈ −0.1; θ ≈ 1.8.
    expect(r.detail.w?.quantities.decay).toBeCloseTo(-0.1, 15);
    expect(r.params.w).toBeCloseTo(2 - 0.1 - (0.1 * 4) / (4 + 1e-8), 14);
  });

  it('L2 weight decay adds wd·θ to the gradient (sgd)', () => {
    const cfg = config({ optimizer: 'sgd', lr: 0.1, weightDecay: 0.5 });
    const r = optimizerStep(cfg, { w: 2 }, { w: 4 }, initialState(cfg, { w: 2 }));
    // g = 4 + 0.5·2 = 5 → θ = 2 − 0.5 = 1.5.
    expect(r.detail.w?.g).toBe(5);
    expect(r.params.w).toBeCloseTo(1.5, 15);
  });

  it('rprop follows PyTorch: on a sign change the step shrinks and the parameter stays put', () => {
    const cfg = config({ optimizer: 'rprop', lr: 1, etaPlus: 1.1, etaMinus: 0.8 });
    let state = initialState(cfg, { x: 0 });
    const seq: [number, number][] = [];
    let x = 0;
    for (const g of [5, 3, -2, -2]) {
      const r = optimizerStep(cfg, { x }, { x: g }, state);
      state = r.state;
      x = r.params.x as number;
      seq.push([x, r.detail.x?.quantities.stepSize as number]);
    }
    // 0 − 1 = −1 (step 1); same sign → 1.1, x = −2.1; sign change → 0.88, x stays; prev 0 → x = −2.1 + 0.88.
    const expected: [number, number][] = [
      [-1, 1],
      [-2.1, 1.1],
      [-2.1, 0.88],
      [-1.22, 0.88],
    ];
    seq.forEach(([v, size], k) => {
      expect(v).toBeCloseTo(expected[k]?.[0] as number, 14);
      expect(size).toBeCloseTo(expected[k]?.[1] as number, 14);
    });
  });

  it('the input state is not mutated', () => {
    const cfg = config({ optimizer: 'adam', lr: 0.1 });
    const s0 = initialState(cfg, { w: 1 });
    const copy = JSON.parse(JSON.stringify(s0));
    optimizerStep(cfg, { w: 1 }, { w: 2 }, s0);
    expect(s0).toEqual(copy);
  });
});
