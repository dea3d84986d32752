/**
 * The schema → form mapping, without a browser: every registered solver gets
 * a field for each input property, and every example input survives the trip
 * through the form's text fields (format, then parse) unchanged.
 */
import { s } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { fromChannels, resizeColumns, resizeRows, toChannels } from '../src/components/form/grid';
import { locateError } from '../src/components/form/records';
import {
  applicableInput,
  applies,
  chosenAlternatives,
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
  if (field.kind === 'records' && Array.isArray(value)) {
    return value.map((rec: Record<string, unknown>) => {
      const variant = field.variants?.find((v) => !v.tag || rec[v.tag.name] === v.tag.value);
      expect(variant, `${field.path}: no record variant for ${JSON.stringify(rec)}`).toBeDefined();
      return Object.fromEntries(
        Object.entries(rec).map(([k, v]) => {
          const sub = variant?.fields.find((f) => f.name === k);
          return [k, sub ? roundTrip(sub, v) : v];
        }),
      );
    });
  }
  if (field.matrix && toChannels(value)) {
    // What the grid editor gives back: every cell's text read as a number.
    return fromChannels(toChannels(value) ?? [], parseNumberText);
  }
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

describe('structured editors', () => {
  const fieldNamed = (id: string, name: string) =>
    fieldsOf(s.toJsonSchema(findSolver(id)!.input) as JsonSchema).find((f) => f.name === name);

  it('conv/summary layers are a record list with one variant per layer type, tagged by `type`', () => {
    const layers = fieldNamed('conv/summary', 'layers')!;
    expect(layers.kind).toBe('records');
    const tags = layers.variants!.map((v) => v.tag?.value);
    expect(tags).toContain('conv2d');
    expect(tags).toContain('dense');
    const conv = layers.variants!.find((v) => v.tag?.value === 'conv2d')!;
    expect(conv.fields.map((f) => f.name)).toContain('kernel');
    expect(conv.fields.map((f) => f.name)).not.toContain('type');
  });

  it('perceptron-train samples are untagged records of x and t', () => {
    const samples = fieldNamed('logic/perceptron-train', 'samples')!;
    expect(samples.kind).toBe('records');
    expect(samples.variants).toHaveLength(1);
    expect(samples.variants![0]!.fields.map((f) => f.name)).toEqual(['x', 't']);
  });

  it('a feature map field is edited in a grid', () => {
    expect(fieldNamed('conv/forward', 'input')?.matrix).toBe(true);
    expect(fieldNamed('conv/output-shape', 'inputShape')?.matrix).toBeUndefined();
  });

  it('the grid reads matrices and channels, resizes, and gives numbers back', () => {
    expect(
      toChannels([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ]);
    expect(toChannels([[[1]], [[2]]])).toEqual([[['1']], [['2']]]);
    expect(toChannels([1, 2])).toBeUndefined();
    const grown = resizeColumns(resizeRows([[['1', '2']]], 1), 1);
    expect(grown).toEqual([
      [
        ['1', '2', '0'],
        ['0', '0', '0'],
      ],
    ]);
    expect(resizeRows(resizeRows(grown, -1), -1)).toEqual([[['1', '2', '0']]]);
    expect(
      fromChannels(
        [
          [
            ['1/4', '−2'],
            ['x', '3'],
          ],
        ],
        parseNumberText,
      ),
    ).toEqual([
      [0.25, -2],
      ['x', 3],
    ]);
  });

  it('locates an error inside a record list', () => {
    expect(locateError('layers', 'layers[2].kernel')).toEqual({ index: 2, inner: 'kernel' });
    expect(locateError('layers', 'layers[0]')).toEqual({ index: 0, inner: '' });
    expect(locateError('layers', 'input')).toBeUndefined();
  });
});

describe('fields that apply only to some choices', () => {
  const perceptron = () => fieldsOf(s.toJsonSchema(findSolver('logic/perceptron')!.input) as JsonSchema);

  it('logic/perceptron offers the expression and the truth table as alternatives, the given one chosen', () => {
    const fields = perceptron();
    expect(fields.filter((f) => f.alternativeOf === 'the function').map((f) => f.name)).toEqual([
      'expression',
      'truthTable',
    ]);
    expect(chosenAlternatives(fields, {})).toEqual({ 'the function': 'expression' });
    expect(chosenAlternatives(fields, { truthTable: { inputs: [[0]], outputs: [1] } })).toEqual({
      'the function': 'truthTable',
    });
  });

  it('conv/output-shape shows outputPadding only for conv-transpose and ceilMode only for pooling', () => {
    const fields = fieldsOf(s.toJsonSchema(findSolver('conv/output-shape')!.input) as JsonSchema);
    const shown = (value: unknown) => fields.filter((f) => applies(f, fields, value)).map((f) => f.name);
    expect(shown({})).not.toContain('outputPadding');
    expect(shown({})).not.toContain('ceilMode');
    expect(shown({ kind: 'conv-transpose' })).toContain('outputPadding');
    expect(shown({ kind: 'maxpool' })).toContain('ceilMode');
    expect(shown({ kind: 'maxpool' })).not.toContain('outChannels');
  });

  it('optim/step shows each optimizer only its own hyper-parameters', () => {
    const fields = fieldsOf(s.toJsonSchema(findSolver('optim/step')!.input) as JsonSchema);
    const shown = (value: unknown) => fields.filter((f) => applies(f, fields, value)).map((f) => f.name);
    expect(shown({ optimizer: 'adam' })).toEqual(expect.arrayContaining(['beta1', 'beta2', 'eps', 'biasCorrection']));
    expect(shown({ optimizer: 'adam' })).not.toContain('momentum');
    expect(shown({ optimizer: 'momentum' })).toContain('momentum');
    expect(shown({ optimizer: 'sgd' })).not.toContain('etaPlus');
    expect(applicableInput(fields, { optimizer: 'sgd', beta1: 0.5, lr: 0.1 })).toEqual({ optimizer: 'sgd', lr: 0.1 });
  });

  it('drops the fields whose appliesWhen does not hold, reading defaults for the siblings', () => {
    const kind: Field = {
      path: 'kind',
      keys: ['kind'],
      name: 'kind',
      label: 'Kind',
      kind: 'enum',
      required: false,
      hasDefault: true,
      default: 'conv',
    };
    const extra: Field = {
      path: 'extra',
      keys: ['extra'],
      name: 'extra',
      label: 'Extra',
      kind: 'integer',
      required: false,
      hasDefault: false,
      appliesWhen: { kind: ['conv-transpose'] },
    };
    const fields = [kind, extra];
    expect(applies(extra, fields, { extra: 1 })).toBe(false);
    expect(applicableInput(fields, { extra: 1 })).toEqual({});
    expect(applicableInput(fields, { kind: 'conv-transpose', extra: 1 })).toEqual({ kind: 'conv-transpose', extra: 1 });
  });
});

describe('long texts', () => {
  it("conv/summary's model code is a text area (pasted lines keep their breaks); short strings stay one line", () => {
    const fields = fieldsOf(s.toJsonSchema(findSolver('conv/summary')!.input) as JsonSchema);
    const code = fields.find((f) => f.name === 'code');
    expect(code).toMatchObject({ kind: 'string', multiline: true, alternativeOf: 'the network' });
    const expression = fieldsOf(s.toJsonSchema(findSolver('optim/gradient')!.input) as JsonSchema).find(
      (f) => f.name === 'expression',
    );
    expect(expression?.multiline).toBeFalsy();
  });
});
