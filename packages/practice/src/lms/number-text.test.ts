import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalText } from './number-text.js';

describe('decimalText', () => {
  it('writes every finite double as a plain decimal that reads back as the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = decimalText(x);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(s)).toBe(x === 0 ? 0 : x); // -0 reads back as 0
      }),
    );
  });

  it('expands exponents both ways', () => {
    expect(decimalText(3.0028e-8)).toBe('0.000000030028');
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText(-2.5e21)).toBe('-2500000000000000000000');
    expect(decimalText(1.5e22)).toBe('15000000000000000000000');
    expect(decimalText(0.125)).toBe('0.125');
  });

  it('refuses numbers that have no decimal', () => {
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(() => decimalText(x)).toThrow(RangeError);
  });
});
