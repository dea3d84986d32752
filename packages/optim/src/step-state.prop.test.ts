/**
 * optim/step with a given optimizer state: k single steps chained through finalState → initialState equal one run
 * of k steps (bit for bit, every optimizer), and a chained run equals TF.js's optimizers run without a break.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve } from './index.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Answer {
  final: Record<string, number>;
  finalState: Record<string, unknown>;
}
const answerOf = (input: Record<string, unknown>) => solve('optim/step', input).answer as unknown as Answer;

const coef = (min: number, max: number) => fc.double({ min, max, noNaN: true });
/** a·x² + b·x·y + c·y² + d·x with a positive-definite Hessian, from a random start. */
const problems = fc.record({
  a: coef(0.5, 3),
  b: coef(-0.5, 0.5),
  c: coef(0.5, 3),
  d: coef(-2, 2),
  x: coef(-2, 2),
  y: coef(-2, 2),
});
const objective = (p: { a: number; b: number; c: number; d: number }) =>
  `${p.a}*x^2 + ${p.b}*x*y + ${p.c}*y^2 + ${p.d}*x`;

const optimizers = fc.constantFrom<Record<string, unknown>>(
  { optimizer: 'sgd' },
  { optimizer: 'momentum', momentum: 0.9 },
  { optimizer: 'momentum', momentum: 0.7, momentumForm: 'classic' },
  { optimizer: 'nesterov', momentum: 0.8 },
  { optimizer: 'adagrad' },
  { optimizer: 'rmsprop', alpha: 0.9 },
  { optimizer: 'adam', beta1: 0.5, beta2: 0.9 },
  { optimizer: 'adam', biasCorrection: false, epsPlacement: 'inside' },
  { optimizer: 'adamw', weightDecay: 0.1 },
  { optimizer: 'rprop', etaPlus: 1.1, etaMinus: 0.8 },
);

describe('optim/step: chaining through initialState', () => {
  it('k single steps chained through finalState equal one run of k steps, bit for bit', () => {
    fc.assert(
      fc.property(problems, optimizers, fc.integer({ min: 2, max: 6 }), (p, opt, k) => {
        const base = { ...opt, lr: 0.05, objective: objective(p) };
        let params: Record<string, number> = { x: p.x, y: p.y };
        let state: Record<string, unknown> | undefined;
        for (let i = 0; i < k; i++) {
          const a = answerOf({ ...base, params, ...(state ? { initialState: state } : {}) });
          params = a.final;
          state = a.finalState;
        }
        const once = answerOf({ ...base, params: { x: p.x, y: p.y }, steps: k });
        expect(params).toEqual(once.final);
        expect(state).toEqual(once.finalState);
      }),
      { numRuns: 150 },
    );
  });

  it('2 steps, then 3 from the finalState, equal 5 steps of tf.train.momentum / tf.train.adam (float32)', () => {
    fc.assert(
      fc.property(
        problems.filter(
          (p) => Math.abs(2 * p.a * p.x + p.b * p.y + p.d) > 0.05 && Math.abs(p.b * p.x + 2 * p.c * p.y) > 0.05,
        ),
        fc.constantFrom('momentum', 'adam'),
        (p, name) => {
          const opt = name === 'momentum' ? { optimizer: name, momentum: 0.9 } : { optimizer: name, eps: 1e-7 };
          const base = { ...opt, lr: 0.05, objective: objective(p) };
          const first = answerOf({ ...base, params: { x: p.x, y: p.y }, steps: 2 });
          const ours = answerOf({ ...base, params: first.final, steps: 3, initialState: first.finalState }).final;
          const x = tf.variable(tf.scalar(p.x));
          const y = tf.variable(tf.scalar(p.y));
          const f = () =>
            tf.addN([
              tf.mul(p.a, tf.square(x)),
              tf.mul(p.b, tf.mul(x, y)),
              tf.mul(p.c, tf.square(y)),
              tf.mul(p.d, x),
            ]) as tf.Scalar;
          const optimizer = name === 'momentum' ? tf.train.momentum(0.05, 0.9) : tf.train.adam(0.05, 0.9, 0.999, 1e-7);
          for (let k = 0; k < 5; k++) {
            tf.tidy(() => {
              optimizer.minimize(f);
            });
          }
          const theirs = { x: x.dataSync()[0] as number, y: y.dataSync()[0] as number };
          optimizer.dispose();
          x.dispose();
          y.dispose();
          for (const n of ['x', 'y'] as const) {
            expect(Math.abs((ours[n] as number) - theirs[n])).toBeLessThanOrEqual(
              5e-4 * Math.max(1, Math.abs(theirs[n])),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
