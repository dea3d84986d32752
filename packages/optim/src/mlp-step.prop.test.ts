/**
 * optim/mlp-step on random small networks: gradients against central finite
 * differences of the solver's own loss (away from ReLU kinks) and against
 * tf.grads of the same network written in TensorFlow.js ops (CPU, float32).
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { expectNear } from './input-errors.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Act = 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'softmax';
type LossKind = 'mse' | 'sse' | 'half-sse' | 'bce' | 'cross-entropy' | 'softmax-cross-entropy' | 'exponential';
interface Layer {
  weights: number[][];
  bias: number[];
  activation: Act;
}
interface Net {
  layers: Layer[];
  input: number[];
  target: number[];
  loss: LossKind;
  lr: number;
  dropoutMasks?: (number[] | null)[];
}

const w = fc.double({ min: -1.5, max: 1.5, noNaN: true });
const vec = <T>(n: number, arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: n, maxLength: n });

/** The losses that make sense on each output activation, with matching target generators. */
function outputChoices(act: Act, n: number): fc.Arbitrary<{ loss: LossKind; target: number[] }> {
  const real = vec(n, fc.double({ min: -2, max: 2, noNaN: true }));
  const prob = vec(n, fc.double({ min: 0.05, max: 1, noNaN: true })).map((r) => {
    const s = r.reduce((a, b) => a + b, 0);
    return r.map((x) => x / s);
  });
  const pick = (loss: LossKind, target: fc.Arbitrary<number[]>) => target.map((t) => ({ loss, target: t }));
  switch (act) {
    case 'sigmoid':
      return fc.oneof(pick('bce', vec(n, fc.double({ min: 0, max: 1, noNaN: true }))), pick('mse', real));
    case 'softmax':
      return fc.oneof(pick('cross-entropy', prob), pick('mse', real));
    case 'linear':
      return fc.oneof(
        pick('half-sse', real),
        pick('sse', real),
        pick('softmax-cross-entropy', prob),
        pick('exponential', vec(n, fc.constantFrom(-1, 1))),
      );
    default:
      return pick('mse', real);
  }
}

const nets = (withMasks: boolean): fc.Arbitrary<Net> =>
  fc
    .record({
      widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
      acts: fc.array(fc.constantFrom<Act>('linear', 'relu', 'tanh', 'sigmoid', 'softmax'), {
        minLength: 3,
        maxLength: 3,
      }),
    })
    .chain(({ widths, acts }) => {
      const layerArbs = widths.slice(1).map((out, l) =>
        fc.record({
          weights: vec(out, vec(widths[l] as number, w)),
          bias: vec(out, fc.double({ min: -1, max: 1, noNaN: true })),
          activation: fc.constant(acts[l] as Act),
        }),
      );
      const L = widths.length - 1;
      const outAct = acts[L - 1] as Act;
      const masks = withMasks
        ? fc.tuple(
            ...widths
              .slice(1)
              .map((out, l) =>
                l < L - 1 ? fc.option(vec(out, fc.constantFrom(0, 1)), { nil: null }) : fc.constant(null),
              ),
          )
        : fc.constant(undefined);
      return fc.record({
        layers: fc.tuple(...layerArbs),
        input: vec(widths[0] as number, fc.double({ min: -2, max: 2, noNaN: true })),
        out: outputChoices(outAct, widths[L] as number),
        masks,
      });
    })
    .map(({ layers, input, out, masks }) => ({
      layers: layers as unknown as Layer[],
      input,
      target: out.target,
      loss: out.loss,
      lr: 0.1,
      ...(masks ? { dropoutMasks: masks as (number[] | null)[] } : {}),
    }));

/** True when no ReLU pre-activation sits within 1e-3 of its kink (finite differences would straddle it). */
function awayFromKinks(net: Net): boolean {
  const z = solve('optim/mlp-step', net).answer.preactivations as number[][];
  return net.layers.every((ly, l) => ly.activation !== 'relu' || (z[l] as number[]).every((v) => Math.abs(v) > 1e-3));
}

const lossAt = (net: Net) => solve('optim/mlp-step', net).answer.loss as number;

function finiteDifferences(net: Net): { weights: number[][]; bias: number[] }[] {
  const h = 1e-6;
  const bump = (l: number, i: number, j: number | null, d: number): Net => ({
    ...net,
    layers: net.layers.map((ly, k) =>
      k !== l
        ? ly
        : j === null
          ? { ...ly, bias: ly.bias.map((b, r) => (r === i ? b + d : b)) }
          : { ...ly, weights: ly.weights.map((row, r) => (r === i ? row.map((x, c) => (c === j ? x + d : x)) : row)) },
    ),
  });
  const central = (l: number, i: number, j: number | null) =>
    (lossAt(bump(l, i, j, h)) - lossAt(bump(l, i, j, -h))) / (2 * h);
  return net.layers.map((ly, l) => ({
    weights: ly.weights.map((row, i) => row.map((_, j) => central(l, i, j))),
    bias: ly.bias.map((_, i) => central(l, i, null)),
  }));
}

function expectGradientsClose(ours: { weights: number[][]; bias: number[] }[], ref: typeof ours, tol: number) {
  for (const [l, g] of ref.entries()) {
    for (const [i, row] of g.weights.entries()) {
      for (const [j, v] of row.entries()) {
        const o = ours[l]?.weights[i]?.[j] as number;
        expect(Math.abs(o - v), `W${l}[${i}][${j}]`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v)));
      }
    }
    for (const [i, v] of g.bias.entries()) {
      const o = ours[l]?.bias[i] as number;
      expect(Math.abs(o - v), `b${l}[${i}]`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v)));
    }
  }
}

/** The same network and loss in TensorFlow.js ops; returns the gradients of every W and b. */
function tfGradients(net: Net): { weights: number[][]; bias: number[] }[] {
  const f = (...params: tf.Tensor[]) => {
    let a: tf.Tensor = tf.tensor2d(net.input, [net.input.length, 1]);
    let z: tf.Tensor = a;
    for (const [l, ly] of net.layers.entries()) {
      const W = params[2 * l] as tf.Tensor2D;
      const b = params[2 * l + 1] as tf.Tensor;
      z = tf.add(tf.matMul(W, a as tf.Tensor2D), b.reshape([ly.bias.length, 1]));
      const n = ly.bias.length;
      const act: Record<Act, () => tf.Tensor> = {
        linear: () => z,
        relu: () => tf.relu(z),
        tanh: () => tf.tanh(z),
        sigmoid: () => tf.sigmoid(z),
        softmax: () => tf.softmax(z.reshape([1, n])).reshape([n, 1]),
      };
      a = act[ly.activation]();
      const mask = net.dropoutMasks?.[l];
      if (mask) a = tf.mul(a, tf.tensor2d(mask, [n, 1]));
    }
    const n = net.target.length;
    const t = tf.tensor2d(net.target, [n, 1]);
    const sq = tf.sum(tf.square(tf.sub(a, t)));
    switch (net.loss) {
      case 'mse':
        return tf.div(sq, n) as tf.Scalar;
      case 'sse':
        return sq as tf.Scalar;
      case 'half-sse':
        return tf.mul(0.5, sq) as tf.Scalar;
      case 'bce':
        return tf.losses.logLoss(t, a, undefined, 0) as tf.Scalar;
      case 'cross-entropy':
        return tf.neg(tf.sum(tf.mul(t, tf.log(a)))) as tf.Scalar;
      case 'softmax-cross-entropy':
        return tf.losses.softmaxCrossEntropy(t.reshape([1, n]), a.reshape([1, n])) as tf.Scalar;
      case 'exponential':
        return tf.mean(tf.exp(tf.neg(tf.mul(t, a)))) as tf.Scalar;
    }
  };
  return tf.tidy(() => {
    const params = net.layers.flatMap((ly) => [tf.tensor2d(ly.weights), tf.tensor1d(ly.bias)]);
    const grads = tf.grads(f)(params);
    return net.layers.map((_, l) => ({
      weights: (grads[2 * l] as tf.Tensor).arraySync() as number[][],
      bias: (grads[2 * l + 1] as tf.Tensor).arraySync() as number[],
    }));
  });
}

describe('optim/mlp-step properties', () => {
  it('gradients equal central finite differences of the loss (random nets, every activation, away from ReLU kinks)', () => {
    fc.assert(
      fc.property(nets(false), (net) => {
        fc.pre(awayFromKinks(net));
        const ours = solve('optim/mlp-step', net).answer.gradients as { weights: number[][]; bias: number[] }[];
        expectGradientsClose(ours, finiteDifferences(net), 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('with dropout masks, gradients still equal finite differences and dropped units of element-wise layers pass none', () => {
    fc.assert(
      fc.property(nets(true), (net) => {
        fc.pre(awayFromKinks(net));
        const a = solve('optim/mlp-step', net).answer;
        const ours = a.gradients as { weights: number[][]; bias: number[] }[];
        expectGradientsClose(ours, finiteDifferences(net), 1e-6);
        for (const [l, mask] of (net.dropoutMasks ?? []).entries()) {
          // A softmax layer couples its units through the normalisation: a dropped unit's z still
          // moves the kept outputs, so only element-wise activations cut the gradient completely.
          if (net.layers[l]?.activation === 'softmax') continue;
          for (const [i, m] of (mask ?? []).entries()) {
            if (m !== 0) continue;
            expect(ours[l]?.weights[i]?.every((g) => g === 0)).toBe(true);
            expect(ours[l]?.bias[i]).toBe(0);
            expect((a.activations as number[][])[l]?.[i]).toBe(0);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gradients equal tf.grads of the same network in TensorFlow.js (float32, 1e-3 relative)', () => {
    fc.assert(
      fc.property(nets(true), (net) => {
        fc.pre(awayFromKinks(net));
        const ours = solve('optim/mlp-step', net).answer.gradients as { weights: number[][]; bias: number[] }[];
        expectGradientsClose(ours, tfGradients(net), 1e-3);
      }),
      { numRuns: 60 },
    );
  });

  it('plain SGD updates every parameter to θ − lr·∂L/∂θ', () => {
    fc.assert(
      fc.property(nets(false), fc.double({ min: 0.001, max: 2, noNaN: true }), (net, lr) => {
        const a = solve('optim/mlp-step', { ...net, lr }).answer;
        const g = a.gradients as { weights: number[][]; bias: number[] }[];
        const expected = net.layers.map((ly, l) => ({
          weights: ly.weights.map((row, i) => row.map((x, j) => x - lr * (g[l]?.weights[i]?.[j] as number))),
          bias: ly.bias.map((b, i) => b - lr * (g[l]?.bias[i] as number)),
        }));
        expectNear(a.updated, expected, 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});
