import { runSolver } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { dropout } from './dropout.js';
import { expectNear, itRejects, itSolvesExamples } from './input-errors.test-util.js';

const run = (input: unknown) => runSolver(dropout, input);

itSolvesExamples(dropout, 1e-12);

describe('optim/dropout: exam lines', () => {
  it('exam line 2944 (BITS midsem Q1B): Dropout(0.4) after Dense(60) → 36 active while training, 60 at test, no new parameters', () => {
    // By hand: 60·(1 − 0.4) = 60·0.6 = 36; all 60 units are active at test time; dropout has no weights.
    const a = run({ units: 60, p: 0.4 }).answer;
    expect(a.expectedActiveTraining).toBe(36);
    expect(a.exact.expectedActiveTraining).toBe('36');
    expect(a.activeTesting).toBe(60);
    expect(a.paramsChange).toBe(0);
  });

  it('exam line 3086 (BITS makeup Q5B): 50% dropout on two hidden layers of 2 → 16 thinned networks, 4 that keep one unit per layer', () => {
    // By hand: 2^(2+2) = 16 subsets of kept units; C(2,1)·C(2,1) = 2·2 = 4 keep exactly the expected one unit per layer.
    const a = run({ units: 2, p: 0.5, layerUnits: [2, 2] }).answer;
    expect(a.subnetworks).toBe(16);
    expect(a.exact.subnetworks).toBe('16');
    expect(a.subnetworksAtExpectedSize).toBe(4);
    expect(a.expectedActiveTraining).toBe(1);
  });
});

describe('optim/dropout: conventions', () => {
  it('standard dropout scales at test time, not while training', () => {
    // By hand: p = 0.25: train scale 1, test scale 0.75; mask [0, 1] on [4, 8] → [0, 8].
    const a = run({ units: 2, p: 0.25, variant: 'standard', activations: [4, 8], mask: [0, 1] }).answer;
    expect(a).toMatchObject({ trainScale: 1, testScale: 0.75, output: [0, 8], expectedOutput: [3, 6] });
  });

  it('inverted dropout: test-time output is the plain activation', () => {
    const a = run({ units: 3, p: 0.3, activations: [1, -2, 5], training: false }).answer;
    expect(a.output).toEqual([1, -2, 5]);
    expectNear(a.expectedOutput, [1, -2, 5], 1e-15);
  });

  it('activations without mask or training: false give only the expectation', () => {
    const a = run({ units: 2, p: 0.5, activations: [1, 2] }).answer;
    expect(a.output).toBeUndefined();
    expect(a.expectedOutput).toEqual([1, 2]);
  });

  it('droppableUnits overrides the sub-network count; beyond 2^1023 it is null with a reason', () => {
    expect(run({ units: 10, p: 0.5, droppableUnits: 3 }).answer.subnetworks).toBe(8);
    const big = run({ units: 2000, p: 0.5 }).answer;
    expect(big.subnetworks).toBeNull();
    expect(big.reason).toMatch(/2\^2000/);
    expect(run({ units: 1023, p: 0.5 }).answer.exact.subnetworks).toBe((1n << 1023n).toString());
  });

  it('a fractional expected count per layer gives no exact-size count', () => {
    const a = run({ units: 3, p: 0.5, layerUnits: [3] }).answer;
    expect(a.subnetworksAtExpectedSize).toBeNull();
    expect(a.expectedActiveTraining).toBe(1.5);
    expect(a.exact.expectedActiveTraining).toBe('3/2');
  });

  it('p = 0 keeps every unit with scale 1', () => {
    expect(run({ units: 5, p: 0 }).answer).toMatchObject({ expectedActiveTraining: 5, trainScale: 1, testScale: 1 });
  });

  it('steps show n·(1 − p) and 2^d', () => {
    const text = run({ units: 60, p: 0.4 })
      .steps.map((s) => s.text)
      .join('\n');
    expect(text).toContain('E[active] = 60·(1 − 0.4) = 36');
    expect(text).toContain('train scale = 1/(1 − 0.4)');
  });
});

describe('optim/dropout: bad input is a DnnInputError naming the field', () => {
  itRejects('optim/dropout', [
    ['p = 1', { units: 4, p: 1 }, 'p', /below 1/],
    ['negative p', { units: 4, p: -0.1 }, 'p', /at least 0/],
    ['zero units', { units: 0, p: 0.5 }, 'units', /at least 1/],
    ['activations of the wrong length', { units: 3, p: 0.5, activations: [1, 2] }, 'activations', /units = 3/],
    ['mask of the wrong length', { units: 2, p: 0.5, activations: [1, 2], mask: [1] }, 'mask', /units = 2/],
    ['mask not 0/1', { units: 1, p: 0.5, activations: [1], mask: [2] }, 'mask[0]', /must be 0 \(dropped\) or 1/],
    ['mask without activations', { units: 2, p: 0.5, mask: [1, 0] }, 'mask', /activations/],
    [
      'mask at test time',
      { units: 1, p: 0.5, activations: [1], mask: [1], training: false },
      'training',
      /mask is used while training/,
    ],
    ['misspelt field', { units: 1, p: 0.5, rate: 0.5 }, 'rate', /not a field/],
  ]);
});
