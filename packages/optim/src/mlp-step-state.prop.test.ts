/**
 * optim/mlp-step over several steps on random small networks: k steps in one run equal k single runs chained
 * through finalState → initialState; weightLayout "in-out" is the transpose of "out-in"; and the parameters after
 * k steps equal TensorFlow.js's optimizers (tf.train.sgd / momentum / adam) training the same network.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { mlpStep } from './mlp-step.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Act = 'linear' | 'tanh' | 'sigmoid';
interface Layer {
  weights: number[][];
  bias: number[];
  activation: Act;
}
interface Net {
  layers: Layer[];
  input: number[];
  target: number[];
  loss: 'half-sse';
}
interface Answer {
  updated: { weights: number[][]; bias: number[] }[];
  finalState: Record<string, unknown>;
  preactivations: number[][];
  loss: number;
  gradients: { weights: number[][]; bias: number[] }[];
}

const w = fc.double({ min: -1.5, max: 1.5, noNaN: true });
const vec = <T>(n: number, arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: n, maxLength: n });

/** Random 2- or 3-layer nets of smooth activations with a half-SSE loss. */
const nets: fc.Arbitrary<Net> = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
    acts: vec(3, fc.constantFrom<Act>('linear', 'tanh', 'sigmoid')),
  })
  .chain(({ widths, acts }) =>
    fc.record({
      layers: fc.tuple(
        ...widths.slice(1).map((out, l) =>
          fc.record({
            weights: vec(out, vec(widths[l] as number, w)),
            bias: vec(out, fc.double({ min: -1, max: 1, noNaN: true })),
            activation: fc.constant(acts[l] as Act),
          }),
        ),
      ),
      input: vec(widths[0] as number, fc.double({ min: -2, max: 2, noNaN: true })),
      target: vec(widths.at(-1) as number, fc.double({ min: -2, max: 2, noNaN: true })),
    }),
  )
  .map((n) => ({ ...n, layers: n.layers as unknown as Layer[], loss: 'half-sse' as const }));

/** Every optimizer, with the options it needs. */
const optimizers = fc.constantFrom<Record<string, unknown>>(
  { optimizer: 'sgd' },
  { optimizer: 'momentum', momentum: 0.9 },
  { optimizer: 'momentum', momentum: 0.5, momentumForm: 'classic' },
  { optimizer: 'nesterov', momentum: 0.8 },
  { optimizer: 'adagrad' },
  { optimizer: 'rmsprop' },
  { optimizer: 'adam', beta1: 0.5, beta2: 0.9 },
  { optimizer: 'adamw', weightDecay: 0.1 },
  { optimizer: 'rprop' },
);

const answerOf = (input: Record<string, unknown>) => solve('optim/mlp-step', input).answer as unknown as Answer;
const transpose = (m: number[][]) => (m[0] ?? []).map((_, j) => m.map((row) => row[j] as number));

describe('optim/mlp-step over several steps', () => {
  it('k steps in one run equal k single-step runs chained through finalState (bit for bit)', () => {
    fc.assert(
      fc.property(nets, optimizers, fc.integer({ min: 2, max: 4 }), (net, opt, k) => {
        const input = { ...net, optimizer: { ...opt, lr: 0.05 } };
        let layers: Layer[] = net.layers;
        let state: Record<string, unknown> | undefined;
        for (let i = 0; i < k; i++) {
          const a = answerOf({ ...input, layers, ...(state ? { initialState: state } : {}) });
          layers = layers.map((ly, l) => ({ ...ly, ...(a.updated[l] as Layer) }));
          state = a.finalState;
        }
        const once = answerOf({ ...input, steps: k });
        expect(layers.map(({ weights, bias }) => ({ weights, bias }))).toEqual(once.updated);
        expect(state).toEqual(once.finalState);
      }),
      { numRuns: 60 },
    );
  });

  it('weightLayout "in-out" with transposed weights gives the same loss and transposed gradients and updates', () => {
    fc.assert(
      fc.property(nets, optimizers, (net, opt) => {
        const input = { ...net, optimizer: { ...opt, lr: 0.05 }, steps: 2 };
        const a = answerOf(input);
        const b = answerOf({
          ...input,
          weightLayout: 'in-out',
          layers: net.layers.map((ly) => ({ ...ly, weights: transpose(ly.weights) })),
        });
        expect(b.loss).toBe(a.loss);
        expect(b.preactivations).toEqual(a.preactivations);
        expect(b.gradients.map((g) => transpose(g.weights))).toEqual(a.gradients.map((g) => g.weights));
        expect(b.updated.map((u) => transpose(u.weights))).toEqual(a.updated.map((u) => u.weights));
      }),
      { numRuns: 60 },
    );
  });
});

/** TF.js training the same network (W [out][in], a = f(W·a + b), loss ½Σ(a − t)² or summed BCE) for `steps` steps. */
function tfTrain(
  net: {
    layers: Layer[] | { weights: number[][]; bias: number[]; activation: string }[];
    input: number[];
    target: number[];
  },
  loss: 'half-sse' | 'bce-sum',
  optimizer: tf.Optimizer,
  steps: number,
): { weights: number[][]; bias: number[] }[] {
  const vars = net.layers.map((ly) => ({
    W: tf.variable(tf.tensor2d(ly.weights)),
    b: tf.variable(tf.tensor2d(ly.bias.length ? ly.bias.map((x) => [x]) : ly.weights.map(() => [0]))),
    hasBias: ly.bias.length > 0,
  }));
  const f = () =>
    tf.tidy(() => {
      let a: tf.Tensor2D = tf.tensor2d(net.input.map((x) => [x]));
      for (const [l, ly] of net.layers.entries()) {
        const v = vars[l] as (typeof vars)[number];
        const z = v.hasBias ? tf.add(tf.matMul(v.W, a), v.b) : tf.matMul(v.W, a);
        const act: Record<string, () => tf.Tensor> = {
          linear: () => z,
          tanh: () => tf.tanh(z),
          sigmoid: () => tf.sigmoid(z),
          relu: () => tf.relu(z),
        };
        a = (act[ly.activation] as () => tf.Tensor)() as tf.Tensor2D;
      }
      const t = tf.tensor2d(net.target.map((x) => [x]));
      if (loss === 'half-sse') return tf.mul(0.5, tf.sum(tf.square(tf.sub(a, t)))) as tf.Scalar;
      const bce = tf.add(tf.mul(t, tf.log(a)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, a))));
      return tf.neg(tf.sum(bce)) as tf.Scalar;
    });
  const trainable = vars.flatMap((v) => (v.hasBias ? [v.W, v.b] : [v.W]));
  for (let k = 0; k < steps; k++) {
    tf.tidy(() => {
      optimizer.minimize(f, false, trainable);
    });
  }
  const out = vars.map((v) => ({
    weights: v.W.arraySync(),
    bias: v.hasBias ? (v.b.arraySync() as number[][]).map((r) => r[0] as number) : [],
  }));
  optimizer.dispose();
  for (const v of vars) {
    v.W.dispose();
    v.b.dispose();
  }
  return out;
}

function expectClose(ours: Answer['updated'], theirs: Answer['updated'], tol: number) {
  for (const [l, g] of theirs.entries()) {
    for (const [i, row] of g.weights.entries()) {
      for (const [j, v] of row.entries()) {
        const o = ours[l]?.weights[i]?.[j] as number;
        expect(Math.abs(o - v), `W${l}[${i}][${j}]`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v)));
      }
    }
    for (const [i, v] of g.bias.entries()) {
      expect(Math.abs((ours[l]?.bias[i] as number) - v), `b${l}[${i}]`).toBeLessThanOrEqual(
        tol * Math.max(1, Math.abs(v)),
      );
    }
  }
}

describe('optim/mlp-step equals TF.js optimizers training the same network', () => {
  it('sgd, momentum (PyTorch form = tf.train.momentum) and adam over 3 steps (float32, 1e-3 relative)', () => {
    fc.assert(
      fc.property(nets, fc.constantFrom('sgd', 'momentum', 'adam'), (net, name) => {
        const lr = 0.05;
        const ours = answerOf({
          ...net,
          steps: 3,
          optimizer: name === 'momentum' ? { optimizer: name, momentum: 0.9, lr } : { optimizer: name, lr, eps: 1e-7 },
        }).updated;
        const opt =
          name === 'sgd'
            ? tf.train.sgd(lr)
            : name === 'momentum'
              ? tf.train.momentum(lr, 0.9)
              : tf.train.adam(lr, 0.9, 0.999, 1e-7);
        expectClose(ours, tfTrain(net, 'half-sse', opt, 3), 1e-3);
      }),
      { numRuns: 30 },
    );
  });

  it('the exam example of lines 2153/3696 (SGD at t, momentum at t + 1) equals tf.train.momentum(0.01, 0.9), 2 steps', () => {
    const ex = mlpStep.examples.find((e) => e.title.includes('2153'))?.input as Record<string, unknown> & {
      layers: { weights: number[][]; activation: string }[];
    };
    const ours = answerOf(ex).updated;
    // TF side in [out][in] order: the example gives w_ij from i to j.
    const layers = ex.layers.map((ly) => ({ weights: transpose(ly.weights), bias: [], activation: ly.activation }));
    const theirs = tfTrain({ layers, input: [1, 1], target: [0, 1] }, 'bce-sum', tf.train.momentum(0.01, 0.9), 2).map(
      (u) => ({ ...u, weights: transpose(u.weights) }),
    );
    expectClose(ours, theirs, 1e-5);
  });
});
