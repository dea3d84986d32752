import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bits, evalNetwork, solveAs } from './logic.test-util.js';
import type { XorParityAnswer } from './xor-parity.js';

const run = (input: unknown) => solveAs<XorParityAnswer>('logic/xor-parity', input);

/** Brute force: pair up the signals level by level as the lecture's tree does. */
function tree(n: number): { gates: number; levels: number } {
  let signals = n;
  let gates = 0;
  let levels = 0;
  while (signals > 1) {
    const pairs = Math.floor(signals / 2);
    gates += pairs;
    signals -= pairs;
    levels++;
  }
  return { gates, levels };
}

describe('logic/xor-parity properties', () => {
  it('the constructed network computes the parity (or its complement) on every row (independent evaluation)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.constantFrom('xor' as const, 'xnor' as const),
        fc.constantFrom('chain' as const, 'not-xor' as const),
        fc.constantFrom('>0' as const, '>=0' as const),
        fc.constantFrom('binary' as const, 'bipolar' as const),
        (n, kind, xnorMeaning, fireWhen, encoding) => {
          const { answer } = run({ n, kind, xnorMeaning, fireWhen, encoding });
          const bipolar = encoding === 'bipolar';
          for (let r = 0; r < 2 ** n; r++) {
            const x = bits(r, n);
            // Direct definition: fold the 2-input gate over the inputs.
            let v = x[0] as number;
            for (const b of x.slice(1)) v = kind === 'xor' || xnorMeaning === 'not-xor' ? v ^ b : 1 - (v ^ b);
            if (kind === 'xnor' && xnorMeaning === 'not-xor') v = 1 - v;
            const input = bipolar ? x.map((b) => 2 * b - 1) : x;
            expect(evalNetwork(answer.network?.layers ?? [], input, fireWhen, bipolar)).toBe(v ? 1 : bipolar ? -1 : 0);
          }
          expect(answer.network?.layers[0]?.bias).toHaveLength(n);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('tree counts equal a brute-force pairing of the signals: 3 perceptrons per gate, 2 layers per level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1000 }), (n) => {
        const { gates, levels } = tree(n);
        const { answer } = run({ n });
        expect(answer.multiLayer.perceptrons).toBe(3 * gates);
        expect(answer.multiLayer.layers).toBe(2 * levels);
        expect(answer.multiLayer.perceptrons).toBe(3 * (n - 1));
        expect(answer.singleHiddenLayer.perceptrons).toBe(n + 1);
      }),
      { numRuns: 200 },
    );
  });
});
