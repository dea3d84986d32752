import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDnnInputError } from './errors.js';
import { checkLimit, LIMITS, readableCount } from './limits.js';

describe('limit messages read as plain counts', () => {
  it('"the number of variables is 13, above the limit of 12" (was "1.30e+1 … 1e+1")', () => {
    expect(() => checkLimit('expression', 'booleanVariables', 13, 'the number of variables')).toThrow(
      'expression: the number of variables is 13, above the limit of 12 per request',
    );
    expect(() => checkLimit('input', 'outputCells', 12_800_000, 'the number of output values')).toThrow(
      'the number of output values is 12,800,000, above the limit of 10,000,000 per request',
    );
  });

  it('a value at the limit passes, one above is an input error at the path', () => {
    for (const name of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
      expect(() => checkLimit('p', name, LIMITS[name], 'x')).not.toThrow();
      try {
        checkLimit('p', name, LIMITS[name] + 1, 'x');
        expect.unreachable();
      } catch (e) {
        expect(isDnnInputError(e) && e.path).toBe('p');
      }
    }
  });

  it('readableCount of a safe integer is its decimal digits grouped by three (BigInt as the oracle)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const text = readableCount(n);
        expect(text.replaceAll(',', '')).toBe(BigInt(n).toString());
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*$/);
      }),
    );
  });

  it('readableCount of a non-integer or a count beyond 2^53 is in exponent form', () => {
    expect(readableCount(2 ** 53)).toBe('9.01e+15');
    expect(readableCount(1.5)).toBe('1.50e+0');
  });
});
