/**
 * The schema → form mapping, without a browser: every registered solver gets
 * a field for each input property, and every example input survives the trip
 * through the form's text fields (format, then parse) unchanged.
 */
import { s } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import {
  type Field,
  fieldForPath,
  fieldsOf,
  formatJsonText,
  getIn,
  humanize,
  type JsonSchema,
  parseJsonText,
  parseNumberText,
  setIn,
} from '../src/components/schema-fields';
import { findSolver, solverInfos } from '../src/registry';

function leaves(fields: readonly Field[]): Field[] {
  return fields.flatMap((f) => (f.children ? leaves(f.children) : [f]));
}

/** What a field's text gives back for a value, as the form would send it. */
function roundTrip(field: Field, value: unknown): unknown {
  if (field.kind === 'json') return parseJsonText(formatJsonText(value));
  if (field.kind === 'number' || field.kind === 'integer') return parseNumberText(String(value));
  return value;
}

describe('text fields', () => {
  it('read JSON, bare words, comma lists and one matrix row per line', () => {
    expect(parseJsonText('[3, 32, 32]')).toEqual([3, 32, 32]);
    expect(parseJsonText('3, 32, 32')).toEqual([3, 32, 32]);
    expect(parseJsonText('same')).toBe('same');
    expect(parseJsonText('1 2\n3 4')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(parseJsonText('')).toBeUndefined();
    expect(parseJsonText('<img src=x>')).toBe('<img src=x>');
    expect(parseNumberText(' 2.5e-3 ')).toBe(0.0025);
    expect(parseNumberText('abc')).toBe('abc');
    expect(parseNumberText('')).toBeUndefined();
  });

  it('format matrices one row per line and keep strings inside arrays intact', () => {
    expect(
      formatJsonText([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('[\n  [1, 2],\n  [3, 4]\n]');
    expect(parseJsonText(formatJsonText(['a,b', 'c:d']))).toEqual(['a,b', 'c:d']);
  });

  it('labels fields readably without mangling maths names', () => {
    expect(humanize('outChannels')).toBe('Out channels');
    expect(humanize('padding')).toBe('Padding');
    expect(humanize('Wxh')).toBe('Wxh');
    expect(humanize('h0')).toBe('h0');
  });

  it('set and read nested values, dropping emptied objects', () => {
    const v = setIn({ a: 1 }, ['b', 'c'], 2);
    expect(getIn(v, ['b', 'c'])).toBe(2);
    expect(setIn(v, ['b', 'c'], undefined)).toEqual({ a: 1 });
  });
});

describe('every registered solver gets a generated form', () => {
  for (const info of solverInfos) {
    it(`${info.id}: one field per input property; examples survive the form's text round trip`, () => {
      const solver = findSolver(info.id)!;
      const schema = s.toJsonSchema(solver.input) as JsonSchema;
      const fields = fieldsOf(schema);
      expect(fields.map((f) => f.name)).toEqual(Object.keys(schema.properties ?? {}));
      for (const f of leaves(fields)) expect(f.label.length).toBeGreaterThan(0);
      for (const example of solver.examples) {
        for (const f of leaves(fields)) {
          const value = getIn(example.input, f.keys);
          if (value === undefined) continue;
          expect(roundTrip(f, value), `${info.id} ${f.path} in "${example.title}"`).toEqual(value);
          expect(fieldForPath(fields, `${f.path}[0]`)?.path).toBe(f.path);
        }
      }
    });
  }
});

describe('exam notations in typed fields (issue 12: what students write)', () => {
  it('reads shapes and tuples as lists', () => {
    for (const t of ['(3, 32, 32)', '3×32×32', '3x32x32', '3 × 32 × 32'])
      expect(parseJsonText(t), t).toEqual([3, 32, 32]);
    expect(parseJsonText('((1, 2), (3, 4))')).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  it('reads fractions and the Unicode minus as numbers', () => {
    expect(parseNumberText('1/9')).toBe(1 / 9);
    expect(parseNumberText('−7/6')).toBe(-7 / 6);
    expect(parseNumberText('−0.5')).toBe(-0.5);
    expect(parseNumberText('1/0')).toBe('1/0');
    expect(parseJsonText('[1/9, 1/9, −1/9]')).toEqual([1 / 9, 1 / 9, -1 / 9]);
    expect(parseJsonText('1/4 1/4\n1/4 1/4')).toEqual([
      [0.25, 0.25],
      [0.25, 0.25],
    ]);
  });
  it('reads a point written as assignments', () => {
    expect(parseJsonText('x=0, y=0')).toEqual({ x: 0, y: 0 });
    expect(parseJsonText('w1: 1; b: −2')).toEqual({ w1: 1, b: -2 });
  });
  it('reads a LaTeX matrix pasted from notes', () => {
    expect(parseJsonText('\\begin{pmatrix} 1 & 2 \\\\ 3 & −4 \\end{pmatrix}')).toEqual([
      [1, 2],
      [3, -4],
    ]);
  });
  it('passes other text on for the solver to reject with the field named', () => {
    expect(parseJsonText('x=hello')).toBe('x=hello');
    expect(parseJsonText('(3, 32')).toBe('(3, 32');
  });
});
