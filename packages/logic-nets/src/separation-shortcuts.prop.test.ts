import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bits, solveAs, tableInput } from './logic.test-util.js';
import type { PerceptronAnswer } from './perceptron.js';

const run = (input: unknown) => solveAs<PerceptronAnswer>('logic/perceptron', input);
const encoding = fc.constantFrom('binary' as const, 'bipolar' as const);
const rule = fc.constantFrom('>0' as const, '>=0' as const);

/**
 * "At least k of the literals" over n ≤ 12 variables, each literal a variable or its negation:
 * AND (k = n), OR (k = 1), majority and every other symmetric threshold function, up to polarity.
 * Separable by construction (weights ±1, threshold k): the generator is the independent oracle.
 */
const symmetricThreshold = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    k: fc.integer({ min: 1, max: n }),
    negated: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

/** Values of the generated function, row r with the first variable most significant. */
function thresholdValues({ n, k, negated }: { n: number; k: number; negated: boolean[] }): number[] {
  return Array.from({ length: 2 ** n }, (_, r) => {
    const ones = bits(r, n).reduce((s, b, i) => s + (negated[i] ? 1 - b : b), 0);
    return ones >= k ? 1 : 0;
  });
}

/** Checks the returned unit on every row with its own arithmetic (not the solver's inequalities). */
function expectReproduces(
  answer: PerceptronAnswer,
  values: readonly number[],
  n: number,
  enc: 'binary' | 'bipolar',
  fireWhen: '>0' | '>=0',
): void {
  expect(answer.separable).toBe(true);
  const w = answer.weights as number[];
  const b = answer.bias as number;
  values.forEach((v, r) => {
    const z = bits(r, n).reduce((s, bit, i) => s + (enc === 'bipolar' ? 2 * bit - 1 : bit) * (w[i] as number), b);
    expect(fireWhen === '>0' ? z > 0 : z >= 0).toBe(v === 1);
  });
}

describe('separability of threshold functions up to the 12-variable limit', () => {
  it('AND, OR and every "at least k of n literals" (n ≤ 12) is found separable, and its unit reproduces all 2ⁿ rows', () => {
    fc.assert(
      fc.property(symmetricThreshold, encoding, rule, (f, enc, fireWhen) => {
        const values = thresholdValues(f);
        const { answer } = run({ ...tableInput(f.n, values, enc, false), fireWhen });
        expectReproduces(answer, values, f.n, enc, fireWhen);
      }),
      { numRuns: 25 },
    );
  });

  it('a threshold function of random integer weights over 9 to 12 variables is found separable and reproduced', () => {
    const weighted = fc.integer({ min: 9, max: 12 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        w: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n }),
        theta: fc.integer({ min: -40, max: 40 }),
      }),
    );
    fc.assert(
      fc.property(weighted, ({ n, w, theta }) => {
        // Half-integer threshold: no row on the boundary, so the generated function is what both rules compute.
        const values = Array.from({ length: 2 ** n }, (_, r) =>
          bits(r, n).reduce((s, b, i) => s + b * (w[i] as number), 0) > theta + 0.5 ? 1 : 0,
        );
        const { answer } = run(tableInput(n, values, 'binary', false));
        expectReproduces(answer, values, n, 'binary', '>0');
      }),
      { numRuns: 6 },
    );
  });

  it('a function that rises and falls with one input (n ≤ 12) is refuted by four rows whose signed sum is zero', () => {
    // f = x₁ XOR g(rest) for a non-constant g: f rises with x₁ where g = 0 and falls where g = 1.
    const nonUnate = fc.integer({ min: 2, max: 12 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        g: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2 ** (n - 1), maxLength: 2 ** (n - 1) }),
      }),
    );
    fc.assert(
      fc.property(
        nonUnate.filter(({ g }) => g.includes(0) && g.includes(1)),
        encoding,
        ({ n, g }, enc) => {
          const half = 2 ** (n - 1);
          const values = Array.from({ length: 2 ** n }, (_, r) => (r >= half ? 1 : 0) ^ (g[r % half] as number));
          const { answer } = run(tableInput(n, values, enc, false));
          expect(answer.separable).toBe(false);
          const sum = new Array<number>(n + 1).fill(0);
          for (const m of answer.certificate?.multipliers ?? []) {
            expect(m.multiplier).toBeGreaterThan(0);
            [...m.x, 1].forEach((v, i) => {
              sum[i] = (sum[i] as number) + (m.target ? v : -v) * m.multiplier;
            });
          }
          expect(answer.certificate?.multipliers.length).toBeGreaterThan(0);
          expect(sum.every((v) => v === 0)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});
