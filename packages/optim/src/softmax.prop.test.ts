/** optim/softmax properties; the oracle is tf.softmax (CPU backend, float32, 1e-5 absolute). */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve } from './index.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const logits = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 });
const probs = (z: number[], temperature = 1) =>
  solve('optim/softmax', { logits: z, temperature }).answer.probabilities as number[];

describe('optim/softmax properties', () => {
  it('probabilities are in [0, 1] and sum to 1', () => {
    fc.assert(
      fc.property(logits, fc.double({ min: 0.01, max: 100, noNaN: true }), (z, T) => {
        const p = probs(z, T);
        for (const x of p) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  it('adding a constant to every logit changes nothing', () => {
    fc.assert(
      fc.property(logits, fc.double({ min: -1000, max: 1000, noNaN: true }), (z, c) => {
        const p = probs(z);
        const q = probs(z.map((x) => x + c));
        for (const [i, x] of p.entries()) expect(Math.abs(x - (q[i] as number))).toBeLessThan(1e-9);
      }),
    );
  });

  it('no overflow for logits of 1000 (and −1000)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(1000, -1000, 999, 0), { minLength: 1, maxLength: 8 }), (z) => {
        const p = probs(z);
        for (const x of p) expect(Number.isFinite(x)).toBe(true);
        expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  it('equals tf.softmax of z/T', () => {
    fc.assert(
      fc.property(logits, fc.double({ min: 0.1, max: 10, noNaN: true }), (z, T) => {
        const theirs = tf.tidy(() => tf.softmax(tf.tensor1d(z.map((x) => x / T))).arraySync()) as number[];
        const ours = probs(z, T);
        for (const [i, x] of theirs.entries()) expect(Math.abs(x - (ours[i] as number))).toBeLessThan(1e-5);
      }),
      { numRuns: 100 },
    );
  });

  it('argmax is the largest logit', () => {
    fc.assert(
      fc.property(logits, (z) => {
        const [k] = solve('optim/softmax', { logits: z }).answer.argmax as number[];
        expect(z[k as number]).toBe(Math.max(...z));
      }),
    );
  });
});
