/**
 * optim/step against independent computations: TF.js's optimizers minimising
 * the same quadratic with TF.js's own gradients (conventions mapped as in
 * optimizers.test.ts), and a hand-rolled transcription of PyTorch's Rprop.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve } from './index.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Entry {
  params: Record<string, number>;
  update: Record<string, number> | null;
}
const trajectoryOf = (input: Record<string, unknown>) =>
  (solve('optim/step', input).answer as { trajectory: Entry[] }).trajectory;

/** A random quadratic in w0, w1 with a positive-definite Hessian: a·w0² + b·w0·w1 + c·w1² + d·w0 + e·w1. */
const quadratic = fc
  .record({
    a: fc.double({ min: 0.5, max: 3, noNaN: true }),
    b: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    c: fc.double({ min: 0.5, max: 3, noNaN: true }),
    d: fc.double({ min: -2, max: 2, noNaN: true }),
    e: fc.double({ min: -2, max: 2, noNaN: true }),
    w0: fc.double({ min: -2, max: 2, noNaN: true }),
    w1: fc.double({ min: -2, max: 2, noNaN: true }),
  })
  // Adam, RMSprop and Adagrad divide by √v: from a gradient that is exactly 0 in float64, TF.js's float32
  // rounding leaves ±1e-8, which they normalise into a full-size step. Compare away from zero gradients.
  .filter(
    (q) => Math.abs(2 * q.a * q.w0 + q.b * q.w1 + q.d) > 0.05 && Math.abs(q.b * q.w0 + 2 * q.c * q.w1 + q.e) > 0.05,
  );
type Q = typeof quadratic extends fc.Arbitrary<infer T> ? T : never;
const source = (q: Q) => `${q.a}*w0^2 + ${q.b}*w0*w1 + ${q.c}*w1^2 + ${q.d}*w0 + ${q.e}*w1`;

/** TF.js minimising the same quadratic with its own gradients; the parameters after each step. */
function tfTrajectory(q: Q, optimizer: tf.Optimizer, steps: number): Record<string, number>[] {
  const w0 = tf.variable(tf.scalar(q.w0));
  const w1 = tf.variable(tf.scalar(q.w1));
  const f = () =>
    tf.addN([
      tf.mul(q.a, tf.square(w0)),
      tf.mul(q.b, tf.mul(w0, w1)),
      tf.mul(q.c, tf.square(w1)),
      tf.mul(q.d, w0),
      tf.mul(q.e, w1),
    ]) as tf.Scalar;
  const out: Record<string, number>[] = [];
  for (let k = 0; k < steps; k++) {
    tf.tidy(() => {
      optimizer.minimize(f);
    });
    out.push({ w0: w0.dataSync()[0] as number, w1: w1.dataSync()[0] as number });
  }
  optimizer.dispose();
  w0.dispose();
  w1.dispose();
  return out;
}

function expectCloseTrajectories(ours: Entry[], theirs: Record<string, number>[]): void {
  theirs.forEach((p, k) => {
    for (const name of ['w0', 'w1']) {
      const a = ours[k + 1]?.params[name] as number;
      const b = p[name] as number;
      expect(Math.abs(a - b)).toBeLessThanOrEqual(5e-4 * Math.max(1, Math.abs(b)));
    }
  });
}

const lr = fc.double({ min: 0.01, max: 0.2, noNaN: true });
const unit = fc.double({ min: 0.1, max: 0.9, noNaN: true });
const steps = 5;

describe('optim/step equals TF.js optimizers minimising the same random quadratic', () => {
  it('sgd = tf.train.sgd', () => {
    fc.assert(
      fc.property(quadratic, lr, (q, eta) => {
        const ours = trajectoryOf({
          optimizer: 'sgd',
          lr: eta,
          params: { w0: q.w0, w1: q.w1 },
          objective: source(q),
          steps,
        });
        expectCloseTrajectories(ours, tfTrajectory(q, tf.train.sgd(eta), steps));
      }),
      { numRuns: 25 },
    );
  });

  it('momentum (pytorch form) = tf.train.momentum; nesterov = tf.train.momentum(useNesterov)', () => {
    fc.assert(
      fc.property(quadratic, lr, unit, fc.boolean(), (q, eta, mu, nesterov) => {
        const ours = trajectoryOf({
          optimizer: nesterov ? 'nesterov' : 'momentum',
          momentum: mu,
          lr: eta,
          params: { w0: q.w0, w1: q.w1 },
          objective: source(q),
          steps,
        });
        expectCloseTrajectories(ours, tfTrajectory(q, tf.train.momentum(eta, mu, nesterov), steps));
      }),
      { numRuns: 25 },
    );
  });

  it('adam (bias correction, ε outside) = tf.train.adam', () => {
    fc.assert(
      fc.property(quadratic, lr, unit, unit, (q, eta, b1, b2) => {
        const ours = trajectoryOf({
          optimizer: 'adam',
          lr: eta,
          beta1: b1,
          beta2: b2,
          eps: 1e-7,
          params: { w0: q.w0, w1: q.w1 },
          objective: source(q),
          steps,
        });
        expectCloseTrajectories(ours, tfTrajectory(q, tf.train.adam(eta, b1, b2, 1e-7), steps));
      }),
      { numRuns: 25 },
    );
  });

  it('rmsprop (ε inside, alpha = decay) = tf.train.rmsprop; adagrad (ε inside) = tf.train.adagrad(lr, 0)', () => {
    fc.assert(
      fc.property(quadratic, lr, unit, (q, eta, rho) => {
        const common = { lr: eta, epsPlacement: 'inside', params: { w0: q.w0, w1: q.w1 }, objective: source(q), steps };
        expectCloseTrajectories(
          trajectoryOf({ ...common, optimizer: 'rmsprop', alpha: rho, eps: 1e-7 }),
          tfTrajectory(q, tf.train.rmsprop(eta, rho, 0, 1e-7), steps),
        );
        expectCloseTrajectories(
          trajectoryOf({ ...common, optimizer: 'adagrad', eps: tf.backend().epsilon() }),
          tfTrajectory(q, tf.train.adagrad(eta, 0), steps),
        );
      }),
      { numRuns: 20 },
    );
  });
});

/** PyTorch's Rprop (torch/optim/rprop.py, single-tensor path) transcribed for one scalar parameter. */
function pytorchRprop(
  grad: (x: number) => number,
  x0: number,
  o: { lr: number; etaminus: number; etaplus: number; min: number; max: number },
  steps: number,
): number[] {
  let x = x0;
  let prev = 0;
  let stepSize = o.lr;
  const xs = [x];
  for (let k = 0; k < steps; k++) {
    let g = grad(x);
    let sign = Math.sign(g * prev);
    sign = sign > 0 ? o.etaplus : sign < 0 ? o.etaminus : 1;
    stepSize = Math.min(Math.max(stepSize * sign, o.min), o.max);
    if (sign === o.etaminus) g = 0;
    x -= Math.sign(g) * stepSize;
    prev = g;
    xs.push(x);
  }
  return xs;
}

describe('optim/step rprop equals a transcription of PyTorch’s Rprop', () => {
  it('on random 1-D quadratics a·x² + b·x', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: 1.05, max: 1.5, noNaN: true }),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        (a, b, x0, eta, plus, minus) => {
          const ours = trajectoryOf({
            optimizer: 'rprop',
            lr: eta,
            etaPlus: plus,
            etaMinus: minus,
            params: { x: x0 },
            objective: `${a}*x^2 + ${b}*x`,
            steps: 30,
          }).map((e) => e.params.x as number);
          const ref = pytorchRprop(
            (x) => 2 * a * x + b,
            x0,
            { lr: eta, etaminus: minus, etaplus: plus, min: 1e-6, max: 50 },
            30,
          );
          for (const [k, x] of ours.entries()) expect(x).toBeCloseTo(ref[k] as number, 10);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('optim/step trajectory invariants', () => {
  it('momentum classic and pytorch forms give the same parameters (v_classic = −lr·v_pytorch)', () => {
    fc.assert(
      fc.property(quadratic, lr, unit, fc.constantFrom('momentum', 'nesterov'), (q, eta, mu, optimizer) => {
        const common = {
          optimizer,
          lr: eta,
          momentum: mu,
          params: { w0: q.w0, w1: q.w1 },
          objective: source(q),
          steps: 8,
        };
        const a = trajectoryOf(common);
        const b = trajectoryOf({ ...common, momentumForm: 'classic' });
        a.forEach((e, k) => {
          for (const n of ['w0', 'w1']) expect(e.params[n]).toBeCloseTo(b[k]?.params[n] as number, 10);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('each entry’s update is the difference of consecutive parameters, for every optimizer', () => {
    fc.assert(
      fc.property(
        quadratic,
        lr,
        fc.constantFrom('sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop'),
        (q, eta, optimizer) => {
          const t = trajectoryOf({
            optimizer,
            lr: eta,
            ...(optimizer === 'momentum' || optimizer === 'nesterov' ? { momentum: 0.5 } : {}),
            params: { w0: q.w0, w1: q.w1 },
            objective: source(q),
            steps: 6,
          });
          for (let k = 1; k < t.length; k++) {
            for (const n of ['w0', 'w1']) {
              const diff = (t[k]?.params[n] as number) - (t[k - 1]?.params[n] as number);
              expect(t[k]?.update?.[n]).toBeCloseTo(diff, 12);
            }
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('adamw with weight decay 0 equals adam', () => {
    fc.assert(
      fc.property(quadratic, lr, (q, eta) => {
        const common = { lr: eta, params: { w0: q.w0, w1: q.w1 }, objective: source(q), steps: 5 };
        // JSON: the decoupled decay −lr·0·θ may be −0 where adam has +0.
        expect(JSON.stringify(trajectoryOf({ ...common, optimizer: 'adamw' }))).toBe(
          JSON.stringify(trajectoryOf({ ...common, optimizer: 'adam' })),
        );
      }),
      { numRuns: 30 },
    );
  });
});
