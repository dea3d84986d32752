import { describe, expect, it } from 'vitest';
import { parseBoolean, truthVector } from './boolean-expression.js';
import { badInputSuite, exampleSuite, solveAs } from './logic.test-util.js';
import { type PerceptronAnswer, perceptron } from './perceptron.js';

const run = (input: unknown) => solveAs<PerceptronAnswer>('logic/perceptron', input);
const table = (expression: string, variables: string[]) => Array.from(truthVector(parseBoolean(expression), variables));

exampleSuite(perceptron);

describe('logic/perceptron: exam details', () => {
  it('the X/Y table gives the exam’s four inequalities, and the rubric’s a = 1, b = −3, c = 1 satisfies them', () => {
    // Exam: a > 0, a + c > 0, a + b < 0, a + b + c < 0 with a the bias, b the weight of X, c of Y.
    const { answer } = run(perceptron.examples[0]?.input);
    expect(answer.inequalities.map((q) => q.text)).toEqual([
      'b > 0',
      'w_Y + b > 0',
      'w_X + b ≤ 0',
      'w_X + w_Y + b ≤ 0',
    ]);
    const [a, b, c] = [1, -3, 1];
    expect([a > 0, a + c > 0, a + b < 0, a + b + c < 0]).toEqual([true, true, true, true]);
  });

  it('XOR: the certificate adds all four rows with multiplier 1', () => {
    const sol = run({ expression: 'x ^ y' });
    expect(sol.answer.certificate?.multipliers.map((m) => m.multiplier)).toEqual([1, 1, 1, 1]);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('(w_y + b) + (w_x + b) = w_x + w_y + 2·b > 0');
    expect(text).toContain('(b) + (w_x + w_y + b) = w_x + w_y + 2·b ≤ 0');
  });

  it('XNOR is not separable either; NOR and NOT are', () => {
    expect(run({ expression: 'x xnor y' }).answer.separable).toBe(false);
    expect(run({ expression: '!(x | y)' }).answer).toMatchObject({ separable: true, weights: [-2, -2], bias: 1 });
    expect(run({ expression: '!x', variables: ['x', 'y'] }).answer).toMatchObject({
      separable: true,
      weights: [-2, 0],
    });
  });
});

describe('logic/perceptron: the network field (drawn by the network renderer)', () => {
  it('AND: one layer of one unit carrying the answer’s own weights and bias', () => {
    const example = perceptron.examples.find((e) => e.title === 'AND: x & y');
    const { answer } = run(example?.input);
    // The example derives w = (2, 2), b = −3 by hand; the network is that unit, [{ weights: [w], bias: [b] }].
    expect(answer).toMatchObject({ weights: [2, 2], bias: -3 });
    expect(answer.network).toEqual([{ weights: [answer.weights], bias: [answer.bias] }]);
    expect(answer.network).toEqual([{ weights: [[2, 2]], bias: [-3] }]);
  });

  it('is absent when the function is not separable (XOR)', () => {
    const { answer } = run({ expression: 'x ^ y' });
    expect(answer.separable).toBe(false);
    expect('network' in answer).toBe(false);
  });
});

describe('logic/perceptron: conventions', () => {
  it('fireWhen ">=0" flips which side is strict', () => {
    const sol = run({ expression: 'x & y', fireWhen: '>=0' });
    expect(sol.answer.inequalities.map((q) => q.text)).toEqual([
      'b < 0',
      'w_y + b < 0',
      'w_x + b < 0',
      'w_x + w_y + b ≥ 0',
    ]);
    expect(sol.notes.join(' ')).toMatch(/w·x \+ b ≥ 0/);
  });

  it('a finite domain allows z = 0 on a silent row when the rule says so (exam XOR hidden unit x − y + 0)', () => {
    // x & !y with weights in {−1, 0, 1} and bias in {−1, 0, 1}: z = x − y + 0 is 1 only on (1, 0).
    const { answer } = run({ expression: 'x & !y', weightDomain: [-1, 0, 1], biasDomain: [-1, 0, 1] });
    expect(answer).toMatchObject({ separable: true, weights: [1, -1], bias: 0, method: 'exhaustive' });
  });

  it('finite weights with a free bias picks a bias strictly inside the feasible interval', () => {
    // x | y with weights in {0, 1}: z = x + y + b needs b ≤ 0 and 1 + b > 0; a strict choice is b = −1/2.
    const { answer } = run({ expression: 'x | y', weightDomain: [0, 1] });
    expect(answer).toMatchObject({ separable: true, weights: [1, 1], bias: -0.5 });
  });

  it('precedence: ! > & > ^/xnor > |', () => {
    const v = ['x', 'y', 'z'];
    expect(table('x | y & z', v)).toEqual(table('x | (y & z)', v));
    expect(table('x ^ y | z', v)).toEqual(table('(x ^ y) | z', v));
    expect(table('x ^ y & z', v)).toEqual(table('x ^ (y & z)', v));
    expect(table('!x & y', v)).toEqual(table('(!x) & y', v));
    expect(table('x xnor y ^ z', v)).toEqual(table('(x xnor y) ^ z', v));
    // By hand, rows 000…111 of x | y & z: 0,0,0,1,1,1,1,1.
    expect(table('x | y & z', v)).toEqual([0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('variables sort naturally (x2 before x10) unless given', () => {
    expect(run({ expression: 'x10 & !x2' }).answer.variables).toEqual(['x2', 'x10']);
    expect(run({ expression: 'x10 & !x2', variables: ['x10', 'x2'] }).answer.variables).toEqual(['x10', 'x2']);
  });

  it('with unlisted "dont-care", rows left out of a truth table are don’t-cares', () => {
    // Only (0, 0) → 1 and (1, 1) → 0: separable (e.g. NAND), with 2 inequalities.
    const sol = run({
      truthTable: {
        inputs: [
          [0, 0],
          [1, 1],
        ],
        outputs: [1, 0],
        unlisted: 'dont-care',
      },
    });
    expect(sol.answer.separable).toBe(true);
    expect(sol.answer.inequalities).toHaveLength(2);
    expect(sol.notes.join(' ')).toMatch(/don't-cares/);
  });

  it('by default rows left out of a truth table are false, with a note saying so and naming the v1 reading', () => {
    // (0, 0) → 1, (1, 1) → 0, and (0, 1), (1, 0) filled in as 0: NOR, 4 inequalities; by hand w = (−2, −2), b = 1
    // would do (z = 1, −1, −1, −3), any separating unit must fire on (0, 0) only.
    const sol = run({
      truthTable: {
        inputs: [
          [0, 0],
          [1, 1],
        ],
        outputs: [1, 0],
      },
    });
    expect(sol.answer.separable).toBe(true);
    expect(sol.answer.inequalities).toHaveLength(4);
    expect(sol.answer.inequalities.map((q) => q.target)).toEqual([1, 0, 0, 0]);
    expect(sol.notes.join(' ')).toMatch(/2 of the 4 rows .* filled in as false .*"dont-care"/);
  });

  it('a bipolar table listing only its true rows fills the others with −1', () => {
    const sol = run({ truthTable: { inputs: [[1, 1]], outputs: [1] }, encoding: 'bipolar' });
    expect(sol.answer.inequalities.map((q) => q.target)).toEqual([-1, -1, -1, 1]);
    expect(sol.notes.join(' ')).toMatch(/filled in as false \(−1\)/);
  });

  it('a 12-variable parity is refuted by a unateness certificate: four rows whose signed sum is zero', () => {
    const names = Array.from({ length: 12 }, (_, i) => `x${i + 1}`);
    const sol = run({ expression: names.join(' ^ ') });
    expect(sol.answer).toMatchObject({ separable: false, method: 'unateness' });
    // Independent check of the certificate: Σ multiplier·(±[x, 1]) = 0 with firing rows +, silent rows −.
    const multipliers = sol.answer.certificate?.multipliers ?? [];
    expect(multipliers).toHaveLength(4);
    const sum = new Array<number>(13).fill(0);
    for (const m of multipliers) {
      [...m.x, 1].forEach((v, i) => {
        sum[i] = (sum[i] as number) + (m.target ? v : -v) * m.multiplier;
      });
    }
    expect(sum.every((v) => v === 0)).toBe(true);
  });

  it('12-variable majority-like threshold function is separable and its weights check out', () => {
    const names = Array.from({ length: 12 }, (_, i) => `x${i + 1}`);
    // f = at least 7 of 12 (a threshold function); the LP answer must reproduce all 4096 rows.
    const outputs: number[] = [];
    const inputs: number[][] = [];
    for (let r = 0; r < 4096; r++) {
      const x = names.map((_, i) => (r >> (11 - i)) & 1);
      inputs.push(x);
      outputs.push(x.reduce((a, b) => a + b, 0) >= 7 ? 1 : 0);
    }
    const { answer } = run({ truthTable: { inputs, outputs } });
    expect(answer.separable).toBe(true);
    expect(answer.inequalities.every((q) => q.satisfied)).toBe(true);
  });
});

const xorTable = {
  inputs: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  outputs: [0, 1, 1, 0],
};

badInputSuite('logic/perceptron', [
  ['neither expression nor table', {}, 'expression', /expression or as a truthTable/],
  ['both expression and table', { expression: 'x', truthTable: xorTable }, 'truthTable', /not both/],
  ['doubled operator', { expression: 'x & & y' }, 'expression', /at character 5/],
  ['"+" for OR', { expression: 'yz + xy' }, 'expression', /character 4.*use \| for OR/],
  ['juxtaposed names', { expression: 'x y' }, 'expression', /missing operator before "y" at character 3/],
  ['unclosed parenthesis', { expression: '(x & y' }, 'expression', /expected "\)"/],
  ['stray closing parenthesis', { expression: 'x & y)' }, 'expression', /unexpected "\)" at character 6/],
  ['empty expression', { expression: '  ' }, 'expression', /empty/],
  ['a number other than 0/1', { expression: 'x & 2' }, 'expression', /only the constants 0 and 1/],
  ['no variables', { expression: '1 | 0' }, 'expression', /no variables/],
  ['a name missing from variables', { expression: 'x & y', variables: ['x'] }, 'variables', /uses y/],
  ['duplicate variable', { expression: 'x & y', variables: ['x', 'x', 'y'] }, 'variables', /appears twice/],
  [
    'more than 12 variables',
    { expression: Array.from({ length: 13 }, (_, i) => `v${i}`).join(' & ') },
    'expression',
    /is 13, above the limit of 12 per request/,
  ],
  [
    'inconsistent truth table',
    {
      truthTable: {
        inputs: [
          [0, 1],
          [0, 1],
        ],
        outputs: [1, 0],
      },
    },
    'truthTable.outputs[1]',
    /inconsistent/,
  ],
  [
    'a 2 in a binary table',
    { truthTable: { inputs: [[0, 2]], outputs: [1] } },
    'truthTable.inputs[0][1]',
    /must be 0 or 1/,
  ],
  [
    'a 0 in a bipolar table',
    { truthTable: { inputs: [[1, -1]], outputs: [0] }, encoding: 'bipolar' },
    'truthTable.outputs[0]',
    /−1 or 1/,
  ],
  [
    'ragged rows',
    { truthTable: { inputs: [[0, 1], [1]], outputs: [1, 0] } },
    'truthTable.inputs[1]',
    /has 1 inputs but row 0 has 2/,
  ],
  [
    'outputs of the wrong length',
    { truthTable: { inputs: [[0], [1]], outputs: [1] } },
    'truthTable.outputs',
    /one output per row/,
  ],
  [
    'variables of the wrong length',
    { truthTable: xorTable, variables: ['a', 'b', 'c'] },
    'variables',
    /3 names but the truth table rows have 2/,
  ],
  [
    'more than 12 table columns',
    { truthTable: { inputs: [new Array(13).fill(0)], outputs: [1] } },
    'truthTable.inputs[0]',
    /at most 12/,
  ],
  ['bias domain alone', { expression: 'x', biasDomain: [0, 1] }, 'biasDomain', /needs a weightDomain/],
  [
    'exhaustive search too large',
    {
      expression: Array.from({ length: 12 }, (_, i) => `v${i}`).join(' | '),
      weightDomain: Array.from({ length: 10 }, (_, i) => i),
    },
    'weightDomain',
    /exhaustive search/,
  ],
  ['unknown encoding', { expression: 'x', encoding: 'ternary' }, 'encoding', /must be one of/],
  ['misspelt field', { expression: 'x', fireWhn: '>0' }, 'fireWhn', /not a field/],
  ['not an object', 'x & y', 'input', /must be an object/],
]);

describe('logic/perceptron: names that are also JavaScript object keys', () => {
  it('constructor, __proto__ and toString are ordinary variable names (constructor was read as a keyword)', () => {
    // The same truth table as a & b & c: 1 only in the last row.
    expect(table('constructor & __proto__ & toString', ['constructor', '__proto__', 'toString'])).toEqual(
      table('a & b & c', ['a', 'b', 'c']),
    );
    expect(run({ expression: 'constructor | __proto__' }).answer.separable).toBe(true);
  });
});
