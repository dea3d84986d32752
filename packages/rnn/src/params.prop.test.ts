import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { tf } from './tf-oracle.test-util.js';

const size = fc.integer({ min: 1, max: 40 });
const cell = fc.constantFrom('rnn', 'lstm', 'gru');

/** countParams() of the Keras-convention TF.js layer (one bias vector per gate; GRU reset_after=False). */
function kerasCount(kind: string, inputSize: number, units: number, useBias: boolean): number {
  const make = { rnn: tf.layers.simpleRNN, lstm: tf.layers.lstm, gru: tf.layers.gru }[kind] as typeof tf.layers.lstm;
  const layer = make({ units, useBias, kernelInitializer: 'zeros', recurrentInitializer: 'zeros' });
  layer.apply(tf.input({ shape: [null, inputSize] }));
  const n = layer.countParams();
  layer.dispose();
  return n;
}

describe('rnn/params properties', () => {
  it('equals countParams() of the matching TensorFlow.js layer (Keras convention)', () => {
    fc.assert(
      fc.property(cell, size, size, fc.boolean(), (kind, d, h, bias) => {
        const { params } = solve('rnn/params', { cell: kind, inputSize: d, hiddenSize: h, bias }).answer;
        expect(params).toBe(kerasCount(kind, d, h, bias));
      }),
      { numRuns: 60 },
    );
  });

  it('the dense head adds the parameters of tf.layers.dense on the hidden state', () => {
    fc.assert(
      fc.property(cell, size, size, size, fc.boolean(), (kind, d, h, o, outputBias) => {
        const withHead = solve('rnn/params', { cell: kind, inputSize: d, hiddenSize: h, outputSize: o, outputBias })
          .answer.params as number;
        const without = solve('rnn/params', { cell: kind, inputSize: d, hiddenSize: h }).answer.params as number;
        const dense = tf.layers.dense({ units: o, useBias: outputBias });
        dense.apply(tf.input({ shape: [h] }));
        expect(withHead - without).toBe(dense.countParams());
        dense.dispose();
      }),
      { numRuns: 30 },
    );
  });

  it('the breakdown sums to the total', () => {
    fc.assert(
      fc.property(cell, size, size, fc.boolean(), fc.constantFrom(1, 2), (kind, d, h, bias, k) => {
        const { params, breakdown } = solve('rnn/params', {
          cell: kind,
          inputSize: d,
          hiddenSize: h,
          bias,
          biasesPerGate: k,
          outputSize: d,
        }).answer as { params: number; breakdown: Record<string, number> };
        expect(Object.values(breakdown).reduce((a, b) => a + b, 0)).toBe(params);
      }),
    );
  });
});
