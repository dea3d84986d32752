import { describe, expect, it } from 'vitest';
import { badInputSuite, exampleSuite, solveAs } from './logic.test-util.js';
import { type PerceptronTrainAnswer, perceptronTrain } from './perceptron-train.js';

const run = (input: unknown) => solveAs<PerceptronTrainAnswer>('logic/perceptron-train', input);

/** Compares numbers within 1e-12 (float sums such as −2 + 1.2). */
function close(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') expect(actual as number).toBeCloseTo(expected, 12);
  else if (Array.isArray(expected)) {
    for (const [i, e] of expected.entries()) close((actual as unknown[])[i], e);
  } else if (expected && typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected)) close((actual as Record<string, unknown>)[k], v);
  } else expect(actual).toEqual(expected);
}

exampleSuite(perceptronTrain, close);

describe('logic/perceptron-train: exam details', () => {
  it('the η = 0.6 exam table row by row (by hand; the rubric’s b = 0.8 after row 1 is a slip for −0.8)', () => {
    const rows = run(perceptronTrain.examples[0]?.input).answer.epochs[0]?.rows ?? [];
    close(
      rows.map((r) => [r.z, r.y, r.updated ? 1 : 0, r.db, ...r.weights, r.bias]),
      [
        [-1, -1, 1, 1.2, 1.5, 1.9, -0.8],
        [0.7, 1, 0, 0, 1.5, 1.9, -0.8],
        [1.1, 1, 1, -1.2, 1.5, 0.7, -2],
        [-2, -1, 1, 1.2, 1.5, 0.7, -0.8],
      ],
    );
  });

  it('the AND run converges in the 6th epoch (5 epochs with updates, then an error-free one)', () => {
    const { answer } = run(perceptronTrain.examples[2]?.input);
    expect(answer.epochs).toHaveLength(6);
    expect(answer.epochs[5]?.rows.every((r) => !r.updated)).toBe(true);
    expect(answer.epochs[4]?.rows.some((r) => r.updated)).toBe(true);
  });
});

describe('logic/perceptron-train: conventions', () => {
  it('sign(0) = +1 and step(0) = 0', () => {
    const sign = run({ samples: [{ x: [1], t: -1 }], weights: [0], lr: 1 }).answer.epochs[0]?.rows[0];
    expect(sign).toMatchObject({ z: 0, y: 1, updated: true, dw: [-2], db: -2 });
    const stepRow = run({ samples: [{ x: [1], t: 1 }], weights: [0], lr: 1, activation: 'step' }).answer.epochs[0]
      ?.rows[0];
    expect(stepRow).toMatchObject({ z: 0, y: 0, updated: true, dw: [1], db: 1 });
  });

  it('epochs = 3 runs exactly three epochs, even after convergence', () => {
    const { answer } = run({ samples: [{ x: [1], t: 1 }], weights: [1], lr: 0.5, epochs: 3 });
    expect(answer.epochs).toHaveLength(3);
    expect(answer.converged).toBe(true);
  });

  it('XOR never converges: 1000 epochs and a note', () => {
    const sol = run({
      samples: [
        { x: [0, 0], t: -1 },
        { x: [0, 1], t: 1 },
        { x: [1, 0], t: 1 },
        { x: [1, 1], t: -1 },
      ],
      weights: [0, 0],
      lr: 0.1,
      untilConverged: true,
    });
    expect(sol.answer.converged).toBe(false);
    expect(sol.answer.epochs).toHaveLength(1000);
    expect(sol.notes.join(' ')).toMatch(/not be linearly separable/);
    expect(sol.steps.length).toBeLessThan(300);
  });
});

badInputSuite('logic/perceptron-train', [
  [
    'input size differs from the weights',
    { samples: [{ x: [1, 0, 1], t: 1 }], weights: [0, 0], lr: 1 },
    'samples[0].x',
    /has 3 inputs but there are 2 weights/,
  ],
  [
    'a 0 target with sign activation',
    { samples: [{ x: [1], t: 0 }], weights: [0], lr: 1 },
    'samples[0].t',
    /−1 or \+1/,
  ],
  [
    'a −1 target with step activation',
    { samples: [{ x: [1], t: -1 }], weights: [0], lr: 1, activation: 'step' },
    'samples[0].t',
    /0 or 1/,
  ],
  ['zero learning rate', { samples: [{ x: [1], t: 1 }], weights: [0], lr: 0 }, 'lr', /greater than 0/],
  ['no samples', { samples: [], weights: [0], lr: 1 }, 'samples', /at least 1/],
  ['too many epochs', { samples: [{ x: [1], t: 1 }], weights: [0], lr: 1, epochs: 1001 }, 'epochs', /at most 1000/],
  ['fractional epochs', { samples: [{ x: [1], t: 1 }], weights: [0], lr: 1, epochs: 1.5 }, 'epochs', /whole number/],
  ['missing lr', { samples: [{ x: [1], t: 1 }], weights: [0] }, 'lr', /required/],
  ['overflowing weights', { samples: [{ x: [1e300], t: 1 }], weights: [-1e300], lr: 1e300 }, 'lr', /overflow/],
  ['misspelt field', { samples: [{ x: [1], t: 1 }], weights: [0], lr: 1, eta: 1 }, 'eta', /not a field/],
  [
    // 1000 epochs × 1000 samples × (2·2 + 6) = 10⁷ cells, ten times the solver's table limit.
    'a table above 10⁶ cells (untilConverged counts 1000 epochs)',
    {
      samples: Array.from({ length: 1000 }, () => ({ x: [1, -1], t: 1 })),
      weights: [0, 0],
      lr: 1,
      untilConverged: true,
    },
    'samples',
    /1\.00e\+7, above this solver's limit of 1e\+6/,
  ],
]);

describe('logic/perceptron-train: the table limit', () => {
  it('a table of exactly 10⁶ cells is solved (100 epochs × 1000 samples × (2·2 + 6))', () => {
    const samples = Array.from({ length: 1000 }, (_, k) => ({ x: [1, k % 2 ? 1 : -1], t: k % 2 ? 1 : -1 }));
    const sol = solveAs<PerceptronTrainAnswer>('logic/perceptron-train', {
      samples,
      weights: [0, 0],
      lr: 1,
      epochs: 100,
    });
    expect(sol.answer.epochs).toHaveLength(100);
  });
});
