import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import type { InitVarianceAnswer } from './init-variance.js';

const init = (input: unknown) => solve('conv/init-variance', input).answer as unknown as InitVarianceAnswer;
const fan = fc.integer({ min: 1, max: 1e6 });
const scheme = fc.constantFrom('xavier', 'glorot', 'he');
const activation = fc.constantFrom('linear', 'tanh', 'sigmoid', 'relu');

describe('conv/init-variance properties', () => {
  it('variance equals the scheme formula evaluated directly (relu doubling only for xavier and glorot)', () => {
    fc.assert(
      fc.property(fan, fan, scheme, activation, (fanIn, fanOut, sch, act) => {
        const base = sch === 'xavier' ? 1 / fanIn : sch === 'glorot' ? 2 / (fanIn + fanOut) : 2 / fanIn;
        const expected = sch !== 'he' && act === 'relu' ? 2 * base : base;
        expect(init({ fanIn, fanOut, scheme: sch, activation: act }).variance).toBeCloseTo(expected, 14);
      }),
    );
  });

  it('the exact fraction, std and uniform bound are consistent with the variance', () => {
    fc.assert(
      fc.property(fan, fan, scheme, activation, (fanIn, fanOut, sch, act) => {
        const a = init({ fanIn, fanOut, scheme: sch, activation: act });
        const [n, d = '1'] = a.exact.variance.split('/');
        expect(Number(n) / Number(d)).toBeCloseTo(a.variance, 15);
        expect(a.std ** 2).toBeCloseTo(a.variance, 15);
        expect(a.uniformBound ** 2 / 3).toBeCloseTo(a.variance, 15);
      }),
    );
  });

  it('a uniform sample in (−a, a) has the variance of the answer (Monte Carlo, within 3%)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 31 - 2 }), (fanIn, seed) => {
        const { variance, uniformBound } = init({ fanIn });
        let state = seed;
        let sum = 0;
        const n = 20000;
        for (let i = 0; i < n; i++) {
          state = (state * 48271) % 2147483647; // Lehmer generator
          const u = (2 * (state / 2147483647) - 1) * uniformBound;
          sum += u * u;
        }
        expect(Math.abs(sum / n / variance - 1)).toBeLessThan(0.03);
      }),
      { numRuns: 20 },
    );
  });
});
