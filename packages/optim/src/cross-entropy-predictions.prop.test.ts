/**
 * optim/loss cross-entropy on predictions that are not distributions: never silent. The loss
 * stays the textbook −∑ t·ln p on the values as given; a note says the rows do not sum to 1 and
 * gives the renormalised value (Keras's categorical_crossentropy, TF.js), checked here against
 * −∑ t·ln(p / row sum) computed directly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';

const row = (cols: number) =>
  fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: cols, maxLength: cols }).map((r) => {
    const s = r.reduce((a, b) => a + b, 0);
    return r.map((x) => x / s);
  });
const oneHot = (cols: number) =>
  fc.integer({ min: 0, max: cols - 1 }).map((k) => Array.from({ length: cols }, (_, j) => +(j === k)));

const problem = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 2, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      distributions: fc.array(row(cols), { minLength: rows, maxLength: rows }),
      targets: fc.array(oneHot(cols), { minLength: rows, maxLength: rows }),
      // A row scale far enough from 1 to matter (0.5 … 0.99 or 1.01 … 1.6), e.g. the 1.1 of issue 16.
      scales: fc.array(fc.oneof(fc.double({ min: 0.5, max: 0.99 }), fc.double({ min: 1.01, max: 1.6 })), {
        minLength: rows,
        maxLength: rows,
      }),
    }),
  );

const loss = (predictions: number[][], targets: number[][]) =>
  solve('optim/loss', { kind: 'cross-entropy', predictions, targets });

describe('optim/loss: cross-entropy predictions that are not distributions', () => {
  it('rows that miss 1 get a note with the renormalised loss, and the loss itself is −∑ t·ln p as given', () => {
    fc.assert(
      fc.property(problem, ({ distributions, targets, scales }) => {
        const predictions = distributions.map((r, i) => r.map((p) => p * (scales[i] as number)));
        fc.pre(predictions.every((r) => r.every((p) => p <= 1))); // each one still a probability
        const sol = loss(predictions, targets);
        const n = predictions.length;
        let given = 0;
        let renormalised = 0;
        predictions.forEach((r, i) => {
          const s = r.reduce((a, b) => a + b, 0);
          r.forEach((p, j) => {
            const t = (targets[i] as number[])[j] as number;
            if (t > 0) {
              given -= t * Math.log(p);
              renormalised -= t * Math.log(p / s);
            }
          });
        });
        expect(sol.answer.loss).toBeCloseTo(given / n, 10);
        const note = sol.notes.find((x) => x.startsWith('The predictions are not a probability distribution'));
        expect(note).toBeDefined();
        const shown = Number(/would give L = (\S+)\. Normalise/.exec(note as string)?.[1]);
        expect(shown).toBeCloseTo(renormalised / n, 10);
      }),
      { numRuns: 100 },
    );
  });

  it('rows summing to 1 (within 1e-6) get no such note', () => {
    fc.assert(
      fc.property(problem, ({ distributions, targets }) => {
        const sol = loss(distributions, targets);
        expect(sol.notes.some((x) => x.includes('not a probability distribution'))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('the issue-16 case: [0.6, 0.5] against [1, 0] names the sum 1.1 and gives ln(1.1/0.6)', () => {
    // By hand: −ln 0.6 ≈ 0.5108 as given; renormalised −ln(0.6/1.1) = ln(11/6) ≈ 0.6061.
    const sol = loss([[0.6, 0.5]], [[1, 0]]);
    expect(sol.answer.loss).toBeCloseTo(-Math.log(0.6), 12);
    const note = sol.notes.find((x) => x.includes('not a probability distribution')) as string;
    expect(note).toMatch(/sums to 1\.1/);
    expect(Number(/would give L = (\S+)\. Normalise/.exec(note)?.[1])).toBeCloseTo(Math.log(11 / 6), 12);
  });
});
