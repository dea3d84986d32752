/**
 * Bounded work before the schema: an input's values are counted (checkStructure) and capped at
 * LIMITS.inputValues, so no request makes zod read 10⁷ cells; unknown ids are looked up in bounded time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSolver, parseInput } from './define-solver.js';
import { isDnnInputError } from './errors.js';
import { a } from './index.js';
import { checkStructure } from './input-errors.js';
import { checkLimit, LIMITS } from './limits.js';
import { createRegistry, MAX_ID_COMPARED } from './registry.js';
import * as s from './schema.js';
import * as z from './zod.js';

/** The oracle: every list item and object entry, counted recursively. */
function countValues(x: unknown): number {
  if (Array.isArray(x)) return x.length + x.reduce((sum: number, v) => sum + countValues(v), 0);
  if (x !== null && typeof x === 'object') {
    const values = Object.values(x);
    return values.length + values.reduce((sum: number, v) => sum + countValues(v), 0);
  }
  return 0;
}

const key = fc.stringMatching(/^[a-z]{1,6}$/);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double({ noNaN: true }),
    fc.string({ maxLength: 3 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 8 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

const valuesError = (e: unknown) => isDnnInputError(e) && /values \(numbers, texts, list items/.test(e.reason);

describe('the values of an input are counted before the schema reads them', () => {
  it('an input is refused exactly when it holds more values than the limit (recursive count as the oracle)', () => {
    fc.assert(
      fc.property(json, fc.nat(60), (input, max) => {
        const expected = countValues(input) > max;
        let refused = false;
        try {
          checkStructure(input, max);
        } catch (e) {
          refused = valuesError(e);
          if (!refused) throw e;
        }
        expect(refused).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('the error names the top-level field holding the most values, with both limits in words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (small, extra) => {
        const big = small + extra;
        const input = { a: Array(small).fill(0), b: Array.from({ length: big }, () => [1]), c: 1 };
        const max = small + big; // a's and b's lists, then b's rows push it over
        try {
          checkStructure(input, max);
          expect.unreachable();
        } catch (e) {
          expect(isDnnInputError(e) && e.path).toBe('b');
          expect(String((e as Error).message)).toContain(`above the limit of ${max} per request`);
        }
      }),
    );
  });

  it('at the catalog limit parseInput counts first: 2.5·10⁶ + 1 values fail fast at the field, 2.5·10⁶ reach the schema', () => {
    const solver = defineSolver({
      id: 'test/values',
      title: 'A list',
      description: 'One list of numbers.',
      input: s.object({ xs: z.array(z.number()) }),
      answer: a.answer({}),
      solveParsed: () => ({ answer: {}, steps: [], notes: [] }),
      examples: [],
    });
    const at = Array(LIMITS.inputValues - 1).fill(0); // + the one key "xs"
    expect(parseInput(solver, { xs: at }).xs).toHaveLength(LIMITS.inputValues - 1);
    at.push(0);
    expect(() => parseInput(solver, { xs: at })).toThrow(
      /^xs: the input has more than 2,500,000 values .* above the limit of 2,500,000 per request; at least 2,500,000 here$/,
    );
  });
});

describe("a solver's own tighter limit", () => {
  it('is named as this solver’s and cannot loosen the catalog limit', () => {
    expect(() => checkLimit('input', 'outputCells', 1_000_001, 'the number of output values', 1e6)).toThrow(
      "input: the number of output values is 1,000,001, above this solver's limit of 1,000,000 per request",
    );
    expect(() => checkLimit('input', 'outputCells', 1e6, 'x', 1e6)).not.toThrow();
    expect(() => checkLimit('input', 'outputCells', 1e7 + 1, 'x', 1e8)).toThrow(
      'x is 10,000,001, above the limit of 10,000,000 per request',
    );
  });
});

describe('unknown solver ids', () => {
  const noop = (id: string) =>
    defineSolver({
      id,
      title: id,
      description: id,
      input: s.object({}),
      answer: a.answer({}),
      solveParsed: () => ({ answer: {}, steps: [], notes: [] }),
      examples: [],
    });
  const registry = createRegistry([{ name: 'test', solvers: [noop('test/double'), noop('test/square')] }]);

  it('a 10⁷-character id is refused at once with a short echo and no did-you-mean search (was 46 s)', () => {
    const id = `test/double${'x'.repeat(1e7)}`;
    try {
      registry.get(id);
      expect.unreachable();
    } catch (e) {
      expect(isDnnInputError(e) && e.path).toBe('id');
      expect((e as Error).message).toMatch(
        /^id: unknown solver id "test\/double.{18}….{28}", 10,000,011 characters long;/,
      );
    }
  });

  it('any id longer than the bound gets a bounded message; one edit from an id within it gets the hint', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_ID_COMPARED + 1, maxLength: 3000 }), (id) => {
        try {
          registry.get(id);
          expect.unreachable();
        } catch (e) {
          const message = (e as Error).message;
          expect(message.length).toBeLessThan(200);
          expect(message).not.toContain('did you mean');
        }
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('test/double', 'test/square'),
        fc.nat(10),
        fc.string({ minLength: 1, maxLength: 1 }),
        (id, at, c) => {
          const typo = id.slice(0, at % id.length) + c + id.slice((at % id.length) + 1);
          fc.pre(typo !== id);
          expect(() => registry.get(typo)).toThrow(`(did you mean ${id}?)`);
        },
      ),
    );
  });
});
