import { DnnInputError } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bits, bruteForceSeparates, evalNetwork, solveAs, tableInput } from './logic.test-util.js';
import type { MlpAnswer } from './mlp.js';
import type { PerceptronAnswer } from './perceptron.js';

const rule = fc.constantFrom('>0' as const, '>=0' as const);
const encoding = fc.constantFrom('binary' as const, 'bipolar' as const);
const fn = (maxN: number, dontCares: boolean) =>
  fc
    .integer({ min: 1, max: maxN })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        values: fc.array(fc.constantFrom(...(dontCares ? [0, 1, 0, 1, -1] : [0, 1])), {
          minLength: 2 ** n,
          maxLength: 2 ** n,
        }),
      }),
    )
    .filter((f) => f.values.some((v) => v >= 0));

describe('logic/mlp properties', () => {
  it('every returned network reproduces its truth table on all specified rows (independent evaluation)', () => {
    fc.assert(
      fc.property(fn(4, true), rule, encoding, ({ n, values }, fireWhen, enc) => {
        const { answer } = solveAs<MlpAnswer>('logic/mlp', { ...tableInput(n, values, enc), fireWhen });
        expect(answer.verified).toBe(true);
        values.forEach((v, r) => {
          if (v < 0) return;
          const x = bits(r, n).map((b) => (enc === 'bipolar' ? 2 * b - 1 : b));
          const want = v === 1 ? 1 : enc === 'bipolar' ? -1 : 0;
          expect(evalNetwork(answer.layers, x, fireWhen, enc === 'bipolar')).toBe(want);
        });
      }),
      { numRuns: 250 },
    );
  });

  it('a single perceptron is returned exactly when logic/perceptron finds the function separable', () => {
    fc.assert(
      fc.property(fn(4, true), encoding, ({ n, values }, enc) => {
        const input = tableInput(n, values, enc);
        const net = solveAs<MlpAnswer>('logic/mlp', input).answer;
        const single = solveAs<PerceptronAnswer>('logic/perceptron', input).answer;
        expect(net.perceptrons === 1).toBe(single.separable);
      }),
      { numRuns: 200 },
    );
  });

  it('sizes are consistent and the lower bound is honest: 3 only for functions brute force cannot separate', () => {
    fc.assert(
      fc.property(fn(3, false), ({ n, values }) => {
        const { answer } = solveAs<MlpAnswer>('logic/mlp', tableInput(n, values, 'binary'));
        const sizes = answer.layers.map((l) => l.bias.length);
        expect(answer.perceptrons).toBe(sizes.reduce((a, b) => a + b, 0));
        expect(answer.depth).toBe(sizes.length);
        expect(answer.width).toBe(Math.max(...sizes));
        expect(answer.hiddenUnits).toBe(answer.perceptrons - 1);
        expect(answer.perceptrons).toBeGreaterThanOrEqual(answer.lowerBound);
        expect(answer.minimal).toBe(answer.perceptrons === answer.lowerBound);
        if (answer.lowerBound === 3) expect(bruteForceSeparates(values, n, 3)).toBe(false);
        // Every layer's input count matches the previous layer's size (strictly layered).
        answer.layers.forEach((l, i) => {
          for (const w of l.weights) expect(w).toHaveLength(i === 0 ? n : (sizes[i - 1] as number));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('with finite domains every weight and bias is taken from them (or the input error says none fit)', () => {
    const W = [-1, 0, 1];
    const B = [-2, -1, 0, 1, 2];
    fc.assert(
      fc.property(fn(3, false), rule, ({ n, values }, fireWhen) => {
        let answer: MlpAnswer;
        try {
          answer = solveAs<MlpAnswer>('logic/mlp', {
            ...tableInput(n, values, 'binary'),
            weightDomain: W,
            biasDomain: B,
            fireWhen,
          }).answer;
        } catch (e) {
          expect(e).toBeInstanceOf(DnnInputError);
          return;
        }
        for (const layer of answer.layers) {
          for (const b of layer.bias) expect(B).toContain(b);
          for (const row of layer.weights) for (const w of row) expect(W).toContain(w);
        }
        values.forEach((v, r) => {
          expect(evalNetwork(answer.layers, bits(r, n), fireWhen, false)).toBe(v);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('unlisted rows (default unlisted: false) give the same network as the full table with those rows written as false', () => {
    fc.assert(
      fc.property(fn(4, true), rule, encoding, ({ n, values }, fireWhen, enc) => {
        const partial = solveAs<MlpAnswer>('logic/mlp', { ...tableInput(n, values, enc, false), fireWhen });
        const full = solveAs<MlpAnswer>('logic/mlp', {
          ...tableInput(
            n,
            values.map((v) => Math.max(v, 0)),
            enc,
          ),
          fireWhen,
        });
        expect(partial.answer).toEqual(full.answer);
      }),
      { numRuns: 150 },
    );
  });
});
