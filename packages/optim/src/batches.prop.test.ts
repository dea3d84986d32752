/** optim/batches against a brute-force walk over the data set. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';

/** Walks the data in batches of B and records their sizes. */
function walk(n: number, b: number, dropLast: boolean): number[] {
  const sizes: number[] = [];
  for (let start = 0; start < n; start += b) {
    const size = Math.min(b, n - start);
    if (size < b && dropLast) break;
    sizes.push(size);
  }
  return sizes;
}

describe('optim/batches properties', () => {
  it('iterations and last batch equal a brute-force walk over the samples', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        (n, b, epochs, dropLast) => {
          const sizes = walk(n, b, dropLast);
          const a = solve('optim/batches', { samples: n, batchSize: b, epochs, dropLast }).answer;
          expect(a.iterationsPerEpoch).toBe(sizes.length);
          expect(a.lastBatchSize).toBe(sizes.length ? sizes[sizes.length - 1] : null);
          expect(a.totalIterations).toBe(sizes.length * epochs);
          expect(a.samplesPerEpoch).toBe(sizes.reduce((x, y) => x + y, 0));
          expect(a.droppedSamples).toBe(n - (a.samplesPerEpoch as number));
        },
      ),
    );
  });
});
