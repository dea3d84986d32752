import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSolver, parseInput } from './define-solver.js';
import { isDnnInputError } from './errors.js';
import { a, z } from './index.js';
import * as s from './schema.js';

const solver = defineSolver({
  id: 'test/ints',
  title: 'Integer fields',
  description: 'The integer builders of s.',
  input: s.object({
    i: z.optional(s.int('any whole number')),
    p: z.optional(s.positiveInt('≥ 1')),
    n: z.optional(s.nonNegativeInt('≥ 0')),
  }),
  answer: a.answer({}),
  solveParsed: () => ({ answer: {}, steps: [], notes: [] }),
  examples: [],
});

/** Integer-valued doubles beyond the exact range: 2^53 … 1e308, both signs. */
const beyond = fc
  .oneof(fc.double({ min: 2 ** 53, max: 1e308, noNaN: true }), fc.constantFrom(2 ** 53, 2 ** 53 + 2, 1e308))
  .map((x) => Math.floor(x));

describe('integer builders promise exact integers', () => {
  it('every whole number of magnitude ≥ 2^53 is an input error naming the field and the bound', () => {
    fc.assert(
      fc.property(beyond, fc.boolean(), fc.constantFrom('i', 'p', 'n'), (x, negative, field) => {
        const value = negative && field === 'i' ? -x : x;
        try {
          parseInput(solver, { [field]: value });
          expect.unreachable(`${value} accepted`);
        } catch (e) {
          expect(isDnnInputError(e) && e.path).toBe(field);
          expect((e as Error).message).toContain('2^53');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('2^53 − 1 is accepted by each', () => {
    for (const field of ['i', 'p', 'n']) {
      expect(parseInput(solver, { [field]: 2 ** 53 - 1 })).toEqual({ [field]: 2 ** 53 - 1 });
    }
  });
});
