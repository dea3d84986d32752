/**
 * Input structure and errors: deep nesting, huge keys and long expressions are reported briefly, not echoed; prototype
 * keys are rejected by name or work as ordinary names, never dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSolver, parseInput } from './define-solver.js';
import { clip, DnnInputError, formatPath, isDnnInputError, MAX_PATH, MAX_REASON } from './errors.js';
import { parseExpression } from './expr/parse.js';
import { a } from './index.js';
import { MAX_NESTING } from './input-errors.js';
import * as s from './schema.js';
import * as z from './zod.js';

const solver = defineSolver({
  id: 'test/nesting',
  title: 'A matrix and a list of records',
  description: 'Fields of the usual depths.',
  input: s.object({
    m: z.optional(s.matrix('a matrix')),
    layers: z.optional(z.array(s.object({ w: s.vector('weights') }))),
  }),
  answer: a.answer({}),
  solveParsed: () => ({ answer: {}, steps: [], notes: [] }),
  examples: [],
});

/** `leaf` wrapped in `depth` lists or objects (iteratively: no recursion of our own). */
function nest(depth: number, leaf: unknown, objects: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = objects && i % 2 ? { w: v } : [v];
  return v;
}

const limit = MAX_PATH + MAX_REASON + 2;

describe('deeply nested input', () => {
  it('nesting 65 … 10⁵ deep in any field is an input error of bounded length (was a stack overflow or a 3 MB path)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_NESTING + 1, max: 100_000 }),
        fc.constantFrom('m', 'layers', 'other'),
        fc.boolean(),
        (depth, field, objects) => {
          try {
            parseInput(solver, { [field]: nest(depth, 1, objects) });
            expect.unreachable();
          } catch (e) {
            expect(isDnnInputError(e)).toBe(true);
            expect((e as Error).message.length).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('nesting within the limit is judged by the schema (a type error at the field), not by depth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: MAX_NESTING - 2 }), (depth) => {
        expect(() => parseInput(solver, { m: nest(depth, 1, false) })).toThrow(/^m\[0\]\[0\]: must be a number/);
      }),
      { numRuns: 20 },
    );
  });
});

describe('bounded paths and reasons', () => {
  it('clip keeps at most max characters, the start and the end', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.integer({ min: 3, max: 500 }), (text, max) => {
        const out = clip(text, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
        if (text.length <= max) expect(out).toBe(text);
        else {
          expect(text.startsWith(out.slice(0, out.indexOf('…')))).toBe(true);
          expect(text.endsWith(out.slice(out.lastIndexOf('…') + 1))).toBe(true);
        }
      }),
    );
  });

  it('a DnnInputError with a 10 MB path or reason carries at most MAX_PATH and MAX_REASON characters', () => {
    const e = new DnnInputError('k'.repeat(1e7), 'unknown id '.concat('x'.repeat(1e7)));
    expect(e.path.length).toBe(MAX_PATH);
    expect(e.reason.length).toBe(MAX_REASON);
    expect(e.reason.startsWith('unknown id x')).toBe(true);
  });

  it('formatPath keeps 8 keys at each end of a deep path and says how many it left out', () => {
    const path = ['layers', ...Array(100_000).fill(0), 'w'];
    expect(formatPath(path)).toBe('layers[0][0][0][0][0][0][0]…(99986 more)…[0][0][0][0][0][0][0].w');
    expect(formatPath(['a', 1, 'b'])).toBe('a[1].b');
  });

  it('an expression error shows at most 40 characters on each side of the position', () => {
    const long = `${'x + '.repeat(100_000)}$${' + y'.repeat(100_000)}`;
    try {
      parseExpression(long, 'expression');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(
        /^expression: unexpected character "\$" at character 400001: …(x \+ ){10}▸\$( \+ y){9} \+ …$/,
      );
    }
  });
});

describe('prototype-named keys', () => {
  const named = defineSolver({
    id: 'test/names',
    title: 'A map of names',
    description: 'A record field, as optim’s `at`.',
    input: s.object({
      at: z.record(z.string(), z.number()),
      layers: z.optional(z.array(s.object({ w: s.vector('w') }))),
    }),
    answer: a.answer({}),
    solveParsed: () => ({ answer: {}, steps: [], notes: [] }),
    examples: [],
  });

  it('an own "__proto__" key anywhere (as JSON.parse makes it) is an input error naming it — never dropped', () => {
    expect(() => parseInput(named, JSON.parse('{"at": {"__proto__": 1, "x": 2}}'))).toThrow(
      /^at\.__proto__: "__proto__" cannot be used as a name/,
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.boolean(), (depth, inLayers) => {
        const json = inLayers
          ? '{"at": {}, "layers": [{"w": [1]}, {"w": [1], "__proto__": {}}]}'
          : `{"at": ${'{"a": '.repeat(depth)}{"__proto__": 1}${'}'.repeat(depth)}}`;
        try {
          parseInput(named, JSON.parse(json));
          expect.unreachable();
        } catch (e) {
          expect(isDnnInputError(e) && e.path.endsWith('__proto__')).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('a prototype-less object under "length" anywhere is an input error naming it (zod threw a TypeError there)', () => {
    // Found by the CLI's robustness suite (seed 1761226637): conv/batchnorm with { z: { length: Object.create(null) } }.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.boolean(), (depth, inLayers) => {
        const bad = { length: Object.create(null) };
        let at: unknown = bad;
        for (let i = 0; i < depth; i++) at = { a: at };
        const input = inLayers ? { at: {}, layers: [{ w: bad }] } : { m: at, at: {} };
        try {
          if (inLayers) parseInput(named, input);
          else parseInput(solver, input);
          expect.unreachable();
        } catch (e) {
          expect(isDnnInputError(e) && e.path.endsWith('.length')).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
    // Prototype-less objects elsewhere are ordinary maps.
    expect(parseInput(named, { at: Object.assign(Object.create(null), { x: 1 }) })).toEqual({ at: { x: 1 } });
  });

  it('"constructor", "toString" and "hasOwnProperty" are ordinary keys of a map', () => {
    const at = JSON.parse('{"constructor": 1, "toString": 2, "hasOwnProperty": 3}');
    expect(parseInput(named, { at })).toEqual({ at: { constructor: 1, toString: 2, hasOwnProperty: 3 } });
  });
});
