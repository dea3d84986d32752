/**
 * The input shared by logic/perceptron and logic/mlp: a boolean function given
 * by an expression or a truth table, the variable order, the weight and bias
 * domains, the firing rule and the encoding — and its resolution to a table.
 */
import { checkLimit, DnnInputError, LIMITS, s } from '@dnn/core';
import * as z from 'zod/mini';
import { expressionVariables, parseBoolean, truthVector } from './boolean-expression.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const maxRows = 2 ** LIMITS.booleanVariables;

/** `fireWhen`: the neuron outputs 1 when w·x + b > 0 (default) or ≥ 0. */
export const fireWhenField = z._default(
  s.oneOf(['>0', '>=0'], 'Firing rule: the neuron outputs 1 when w·x + b > 0 (default) or when w·x + b ≥ 0.'),
  '>0',
);

/** `encoding`: 0/1 (binary) or −1/+1 (bipolar) inputs and outputs. */
export const encodingField = z._default(
  s.oneOf(
    ['binary', 'bipolar'],
    'Encoding of inputs and outputs: binary 0/1 (default) or bipolar −1/+1 (false is −1).',
  ),
  'binary',
);

/**
 * `truthTable.unlisted`: what the rows a table leaves out mean. `false` (default): they are false (0, or −1 when
 * bipolar), as in an exam that lists only the true rows; `"dont-care"`: they are unspecified (v1's reading).
 */
export const unlistedField = z
  ._default(z.union([z.literal(false), z.literal('dont-care')]), false)
  .check(
    z.describe(
      'Rows the table leaves out: false (default) = they output false (0, or −1 when bipolar), as when a table lists only its true rows; "dont-care" = they may output anything (the network only has to match the listed rows).',
    ),
  );

/** The firing rule. */
export type FireWhen = '>0' | '>=0';
/** The encoding of truth values. */
export type Encoding = 'binary' | 'bipolar';

/** Schema fields of a boolean function with its perceptron conventions (logic/perceptron, logic/mlp). */
export const booleanFunctionFields = {
  expression: s.alternative(
    z
      .optional(z.string().check(z.maxLength(2000)))
      .check(
        z.describe(
          'Boolean expression, e.g. "x & !y". Operators: ! (NOT), & (AND), ^ (XOR), xnor, | (OR), parentheses; precedence ! > & > ^/xnor > |. Give this or truthTable.',
        ),
      ),
    'the function',
  ),
  truthTable: s.alternative(
    z
      .optional(
        s.object({
          inputs: z
            .array(z.array(z.number()).check(z.minLength(1), z.maxLength(LIMITS.booleanVariables)))
            .check(
              z.minLength(1),
              z.maxLength(maxRows),
              z.describe('Input rows, e.g. [[0,0],[0,1],[1,0],[1,1]] (−1/+1 with bipolar encoding).'),
            ),
          outputs: z
            .array(z.number())
            .check(
              z.minLength(1),
              z.maxLength(maxRows),
              z.describe('Output of each input row (0/1, or −1/+1 when bipolar).'),
            ),
          unlisted: unlistedField,
        }),
      )
      .check(
        z.describe('Truth table; rows left out are false unless unlisted is "dont-care". Give this or expression.'),
      ),
    'the function',
  ),
  variables: z
    .optional(
      z
        .array(z.string().check(z.regex(NAME, 'must be a name such as x, A or x1')))
        .check(z.minLength(1), z.maxLength(LIMITS.booleanVariables)),
    )
    .check(
      z.describe(
        'Variable order (the order of the weights). Default: the expression’s names sorted naturally (x1, x2, …, x10), or x1…xn for a truth table.',
      ),
    ),
  weightDomain: z
    .optional(z.array(z.number().check(z.minimum(-1e9), z.maximum(1e9))).check(z.minLength(1), z.maxLength(64)))
    .check(
      z.describe(
        'Allowed weight values, e.g. [-1, 0, 1]; then the weights are searched exhaustively. Default: any real.',
      ),
    ),
  biasDomain: z
    .optional(z.array(z.number().check(z.minimum(-1e9), z.maximum(1e9))).check(z.minLength(1), z.maxLength(256)))
    .check(
      z.describe('Allowed bias values, e.g. [-30, -20, -10, 0, 10, 20, 30] (needs weightDomain). Default: any real.'),
    ),
  fireWhen: fireWhenField,
  encoding: encodingField,
};

/** The validated input of {@link booleanFunctionFields}. */
export interface BooleanFunctionInput {
  expression?: string | undefined;
  truthTable?: { inputs: number[][]; outputs: number[]; unlisted?: false | 'dont-care' | undefined } | undefined;
  variables?: string[] | undefined;
  weightDomain?: number[] | undefined;
  biasDomain?: number[] | undefined;
  fireWhen: FireWhen;
  encoding: Encoding;
}

/** A boolean function as a table over all 2ⁿ rows: 1, 0, or −1 for a don't-care. */
export interface BoolFunction {
  variables: string[];
  n: number;
  /** Row r sets variable i to bit n − 1 − i of r (first variable most significant). */
  values: Int8Array;
  /** The expression as typed, when there was one. */
  expression?: string;
  /** Rows a truth table left out and that were filled in as false (`truthTable.unlisted: false`). */
  filledRows?: number;
}

/**
 * Row r as an encoded input, first variable first (variable i is bit n − 1 − i of r). Built by push, so
 * always packed small integers: a `.map` result is holey when inlined by optimized code and packed
 * otherwise, and the code reading the samples (dot, biasRange, weightTree) deoptimized on the other.
 */
export function encodedRow(r: number, n: number, encoding: Encoding): number[] {
  const x: number[] = [];
  for (let i = 0; i < n; i++) x.push(encodeBit((r >> (n - 1 - i)) & 1, encoding));
  return x;
}

/** A truth value as a number of the encoding: 1, and 0 or −1 for false. */
export function encodeBit(bit: number, encoding: Encoding): number {
  return encoding === 'bipolar' ? 2 * bit - 1 : bit;
}

// One collator, made on first use: localeCompare with options builds a new one on every call.
let collator: Intl.Collator | undefined;
const naturalOrder = (a: string, b: string) => {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b) || (a < b ? -1 : 1);
};

/** Resolves an expression or a truth table to a {@link BoolFunction}, with input errors naming the field. */
export function resolveFunction(inp: BooleanFunctionInput): BoolFunction {
  if ((inp.expression === undefined) === (inp.truthTable === undefined)) {
    throw new DnnInputError(
      inp.expression === undefined ? 'expression' : 'truthTable',
      inp.expression === undefined
        ? 'give the function as an expression or as a truthTable'
        : 'give either an expression or a truthTable, not both',
    );
  }
  if (inp.biasDomain !== undefined && inp.weightDomain === undefined) {
    throw new DnnInputError(
      'biasDomain',
      'a bias domain needs a weightDomain too (the search over allowed values is exhaustive); leave both out for real-valued weights',
    );
  }
  if (new Set(inp.variables ?? []).size !== (inp.variables ?? []).length) {
    throw new DnnInputError('variables', 'a variable name appears twice');
  }
  return inp.expression !== undefined ? fromExpression(inp.expression, inp.variables) : fromTable(inp);
}

function fromExpression(expression: string, given: string[] | undefined): BoolFunction {
  const tree = parseBoolean(expression);
  const used = expressionVariables(tree);
  if (given) {
    const missing = used.find((v) => !given.includes(v));
    if (missing) throw new DnnInputError('variables', `the expression uses ${missing}, which is not in the list`);
  }
  const variables = given ?? [...used].sort(naturalOrder);
  if (variables.length === 0) {
    throw new DnnInputError('expression', 'the expression has no variables; a perceptron needs at least one input');
  }
  checkLimit('expression', 'booleanVariables', variables.length, 'the number of variables');
  const values = Int8Array.from(truthVector(tree, variables));
  return { variables, n: variables.length, values, expression };
}

function fromTable(inp: BooleanFunctionInput): BoolFunction {
  const { inputs, outputs, unlisted = false } = inp.truthTable as NonNullable<BooleanFunctionInput['truthTable']>;
  const n = (inputs[0] as number[]).length;
  const [falseValue, name] = inp.encoding === 'bipolar' ? [-1, '−1 or 1 (bipolar encoding)'] : [0, '0 or 1'];
  const bit = (v: number, path: string): number => {
    if (v === 1) return 1;
    if (v === falseValue) return 0;
    throw new DnnInputError(path, `must be ${name}, not ${v}`);
  };
  if (outputs.length !== inputs.length) {
    throw new DnnInputError(
      'truthTable.outputs',
      `has ${outputs.length} values but there are ${inputs.length} input rows; give one output per row`,
    );
  }
  const variables = inp.variables ?? Array.from({ length: n }, (_, i) => `x${i + 1}`);
  if (variables.length !== n) {
    throw new DnnInputError('variables', `lists ${variables.length} names but the truth table rows have ${n} inputs`);
  }
  const values = new Int8Array(2 ** n).fill(-1);
  const firstRow = new Map<number, number>();
  inputs.forEach((row, k) => {
    if (row.length !== n) {
      throw new DnnInputError(
        `truthTable.inputs[${k}]`,
        `has ${row.length} inputs but row 0 has ${n}; every row needs ${n}`,
      );
    }
    const r = row.reduce((acc, v, i) => acc * 2 + bit(v, `truthTable.inputs[${k}][${i}]`), 0);
    const out = bit(outputs[k] as number, `truthTable.outputs[${k}]`);
    const seen = firstRow.get(r);
    if (seen !== undefined && values[r] !== out) {
      throw new DnnInputError(
        `truthTable.outputs[${k}]`,
        `row ${k} repeats the inputs of row ${seen} with a different output: the table is inconsistent`,
      );
    }
    firstRow.set(r, k);
    values[r] = out;
  });
  if (unlisted === 'dont-care') return { variables, n, values };
  let filledRows = 0;
  values.forEach((v, r) => {
    if (v < 0) {
      values[r] = 0;
      filledRows++;
    }
  });
  return { variables, n, values, filledRows };
}

/** Rows where the function is specified, in truth-table order. */
export function specifiedRows(f: BoolFunction): number[] {
  const rows: number[] = [];
  f.values.forEach((v, r) => {
    if (v >= 0) rows.push(r);
  });
  return rows;
}

/** Sorted distinct values of a domain. */
export function distinct(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
