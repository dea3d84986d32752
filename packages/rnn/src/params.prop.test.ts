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

  it('with projSize, the count equals the numbers in the weights rnn/lstm-forward accepts for that cell (shapes as oracle)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((H) =>
          fc.record({
            H: fc.constant(H),
            P: fc.integer({ min: 1, max: H - 1 }),
            D: fc.integer({ min: 1, max: 5 }),
            O: fc.integer({ min: 1, max: 4 }),
          }),
        ),
        ({ H, P, D, O }) => {
          const m = (r: number, c: number) => Array.from({ length: r }, () => new Array<number>(c).fill(0));
          const gates = <T>(f: () => T) => ({ i: f(), f: f(), g: f(), o: f() });
          const weights = {
            Wx: gates(() => m(H, D)),
            Wh: gates(() => m(H, P)),
            b: gates(() => new Array<number>(H).fill(0)),
            Whr: m(P, H),
            Why: m(O, P),
            by: new Array<number>(O).fill(0),
          };
          // Accepted by the forward pass with these shapes: h has P entries, c has H.
          const run = solve('rnn/lstm-forward', { ...weights, projSize: P, xs: [new Array<number>(D).fill(0)] });
          expect((run.answer.h as number[][])[0]).toHaveLength(P);
          expect((run.answer.c as number[][])[0]).toHaveLength(H);
          const count = (v: unknown): number =>
            typeof v === 'number' ? 1 : Object.values(v as object).reduce((n: number, w) => n + count(w), 0);
          const numbers = count(weights);
          const { answer } = solve('rnn/params', {
            cell: 'lstm',
            inputSize: D,
            hiddenSize: H,
            projSize: P,
            outputSize: O,
          });
          expect(answer.params).toBe(numbers);
        },
      ),
      { numRuns: 100 },
    );
  });
});
