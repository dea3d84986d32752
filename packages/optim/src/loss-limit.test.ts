/** optim/loss's output cap: 10⁶ values, so softmax-cross-entropy (gradient and probabilities) takes 5·10⁵ logits. */
import { describe, expect, it } from 'vitest';
import { loss } from './loss.js';

const grid = (rows: number, cols: number, v: (j: number) => number) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, (_, j) => v(j)));

describe('optim/loss output cap', () => {
  it('softmax-cross-entropy on 501 × 1000 logits (1,002,000 output values) is an error at predictions', () => {
    expect(() =>
      loss.run({
        kind: 'softmax-cross-entropy',
        predictions: grid(501, 1000, () => 0),
        targets: grid(501, 1000, (j) => +(j === 0)),
      }),
    ).toThrow(
      "predictions: the number of output values (the gradient, and the probabilities for softmax-cross-entropy) is 1,002,000, above this solver's limit of 1,000,000 per request",
    );
  });

  it('500 × 1000 logits, and mse on 1000 × 1000, are solved: every gradient entry is there', () => {
    const sce = loss.run({
      kind: 'softmax-cross-entropy',
      predictions: grid(500, 1000, () => 0),
      targets: grid(500, 1000, (j) => +(j === 0)),
    });
    // Uniform logits: p = 1/1000 everywhere; ∂L/∂z = (p − t)/rows with mean over 500 samples.
    expect((sce.answer.gradient as number[][])[0]?.[1]).toBeCloseTo(0.001 / 500, 15);
    const mse = loss.run({ kind: 'mse', predictions: grid(1000, 1000, () => 1), targets: grid(1000, 1000, () => 0) });
    expect(mse.answer.loss).toBe(1);
  });
});
