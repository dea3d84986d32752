import { describe, expect, it } from 'vitest';
import { badInputSuite, bits, evalNetwork, exampleSuite, solveAs } from './logic.test-util.js';
import { type MlpAnswer, mlp } from './mlp.js';

const run = (input: unknown) => solveAs<MlpAnswer>('logic/mlp', input);

exampleSuite(mlp);

describe('logic/mlp: exam details', () => {
  it('the 5-minterm function: the perceptron 4A − 2B + C − D ≥ 3 (derived by hand) agrees with the expression on all 16 rows', () => {
    const sol = run(mlp.examples[3]?.input);
    const [layer] = sol.answer.layers;
    for (let r = 0; r < 16; r++) {
      const [A, B, C, D] = bits(r, 4) as [number, number, number, number];
      const sop =
        (A && !B && C && !D) ||
        (A && B && C && !D) ||
        (A && !B && !C && D) ||
        (A && !B && C && D) ||
        (A && !B && !C && !D);
      expect(4 * A - 2 * B + C - D >= 3).toBe(Boolean(sop));
      expect(evalNetwork(sol.answer.layers, [A, B, C, D], '>0', false)).toBe(sop ? 1 : 0);
    }
    expect(layer?.bias).toHaveLength(1);
  });

  it('the XNOR chain notes that 6 is an upper bound, not a proven minimum', () => {
    const sol = run(mlp.examples[4]?.input);
    expect(sol.answer).toMatchObject({ lowerBound: 3, minimal: false });
    expect(sol.notes.join(' ')).toMatch(/upper bound/);
  });
});

describe('logic/mlp: constructions', () => {
  it('3-input parity uses the counting network: 3 hidden units + output', () => {
    const { answer } = run({ expression: 'a ^ b ^ c' });
    // By hand: h_j = [a + b + c ≥ j], y = [h1 − h2 + h3 > 0]; SOP would need 4 minterm units + OR = 5.
    expect(answer).toMatchObject({ perceptrons: 4, hiddenUnits: 3, construction: 'counting', verified: true });
  });

  it('implicants whose OR is separable share a hidden unit: xy + xz + uv needs 3 perceptrons, proven minimal', () => {
    // By hand: x(y + z) = [2x + y + z ≥ 3] is one unit; uv another; OR output. Not separable:
    // rows 11000 and 00011 fire, 10010 and 01001 do not, and both pairs sum to 11011.
    const { answer } = run({ expression: 'x & y | x & z | u & v', variables: ['x', 'y', 'z', 'u', 'v'] });
    expect(answer).toMatchObject({ perceptrons: 3, hiddenUnits: 2, minimal: true, lowerBound: 3, verified: true });
  });

  it('a domain that rules out f but not ¬f gives a 2-unit chain (NOT of a NOR)', () => {
    // x | y with weights in {−1, 0}: no single unit (f increases in x); ¬f = NOR = [−x − y + 1 > 0], then y = [−h + 1 > 0].
    const { answer } = run({ expression: 'x | y', weightDomain: [-1, 0], biasDomain: [0, 1] });
    expect(answer).toMatchObject({
      perceptrons: 2,
      depth: 2,
      construction: 'negated-perceptron',
      lowerBound: 2,
      minimal: true,
      layers: [
        { weights: [[-1, -1]], bias: [1] },
        { weights: [[-1]], bias: [1] },
      ],
    });
  });

  it('bipolar XOR is built and verified with ±1 hidden outputs', () => {
    const { answer } = run({ expression: 'x ^ y', encoding: 'bipolar' });
    expect(answer).toMatchObject({ perceptrons: 3, verified: true });
    for (const [x, y] of [
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ] as const) {
      expect(evalNetwork(answer.layers, [x, y], '>0', true)).toBe(x === y ? -1 : 1);
    }
  });

  it('don’t-cares are used: with unlisted "dont-care" a partial table is matched on its specified rows only', () => {
    // Rows 00 → 0, 11 → 0, 01 → 1 with 10 a don't-care: x̄y fits, one perceptron.
    const rows = {
      inputs: [
        [0, 0],
        [1, 1],
        [0, 1],
      ],
      outputs: [0, 0, 1],
    };
    expect(run({ truthTable: { ...rows, unlisted: 'dont-care' } }).answer).toMatchObject({
      perceptrons: 1,
      verified: true,
    });
  });

  it('by default unlisted rows are false: 00 → 0, 01 → 1, 10 → 1 with 11 left out is x ⊕ y (3 units), not OR (1)', () => {
    // By hand: with 11 a don't-care, x | y is one unit; with 11 false the function is XOR, not separable, so 3 units.
    const rows = {
      inputs: [
        [0, 0],
        [0, 1],
        [1, 0],
      ],
      outputs: [0, 1, 1],
    };
    const dc = run({ truthTable: { ...rows, unlisted: 'dont-care' } });
    const dflt = run({ truthTable: rows });
    expect(dc.answer).toMatchObject({ perceptrons: 1, verified: true });
    expect(dflt.answer).toMatchObject({ perceptrons: 3, verified: true, minimal: true });
    expect(dflt.notes.join(' ')).toMatch(/1 of the 4 rows .* filled in as false/);
  });

  it('12-input parity is built (13 perceptrons) and checked on all 4096 rows', () => {
    const names = Array.from({ length: 12 }, (_, i) => `x${i + 1}`);
    const { answer } = run({ expression: names.join(' ^ ') });
    expect(answer).toMatchObject({ perceptrons: 13, verified: true, construction: 'counting' });
  });

  it('steps show every unit and every row for small functions', () => {
    const sol = run({ expression: 'x ^ y' });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('Row (x, y) = (1, 1)');
    expect(text).toContain('Output unit');
    expect(text).toMatch(/Quine–McCluskey/);
  });
});

badInputSuite('logic/mlp', [
  ['malformed expression', { expression: 'x &' }, 'expression', /expected a name.*at character 4/],
  [
    'inconsistent truth table',
    {
      truthTable: {
        inputs: [
          [1, 0],
          [1, 0],
        ],
        outputs: [0, 1],
      },
    },
    'truthTable.outputs[1]',
    /inconsistent/,
  ],
  [
    'more than 12 variables',
    { expression: Array.from({ length: 13 }, (_, i) => `v${i}`).join(' ^ ') },
    'expression',
    /above the limit/,
  ],
  [
    'domains too narrow for any construction',
    { expression: 'x ^ y', weightDomain: [1], biasDomain: [0] },
    'weightDomain',
    /no AND\/OR or counting network fits/,
  ],
]);
