/**
 * Fraction strings in number fields (SOLVERS.md, Catalog v2: "Every number field of every solver also accepts an
 * exact fraction string such as "1/9" or "-7/6""): converted where the schema wants a number, never in text fields.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as a from './answer.js';
import { defineSolver, parseInput } from './define-solver.js';
import { DnnInputError } from './errors.js';
import { fractionString, toFraction } from './exact.js';
import { fractionsToNumbers, readFraction } from './fraction-input.js';
import * as s from './schema.js';

/** A schema with the shapes solvers use: plain numbers, s.* helpers, unions with text, transforms, records. */
const input = s.object({
  scale: z
    ._default(z.number().check(z.refine((v) => v !== 0)), 1)
    .check(z.describe('A factor (conv/kernel-effect’s `scale`).')),
  expression: z.string().check(z.maxLength(2000), z.describe('An expression: "1/9" is text here.')),
  kernel: z.optional(s.numberOrPair(z.number().check(z.int(), z.minimum(1)), 'A number or a pair.')),
  padding: z.optional(z.union([z.number(), z.enum(['same', 'valid'])])).check(z.describe('A number or a word.')),
  taps: z
    .optional(z.array(z.array(z.union([z.number(), z.string().check(z.regex(/^[a-z]$/))]))))
    .check(z.describe('Known taps or one-letter names.')),
  at: z.optional(z.record(z.string(), z.number())).check(z.describe('A point.')),
  scalarOrMatrix: z
    .optional(
      z.union([
        z.array(z.array(z.number())),
        z.pipe(
          z.number(),
          z.transform((v) => [[v]]),
        ),
      ]),
    )
    .check(z.describe('A matrix, or a number read as 1×1.')),
  layers: z
    .optional(
      z.array(
        z.discriminatedUnion('type', [
          z.strictObject({ type: z.literal('dense'), units: z.number().check(z.int()) }),
          z.strictObject({ type: z.literal('dropout'), p: z.number().check(z.minimum(0), z.maximum(1)) }),
        ]),
      ),
    )
    .check(z.describe('Layers.')),
  order: z._default(z.union([z.literal(1), z.literal(2)]), 1).check(z.describe('1 or 2.')),
  names: z.optional(z.array(z.string())).check(z.describe('Text list.')),
});

const solver = defineSolver({
  id: 'test/fractions',
  title: 'Echo',
  description: 'Returns its input.',
  input,
  answer: a.answer({}),
  solveParsed: () => ({ answer: {}, steps: [], notes: [] }),
  examples: [],
});

const parse = (value: unknown) => parseInput(solver, value);

function inputError(f: () => unknown): DnnInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof DnnInputError) return e;
    throw e;
  }
  throw new Error('expected a DnnInputError');
}

describe('readFraction', () => {
  it.each([
    ['1/9', 1 / 9],
    ['-7/6', -7 / 6],
    ['−7/6', -7 / 6],
    [' 2 / 3 ', 2 / 3],
    ['3', 3],
    ['0.5', 0.5],
    ['1.5/2', 0.75],
    ['+4/8', 0.5],
  ])('%j is %d', (text, value) => {
    expect(readFraction(text)).toBe(value);
  });

  it.each(['x', '1/x', '1//2', '1/2/3', '', '1e3', '-', '/2', '2/', 'sqrt(2)', '1/-2'])('%j is not a fraction', (t) => {
    expect(readFraction(t)).toBeUndefined();
  });

  it('a zero denominator or an overflow is an error, not Infinity', () => {
    expect(readFraction('1/0')).toEqual({ error: 'the fraction "1/0" divides by zero' });
    expect(readFraction(`${'9'.repeat(400)}/1`)).toEqual({ error: expect.stringMatching(/overflows/) });
  });
});

describe('parseInput: fraction strings in number fields', () => {
  it('"scale": "1/9" is accepted as the number 1/9 (exam line 10: C₁ = 1/9 · ones(3×3), conv/kernel-effect)', () => {
    expect(parse({ expression: 'x', scale: '1/9' }).scale).toBe(1 / 9);
    expect(parse({ expression: 'x', scale: '-7/6' }).scale).toBe(-7 / 6);
  });

  it('an expression field keeps "1/9" as text', () => {
    const out = parse({ expression: '1/9', scale: '1/9', names: ['1/2'] });
    expect(out.expression).toBe('1/9');
    expect(out.names).toEqual(['1/2']);
  });

  it('"1/0" is an input error naming the field', () => {
    const e = inputError(() => parse({ expression: 'x', scale: '1/0' }));
    expect(e.path).toBe('scale');
    expect(e.reason).toMatch(/"1\/0" divides by zero/);
    expect(inputError(() => parse({ expression: 'x', at: { y: '2/0' } })).path).toBe('at.y');
    expect(inputError(() => parse({ expression: 'x', taps: [[1, '3/0']] })).path).toBe('taps[0][1]');
  });

  it('a non-fraction string in a number field is still the old error', () => {
    const e = inputError(() => parse({ expression: 'x', scale: 'abc' }));
    expect(e.path).toBe('scale');
    expect(e.reason).toBe('must be a number, not text "abc"');
  });

  it('reaches numbers inside s.numberOrPair, records, nested arrays, transforms and discriminated unions', () => {
    const out = parse({
      expression: 'x',
      kernel: ['3', '6/2'],
      at: { x: '1/3', y: 2 },
      scalarOrMatrix: [['1/2', 1]],
      layers: [
        { type: 'dense', units: '8' },
        { type: 'dropout', p: '1/4' },
      ],
      order: '2',
    });
    expect(out.kernel).toEqual([3, 3]);
    expect(out.at).toEqual({ x: 1 / 3, y: 2 });
    expect(out.scalarOrMatrix).toEqual([[0.5, 1]]);
    expect(out.layers).toEqual([
      { type: 'dense', units: 8 },
      { type: 'dropout', p: 0.25 },
    ]);
    expect(out.order).toBe(2);
    expect(parse({ expression: 'x', kernel: '5' }).kernel).toBe(5);
    expect(parse({ expression: 'x', scalarOrMatrix: '3/4' }).scalarOrMatrix).toEqual([[0.75]]);
  });

  it('a union that takes the text as it is keeps it; one that does not gets the number', () => {
    expect(parse({ expression: 'x', padding: 'same' }).padding).toBe('same');
    expect(parse({ expression: 'x', padding: '1/2' }).padding).toBe(0.5);
    // "x" is a name the union accepts; "1/9" is not, so it is read as a number.
    expect(parse({ expression: 'x', taps: [['x', '1/9']] }).taps).toEqual([['x', 1 / 9]]);
  });

  it('the converted value is still validated (a fraction that is not a whole number where one is needed)', () => {
    const e = inputError(() => parse({ expression: 'x', kernel: '1/2' }));
    expect(e.path).toBe('kernel');
    const f = inputError(() => parse({ expression: 'x', layers: [{ type: 'dropout', p: '3/2' }] }));
    expect(f.path).toBe('layers[0].p');
    expect(f.reason).toMatch(/at most 1/);
  });

  it('leaves the caller’s input untouched and returns the same object when there is nothing to convert', () => {
    const raw = { expression: 'x', scale: '1/9', at: { x: 1 } };
    fractionsToNumbers(input, raw);
    expect(raw.scale).toBe('1/9');
    const clean = { expression: 'x', at: { x: 1 } };
    expect(fractionsToNumbers(input, clean)).toBe(clean);
  });

  it('a record key "__proto__" stays a plain key', () => {
    const raw = JSON.parse('{"expression": "x", "at": {"__proto__": "1/2"}}');
    const out = fractionsToNumbers(input, raw) as { at: Record<string, unknown> };
    expect(Object.getPrototypeOf(out.at)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out.at, '__proto__')?.value).toBe(0.5);
  });
});

describe('toFraction reads a float that a fraction string became back as that fraction', () => {
  it.each([
    ['1/9', '1/9'],
    ['-7/6', '-7/6'],
    ['2/3', '2/3'],
    ['1/7', '1/7'],
    ['355/113', '355/113'],
    ['1/999983', '1/999983'],
  ])('%s → %s', (text, exact) => {
    expect(fractionString(toFraction(readFraction(text) as number))).toBe(exact);
  });

  it('short decimals stay the decimal typed; a long float with no small fraction stays its decimal', () => {
    expect(fractionString(toFraction(0.1))).toBe('1/10');
    expect(fractionString(toFraction(0.3333))).toBe('3333/10000');
    // 0.1 + 0.2 = 0.30000000000000004 is not the float of any p/q with q ≤ 10⁶.
    expect(fractionString(toFraction(0.1 + 0.2))).toBe('7500000000000001/25000000000000000');
    expect(fractionString(toFraction(Math.PI))).toBe('3141592653589793/1000000000000000');
  });
});
