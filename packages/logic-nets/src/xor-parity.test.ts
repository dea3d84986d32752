import { describe, expect, it } from 'vitest';
import { badInputSuite, bits, evalNetwork, exampleSuite, solveAs } from './logic.test-util.js';
import { type XorParityAnswer, xorParity } from './xor-parity.js';

const run = (input: unknown) => solveAs<XorParityAnswer>('logic/xor-parity', input);

exampleSuite(xorParity);

describe('logic/xor-parity: exam details', () => {
  it('the 6-input note explains why the rubric’s 2⁵ = 32 is not minimal', () => {
    const sol = run({ n: 6 });
    expect(sol.notes.join(' ')).toMatch(/2ⁿ⁻¹ = 32 hidden units .* not minimal/);
  });
});

describe('logic/xor-parity: conventions', () => {
  it('xnor as ¬XOR is even parity, and the chain of an even count is too', () => {
    expect(run({ n: 4, kind: 'xnor', xnorMeaning: 'not-xor' }).answer.oddParity).toBe(false);
    expect(run({ n: 4, kind: 'xnor' }).answer.oddParity).toBe(false);
    expect(run({ n: 5, kind: 'xnor', xnorMeaning: 'not-xor' }).answer.oddParity).toBe(false);
  });

  it('even-parity network: −h1 + h2 − h3 + h4 + 1 > 0 (by hand for n = 4) on all 16 rows', () => {
    const { answer } = run({ n: 4, kind: 'xnor', xnorMeaning: 'not-xor' });
    expect(answer.network?.layers[1]).toEqual({ weights: [[-1, 1, -1, 1]], bias: [1] });
    for (let r = 0; r < 16; r++) {
      const x = bits(r, 4);
      const ones = x.reduce((a, b) => a + b, 0);
      expect(evalNetwork(answer.network?.layers ?? [], x, '>0', false)).toBe(ones % 2 === 0 ? 1 : 0);
    }
  });

  it('power-of-two n needs no relay units; n = 3 needs 2 to stay strictly layered', () => {
    expect(run({ n: 8 }).answer.multiLayer).toEqual({ perceptrons: 21, layers: 6, width: 8, relayUnits: 0 });
    expect(run({ n: 3 }).answer.multiLayer).toMatchObject({ perceptrons: 6, layers: 4, relayUnits: 2 });
  });

  it('n above 12 gives the counts and a null network with the reason', () => {
    const { answer } = run({ n: 20 });
    expect(answer.network).toBeNull();
    expect(answer.networkReason).toMatch(/limit of 12/);
    expect(answer.singleHiddenLayer).toEqual({ hidden: 20, perceptrons: 21 });
    expect(answer.mintermHidden).toBe(2 ** 19);
  });

  it('n = 1000 (the input limit): 2⁹⁹⁹ minterm units, a power of two past 2⁵³, still fits the answer schema', () => {
    const { answer } = run({ n: 1000 });
    expect(answer.mintermHidden).toBe(2 ** 999);
    expect(xorParity.answer.safeParse(answer).error).toBeUndefined();
  });

  it('bipolar encoding with fireWhen ">=0" is verified', () => {
    const { answer } = run({ n: 5, encoding: 'bipolar', fireWhen: '>=0' });
    expect(answer.network?.verified).toBe(true);
  });
});

badInputSuite('logic/xor-parity', [
  ['one input', { n: 1 }, 'n', /at least 2/],
  ['fractional n', { n: 2.5 }, 'n', /whole number/],
  ['unknown kind', { n: 3, kind: 'nand' }, 'kind', /must be one of/],
  ['huge n', { n: 5000 }, 'n', /at most 1000/],
]);
