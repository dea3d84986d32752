/**
 * optim/mlp-step's work limit: steps × (parameters + 30) ≤ 10⁵ (at 5·10⁵ one step took 7 s and 1.3 GB). Refused
 * exactly above it, at `steps` for several steps and at `layers` for one step of too large a network.
 */
import { isDnnInputError } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PARAMETER_UPDATES, mlpStep } from './mlp-step.js';

/** One dense layer out × in with bias, sigmoid, trained on BCE: out·(in + 1) parameters. */
const net = (out: number, inputs: number, steps: number) => ({
  layers: [
    {
      weights: Array.from({ length: out }, () => new Array(inputs).fill(0.01)),
      bias: new Array(out).fill(0),
      activation: 'sigmoid' as const,
    },
  ],
  input: new Array(inputs).fill(1),
  target: new Array(out).fill(1),
  loss: 'bce' as const,
  lr: 0.1,
  steps,
});

describe('optim/mlp-step work limit', () => {
  it('is refused exactly when steps × (parameters + 30) exceeds 10⁵ (the count by hand as the oracle)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1500, max: 4000 }),
        (out, inputs, steps) => {
          const work = steps * (out * (inputs + 1) + 30);
          let refused: unknown;
          try {
            mlpStep.run(net(out, inputs, steps));
          } catch (e) {
            refused = e;
          }
          expect(refused === undefined ? 'solved' : isDnnInputError(refused) && refused.path).toBe(
            work > MAX_PARAMETER_UPDATES ? 'steps' : 'solved',
          );
        },
      ),
      { numRuns: 8 },
    );
  });

  it('one step of a network over the limit is an error at layers, with the counts in words', () => {
    // 316·(316 + 1) = 100,172 parameters: one step is 100,202 work units.
    expect(() => mlpStep.run(net(316, 316, 1))).toThrow(
      "layers: 1 step × (100,172 parameters + 30 per step) = 100,202 work units, above this solver's limit of 100,000 per request; use a smaller network",
    );
  });
});
