import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputError } from './checks.test-util.js';
import { solve } from './index.js';

const spec = fc.record({
  cell: fc.constantFrom('rnn', 'lstm', 'gru'),
  inputSize: fc.integer({ min: 1, max: 5000 }),
  bias: fc.boolean(),
  biasesPerGate: fc.constantFrom(1, 2),
  outputSize: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
  outputBias: fc.boolean(),
});

describe('rnn/solve-hidden-size properties', () => {
  it('inverts rnn/params for every hidden size', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 100000 }), (sp, h) => {
        const total = solve('rnn/params', { ...sp, hiddenSize: h }).answer.params;
        expect(solve('rnn/solve-hidden-size', { ...sp, totalParams: total }).answer.hiddenSize).toBe(h);
      }),
    );
  });

  it('a total strictly between two consecutive counts is an input error naming both', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 1000 }), (sp, h) => {
        const lo = solve('rnn/params', { ...sp, hiddenSize: h }).answer.params as number;
        const hi = solve('rnn/params', { ...sp, hiddenSize: h + 1 }).answer.params as number;
        const err = inputError('rnn/solve-hidden-size', { ...sp, totalParams: lo + 1 + ((hi - lo - 2) >> 1) });
        expect(err.path).toBe('totalParams');
        expect(err.reason).toContain(`H = ${h} gives ${lo} and H = ${h + 1} gives ${hi}`);
      }),
    );
  });
});
