import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmt, fmtLatex } from './format.js';

describe('fmt trims float noise for steps', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.333333333333'],
    [-0, '0'],
    [42, '42'],
    [-2.5, '-2.5'],
    [1e-8, '1e-8'],
    [123456789.1234, '123456789.123'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('fmt(%s) = %s', (x, expected) => {
    expect(fmt(x)).toBe(expected);
  });

  it('safe integers print exactly, all digits (BigInt as the oracle; 10^15 … 2^53 were rounded to 12 digits)', () => {
    expect(fmt(1234567890123456)).toBe('1234567890123456');
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(fmt(n)).toBe(BigInt(n).toString());
      }),
    );
  });

  it('any other double: the shortest form of its 12-significant-digit rounding, -0 as 0', () => {
    // Oracle: the definition, Number(x.toPrecision(12)) printed by String (the fast path skips that parse and print).
    const oracle = (x: number) => {
      const r = Number(x.toPrecision(12));
      return Object.is(r, -0) ? '0' : String(r);
    };
    const anyScale = fc
      .tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: -25, max: 25 }))
      .map(([m, e]) => m * 10 ** e);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), anyScale), (x) => {
        fc.pre(!Number.isSafeInteger(x));
        expect(fmt(x)).toBe(oracle(x));
      }),
      { numRuns: 20_000 },
    );
    for (const x of [1e-6, 9.9999999999999e-7, 999999999999.5, 1e12 - 0.1, 123456789012.3, -0.000001, 1e21 + 0.5])
      expect(fmt(x)).toBe(oracle(x));
  });

  it('LaTeX writes exponents as powers of ten', () => {
    expect(fmtLatex(1e-8)).toBe('10^{-8}');
    expect(fmtLatex(2.5e-9)).toBe('2.5 \\times 10^{-9}');
    expect(fmtLatex(0.5)).toBe('0.5');
  });
});
