import { describe, expect, it } from 'vitest';
import { batches } from './batches.js';
import { solve } from './index.js';
import { itRejects } from './input-errors.test-util.js';

const run = (input: unknown) => solve('optim/batches', input);

describe('optim/batches: exam cases (derived by hand in each example source)', () => {
  for (const example of batches.examples) {
    it(example.title, () => {
      expect(run(example.input).answer).toMatchObject(example.answer);
    });
  }
});

describe('optim/batches: conventions', () => {
  it('an exact division has full batches only', () => {
    // 96/32 = 3 batches of 32.
    expect(run({ samples: 96, batchSize: 32 }).answer).toMatchObject({ iterationsPerEpoch: 3, lastBatchSize: 32 });
  });

  it('dropLast with fewer samples than one batch leaves no batch: lastBatchSize null with a reason', () => {
    const a = run({ samples: 10, batchSize: 32, dropLast: true }).answer;
    expect(a).toMatchObject({ iterationsPerEpoch: 0, lastBatchSize: null, totalIterations: 0, droppedSamples: 10 });
    expect(a.reason).toMatch(/fewer than the batch size/);
  });

  it('one batch larger than the data set is the whole data set', () => {
    expect(run({ samples: 10, batchSize: 32 }).answer).toMatchObject({ iterationsPerEpoch: 1, lastBatchSize: 10 });
  });

  it('steps show the ceiling and the subtraction', () => {
    const text = run({ samples: 5000, batchSize: 32, epochs: 10 })
      .steps.map((s) => s.text)
      .join('\n');
    expect(text).toContain('iterations = ⌈5000/32⌉ = 157');
    expect(text).toContain('last batch = 5000 − 156·32 = 8');
  });
});

describe('optim/batches: bad input is a DnnInputError naming the field', () => {
  itRejects('optim/batches', [
    ['zero batch size', { samples: 10, batchSize: 0 }, 'batchSize', /at least 1/],
    ['fractional samples', { samples: 10.5, batchSize: 2 }, 'samples', /whole number/],
    ['zero epochs', { samples: 10, batchSize: 2, epochs: 0 }, 'epochs', /at least 1/],
    ['huge samples', { samples: 1e12, batchSize: 2 }, 'samples', /at most/],
    ['dropLast as text', { samples: 10, batchSize: 2, dropLast: 'yes' }, 'dropLast', /true or false/],
  ]);
});
