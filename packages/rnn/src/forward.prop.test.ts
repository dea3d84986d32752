import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixOf, transpose, weight } from './arbitraries.test-util.js';
import { expectClose } from './checks.test-util.js';
import { solve } from './index.js';
import { tf } from './tf-oracle.test-util.js';

/** A random small RNN: sizes H, D, O ≤ 4, T ≤ 5. */
const rnnCase = fc
  .record({
    H: fc.integer({ min: 1, max: 4 }),
    D: fc.integer({ min: 1, max: 4 }),
    O: fc.integer({ min: 1, max: 3 }),
    T: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ H, D, O, T }) =>
    fc.record({
      Wxh: matrixOf(H, D),
      Whh: matrixOf(H, H),
      bh: fc.array(weight, { minLength: H, maxLength: H }),
      h0: fc.array(weight, { minLength: H, maxLength: H }),
      xs: matrixOf(T, D),
      Why: matrixOf(O, H),
      by: fc.array(weight, { minLength: O, maxLength: O }),
      activation: fc.constantFrom('tanh', 'relu', 'sigmoid', 'linear'),
      outputActivation: fc.constantFrom('linear', 'relu', 'sigmoid', 'tanh', 'softmax'),
    }),
  );

/** TF.js: tf.layers.simpleRNN with Keras weight layout (kernel = Wxhᵀ, recurrent kernel = Whhᵀ) and a dense head. */
function tfForward(c: {
  Wxh: number[][];
  Whh: number[][];
  bh: number[];
  h0: number[];
  xs: number[][];
  Why: number[][];
  by: number[];
  activation: string;
  outputActivation: string;
}): { h: number[][]; y: number[][] } {
  return tf.tidy(() => {
    const H = c.Whh.length;
    const layer = tf.layers.simpleRNN({
      units: H,
      activation: c.activation as 'tanh',
      returnSequences: true,
      kernelInitializer: 'zeros',
      recurrentInitializer: 'zeros',
    });
    const x = tf.tensor3d([c.xs]);
    const initialState = [tf.tensor2d([c.h0])];
    layer.apply(x, { initialState }); // builds the layer
    layer.setWeights([tf.tensor2d(transpose(c.Wxh)), tf.tensor2d(transpose(c.Whh)), tf.tensor1d(c.bh)]);
    const h = layer.apply(x, { initialState }) as tf.Tensor3D;
    const dense = tf.layers.dense({ units: c.Why.length, activation: c.outputActivation as 'linear' });
    dense.apply(h);
    dense.setWeights([tf.tensor2d(transpose(c.Why)), tf.tensor1d(c.by)]);
    const y = dense.apply(h) as tf.Tensor3D;
    return { h: (h.arraySync() as number[][][])[0] ?? [], y: (y.arraySync() as number[][][])[0] ?? [] };
  });
}

describe('rnn/forward properties', () => {
  it('equals tf.layers.simpleRNN + tf.layers.dense with the same weights (float32: within 1e-6·(1 + |v|))', () => {
    fc.assert(
      fc.property(rnnCase, (c) => {
        const { answer } = solve('rnn/forward', c);
        const oracle = tfForward(c);
        expectClose(answer.h, oracle.h, 1e-6);
        expectClose(answer.y, oracle.y, 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('a scalar RNN written with numbers equals the same RNN written with 1×1 arrays', () => {
    fc.assert(
      fc.property(weight, weight, weight, fc.array(weight, { minLength: 1, maxLength: 6 }), (w, v, h0, xs) => {
        const scalar = solve('rnn/forward', { Wxh: w, Whh: v, h0, xs, activation: 'relu' }).answer;
        const arrays = solve('rnn/forward', {
          Wxh: [[w]],
          Whh: [[v]],
          h0: [h0],
          xs: xs.map((x) => [x]),
          activation: 'relu',
        }).answer;
        expect(scalar).toEqual(arrays);
      }),
    );
  });

  it('h_t is the activation of z_t at every step', () => {
    fc.assert(
      fc.property(rnnCase, (c) => {
        const { h, z } = solve('rnn/forward', { ...c, activation: 'tanh' }).answer as { h: number[][]; z: number[][] };
        expectClose(
          h,
          z.map((r) => r.map(Math.tanh)),
          0,
        );
      }),
    );
  });

  it('weightsPerStep with the same weight set at every step equals the plain run (answer bit for bit)', () => {
    fc.assert(
      fc.property(rnnCase, (c) => {
        const { Wxh, Whh, bh, Why, by, ...rest } = c;
        const plain = solve('rnn/forward', c).answer;
        const perStep = solve('rnn/forward', {
          ...rest,
          weightsPerStep: c.xs.map(() => ({ Wxh, Whh, bh, Why, by })),
        }).answer;
        expect(perStep).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });

  it('weightsPerStep equals chaining one-step runs, each started from the previous hidden state', () => {
    fc.assert(
      fc.property(
        rnnCase.chain((c) =>
          fc.record({
            c: fc.constant(c),
            sets: fc.array(
              fc.record({
                Wxh: matrixOf(c.Whh.length, c.Wxh[0]?.length ?? 1),
                Whh: matrixOf(c.Whh.length, c.Whh.length),
              }),
              { minLength: c.xs.length, maxLength: c.xs.length },
            ),
          }),
        ),
        ({ c, sets }) => {
          const { Wxh: _x, Whh: _h, ...rest } = c;
          const all = solve('rnn/forward', { ...rest, weightsPerStep: sets }).answer as {
            h: number[][];
            y: number[][];
          };
          let h0 = c.h0;
          sets.forEach((set, t) => {
            const one = solve('rnn/forward', { ...rest, ...set, h0, xs: [c.xs[t] as number[]] }).answer as {
              h: number[][];
              y: number[][];
            };
            expect(all.h[t]).toEqual(one.h[0]);
            expect(all.y[t]).toEqual(one.y[0]);
            h0 = one.h[0] as number[];
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
